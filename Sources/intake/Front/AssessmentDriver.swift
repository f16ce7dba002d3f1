import Foundation
import IntakeCore
import IntakeForm

/// Carries out what the form asks: opening assessments in the store, saving every answer as it is
/// given, and building the report at the end. Shared by the full-screen form and plain mode.
final class AssessmentDriver {
  let questionnaire: Questionnaire
  let store: AnswerStore
  let today: LocalDate
  private(set) var session: AssessmentSession?

  init(questionnaire: Questionnaire, store: AnswerStore, today: LocalDate) {
    self.questionnaire = questionnaire
    self.store = store
    self.today = today
  }

  deinit { session?.close() }

  /// What the welcome screen offered, by assessment id: choosing one opens it in its profile
  /// without searching the store again.
  private var offered: [String: StoredAssessment] = [:]

  /// Assessment `id` as the welcome screen offered it; searched for when it was not (`intake
  /// resume` names one directly).
  private func offered(_ id: String) throws(AnswerStoreError) -> StoredAssessment {
    if let stored = offered[id] { return stored }
    return try store.assessment(id: id)
  }

  /// What the welcome screen can offer: unfinished assessments of this questionnaire, the most
  /// recently changed first, and the latest finished one of each child to follow up. A profile
  /// that cannot be read is skipped.
  func welcomeContext() -> WelcomeContext {
    var unfinished: [StoredAssessment] = []
    var finished: [StoredAssessment] = []
    for profile in (try? store.profiles()) ?? [] {
      let listing = (try? store.assessments(in: profile))?.assessments ?? []
      let ours = listing.filter { $0.record.questionnaireID == questionnaire.id }
      unfinished += ours.filter { $0.record.status == .inProgress }
      if let last = ours.last(where: { $0.record.status.isFinished }) { finished.append(last) }
    }
    unfinished.sort { $0.record.updated > $1.record.updated }
    offered = Dictionary((unfinished + finished).map { ($0.record.id, $0) }) { first, _ in first }
    return WelcomeContext(
      unfinished: unfinished.map {
        WelcomeContext.Unfinished(
          assessmentID: $0.record.id, profile: $0.profile.name,
          started: LocalDate.today(now: $0.record.created), answered: $0.record.answers.count)
      },
      finished: finished.map {
        WelcomeContext.Finished(
          assessmentID: $0.record.id, profile: $0.profile.name,
          completed: AssessmentHistory.day(of: $0.record))
      })
  }

  /// An assessment open for the form: its answers, where to start, the child's name, and
  /// anything the parent should be told (answers carried over that no longer fit).
  struct Opened {
    let answers: Answers
    let position: String?
    let profile: String
    /// What moving the answers to this questionnaire version did, when the parent should know.
    let migration: MigrationReport?
  }

  /// Opens what the parent chose on the welcome screen.
  func start(_ action: WelcomeAction, language: Language) throws(AnswerStoreError) -> Opened {
    flushPosition()
    session?.close()
    session = nil
    switch action {
    case .new(let name):
      let profile = try store.createProfile(named: name)
      let opened = try store.createAssessment(
        in: profile, questionnaire: questionnaire, language: language)
      session = opened
      // The child's name was just typed: it answers the nickname question too.
      if let nicknameID = questionnaire.report.nicknameItemID, questionnaire.item(nicknameID) != nil
      {
        try opened.record(.text(name), for: nicknameID)
      }
      return Opened(
        answers: opened.record.answerValues, position: nil, profile: profile.name, migration: nil)
    case .resume(let id):
      let profile = try offered(id).profile
      let opened = try store.open(id, in: profile)
      session = opened
      var migration: MigrationReport?
      if opened.record.questionnaireVersion != questionnaire.version {
        migration = try opened.migrate(to: questionnaire, today: today)
      }
      return Opened(
        answers: opened.record.answerValues, position: opened.record.position,
        profile: profile.name, migration: migration)
    case .followUp(let id):
      let last = try offered(id)
      let followUp = try store.createFollowUp(
        of: last.record, questionnaire: questionnaire, language: language, today: today)
      session = followUp.session
      return Opened(
        answers: followUp.session.record.answerValues, position: nil, profile: last.profile.name,
        migration: followUp.migration)
    }
  }

  /// Where the parent is, not yet written: it goes to disk with the next answer, or on leaving.
  /// (A position costs two fsyncs of its own; losing it in a crash only means the walk resumes
  /// at the last answer instead.)
  private var pendingPosition: String?

  /// Saves one answer now; the return is the acknowledgement that it is on disk.
  func record(_ value: AnswerValue?, for itemID: String) throws(AnswerStoreError) {
    try session?.record(value, for: itemID, position: pendingPosition ?? itemID)
    pendingPosition = nil
  }

  func position(_ itemID: String) {
    guard itemID != session?.record.position else { return }
    pendingPosition = itemID
  }

  /// Writes a position not yet on disk.
  private func flushPosition() {
    if let pendingPosition, let session, session.isOpen {
      try? session.setPosition(pendingPosition)
    }
    pendingPosition = nil
  }

  /// The finished report: marks the assessment complete, renders the report in the answers'
  /// language, and writes the text and HTML versions beside the answers.
  func complete(language: Language) -> (
    document: ReportDocument?, text: String, savedPath: String?, problem: String?
  ) {
    guard let session else { return (nil, "", nil, "no assessment is open") }
    flushPosition()
    do {
      try session.finish()
      // Broken earlier answers cost the comparison (the report says so), not the report.
      let previous = try? AnswerFile.previous(of: session.record, besides: session.file)
      let document = try ReportDocument.build(
        questionnaire: questionnaire, record: session.record, previous: previous, today: today,
        language: language)
      let text = try ReportFormat.text.render(document)
      let textPath = ReportFile.path(besideAnswers: session.file, format: .text)
      try ReportFile.write(text, to: textPath)
      try ReportFile.write(
        try ReportFormat.html.render(document),
        to: ReportFile.path(besideAnswers: session.file, format: .html))
      return (document, text, textPath, nil)
    } catch {
      return (nil, "", nil, "\(error)")
    }
  }

  func close() {
    flushPosition()
    session?.close()
    session = nil
  }
}
