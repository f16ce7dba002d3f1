/// A language code such as `nl` or `en`, as declared in a questionnaire's `languages`.
public struct Language: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// The lower-case ISO 639-1 code.
  public let code: String

  /// Creates a language from its code.
  public init(_ code: String) { self.code = code.lowercased() }
  /// A language from a code known to be lower-case already (one the loader made).
  init(lowercased code: String) { self.code = code }
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
  /// The text in one language.
  public struct Translation: Hashable, Sendable {
    public let language: Language
    public let text: String
  }

  /// One per language, sorted by language code. A list rather than a dictionary: a text has two
  /// or three languages, looked up by comparing codes, and a questionnaire has hundreds of texts,
  /// which are all made when it loads (a dictionary each was a third of loading the built-in one).
  public let entries: [Translation]

  public init(_ translations: [Language: String]) {
    entries = translations.map { Translation(language: $0.key, text: $0.value) }
      .sorted { $0.language < $1.language }
  }

  /// `entries` already sorted by language, each language once.
  init(sorted entries: [Translation]) { self.entries = entries }

  /// The text per language. The loader guarantees every declared language is present.
  public var translations: [Language: String] {
    Dictionary(uniqueKeysWithValues: entries.map { ($0.language, $0.text) })
  }

  /// The text in `language` exactly; `nil` when there is none.
  public func translation(in language: Language) -> String? {
    entries.first { $0.language == language }?.text
  }

  /// The text in `language`, or — only for texts built outside the loader — any translation.
  public func text(in language: Language) -> String {
    translation(in: language) ?? translation(in: .english) ?? entries.first?.text ?? ""
  }
}
