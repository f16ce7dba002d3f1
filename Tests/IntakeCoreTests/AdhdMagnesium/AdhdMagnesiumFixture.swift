import BuiltinQuestionnaires
import Foundation
import IntakeCore

/// The built-in ADHD and magnesium questionnaire, loaded once for ``Fixtures/today``.
enum AdhdMagnesium {
  static let fileName = "adhd-magnesium.yaml"

  static let path = Fixtures.repository.appending(path: "Questionnaires").appending(path: fileName)
    .path

  static let questionnaire: Questionnaire = {
    guard let builtin = BuiltinQuestionnaires.named(fileName) else {
      fatalError("\(fileName) is not built in")
    }
    do {
      return try QuestionnaireLoader.load(yaml: builtin.yaml, file: fileName, today: Fixtures.today)
    } catch {
      fatalError("\(fileName) does not load: \(error)")
    }
  }()

  static func assess(_ answers: [String: AnswerValue]) -> Assessment {
    Engine.assess(questionnaire, answers: Answers(answers), today: Fixtures.today)
  }

  /// The report of `answers` in `language`, as of ``Fixtures/today``.
  static func report(_ answers: [String: AnswerValue], in language: Language) throws
    -> ReportDocument
  {
    let updated = Date(timeIntervalSince1970: 1_795_608_000)
    let record = AnswerRecord(
      id: "20261125-120000-abcdef", questionnaireID: questionnaire.id,
      questionnaireVersion: questionnaire.version, language: language, profile: "kind",
      status: .complete, created: updated, updated: updated, followUpOf: nil,
      answers: answers.mapValues { AnswerRecord.Entry(value: $0, answeredAt: updated) })
    return try ReportDocument.build(
      questionnaire: questionnaire, record: record, today: Fixtures.today, language: language,
      timeZone: TimeZone(identifier: "UTC")!)
  }

  /// The safety questions, in questionnaire order.
  static let safetyQuestions: [String] = questionnaire.items.map(\.id).filter { id in
    questionnaire.report.safety?.question(id) != nil
  }

  /// Rules without a condition: raised for every answer set.
  static let alwaysRaised: Set<String> = Set(
    questionnaire.report.rules.filter { $0.condition == nil }.map(\.id))

  static let allRuleIDs: Set<String> = Set(questionnaire.report.rules.map(\.id))

  /// The computed number `id`, or `nil` when unknown.
  static func number(_ id: String, in assessment: Assessment) -> Double? {
    if let value = assessment.computed[id]?.value {
      if case .number(let number) = value { return number }
      return nil
    }
    return assessment.scales[id]?.score
  }

  /// The band id of computed value or scale `id`.
  static func band(_ id: String, in assessment: Assessment) -> String? {
    assessment.computed[id]?.band?.id ?? assessment.scales[id]?.band?.id
  }

  /// A date of birth that makes the child `years` old on ``Fixtures/today``.
  static func born(yearsAgo years: Int, monthsAgo months: Int = 0) -> AnswerValue {
    .date(Fixtures.today.adding(years: -years, months: -months))
  }
}

/// One text a person reads, with where it comes from, in one language.
struct QuestionnaireText: CustomStringConvertible {
  let place: String
  let language: Language
  let text: String
  /// Set when the text is a report template: its placeholder names.
  let placeholders: Set<String>

  var description: String { "\(place) (\(language)): \(text)" }
}

extension Questionnaire {
  /// Every text a parent or doctor can read, in every language: questions, help, options, scale
  /// points, units, section texts, labels, bands, factors, rules and their questions, citations.
  func everyText() -> [QuestionnaireText] {
    var result: [QuestionnaireText] = []
    func add(_ place: String, _ text: LocalizedText?) {
      guard let text else { return }
      for language in languages {
        result.append(
          QuestionnaireText(
            place: place, language: language, text: text.text(in: language), placeholders: []))
      }
    }
    func add(_ place: String, _ template: TextTemplate?) {
      guard let template else { return }
      for language in languages {
        var names = Set<String>()
        for case .placeholder(let name) in template.pieces(in: language) { names.insert(name) }
        result.append(
          QuestionnaireText(
            place: place, language: language, text: template.raw.text(in: language),
            placeholders: names))
      }
    }
    add("title", title)
    add("description", description)
    for source in sources { add("source \(source.id)", source.citation) }
    for section in sections {
      add("section \(section.id) title", section.title)
      add("section \(section.id) intro", section.intro)
      add("section \(section.id) why", section.why)
    }
    for item in items {
      add("item \(item.id) question", item.question)
      add("item \(item.id) help", item.help)
      for option in item.options {
        add("item \(item.id) option \(option.id)", option.label)
        add("item \(item.id) option \(option.id) help", option.help)
      }
      switch item.kind {
      case .scale(let points):
        for point in points { add("item \(item.id) point \(point.value)", point.label) }
      case .integer(let range), .decimal(let range, _):
        add("item \(item.id) unit", range.unit)
      default: break
      }
    }
    for value in computed {
      add("computed \(value.id) label", value.label)
      add("computed \(value.id) unit", value.unit)
      for band in value.bands {
        add("computed \(value.id) band \(band.id) label", band.label)
        add("computed \(value.id) band \(band.id) text", band.text)
      }
    }
    for scale in scales {
      add("scale \(scale.id) label", scale.label)
      for band in scale.bands {
        add("scale \(scale.id) band \(band.id) label", band.label)
        add("scale \(scale.id) band \(band.id) text", band.text)
      }
    }
    for factor in report.factors {
      add("factor \(factor.id) title", factor.title)
      add("factor \(factor.id) text", factor.text)
      for (offset, question) in factor.questions.enumerated() {
        add("factor \(factor.id) question \(offset + 1)", question)
      }
    }
    for rule in report.rules {
      add("rule \(rule.id) title", rule.title)
      add("rule \(rule.id) text", rule.text)
      for (offset, question) in rule.questions.enumerated() {
        add("rule \(rule.id) question \(offset + 1)", question)
      }
    }
    for line in report.summary {
      add("summary \(line.id) label", line.label)
      add("summary \(line.id) text", line.text)
    }
    if let safety = report.safety {
      for question in safety.questions { add("safety \(question.itemID) label", question.label) }
      add("safety open point title", safety.openPoint.title)
      add("safety open point text", safety.openPoint.text)
      for (offset, question) in safety.openPoint.questions.enumerated() {
        add("safety open point question \(offset + 1)", question)
      }
    }
    return result
  }

