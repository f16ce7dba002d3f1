import Foundation
import IntakeCore

/// Answer records for report tests, on the every-feature fixture unless told otherwise.
enum ReportFixtures {
  /// 2026-11-25 12:00 UTC: the moment the records below were last changed.
  static let updated = Date(timeIntervalSince1970: 1_795_608_000)

  static func record(
    _ values: [String: AnswerValue], id: String = "2026-11-25-a",
    questionnaire: String = "every-feature",
    version: String = "2.1.0", language: Language = .english,
    status: AnswerRecord.Status = .complete,
    followUpOf: String? = nil, updated: Date = updated
  ) -> AnswerRecord {
    AnswerRecord(
      id: id, questionnaireID: questionnaire, questionnaireVersion: version, language: language,
      profile: "sam", status: status, created: updated, updated: updated, followUpOf: followUpOf,
      answers: values.mapValues { AnswerRecord.Entry(value: $0, answeredAt: updated) })
  }

  /// A full, ordinary set of answers to the every-feature fixture.
  static let sam: [String: AnswerValue] = [
    "nickname": .text("Sam"),
    "birth_date": .date(.on("2016-05-10")),
    "sex": .preferNotToSay,
    "weight": .dontKnow,
    "focus": .number(3),
    "restless": .number(2),
    "impulsive": .dontKnow,
    "conditions": .choices(["sleep", "other"]),
    "sleep_nights": .number(5),
    "other_condition": .text("Tics\nmostly in the evening"),
    "nuts": .choice("weekly"),
    "bread": .choice("daily"),
    "adhd_medication": .choice("stimulant"),
    "magnesium_mg": .number(400),
    "notes": .text("Can he keep taking it at school?"),
  ]

  static func document(
    _ values: [String: AnswerValue] = sam, language: Language? = nil, previous: AnswerRecord? = nil,
    followUpOf: String? = nil, version: String = "2.1.0"
  ) throws -> ReportDocument {
    try ReportDocument.build(
      questionnaire: Fixtures.everyFeature,
      record: record(values, version: version, followUpOf: followUpOf), previous: previous,
      today: Fixtures.today, language: language, timeZone: TimeZone(identifier: "UTC")!)
  }
}

extension ReportDocument {
  /// Every point, wherever it is placed.
  var allPoints: [ReportPoint] {
    discussFirst + factors.flatMap(\.points) + medicines.points + otherPoints + evidence
  }
}
