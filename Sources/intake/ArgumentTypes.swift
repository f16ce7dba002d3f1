import ArgumentParser
import IntakeCore

// The core's own types name the values on the command line, so argument-parser checks them and
// lists them in --help; the core stays free of argument-parser.

extension Language: ExpressibleByArgument {
  /// `nl` or `en`: the languages intake's interface is written in.
  public init?(argument: String) {
    let language = Language(argument)
    guard Language.interfaceLanguages.contains(language) else { return nil }
    self = language
  }

  public static var allValueStrings: [String] { interfaceLanguages.map(\.code) }
}

extension ReportFormat: ExpressibleByArgument {}

extension Language {
  /// Shells complete `--lang` to the codes it takes.
  public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
