import ArgumentParser
import Foundation
import IntakeCore

/// `--data-dir`: where answers are kept. Shared by every command that reads or writes answers.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("data-dir"),
    help: ArgumentHelp(
      "The folder answers are kept in (default: $INTAKE_DATA_DIR, else $XDG_DATA_HOME/intake, "
        + "else ~/.local/share/intake).",
      valueName: "FOLDER"))
  var dataDirectory: String?

  /// The store in `--data-dir`, else the folder the environment names.
  func store(environment: [String: String] = ProcessInfo.processInfo.environment) throws
    -> AnswerStore
  {
    if let dataDirectory, !dataDirectory.isEmpty {
      return AnswerStore(directory: URL(fileURLWithPath: dataDirectory, isDirectory: true))
    }
    do {
      return AnswerStore(directory: try AnswerStore.defaultDirectory(environment: environment))
    } catch {
      throw CLIError(error)
    }
  }
}

/// `--lang`: the language of what intake says; the locale's when not given.
struct LanguageOption: ParsableArguments {
  @Option(
    name: .customLong("lang"),
    help: "The language intake speaks (default: from LC_ALL, LC_MESSAGES or LANG).")
  var chosen: Language?

  var language: Language {
    chosen ?? .fromEnvironment(ProcessInfo.processInfo.environment)
  }
}

extension ExitCode {
  /// EX_CONFIG: something in the set-up is missing (here, any folder to keep answers in).
  static let configuration = ExitCode(78)
}

extension CLIError {
  /// The store's error as one line, with the exit code that fits it.
  init(_ error: AnswerStoreError) {
    let code: ExitCode
    switch error {
    case .invalidFile, .newerFormat, .invalidName, .differentQuestionnaire: code = .dataError
    case .unreadable, .notFound: code = .noInput
    case .cannotWrite, .alreadyExists, .closed: code = .cannotCreate
    case .locked: code = .temporaryFailure
    case .noDataDirectory: code = .configuration
    }
    self.init(error.description, exitCode: code)
  }
}

/// Runs `body`, turning the store's errors into ``CLIError``s.
func storeErrors<T>(_ body: () throws(AnswerStoreError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    throw CLIError(error)
  }
}

/// Reports each file a listing could not read on a line of its own, after the listing; the last
/// one decides the exit code.
func report(_ problems: [AnswerStoreError]) throws {
  guard let last = problems.last else { return }
  for problem in problems.dropLast() { printError("intake: \(problem)") }
  throw CLIError(last)
}