  /// Names of items and computed values whose unit is milligrams: a placeholder naming one
  /// renders an amount in mg.
  var milligramNames: Set<String> {
    func isMilligrams(_ unit: LocalizedText?) -> Bool {
      unit?.translations.values.contains { $0.hasPrefix("mg") } ?? false
    }
    var names = Set<String>()
    for item in items {
      switch item.kind {
      case .integer(let range), .decimal(let range, _):
        if isMilligrams(range.unit) { names.insert(item.id) }
      default: break
      }
    }
    for value in computed where isMilligrams(value.unit) { names.insert(value.id) }
    return names
  }
}

/// Finds dose advice in a text, and amounts in mg that are not labelled as reference values.
///
/// The convention (stated at the top of the questionnaire file): a text that shows an amount in
/// mg also names it as a reference value ("referentiewaarde" / "referentie-bovengrens",
/// "reference value" / "reference upper level"); no text tells anyone to take or give an
/// amount, or gives an amount per kilogram.
enum DoseAdviceScanner {
  private static func regex(_ pattern: String) -> NSRegularExpression {
    // The patterns are literals in this file; a typo is a programming error.
    try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
  }

  static let amount = regex(#"\d+(?:[.,]\d+)?\s*(?:mg|milligram)\b"#)

  /// Patterns that are dose advice whatever else the text says.
  static let forbidden: [(String, NSRegularExpression)] = [
    (
      "an instruction to take or give an amount",
      regex(
        #"\b(?:take|takes|taking|give|gives|giving|neem|neemt|nemen|geef|geeft|geven|slik|slikt)\b[^.!?;\n]*\d+(?:[.,]\d+)?\s*(?:mg|milligram)\b"#
      )
    ),
    ("an amount per kilogram", regex(#"\bper\s*(?:kg|kilo|kilogram)\b|mg\s*/\s*kg\b"#)),
    ("a dose", regex(#"\bdos(?:e|es|age|is|ering) van\b|\bdos(?:e|es|age) of\b"#)),
    (
      "a recommended dose",
      regex(#"\b(?:aanbevolen|recommended|advised|geadviseerde) (?:dosis|dose|dosage|dosering)\b"#)
    ),
    (
      "a safe or maximum amount to give",
      regex(
        #"\b(?:veilige|veilig|safe|maximale|maximum)\s+(?:dosis|dose|dosage|dosering|hoeveelheid|amount)\b"#
      )
    ),
    (
      "an instruction to start, raise or lower an amount",
      regex(
        #"\b(?:start|starting|begin|begint|increase|raise|reduce|lower|verhoog|verhoogt|verlaag|verlaagt|bouw|build up)\b[^.!?;\n]*\b(?:with|to|met|naar|tot)\s+\d+(?:[.,]\d+)?\s*(?:mg|milligram)\b"#
      )
    ),
    (
      "an amount to stay under, as advice",
      regex(
        #"\b(?:up to|no more than|at most|niet meer dan|hooguit|maximaal)\s+\d+(?:[.,]\d+)?\s*(?:mg|milligram)\b"#
      )
    ),
  ]

  /// Words that label an amount as a reference value, per language.
  static let referenceLabels: [Language: [String]] = [
    .dutch: ["referentiewaarde", "referentie-bovengrens"],
    .english: ["reference value", "reference upper level"],
  ]

  /// What is wrong with `text` (empty when nothing).
  static func problems(in text: String, language: Language) -> [String] {
    let range = NSRange(text.startIndex..., in: text)
    var found: [String] = []
    for (what, pattern) in forbidden where pattern.firstMatch(in: text, range: range) != nil {
      found.append(what)
    }
    if amount.firstMatch(in: text, range: range) != nil {
      let lower = text.lowercased()
      let labels = referenceLabels[language] ?? referenceLabels.values.flatMap { $0 }
      if !labels.contains(where: { lower.contains($0) }) {
        found.append("an amount in mg that is not labelled as a reference value")
      }
    }
    return found
  }
}
