import FoundationEssentials

/// One assessment open for writing. It holds the assessment's lock until ``close()`` (or until it
/// is released, or the process ends), so a second intake cannot write the same file.
///
/// Every change is written to disk atomically before the method returns: a return is the
/// acknowledgement that the answer is stored. When a write fails the method throws, the file on
/// disk is unchanged and so is ``record``.
public final class AssessmentSession {
  /// The assessment as it is on disk now.
  public private(set) var record: AnswerRecord
  /// The answers file.
  public let file: String
  private var lock: FileLock?
  private let faults: WriteFaults

  init(record: AnswerRecord, file: String, lock: FileLock, faults: WriteFaults) {
    self.record = record
    self.file = file
    self.lock = lock
    self.faults = faults
  }

  deinit { lock?.release() }

  /// Whether the session still holds the lock and can write.
  public var isOpen: Bool { lock != nil }

  /// Stores `value` as the answer to `itemID` (or removes the answer when `value` is `nil`),
  /// given at `time`; with `position`, also where the parent is now, in the same write.
  public func record(
    _ value: AnswerValue?, for itemID: String, position: String? = nil, at time: Date = Date()
  ) throws(AnswerStoreError) {
    guard !itemID.isEmpty else { throw .invalidName(itemID, reason: "an item id cannot be empty") }
    let time = Timestamp.normalized(time)
    try commit(at: time) { record in
      if let value {
        record.answers[itemID] = AnswerRecord.Entry(value: value, answeredAt: time)
      } else {
        record.answers[itemID] = nil
      }
      if let position { record.position = position }
    }
  }

  /// Remembers the item the parent is at, so a resumed walk starts there.
  public func setPosition(_ itemID: String?, at time: Date = Date()) throws(AnswerStoreError) {
    try commit(at: time) { $0.position = itemID }
  }

  /// Marks the assessment finished: ``AnswerRecord/Status/complete`` when `unanswered` is
  /// empty, else ``AnswerRecord/Status/finishedWithUnanswered`` with those questions listed (the
  /// parent chose to finish anyway; the report says so).
  public func finish(unanswered: [String] = [], at time: Date = Date()) throws(AnswerStoreError) {
    try commit(at: time) { record in
      record.status = unanswered.isEmpty ? .complete : .finishedWithUnanswered
      record.unanswered = unanswered
    }
  }

  /// Moves the answers to `questionnaire`'s version (see ``AnswerMigration``) and stores the
  /// result. Show the report to the parent: it lists retired answers and those to redo.
  @discardableResult
  public func migrate(to questionnaire: Questionnaire, today: LocalDate, at time: Date = Date())
    throws(AnswerStoreError) -> MigrationReport
  {
    let (migrated, report) = try AnswerMigration.migrate(record, to: questionnaire, today: today)
    try commit(at: time) { $0 = migrated }
    return report
  }

  /// Releases the lock; the session cannot write after this.
  public func close() {
    lock?.release()
    lock = nil
  }

  private func commit(at time: Date, _ change: (inout AnswerRecord) -> Void)
    throws(AnswerStoreError)
  {
    guard isOpen else { throw .closed(file: file) }
    var next = record
    change(&next)
    // An older file is written in the current format from its first change on.
    next.format = AnswerRecord.currentFormat
    next.updated = Timestamp.normalized(time)
    try FileSystem.writeAtomically(try AnswerFile.encode(next), to: file, faults: faults)
    record = next
  }
}
