import Foundation
import IntakeCore
import Testing

private func record(_ answers: [String: AnswerValue], version: Int = 1) -> AnswerRecord {
  AnswerRecord(
    id: "20261125-100000-abc123", questionnaireID: "versioned",
    questionnaireVersion: "\(version).0.0", language: .english, profile: "zoë",
    created: Moment.at(),
    answers: answers.mapValues { AnswerRecord.Entry(value: $0, answeredAt: Moment.at(1)) })
}

@Suite("Answer store: a new questionnaire version")
struct MigrationTests {
  @Test("answers are mapped by item id: kept, retired (kept in the file) or flagged")
  func migrateToNewVersion() throws {
    let v2 = try VersionedQuestionnaire.load(2)
    let (migrated, report) = try AnswerMigration.migrate(
      record([
        "nickname": .text("Zoë"), "mood": .choice("awful"), "hours": .number(20),
        "old_item": .choice("yes"),
      ]), to: v2, today: Fixtures.today)
    #expect(report.fromVersion == "1.0.0")
    #expect(report.toVersion == "2.0.0")
    #expect(report.kept == ["nickname"])
    #expect(report.retired == [.init(itemID: "old_item", value: .choice("yes"))])
    #expect(
      report.incompatible == [
        .init(itemID: "mood", value: .choice("awful"), problem: .unknownOption("awful")),
        .init(itemID: "hours", value: .number(20), problem: .aboveMaximum(12)),
      ])
    #expect(report.itemsToReanswer == ["mood", "hours"])
    #expect(report.needsAttention)

    #expect(migrated.questionnaireVersion == "2.0.0")
    #expect(
      migrated.answers.keys.sorted() == ["hours", "mood", "nickname"], "flagged answers stay")
    #expect(
      migrated.retired == [
        "old_item": .init(
          value: .choice("yes"), answeredAt: Moment.at(1), questionnaireVersion: "1.0.0")
      ])
    // Nothing is lost: every answer of the old record is in the new one, somewhere.
    #expect(migrated.answers.count + migrated.retired.count == 4)
    // The engine sets flagged answers aside until they are answered again.
    let assessment = Engine.assess(v2, answers: migrated.answerValues, today: Fixtures.today)
    #expect(assessment.unusableAnswers.keys.sorted() == ["hours", "mood"])
  }

  @Test("a retired answer comes back when a later version asks the item again")
  func restore() throws {
    let v2 = try VersionedQuestionnaire.load(2)
    let v3 = try VersionedQuestionnaire.load(3)
    let (atV2, _) = try AnswerMigration.migrate(
      record(["old_item": .choice("no"), "hours": .number(3)]), to: v2, today: Fixtures.today)
    let (atV3, report) = try AnswerMigration.migrate(atV2, to: v3, today: Fixtures.today)
    #expect(report.restored == ["old_item"])
    #expect(report.kept == ["hours", "old_item"])
    #expect(atV3.answers["old_item"]?.value == .choice("no"))
    #expect(atV3.retired.isEmpty)
  }

  @Test("answers to another questionnaire are refused")
  func differentQuestionnaire() throws {
    #expect(
      throws: AnswerStoreError.differentQuestionnaire(
        file: "20261125-100000-abc123.json", found: "versioned", expected: "every-feature")
    ) {
      try AnswerMigration.migrate(record([:]), to: Fixtures.everyFeature, today: Fixtures.today)
    }
  }

  @Test("a session migrates and stores the result; the retired answers are in the file")
  func sessionMigration() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let v1 = try VersionedQuestionnaire.load(1)
    let session = try store.createAssessment(in: profile, questionnaire: v1, language: .english)
    try session.record(.choice("yes"), for: "old_item")
    try session.record(.choice("awful"), for: "mood")
    let report = try session.migrate(to: try VersionedQuestionnaire.load(2), today: Fixtures.today)
    #expect(report.retired.map(\.itemID) == ["old_item"])
    #expect(report.itemsToReanswer == ["mood"])
    let onDisk = try AnswerFile.load(contentsOf: session.file)
    #expect(onDisk.questionnaireVersion == "2.0.0")
    #expect(onDisk.retired["old_item"]?.value == .choice("yes"))
    #expect(onDisk.answers["mood"]?.value == .choice("awful"))
    let text = try String(contentsOfFile: session.file, encoding: .utf8)
    #expect(text.contains("\"retired\""))
  }

  @Test("a follow-up on a newer version carries every answer over and reports what changed")
  func followUpAcrossVersions() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let baseline = try store.createAssessment(
      in: profile, questionnaire: try VersionedQuestionnaire.load(1), language: .english)
    try baseline.record(.text("Zoë"), for: "nickname")
    try baseline.record(.choice("yes"), for: "old_item")
    try baseline.record(.number(20), for: "hours")
    try baseline.finish()
    let followUp = try store.createFollowUp(
      of: baseline.record, questionnaire: try VersionedQuestionnaire.load(2),
      today: Fixtures.today)
    #expect(followUp.session.record.questionnaireVersion == "2.0.0")
    #expect(followUp.migration.kept == ["nickname"])
    #expect(followUp.migration.retired.map(\.itemID) == ["old_item"])
    #expect(followUp.migration.itemsToReanswer == ["hours"])
    #expect(followUp.session.record.retired["old_item"]?.questionnaireVersion == "1.0.0")
  }
}
