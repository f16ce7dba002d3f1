import Foundation
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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    // What the program prints would land on the form's screen, and a program reading the
    // terminal would fight the form for its keys: it gets neither, and its complaint is kept.
    let errors = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    do {
      try process.run()
    } catch {
      return .failed(program: program, reason: "\(error)")
    }
    let output = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let reason = String(decoding: output, as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
      return .failed(
        program: program,
        reason: reason.isEmpty ? "exit status \(process.terminationStatus)" : reason)
    }
    return success
  }

  private func find(_ program: String) -> String? {
    let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
    return folders.map { "\($0)/\(program)" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }
}
