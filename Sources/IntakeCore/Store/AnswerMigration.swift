import FoundationEssentials

/// What happened to the answers when they were moved to another version of their questionnaire.
/// Nothing is dropped: every answer is kept, retired (kept, not used) or flagged.
public struct MigrationReport: Sendable, Equatable {
  /// A kept answer that does not fit its item any more: the parent is asked again.
  public struct Incompatible: Sendable, Equatable {
    public let itemID: String
    public let value: AnswerValue
    public let problem: AnswerProblem

    public init(itemID: String, value: AnswerValue, problem: AnswerProblem) {
      self.itemID = itemID
      self.value = value
      self.problem = problem
    }
  }

  /// An answer to an item the new version does not have, moved to ``AnswerRecord/retired``.
  public struct Retired: Sendable, Equatable {
    public let itemID: String
    public let value: AnswerValue

    public init(itemID: String, value: AnswerValue) {
      self.itemID = itemID
      self.value = value
    }
  }

  public let questionnaireID: String
  public let fromVersion: String
  public let toVersion: String
  /// Answers that fit their item, in questionnaire order.
  public let kept: [String]
  /// Answers to items that no longer exist, by item id: kept in the file and listed to the
  /// parent, never used.
  public let retired: [Retired]
  /// Answers retired by an earlier version whose item is asked again, moved back.
  public let restored: [String]
  /// Answers kept in the file but not used until the parent answers again (an option that is
  /// gone, a number now out of range), in questionnaire order.
  public let incompatible: [Incompatible]

  public init(
    questionnaireID: String, fromVersion: String, toVersion: String, kept: [String],
    retired: [Retired], restored: [String], incompatible: [Incompatible]
  ) {
    self.questionnaireID = questionnaireID
    self.fromVersion = fromVersion
    self.toVersion = toVersion
    self.kept = kept
    self.retired = retired
    self.restored = restored
    self.incompatible = incompatible
  }

  /// Whether the parent should be told about anything: answers retired, restored or to redo.
  public var needsAttention: Bool {
    !retired.isEmpty || !restored.isEmpty || !incompatible.isEmpty
  }

  /// Item ids the parent should answer again, in questionnaire order.
  public var itemsToReanswer: [String] { incompatible.map(\.itemID) }
}

/// Moves answers from one version of a questionnaire to another, by item id.
public enum AnswerMigration {
  /// `record` re-keyed to `questionnaire`'s version: answers to items that exist stay (each
  /// checked with ``Item/problem(with:today:)``; one that no longer fits is kept and flagged),
  /// answers to items that are gone move to ``AnswerRecord/retired``, and retired answers whose
  /// item is back return. The same version is fine: it only re-checks the answers.
  /// - Throws: ``AnswerStoreError/differentQuestionnaire(file:found:expected:)`` when `record`
  ///   answers another questionnaire.
  public static func migrate(
    _ record: AnswerRecord, to questionnaire: Questionnaire, today: LocalDate
  ) throws(AnswerStoreError) -> (record: AnswerRecord, report: MigrationReport) {
    guard record.questionnaireID == questionnaire.id else {
      throw .differentQuestionnaire(
        file: "\(record.id).json", found: record.questionnaireID, expected: questionnaire.id)
    }
    var migrated = record
    var retired: [MigrationReport.Retired] = []
    for (itemID, entry) in record.answers where questionnaire.item(itemID) == nil {
      migrated.answers[itemID] = nil
      migrated.retired[itemID] = AnswerRecord.RetiredEntry(
        value: entry.value, answeredAt: entry.answeredAt,
        questionnaireVersion: record.questionnaireVersion)
      retired.append(MigrationReport.Retired(itemID: itemID, value: entry.value))
    }
    var restored: [String] = []
    for (itemID, entry) in record.retired
    where questionnaire.item(itemID) != nil && migrated.answers[itemID] == nil {
      // An answer given anew since the item came back stays the answer; the old one stays
      // retired rather than being dropped.
      migrated.retired[itemID] = nil
      migrated.answers[itemID] = AnswerRecord.Entry(
        value: entry.value, answeredAt: entry.answeredAt)
      restored.append(itemID)
    }
    var kept: [String] = []
    var incompatible: [MigrationReport.Incompatible] = []
    for item in questionnaire.items {
      guard let entry = migrated.answers[item.id] else { continue }
      if let problem = item.problem(with: entry.value, today: today) {
        incompatible.append(.init(itemID: item.id, value: entry.value, problem: problem))
      } else {
        kept.append(item.id)
      }
    }
    migrated.questionnaireVersion = questionnaire.version
    let order = { (id: String) in questionnaire.item(id)?.index ?? Int.max }
    let report = MigrationReport(
      questionnaireID: questionnaire.id, fromVersion: record.questionnaireVersion,
      toVersion: questionnaire.version, kept: kept,
      retired: retired.sorted { $0.itemID < $1.itemID },
      restored: restored.sorted { order($0) < order($1) }, incompatible: incompatible)
    return (migrated, report)
  }
}
