import ArgumentParser
import FoundationEssentials
import Glibc
import IntakeCore

/// `intake`: a questionnaire a parent fills in to prepare a visit to the child's doctor.
@main
struct Intake: ParsableCommand {
  /// What `intake --version` prints.
  static let version = "intake 0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "intake",
    abstract: "Prepare a visit to your child's doctor: a questionnaire and a report to discuss.",
    discussion: """
      intake asks about your child, then writes a "discuss with your doctor" report. It is not a \
      diagnosis and gives no advice on doses. Everything stays on this computer.
      """,
    version: version,
    subcommands: [
      RunCommand.self, ResumeCommand.self, ValidateCommand.self, ReportCommand.self,
      ListCommand.self, HistoryCommand.self, ExportCommand.self, ImportCommand.self,
    ],
    defaultSubcommand: RunCommand.self
  )

  /// argument-parser's own `main`, except that a usage error is one line, `intake: …`, in the
  /// user's language, with `--help` named as the way to more (argument-parser prints three or
  /// four lines of Error/Help/Usage, in English). Help, `--version` and completion scripts are
  /// printed by argument-parser itself.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let problem = unknownHelpTopic(arguments) {
      printError("intake: \(problem)")
      Glibc.exit(ExitCode.usage.rawValue)
    }
    if let interactive = InteractiveRun(fastPath: arguments) {
      return run { try reportingErrors { try interactive.perform() } }
    }
    var command: any ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      // Help, --version and completion scripts end here too, cleanly, printed as argument-parser
      // prints them.
      guard exitCode(for: error) != .success else { exit(withError: error) }
      let message = UsageText.message(message(for: error), in: UserLanguage.current)
      let help = UsageText.helpHint(for: arguments, in: UserLanguage.current)
      printError("intake: \(message) (\(help))")
      // Anything argument-parser refuses is a usage error, whatever code it would have used.
      Glibc.exit(ExitCode.usage.rawValue)
    }
    run { try command.run() }
  }

  /// Runs a command; an error ends the process with its one line and exit code.
  private static func run(_ body: () throws -> Void) {
    do {
      try body()
    } catch let error as CLIError {
      printError("intake: \(error.message)")
      Glibc.exit(error.exitCode.rawValue)
    } catch let error as ExitCode {
      // Already reported where it happened.
      Glibc.exit(error.rawValue)
    } catch {
      // `intake help COMMAND` ends here with the help to print.
      let code = exitCode(for: error)
      guard code != .success else { exit(withError: error) }
      // Not one of intake's own errors: still one line; an unknown one is an internal error.
      let message = UsageText.message(message(for: error), in: UserLanguage.current)
      printError("intake: \(message)")
      Glibc.exit(code == .failure ? ExitCode.software.rawValue : code.rawValue)
    }
  }

  /// `intake help NAME…` when NAME is no command (argument-parser shows the general help and
  /// exits 0, as if nothing were wrong).
  static func unknownHelpTopic(_ arguments: [String]) -> String? {
    guard arguments.first == "help" else { return nil }
    var command: any ParsableCommand.Type = Intake.self
    for name in arguments.dropFirst() where !name.hasPrefix("-") {
      let subcommands = command.configuration.subcommands
      guard let next = subcommands.first(where: { $0._commandName == name }) else {
        let names = subcommands.map { $0._commandName }.joined(separator: ", ")
        return UserLanguage.current == .dutch
          ? "er is geen opdracht '\(SafeText.quoted(name))' (de opdrachten: \(names))"
          : "there is no command '\(SafeText.quoted(name))' (the commands are: \(names))"
      }
      command = next
    }
    return nil
  }
}
