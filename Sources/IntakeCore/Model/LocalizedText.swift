/// A language code such as `nl` or `en`, as declared in a questionnaire's `languages`.
public struct Language: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The lower-case ISO 639-1 code.
  public let code: String

  /// Creates a language from its code.
  public init(_ code: String) { self.code = code.lowercased() }
  public init(stringLiteral value: String) { self.init(value) }
  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(code)
  }

  public static let dutch: Language = "nl"
  public static let english: Language = "en"
  /// The languages intake's own interface is written in.
  public static let interfaceLanguages: [Language] = [.dutch, .english]

  public var description: String { code }
  public static func < (lhs: Language, rhs: Language) -> Bool { lhs.code < rhs.code }

  /// Picks the interface language from locale environment variables (`LC_ALL`, `LC_MESSAGES`,
  /// `LANG`, in POSIX precedence): Dutch when the winning value starts with `nl`, else English.
  /// Only the strings are read; whether that locale is installed does not matter.
  public static func fromEnvironment(_ environment: [String: String]) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[key], !value.isEmpty {
        return value.lowercased().hasPrefix("nl") ? .dutch : .english
      }
    }
    return .english
  }
}

/// A text a person reads, given in every language the questionnaire declares.
public struct LocalizedText: Hashable, Sendable {
  /// The text per language. The loader guarantees every declared language is present.
  public let translations: [Language: String]

  public init(_ translations: [Language: String]) { self.translations = translations }

  /// The text in `language`, or — only for texts built outside the loader — any translation.
  public func text(in language: Language) -> String {
    if let text = translations[language] { return text }
    if let english = translations[.english] { return english }
    return translations.sorted { $0.key < $1.key }.first?.value ?? ""
  }
}
