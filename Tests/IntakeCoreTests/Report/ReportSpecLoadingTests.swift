import Foundation
import IntakeCore
import Testing

/// A small questionnaire with a report block, `report` appended under its `report:` key.
private func questionnaire(report: String) -> String {
  """
  id: small
  version: 1.0.0
  languages: [en]
  title: { en: Small }
  sources:
    - id: ref
      citation: "A reference"
  sections:
    - id: main
      title: { en: Main }
      items:
        - id: age
          type: integer
          min: 0
          max: 18
          unit: { en: years }
          question: { en: Age? }
        - id: kidney
          type: choice
          safety: true
          dont_know: true
          question: { en: Kidney problems? }
          options:
            - { id: "yes", label: { en: "Yes" } }
            - { id: "no", label: { en: "No" } }
        - id: pills
          type: yes_no
          safety: true
          question: { en: Any pills? }
        - id: notes
          type: text
          question: { en: Notes? }
  report:
  \(report)
  """
}

@Suite("Report: the summary lines and safety questions in the questionnaire format")
struct ReportSpecLoadingTests {
  @Test(
    "summary lines and safety labels load, with the report's own words when no point is written")
  func loads() throws {
    let yaml = questionnaire(
      report: """
          observations: [notes]
          parent_questions: notes
          summary:
            - id: kidney_line
              when: answered(kidney)
              label: { en: Kidneys }
              text: { en: "{kidney}" }
              sources: [ref]
          safety:
            labels:
              kidney: { en: kidneys }
        """)
    let q = try QuestionnaireLoader.load(yaml: yaml, file: "small.yaml", today: Fixtures.today)
    #expect(q.report.parentQuestionsItemID == "notes")
    #expect(q.report.summary.map(\.id) == ["kidney_line"])
    #expect(q.report.summary[0].sourceIDs == ["ref"])
    let safety = try #require(q.report.safety)
    #expect(safety.questions.map(\.itemID) == ["kidney", "pills"])
    #expect(safety.questions.map { $0.label.text(in: .english) } == ["kidneys", "Any pills?"])
    #expect(safety.openPoint.title.text(in: .english) == "Still to check with the doctor")

    let record = ReportFixtures.record(
      ["kidney": .dontKnow, "age": .number(5)], questionnaire: "small", version: "1.0.0")
    let document = try ReportDocument.build(
      questionnaire: q, record: record, today: Fixtures.today, language: .english,
      timeZone: TimeZone(identifier: "UTC")!)
    #expect(document.summary.lines.map(\.text) == ["Don't know"])
    #expect(document.summary.safetyAnswered == false)
    let point = try #require(document.discussFirst.first)
    #expect(point.id == SafetySpec.openPointID)
    #expect(point.what == "Still to check with the doctor: kidneys, Any pills?")
    #expect(point.basis.map(\.id) == ["kidney", "pills"])
    #expect(document.header.unanswered.map(\.itemID) == ["pills", "notes"])
    #expect(
      document.header.statusText
        == "finished, 2 questions unanswered (about safety: Any pills?; safety answered ‘don’t know’: kidneys)"
    )
  }

  @Test("the status line never reads as settled while a safety answer is 'don't know'")
  func statusWithUnknownSafety() {
    #expect(
      ReportText.statusText(
        .complete, unanswered: 0, safety: [], unknownSafety: ["kidneys"], in: .english)
        == "complete (safety answered ‘don’t know’: kidneys)")
    #expect(
      ReportText.statusText(
        .finishedWithUnanswered, unanswered: 3, safety: [], unknownSafety: ["nieren"],
        in: .dutch)
        == "afgerond, 3 vragen niet beantwoord (geen ervan over veiligheid; veiligheid beantwoord met ‘weet ik niet’: nieren)"
    )
    #expect(
      ReportText.statusText(.complete, unanswered: 0, safety: [], unknownSafety: [], in: .english)
        == ReportText.statusComplete.text(in: .english))
  }

  @Test("one open question that is not about safety reads as one, not as 'none of them'")
  func statusWithOneOpenQuestion() {
    #expect(
      ReportText.statusText(
        .finishedWithUnanswered, unanswered: 1, safety: [], unknownSafety: [], in: .english)
        == "finished, 1 question unanswered (not about safety)")
    #expect(
      ReportText.statusText(
        .finishedWithUnanswered, unanswered: 1, safety: [], unknownSafety: [], in: .dutch)
        == "afgerond, 1 vraag niet beantwoord (niet over veiligheid)")
  }

  @Test(
    "mistakes in the new keys are located errors",
    arguments: [
      (
        """
            safety:
              labels:
                age: { en: age }
        """,
        "report safety labels: 'age' is not a safety question (expected an item with 'safety: true')"
      ),
      (
        """
            safety:
              labels:
                kidnee: { en: kidneys }
        """,
        "report safety labels: unknown item 'kidnee' (expected an item id)"
      ),
      (
        """
            observations: [notes]
            parent_questions: age
        """,
        "report parent_questions: 'age' is a integer item (expected a text item)"
      ),
      (
        """
            summary:
              - id: line
                when: age + 1
                label: { en: Age }
                text: { en: "{age}" }
        """,
        "summary line 'line' when: the condition gives a number (expected true/false)"
      ),
      (
        """
            summary:
              - id: line
                label: { en: Age }
                text: { en: "{agee}" }
        """,
        "summary line 'line' text (en): unknown placeholder '{agee}'; did you mean 'age'?"
      ),
      (
        """
            summary:
              - id: line
                label: { en: Age }
                text: { en: "{age}" }
                sources: [reff]
        """,
        "summary line 'line': unknown source 'reff'; did you mean 'ref'?"
      ),
    ])
  func errors(report: String, message: String) {
    let found = Fixtures.diagnostics(yaml: questionnaire(report: report))
    #expect(found.contains { $0.hasSuffix(": error: " + message) }, "\(found)")
  }
}
