import ArgumentParser
import FoundationEssentials
import IntakeCore

/// A failure the CLI reports as one readable line on stderr, exiting with a sysexits code.
struct CLIError: Error, CustomStringConvertible {
  let message: String
  let exitCode: ExitCode

  /// A message in the user's language (``UserLanguage/current``).
  init(english: String, dutch: String, exitCode: ExitCode) {
    message = UserLanguage.current == .dutch ? dutch : english
    self.exitCode = exitCode
  }

  /// A message that is the same in every language (or already in the user's language).
  init(_ message: String, exitCode: ExitCode = .failure) {
    self.message = message
    self.exitCode = exitCode
  }

  var description: String { message }
}

/// The language intake speaks to the user on the command line: `--lang` when the command line
/// has it, else the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`).
enum UserLanguage {
  static let current: Language = {
    let arguments = CommandLine.arguments
    for (index, argument) in arguments.enumerated() {
      var value: String?
      if argument == "--lang", index + 1 < arguments.count { value = arguments[index + 1] }
      if argument.hasPrefix("--lang=") { value = String(argument.dropFirst("--lang=".count)) }
      if let value, let language = Language(argument: value) { return language }
    }
    return .fromEnvironment(Environment.current)
  }()
}

extension ExitCode {
  /// EX_USAGE
  static let usage = ExitCode(64)
  /// EX_DATAERR: the input data was incorrect.
  static let dataError = ExitCode(65)
  /// EX_NOINPUT: an input file did not exist or was not readable.
  static let noInput = ExitCode(66)
  /// EX_SOFTWARE: an internal error.
  static let software = ExitCode(70)
  /// EX_CANTCREAT: an output file cannot be created.
  static let cannotCreate = ExitCode(73)
  /// EX_TEMPFAIL: try again later (e.g. another intake holds the lock).
  static let temporaryFailure = ExitCode(75)
}

/// Writes `text` and a newline to standard error, made safe first: a message can quote a file
/// name or a value from a file, and none of it may reach the terminal as a control sequence.
func printError(_ text: String) {
  StandardStream.error.write(SafeText.line(text) + "\n")
}

/// Runs `body`; a ``CLIError`` becomes one line `intake: message` and its exit code.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as CLIError {
    printError("intake: \(error.message)")
    throw error.exitCode
  }
}

/// argument-parser's usage messages in the user's language, and the pointer to `--help`.
enum UsageText {
  /// argument-parser's one-line `message` (English) in `language`. Its messages are a small,
  /// stable set; one it adds later stays in English until it is added here.
  static func message(_ message: String, in language: Language) -> String {
    let english =
      message.trimmingWhitespaceAndNewlines()
      .split(separator: "\n").first.map(String.init) ?? ""
    var lowered = english.prefix(1).lowercased() + english.dropFirst()
    if lowered.hasSuffix(".") { lowered.removeLast() }
    guard language == .dutch else { return lowered }
    for (pattern, dutch) in dutchPatterns {
      if let translated = replace(pattern, in: english, with: dutch) { return translated }
    }
    return lowered
  }

  /// Patterns of argument-parser's messages (`$1`… are what they quote) and their Dutch.
  private static let dutchPatterns: [(String, String)] = [
    (
      #"^The value '(.*)' is invalid for '(.*)'\. Please provide one of (.*)\.$"#,
      "de waarde '$1' past niet bij '$2'; kies uit $3"
    ),
    (#"^The value '(.*)' is invalid for '(.*)'.*$"#, "de waarde '$1' past niet bij '$2'"),
    (#"^Missing expected argument '(.*)'$"#, "het argument '$1' ontbreekt"),
    (#"^Missing value for '(.*)'$"#, "er ontbreekt een waarde na '$1'"),
    (#"^Unknown option '(.*)'$"#, "onbekende optie '$1'"),
    (#"^Unexpected arguments? (.*)$"#, "onverwacht argument $1"),
    (#"^Unknown subcommand or plugin name '(.*)'$"#, "onbekende opdracht '$1'"),
    (
      #"^Value to be set with flag '(.*)' had already been set with flag '(.*)'$"#,
      "'$1' en '$2' gaan niet samen"
    ),
  ]

  private static func replace(_ pattern: String, in text: String, with template: String)
    -> String?
  {
    // The standard library's regular expressions (NSRegularExpression is full Foundation's).
    guard let expression = try? Regex(pattern), let match = try? expression.firstMatch(in: text)
    else { return nil }
    var result = template
    for group in stride(from: match.output.count - 1, through: 1, by: -1) {
      guard let captured = match.output[group].substring else { continue }
      var value = String(captured)
      if group == 3 {
        value = value.replacingAll(" or ", with: " of ")
          .replacingAll(" and ", with: " en ")
      }
      result = result.replacingAll("$\(group)", with: value)
    }
    return result
  }

  /// "see 'intake report --help'" for the command the arguments name.
  static func helpHint(for arguments: [String], in language: Language) -> String {
    let names = Intake.configuration.subcommands.map { $0._commandName }
    let command = arguments.first { !$0.hasPrefix("-") }.flatMap { names.contains($0) ? $0 : nil }
    let help = command.map { "intake \($0) --help" } ?? "intake --help"
    return language == .dutch ? "meer met '\(help)'" : "see '\(help)'"
  }
}
