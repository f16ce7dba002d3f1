import BuiltinQuestionnaires
import Foundation
import IntakeCore
import IntakeForm
import IntakeRuntime

/// The built-in questionnaire, as the walk runs it.
enum Fixture {
  static let today = LocalDate(year: 2026, month: 11, day: 25)!

  static let questionnaire: Questionnaire = {
    do {
      return try QuestionnaireLoader.load(
        yaml: BuiltinQuestionnaires.named(BuiltinQuestionnaires.defaultFileName)!.yaml,
        file: "adhd-magnesium.yaml", today: today)
    } catch { fatalError("\(error)") }
  }()

  static var walk: Walk { Walk(questionnaire: questionnaire, today: today) }
}

/// An answer store in memory that can refuse to write on demand (a full disk) and can have
/// assessments open elsewhere (a lock), for testing the runtime without a disk.
final class MemoryStore: WalkStore {
  /// Assessments by id, as they are "on disk".
  private(set) var records: [String: AnswerRecord] = [:]
  /// Report files by path.
  private(set) var reports: [String: String] = [:]
  /// Profile folder → the child's name.
  private var profiles: [String: String] = [:]
  /// Assessments another intake has open.
  var lockedElsewhere: Set<String> = []
  /// Open sessions, by assessment id.
  fileprivate var open: Set<String> = []
  /// While true, every write fails as on a full disk.
  var diskFull = false
  /// Writes that reached the "disk".
  private(set) var writes = 0
  var unreadable: [WelcomeContext.Unreadable] = []
  /// What the last report would carry inside its PDF.
  var attachments: [ReportAttachment] = []
  private var counter = 0

  func file(of id: String) -> String {
    "/memory/\(records[id]?.profile ?? "?")/\(id).json"
  }

  fileprivate func write(_ record: AnswerRecord) throws(AnswerStoreError) {
    guard !diskFull else {
      throw .cannotWrite(
        file: "/memory/\(record.profile)/\(record.id).json", reason: "the disk is full")
    }
    var record = record
    record.updated = Date()
    records[record.id] = record
    writes += 1
  }

  fileprivate func saveReport(_ contents: String, path: String) throws(AnswerStoreError) {
    guard !diskFull else { throw .cannotWrite(file: path, reason: "the disk is full") }
    reports[path] = contents
  }

  func listing(of questionnaireID: String) -> WalkListing {
    func stored(_ record: AnswerRecord) -> StoredAssessment {
      StoredAssessment(
        record: record, file: file(of: record.id),
        profile: Profile(folder: record.profile, name: profiles[record.profile] ?? record.profile))
    }
    let ours = records.values.filter { $0.questionnaireID == questionnaireID }
      .sorted { $0.created < $1.created }
    var finished: [String: AnswerRecord] = [:]
    for record in ours where record.status.isFinished { finished[record.profile] = record }
    return WalkListing(
      unfinished: ours.filter { $0.status == .inProgress }.sorted { $0.updated > $1.updated }
        .map(stored),
      finished: finished.values.map(stored), unreadable: unreadable)
  }

  func create(profile name: String, questionnaire: Questionnaire, language: Language)
    throws(AnswerStoreError) -> any WalkSession
  {
    let folder = name.lowercased()
    counter += 1
    let record = AnswerRecord(
      id: String(format: "20261125-1000%02d-aaaaaa", counter), questionnaireID: questionnaire.id,
      questionnaireVersion: questionnaire.version, language: language, profile: folder,
      created: Date(), profileName: name)
    try write(record)
    profiles[folder] = name
    return try session(record.id)
  }

  func open(_ id: String) throws(AnswerStoreError) -> any WalkSession {
    guard records[id] != nil else { throw .notFound("no assessment '\(id)'") }
    return try session(id)
  }

  func followUp(
    of id: String, questionnaire: Questionnaire, language: Language, today: LocalDate
  ) throws(AnswerStoreError) -> (session: any WalkSession, migration: MigrationReport) {
    guard let last = records[id] else { throw .notFound("no assessment '\(id)'") }
    counter += 1
    var record = AnswerRecord(
      id: String(format: "20261125-1100%02d-bbbbbb", counter),
      questionnaireID: last.questionnaireID,
      questionnaireVersion: last.questionnaireVersion, language: language, profile: last.profile,
      created: Date(), followUpOf: last.id,
      answers: last.answers.mapValues {
        AnswerRecord.Entry(value: $0.value, answeredAt: $0.answeredAt, carriedFrom: last.id)
      })
    let (migrated, report) = try AnswerMigration.migrate(
      record, to: questionnaire, today: today)
    record = migrated
    try write(record)
    return (try session(record.id), report)
  }

