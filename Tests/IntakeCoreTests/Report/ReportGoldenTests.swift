import BuiltinQuestionnaires
import Foundation
import IntakeCore
import Testing

/// One saved answers file under Fixtures/report/answers, named by its id, and the questionnaire it
/// answers.
struct ReportPersona: Sendable, CustomTestStringConvertible {
  let id: String
  let questionnaire: String
  /// What the persona stands for, for the reader of a failing test.
  let about: String

  var testDescription: String { "\(id) (\(about))" }
}

@Suite("Report: golden files")
struct ReportGoldenTests {
  static let answers = Fixtures.directory.appending(path: "report/answers")
  static let goldens = Fixtures.directory.appending(path: "report/golden")
  /// `INTAKE_UPDATE_GOLDENS=1 swift test --filter Report` rewrites the golden files; review every
  /// change by eye before committing it.
  static let updating = ProcessInfo.processInfo.environment["INTAKE_UPDATE_GOLDENS"] == "1"

  static let personas = [
    ReportPersona(
      id: "20261124-193000-d0d001", questionnaire: "adhd-magnesium",
      about:
        "Daan, 9, Dutch: methylphenidate, 150 mg drugstore magnesium, stomach cramps, two texts open"
    ),
    ReportPersona(
      id: "20261124-190000-a0a001", questionnaire: "adhd-magnesium",
      about:
        "Noor, 8, Dutch, answered to 1.0.0: methylphenidate, a supplement above the upper level, the new bisphosphonate question open"
    ),
    ReportPersona(
      id: "20261123-200000-b0b002", questionnaire: "adhd-magnesium",
      about:
        "Sem, 12, English: a follow-up; severity, a rating, none → a 300 mg supplement, none → diarrhoea"
    ),
    ReportPersona(
      id: "20261125-083000-c0c001", questionnaire: "adhd-magnesium",
      about: "Mila, 15, Dutch: unfinished, kidney question, sex not given, text with markup"),
    ReportPersona(
      id: "20261125-120000-e0f002", questionnaire: "every-feature",
      about: "every feature, a follow-up with its earlier answers"),
  ]

  static func questionnaire(_ id: String) throws -> Questionnaire {
    if id == Fixtures.everyFeature.id { return Fixtures.everyFeature }
    let builtin = try #require(BuiltinQuestionnaires.named(id))
    return try QuestionnaireLoader.load(
      yaml: builtin.yaml, file: builtin.fileName, today: Fixtures.today)
  }

  @Test(
    "each format, each language, matches its golden file", arguments: personas,
    [Language.dutch, .english])
  func golden(persona: ReportPersona, language: Language) throws {
    let record = try AnswerFile.load(
      contentsOf: Self.answers.appending(path: "\(persona.id).json").path)
    #expect(record.questionnaireID == persona.questionnaire)
    let previous = try record.followUpOf.map {
      try AnswerFile.load(contentsOf: Self.answers.appending(path: "\($0).json").path)
    }
    let document = try ReportDocument.build(
      questionnaire: try Self.questionnaire(persona.questionnaire), record: record,
      previous: previous, today: Fixtures.today, language: language,
      timeZone: TimeZone(identifier: "UTC")!)
    for format in ReportFormat.allCases {
      let rendered = try format.render(document)
      let file = Self.goldens.appending(
        path: "\(persona.id).\(language.code).\(format.fileExtension)")
      if Self.updating {
        try rendered.write(to: file, atomically: true, encoding: .utf8)
        continue
      }
      let expected = try String(contentsOf: file, encoding: .utf8)
      if rendered != expected {
        let difference = Self.firstDifference(rendered, expected)
        Issue.record(
          "\(file.lastPathComponent) differs: \(difference); regenerate with INTAKE_UPDATE_GOLDENS=1 and review the change"
        )
      }
    }
  }

  /// Where two texts first differ, by line.
  static func firstDifference(_ actual: String, _ expected: String) -> String {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, e.count) {
      let left = index < a.count ? String(a[index]) : "<end>"
      let right = index < e.count ? String(e[index]) : "<end>"
      if left != right { return "line \(index + 1): got '\(left)', expected '\(right)'" }
    }
    return "same lines"
  }
}
