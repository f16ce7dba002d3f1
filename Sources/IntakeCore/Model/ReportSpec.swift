import FoundationEssentials

/// What the "discuss with your doctor" report draws from the questionnaire.
public struct ReportSpec: Sendable, Equatable {
  /// Item whose answer names the child in the report header.
  public let nicknameItemID: String?
  /// Item or computed value shown as the child's age.
  public let ageID: String?
  /// Choice item whose answer is shown as the child's sex, as given.
  public let sexItemID: String?
  /// Item telling who filled the questionnaire in.
  public let respondentItemID: String?
  /// Section whose answers are listed as "medicines and supplements".
  public let medicinesSectionID: String?
  public let factors: [Factor]
  public let rules: [ReportRule]
  /// Free-text items shown verbatim.
  public let observationItemIDs: [String]
  /// The free-text item with the parent's own questions for the doctor, shown on page one (one of
  /// ``observationItemIDs``).
  public let parentQuestionsItemID: String?
  /// The lines of page one's summary (medicines, magnesium and reference values…), in order.
  public let summary: [SummaryLine]
  /// The safety questions (the items marked `safety: true`), which a report may never treat as
  /// settled while they are open, and the point it raises then; `nil` when there are none.
  public let safety: SafetySpec?

  public init(
    nicknameItemID: String?, ageID: String?, sexItemID: String? = nil,
    respondentItemID: String?, medicinesSectionID: String?, factors: [Factor],
    rules: [ReportRule], observationItemIDs: [String], parentQuestionsItemID: String? = nil,
    summary: [SummaryLine] = [], safety: SafetySpec? = nil
  ) {
    self.nicknameItemID = nicknameItemID
    self.ageID = ageID
    self.sexItemID = sexItemID
    self.respondentItemID = respondentItemID
    self.medicinesSectionID = medicinesSectionID
    self.factors = factors
    self.rules = rules
    self.observationItemIDs = observationItemIDs
    self.parentQuestionsItemID = parentQuestionsItemID
    self.summary = summary
    self.safety = safety
  }

  static let empty = ReportSpec(
    nicknameItemID: nil, ageID: nil, respondentItemID: nil, medicinesSectionID: nil, factors: [],
    rules: [], observationItemIDs: [])
}

/// One line of page one's summary: a short label and a text, shown when its condition holds.
public struct SummaryLine: Sendable, Identifiable, Equatable {
  public let id: String
  /// `nil`: always shown.
  public let condition: Condition?
  public let label: LocalizedText
  public let text: TextTemplate
  /// The sources of any fact (a reference value) the line states.
  public let sourceIDs: [String]
}

/// The safety questions: an open one (shown, but not answered, "don't know", "prefer not to say"
/// or an answer that no longer fits) is itself a point to raise first, so a report never says
/// nothing needs to come first while one is open.
public struct SafetySpec: Sendable, Equatable {
  public let questions: [SafetyQuestion]
  /// The discuss-first point raised while any question is open; its title is followed by the
  /// labels of the open questions.
  public let openPoint: OpenSafetyPoint

  /// The id of the point in the report.
  public static let openPointID = "safety_questions_open"

  /// The question about `itemID`, when it is a safety question.
  public func question(_ itemID: String) -> SafetyQuestion? {
    questions.first { $0.itemID == itemID }
  }
}

/// One safety question with the short name the report lists it by.
public struct SafetyQuestion: Sendable, Equatable {
  public let itemID: String
  /// A few words: "kidneys", "ADHD medication" (the question itself when the questionnaire
  /// gives no label).
  public let label: LocalizedText
}

/// The texts of the point raised for open safety questions.
public struct OpenSafetyPoint: Sendable, Equatable {
  public let title: LocalizedText
  public let text: TextTemplate
  public let questions: [TextTemplate]
  public let sourceIDs: [String]

  /// The report's own words, for a questionnaire that marks safety questions but writes no
  /// point for them.
  static func standard(languages: [Language]) -> OpenSafetyPoint {
    func text(_ words: ReportText) -> LocalizedText {
      LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, words.text(in: $0)) }))
    }
    let why = text(.openSafetyText)
    return OpenSafetyPoint(
      title: text(.openSafetyTitle),
      text: TextTemplate(
        sorted: why.entries.map { .init(language: $0.language, pieces: [.literal($0.text)]) },
        raw: why),
      questions: [], sourceIDs: [])
  }
}

/// One of the factors the report discusses (for the seed: severity, comorbidities, diet and
/// lifestyle, genetics).
public struct Factor: Sendable, Identifiable, Equatable {
  public let id: String
  public let title: LocalizedText
  public let text: TextTemplate
  /// A scale or computed value whose band the report shows.
  public let scoreID: String?
  public let questions: [TextTemplate]
  public let sourceIDs: [String]
}

