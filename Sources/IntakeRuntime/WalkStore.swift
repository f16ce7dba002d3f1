import FoundationEssentials
import IntakeCore
import IntakeForm

/// The answer store as the walk needs it: a small seam, so the runtime can be tested without a
/// disk (``AnswerStore`` is the real one; the tests have one in memory that fails on demand).
public protocol WalkStore {
  /// What the store holds of questionnaire `questionnaireID`, for the welcome screen.
  func listing(of questionnaireID: String) -> WalkListing
  /// A new, empty assessment for the child named `name` (the profile is made when needed).
  func create(profile name: String, questionnaire: Questionnaire, language: Language)
    throws(AnswerStoreError) -> any WalkSession
  /// Assessment `id`, open for writing (its lock taken).
  func open(_ id: String) throws(AnswerStoreError) -> any WalkSession
  /// A new assessment pre-filled from finished assessment `id`.
  func followUp(
    of id: String, questionnaire: Questionnaire, language: Language, today: LocalDate
  ) throws(AnswerStoreError) -> (session: any WalkSession, migration: MigrationReport)
}

/// One assessment open for writing: every method writes to disk before it returns, and throws
/// (leaving the disk as it was) when it cannot.
public protocol WalkSession: AnyObject {
  /// The assessment as it is on disk now.
  var record: AnswerRecord { get }
  /// The answers file.
  var file: String { get }
  /// The child's name, as the profile has it.
  var profileName: String { get }
  /// Stores `value` for `itemID` (`nil`: removes it), with where the parent is, in one write.
  func record(_ value: AnswerValue?, for itemID: String, position: String?)
    throws(AnswerStoreError)
  func setPosition(_ itemID: String?) throws(AnswerStoreError)
  /// Marks the assessment finished, with the shown questions left open.
  func finish(unanswered: [String]) throws(AnswerStoreError)
  /// Moves the answers to `questionnaire`'s version.
  func migrate(to questionnaire: Questionnaire, today: LocalDate) throws(AnswerStoreError)
    -> MigrationReport
  /// Saves `document` beside the answers as text, HTML and, where WeasyPrint is installed, PDF
  /// (the answers and `attachments` inside it); returns the files.
  /// - Throws: when the text or HTML cannot be written (a PDF that cannot be made is
  ///   ``ReportFile/Written/pdfProblem``).
  func saveReports(_ document: ReportDocument, attachments: [ReportAttachment])
    throws(AnswerStoreError) -> ReportFile.Written
  /// Gives the lock back; nothing is written after this.
  func close()
}

/// What the welcome screen can offer.
public struct WalkListing: Sendable {
  /// Unfinished assessments, the most recently changed first.
  public var unfinished: [StoredAssessment]
  /// The latest finished assessment of each child, to follow up.
  public var finished: [StoredAssessment]
  /// Answers files that cannot be read (they may be unfinished assessments).
  public var unreadable: [WelcomeContext.Unreadable]

  public init(
    unfinished: [StoredAssessment] = [], finished: [StoredAssessment] = [],
    unreadable: [WelcomeContext.Unreadable] = []
  ) {
    self.unfinished = unfinished
    self.finished = finished
    self.unreadable = unreadable
  }
}

extension AnswerStore: WalkStore {
  public func listing(of questionnaireID: String) -> WalkListing {
    var listing = WalkListing()
    let all: [Profile]
    do {
      all = try profiles()
    } catch {
      listing.unreadable.append(
        .init(profile: "", file: directory.path, problem: error))
      return listing
    }
    for profile in all {
      let found: AssessmentListing
      do {
        found = try assessments(in: profile)
      } catch {
        listing.unreadable.append(
          .init(profile: profile.name, file: error.file ?? directory.path, problem: error))
        continue
      }
      let ours = found.assessments.filter { $0.record.questionnaireID == questionnaireID }
      listing.unfinished += ours.filter { $0.record.status == .inProgress }
      if let last = ours.last(where: { $0.record.status.isFinished }) {
        listing.finished.append(last)
      }
      listing.unreadable += found.problems.map {
        .init(profile: profile.name, file: $0.file ?? directory.path, problem: $0)
      }
    }
    listing.unfinished.sort { $0.record.updated > $1.record.updated }
    return listing
  }

  public func create(profile name: String, questionnaire: Questionnaire, language: Language)
    throws(AnswerStoreError) -> any WalkSession
  {
    let profile = try createProfile(named: name)
    let session = try createAssessment(
      in: profile, questionnaire: questionnaire, language: language)
    return FileWalkSession(session, profileName: profile.name)
  }

  public func open(_ id: String) throws(AnswerStoreError) -> any WalkSession {
    let profile = try profile(holding: id)
    return FileWalkSession(try open(id, in: profile), profileName: profile.name)
  }

  public func followUp(
    of id: String, questionnaire: Questionnaire, language: Language, today: LocalDate
  ) throws(AnswerStoreError) -> (session: any WalkSession, migration: MigrationReport) {
    let last = try assessment(id: id)
    let followUp = try createFollowUp(
      of: last.record, questionnaire: questionnaire, language: language, today: today)
    return (FileWalkSession(followUp.session, profileName: last.profile.name), followUp.migration)
  }
}

/// An ``AssessmentSession`` of the answer store, as the walk uses it.
final class FileWalkSession: WalkSession {
  private let session: AssessmentSession
  let profileName: String

  init(_ session: AssessmentSession, profileName: String) {
    self.session = session
    self.profileName = profileName
  }

  var record: AnswerRecord { session.record }
  var file: String { session.file }

  func record(_ value: AnswerValue?, for itemID: String, position: String?)
    throws(AnswerStoreError)
  {
    try session.record(value, for: itemID, position: position)
  }

  func setPosition(_ itemID: String?) throws(AnswerStoreError) {
    try session.setPosition(itemID)
  }

  func finish(unanswered: [String]) throws(AnswerStoreError) {
    try session.finish(unanswered: unanswered)
  }

  func migrate(to questionnaire: Questionnaire, today: LocalDate) throws(AnswerStoreError)
    -> MigrationReport
  {
    try session.migrate(to: questionnaire, today: today)
  }

  func saveReports(_ document: ReportDocument, attachments: [ReportAttachment])
    throws(AnswerStoreError) -> ReportFile.Written
  {
    try ReportFile.writeBeside(answers: session.file, document: document, attachments: attachments)
  }

  func close() { session.close() }
}

extension AnswerStoreError {
  /// The file or folder the error is about, when it names one.
  public var file: String? {
    switch self {
    case .invalidFile(let diagnostic): diagnostic.location.file
    case .newerFormat(let file, _, _), .unreadable(let file, _), .cannotWrite(let file, _),
      .locked(let file), .alreadyExists(let file), .differentQuestionnaire(let file, _, _),
      .closed(let file):
      file
    case .notFound, .invalidName, .noDataDirectory: nil
    }
  }
}
