import Foundation
import IntakeCore
import Testing

private let utc = TimeZone(identifier: "UTC")!

private func record(
  _ id: String, day: Double, status: AnswerRecord.Status = .complete,
  questionnaire: String = "every-feature", _ answers: [String: AnswerValue]
) -> AnswerRecord {
  AnswerRecord(
    id: id, questionnaireID: questionnaire, questionnaireVersion: "2.1.0", language: .dutch,
    profile: "zoë", status: status, created: Moment.at(86400 * day),
    updated: Moment.at(86400 * day + 600),
    answers: answers.mapValues { .init(value: $0, answeredAt: Moment.at(86400 * day)) })
}

private let baseline = record(
  "20261125-100000-aaaaaa", day: 0,
  [
    "focus": .number(3), "restless": .number(2), "impulsive": .number(3),
    "nuts": .choice("daily"), "bread": .choice("daily"),
  ])
private let followUp = record(
  "20270120-100000-bbbbbb", day: 56, status: .inProgress,
  [
    "focus": .number(1), "restless": .number(1), "impulsive": .number(0),
    "nuts": .choice("weekly"), "bread": .choice("never"),
  ])

@Suite("History: factor scores over time")
struct HistoryTests {
  @Test("each factor's score and band, computed from the stored answers")
  func scores() {
    let scores = AssessmentHistory.factorScores(
      of: baseline, in: Fixtures.everyFeature, timeZone: utc)
    #expect(scores.map(\.factorID) == ["severity_factor", "diet_factor"])
    #expect(scores.map { $0.text(in: .english) } == ["2.7 (Marked)", "92 (Higher)"])
    #expect(scores.map { $0.text(in: .dutch) } == ["2,7 (Duidelijk)", "92 (Hoger)"])
  }

  @Test("an unknown score says so rather than showing zero")
  func unknown() {
    let scores = AssessmentHistory.factorScores(
      of: record("20261125-100000-cccccc", day: 0, ["focus": .dontKnow]),
      in: Fixtures.everyFeature, timeZone: utc)
    #expect(scores.first?.text(in: .dutch) == "onbekend")
  }

  @Test("the table: one row per assessment, oldest first, headings in the parent's language")
  func table() {
    let other = record("20261201-100000-dddddd", day: 6, questionnaire: "sleep-check", [:])
    let dutch = AssessmentHistory.table(
      [followUp, baseline, other], questionnaire: Fixtures.everyFeature, language: .dutch,
      timeZone: utc)
    #expect(
      dutch == """
        Datum       Status     Versie               Ernst            Voeding
        ----------  ---------  -------------------  ---------------  ----------
        25-11-2026  afgerond   every-feature@2.1.0  2,7 (Duidelijk)  92 (Hoger)
        01-12-2026  afgerond   sleep-check@2.1.0    –                –
        20-01-2027  nog bezig  every-feature@2.1.0  0,7 (Licht)      16 (Laag)

        """)
    let english = AssessmentHistory.table(
      [baseline, followUp], questionnaire: Fixtures.everyFeature, language: .english, timeZone: utc)
    #expect(
      english == """
        Date        Status       Severity      Diet
        ----------  -----------  ------------  -----------
        25-11-2026  complete     2.7 (Marked)  92 (Higher)
        20-01-2027  in progress  0.7 (Mild)    16 (Low)

        """)
  }
}