/// How urgently a point should be raised with the doctor.
public enum Priority: String, Sendable, CaseIterable, Comparable, Codable {
  case discussFirst = "discuss_first"
  case discuss
  case goodToKnow = "good_to_know"

  var rank: Int { Priority.allCases.firstIndex(of: self)! }
  public static func < (a: Priority, b: Priority) -> Bool { a.rank < b.rank }
}

/// Condition → a discussion point.
public struct ReportRule: Sendable, Identifiable, Equatable {
  public let id: String
  /// `nil`: always raised.
  public let condition: Condition?
  public let priority: Priority
  /// A factor id, or `safety`, `medicines`, `evidence`, `general`.
  public let topic: String
  /// What to raise, one line.
  public let title: TextTemplate
  /// Why, one or two sentences.
  public let text: TextTemplate
  public let questions: [TextTemplate]
  public let sourceIDs: [String]
  public let location: SourceLocation

  /// Topics every questionnaire may use besides its factor ids.
  public static let builtInTopics = ["safety", "medicines", "evidence", "general"]
}

/// A text with `{name}` placeholders, parsed at load time.
public struct TextTemplate: Sendable, Equatable {
  /// One piece of a template.
  public enum Piece: Sendable, Hashable {
    case literal(String)
    case placeholder(String)
  }
  /// The template in one language.
  public struct Translation: Sendable, Equatable {
    public let language: Language
    public let pieces: [Piece]
  }

  /// One per language, sorted by language code (a list, as ``LocalizedText/entries`` is).
  public let translations: [Translation]
  public let raw: LocalizedText

  public init(pieces: [Language: [Piece]], raw: LocalizedText) {
    translations = pieces.map { Translation(language: $0.key, pieces: $0.value) }
      .sorted { $0.language < $1.language }
    self.raw = raw
  }

  /// `translations` already sorted by language, each language once.
  init(sorted translations: [Translation], raw: LocalizedText) {
    self.translations = translations
    self.raw = raw
  }

  /// The pieces in `language`, else in the first language there is.
  public func pieces(in language: Language) -> [Piece] {
    (translations.first { $0.language == language } ?? translations.first)?.pieces ?? []
  }

  /// Names used by placeholders, in any language.
  public var placeholderNames: Set<String> {
    var names = Set<String>()
    for translation in translations {
      for case .placeholder(let name) in translation.pieces { names.insert(name) }
    }
    return names
  }

  /// Fills the placeholders with `value(name)`.
  public func render(in language: Language, value: (String) -> String) -> String {
    let list = pieces(in: language)
    var out = ""
    for piece in list {
      switch piece {
      case .literal(let text): out += text
      case .placeholder(let name): out += value(name)
      }
    }
    return out
  }

  /// Splits `text` into literals and `{name}` placeholders; `{{`/`}}` are literal braces.
  /// Returns `nil` and the offset of the problem when a brace is unbalanced.
  static func parse(_ text: String) -> Result<[Piece], TemplateSyntaxError> {
    // Most texts have no braces at all: one literal, without walking it scalar by scalar.
    if !text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) {
      return .success(text.isEmpty ? [] : [.literal(text)])
    }
    var pieces: [Piece] = []
    var literal = ""
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      if c == "{" {
        if i + 1 < scalars.count, scalars[i + 1] == "{" {
          literal.unicodeScalars.append("{")
          i += 2
          continue
        }
        guard let close = scalars[(i + 1)...].firstIndex(of: "}") else {
          return .failure(TemplateSyntaxError(offset: i, message: "'{' without a closing '}'"))
        }
        let name = String(String.UnicodeScalarView(scalars[(i + 1)..<close])).trimmingWhitespace()
        guard Identifier.isValid(name) else {
          return .failure(
            TemplateSyntaxError(
              offset: i,
              message: "placeholder '{\(name)}' is not a name (write '{{' for a literal brace)"))
        }
        if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
        pieces.append(.placeholder(name))
        i = close + 1
      } else if c == "}" {
        if i + 1 < scalars.count, scalars[i + 1] == "}" {
          literal.unicodeScalars.append("}")
          i += 2
          continue
        }
        return .failure(
          TemplateSyntaxError(
            offset: i, message: "'}' without an opening '{' (write '}}' for a literal brace)"))
      } else {
        literal.unicodeScalars.append(c)
        i += 1
      }
    }
    if !literal.isEmpty { pieces.append(.literal(literal)) }
    return .success(pieces)
  }
}

struct TemplateSyntaxError: Error {
  let offset: Int
  let message: String
}

enum Identifier {
  /// `[a-z][a-z0-9_]*`
  static func isValid(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
    }
  }
}