  /// Adds a stored assessment, as if an earlier intake had written it.
  func add(_ record: AnswerRecord, name: String) {
    records[record.id] = record
    profiles[record.profile] = name
  }

  private func session(_ id: String) throws(AnswerStoreError) -> any WalkSession {
    guard !lockedElsewhere.contains(id), !open.contains(id) else {
      throw .locked(file: file(of: id))
    }
    open.insert(id)
    return MemorySession(store: self, id: id)
  }
}

final class MemorySession: WalkSession {
  private let store: MemoryStore
  private let id: String
  private var closed = false

  fileprivate init(store: MemoryStore, id: String) {
    self.store = store
    self.id = id
  }

  var record: AnswerRecord { store.records[id]! }
  var file: String { store.file(of: id) }
  var profileName: String { record.profileName ?? record.profile }

  private func change(_ body: (inout AnswerRecord) -> Void) throws(AnswerStoreError) {
    guard !closed else { throw .closed(file: file) }
    var next = record
    body(&next)
    try store.write(next)
  }

  func record(_ value: AnswerValue?, for itemID: String, position: String?)
    throws(AnswerStoreError)
  {
    try change { record in
      record.answers[itemID] = value.map { AnswerRecord.Entry(value: $0, answeredAt: Date()) }
      if let position { record.position = position }
    }
  }

  func setPosition(_ itemID: String?) throws(AnswerStoreError) {
    try change { $0.position = itemID }
  }

  func finish(unanswered: [String]) throws(AnswerStoreError) {
    try change { record in
      record.status = unanswered.isEmpty ? .complete : .finishedWithUnanswered
      record.unanswered = unanswered
    }
  }

  func migrate(to questionnaire: Questionnaire, today: LocalDate) throws(AnswerStoreError)
    -> MigrationReport
  {
    let (migrated, report) = try AnswerMigration.migrate(record, to: questionnaire, today: today)
    try change { $0 = migrated }
    return report
  }

  /// Text and HTML, and no PDF (as where WeasyPrint is missing); the attachments are kept.
  func saveReports(_ document: ReportDocument, attachments: [ReportAttachment])
    throws(AnswerStoreError) -> ReportFile.Written
  {
    let text = ReportFile.path(besideAnswers: file, format: .text)
    let html = ReportFile.path(besideAnswers: file, format: .html)
    try store.saveReport(TextReportRenderer().render(document), path: text)
    try store.saveReport(HTMLReportRenderer().render(document), path: html)
    store.attachments = attachments
    return ReportFile.Written(text: text, html: html, pdf: nil, pdfProblem: .weasyPrintMissing)
  }

  func close() {
    closed = true
    store.open.remove(id)
  }
}

/// A launcher that only remembers what it was asked.
final class RecordingLauncher: Launcher {
  private(set) var opened: [String] = []
  private(set) var printed: [String] = []

  func open(_ path: String) -> Launch {
    opened.append(path)
    return .opened(path: path)
  }

  func print(_ path: String) -> Launch {
    printed.append(path)
    return .unavailable(program: "lp")
  }
}

/// Keys for the form, one by one, then Ctrl-C; keeps every screen it was asked to show.
struct ScriptedConsole: Console {
  var events: [FormEvent]
  private(set) var shown: [Screen] = []
  var signal: Int32?
  /// Runs between events, to change the store mid-walk (fill or free the disk).
  var before: [Int: () -> Void] = [:]
  private var step = 0

  init(_ events: [FormEvent], signal: Int32? = nil) {
    self.events = events
    self.signal = signal
  }

  mutating func show(_ state: FormState) { shown.append(state.screen) }

  mutating func next(_ state: FormState) -> FormEvent {
    before[step]?()
    step += 1
    guard !events.isEmpty else { return .key(.interrupt) }
    return events.removeFirst()
  }

  var hasPendingInput: Bool { false }

  mutating func suspended<T>(_ body: () -> T) -> T { body() }

  /// The last screen as plain text.
  var lastText: String { shown.last?.text.joined(separator: "\n") ?? "" }
}

extension Array where Element == FormEvent {
  /// Keys for typing `text` and pressing Enter.
  static func typed(_ text: String) -> [FormEvent] {
    text.map { .key(.character($0)) } + [.key(.enter)]
  }
}
