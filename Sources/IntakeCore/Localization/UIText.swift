/// Words of intake's own interface that the core needs (labels of built-in answers). The form and
/// the report keep their own catalogues next to the code that shows them.
public enum UIText: String, CaseIterable, Sendable {
  case yes
  case no
  case dontKnow
  case preferNotToSay
  case notAnswered
  /// A computed value or score that the answers do not determine.
  case unknown
  /// The child's age when it is less than a year: "0 years" is what a parent enters for a baby,
  /// not how to say it.
  case underOneYear

  /// The text in every language intake speaks.
  public var localized: LocalizedText {
    LocalizedText(
      Dictionary(uniqueKeysWithValues: Language.interfaceLanguages.map { ($0, text(in: $0)) }))
  }

  /// The text in `language`; English for a language intake has no translation for.
  public func text(in language: Language) -> String {
    let (english, dutch) = translations
    return language == .dutch ? dutch : english
  }

  private var translations: (en: String, nl: String) {
    switch self {
    case .yes: ("Yes", "Ja")
    case .no: ("No", "Nee")
    case .dontKnow: ("Don't know", "Weet ik niet")
    case .preferNotToSay: ("Prefer not to say", "Zeg ik liever niet")
    case .notAnswered: ("Not answered", "Niet ingevuld")
    case .unknown: ("unknown", "onbekend")
    case .underOneYear: ("under 1 year", "jonger dan 1 jaar")
    }
  }
}
