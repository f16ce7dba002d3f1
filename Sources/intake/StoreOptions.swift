import ArgumentParser
import FoundationEssentials
import Glibc
import IntakeCore

/// `--data-dir`: where answers are kept. Shared by every command that reads or writes answers.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("data-dir"),
    help: ArgumentHelp(
      "The folder answers are kept in (default: $INTAKE_DATA_DIR, else $XDG_DATA_HOME/intake, "
        + "else ~/.local/share/intake).",
      valueName: "FOLDER"),
    completion: .directory)
  var dataDirectory: String?

  /// The store in `--data-dir`, else the folder the environment names.
  func store(environment: [String: String] = Environment.current) throws -> AnswerStore {
    try Self.store(dataDirectory: dataDirectory, environment: environment)
  }

  /// The store in `dataDirectory` when given, else the folder the environment names.
  static func store(dataDirectory: String?, environment: [String: String]) throws -> AnswerStore {
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
    chosen ?? .fromEnvironment(Environment.current)
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
    self.init(error.message(in: UserLanguage.current), exitCode: code)
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
  for problem in problems.dropLast() {
    printError("intake: \(problem.message(in: UserLanguage.current))")
  }
  throw CLIError(last)
}

/// Shell completion of a profile argument. Profiles are named after children, and a shell may
/// show completions to anyone looking at the screen or keep them in its history; so the names
/// are offered only when the user asks for it with `INTAKE_COMPLETE_PROFILES=1` (README, man
/// page). Offered are the folder names (`zoë`, `anne-sophie`), which every command takes and
/// which need no quoting.
enum ProfileCompletion {
  static let variable = "INTAKE_COMPLETE_PROFILES"

  static let kind = CompletionKind.custom { arguments, _, _ in
    folders(arguments: arguments, environment: Environment.current)
  }

  /// The profile folders of the store the command line names (`--data-dir`), else of the
  /// default store; nothing unless `INTAKE_COMPLETE_PROFILES` is `1`.
  static func folders(arguments: [String], environment: [String: String]) -> [String] {
    guard environment[variable] == "1" else { return [] }
    // Not StoreOptions: an instance argument-parser has not parsed cannot be read.
    let directory: URL?
    if let index = arguments.firstIndex(of: "--data-dir"), index + 1 < arguments.count {
      directory = URL(fileURLWithPath: arguments[index + 1], isDirectory: true)
    } else {
      directory = try? AnswerStore.defaultDirectory(environment: environment)
    }
    guard let directory, let profiles = try? AnswerStore(directory: directory).profiles() else {
      return []
    }
    return profiles.map(\.folder)
  }
}

/// The process's environment, read once: each read of `ProcessInfo.environment` builds the whole
/// dictionary again, and start-up asked for it several times.
enum Environment {
  static let current: [String: String] = {
    // Read from `environ` directly: FoundationEssentials' ProcessInfo took a tenth of the work
    // before the first paint to build the same dictionary. As there, the first of two entries
    // with one name wins.
    var variables: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
        let name = String(text[..<equals])
        if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
      }
      entry += 1
    }
    return variables
  }()
}
