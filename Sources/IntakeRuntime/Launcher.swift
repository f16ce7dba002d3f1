import FoundationEssentials
import IntakeCore
import IntakeForm

/// Opens and prints report files with the desktop's programs.
public protocol Launcher {
  func open(_ path: String) -> Launch
  func print(_ path: String) -> Launch
}

/// `xdg-open` and `lp`, run as processes of their own (no shell, so a path is never read as a
/// command), found on `PATH`.
public struct SystemLauncher: Launcher {
  let environment: [String: String]

  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
  }

  public func open(_ path: String) -> Launch {
    run("xdg-open", [path], success: .opened(path: path))
  }

  public func print(_ path: String) -> Launch {
    run("lp", [path], success: .printed(path: path))
  }

  private func run(_ program: String, _ arguments: [String], success: Launch) -> Launch {
    guard let executable = find(program) else { return .unavailable(program: program) }
    // What the program prints would land on the form's screen, and a program reading the
    // terminal would fight the form for its keys: it gets neither, and its complaint is kept.
    let run: ChildProcess.Run
    do {
      run = try ChildProcess.run(
        executable, arguments, input: .nothing, output: .nowhere, errors: .captured)
    } catch {
      return .failed(program: program, reason: "\(error)")
    }
    guard run.termination.succeeded else {
      let reason = String(decoding: run.errorOutput, as: UTF8.self)
        .trimmingWhitespaceAndNewlines()
      return .failed(
        program: program,
        reason: reason.isEmpty ? "exit status \(run.termination.status)" : reason)
    }
    return success
  }

  private func find(_ program: String) -> String? {
    ChildProcess.find(program, path: environment["PATH"], fallback: "/usr/local/bin:/usr/bin:/bin")
  }
}
