import FoundationEssentials
import IntakeCore
import IntakeForm

/// Carries out what the form (or plain mode) asks, against the store, and hands back what
/// happened as an ``Outcome``. It holds the one open assessment and remembers what the parent
/// must be told when the walk ends: answers that could not be saved, an assessment that could
/// not be opened, the report's files.
public final class AssessmentDriver {
  public let questionnaire: Questionnaire
  public let today: LocalDate
  private let store: any WalkStore
  private let launcher: any Launcher
  /// The language the report is written in: the one the walk was started in.
  private var language: Language
  private var session: (any WalkSession)?
  /// Where the parent is, not yet written: it goes to disk with the next answer, or on leaving.
  /// (A position costs two fsyncs of its own; losing it in a crash only means the walk resumes
  /// at the last answer instead.)
  private var pendingPosition: String?
  /// How the walk stands, for when it ends.
  public private(set) var ending = WalkEnding()

  public init(
    questionnaire: Questionnaire, store: any WalkStore, today: LocalDate, language: Language,
    launcher: any Launcher = SystemLauncher()
  ) {
    self.questionnaire = questionnaire
    self.store = store
    self.today = today
    self.language = language
    self.launcher = launcher
  }

  deinit { session?.close() }

  /// What the welcome screen can offer: unfinished assessments of this questionnaire, the most
  /// recently changed first, the latest finished one of each child to follow up, and every
  /// answers file that cannot be read.
  public func welcomeContext() -> WelcomeContext {
    let listing = store.listing(of: questionnaire.id)
    return WelcomeContext(
      unfinished: listing.unfinished.map {
        WelcomeContext.Unfinished(
          assessmentID: $0.record.id, profile: $0.profile.name,
          started: LocalDate.today(now: $0.record.created), answered: $0.record.answers.count)
      },
      finished: listing.finished.map {
        WelcomeContext.Finished(
          assessmentID: $0.record.id, profile: $0.profile.name,
          completed: AssessmentHistory.day(of: $0.record))
      },
      unreadable: listing.unreadable)
  }

  /// Carries out `effect`; returns what happened, for the state, or `nil` when there is
  /// nothing to report (a position, leaving).
  public func perform(_ effect: FormEffect) -> Outcome? {
    switch effect {
    case .record(let itemID, let value): return record(value, for: itemID)
    case .position(let itemID):
      if itemID != session?.record.position { pendingPosition = itemID }
      return nil
    case .start(let action, let language): return start(action, language: language)
    case .finish(let unanswered): return finish(unanswered: unanswered)
    case .open(let path): return .launched(launcher.open(path))
    case .print(let path): return .launched(launcher.print(path))
    case .notKept(let notKept):
      ending.notKept.append(
        .init(
          question: questionnaire.item(notKept.itemID)?.question.text(in: language)
            ?? notKept.itemID,
          text: notKept.text, problem: notKept.problem.message(in: language)))
      return nil
    case .exit: return nil
    }
  }

  /// Saves one answer now; the outcome says whether it is on disk.
  private func record(_ value: AnswerValue?, for itemID: String) -> Outcome {
    guard let session else {
      return .saveFailed(itemID: itemID, value: value, .other("no assessment is open"))
    }
    do {
      try session.record(value, for: itemID, position: pendingPosition ?? itemID)
      pendingPosition = nil
      ending.unsaved[itemID] = nil
      ending.note(session)
      return .saved(itemID: itemID)
    } catch {
      noteUnsaved(value, for: itemID, problem: .store(error))
      return .saveFailed(itemID: itemID, value: value, .store(error))
    }
  }

  /// Remembers an answer that is not on disk, in the words the shell shows after the walk.
  private func noteUnsaved(_ value: AnswerValue?, for itemID: String, problem: WalkProblem) {
    let item = questionnaire.item(itemID)
    ending.unsaved[itemID] = WalkEnding.Unsaved(
      problem: problem, question: item?.question.text(in: language) ?? itemID,
      answer: item?.displayText(value, in: language) ?? "", order: item?.index ?? Int.max)
  }

  private func start(_ action: WelcomeAction, language: Language) -> Outcome {
    self.language = language
    ending.language = language
    close()
    do {
      let opened = try open(action, language: language)
      ending.refused = nil
      return .opened(opened)
    } catch {
      ending.refused = .store(error)
      return .openFailed(.store(error), welcome: welcomeContext())
    }
  }

  private func open(_ action: WelcomeAction, language: Language) throws(AnswerStoreError)
    -> OpenedAssessment
  {
    switch action {
    case .new(let name):
      let opened = try store.create(profile: name, questionnaire: questionnaire, language: language)
      session = opened
      ending.note(opened)
      var position: String?
      var unsaved: [String: UnsavedAnswer] = [:]
      // The name was just typed on the welcome screen: it answers the name question too, and
      // the walk starts after it instead of asking it again.
      if let nicknameID = questionnaire.report.nicknameItemID,
        let nickname = questionnaire.item(nicknameID)
      {
        let after = Engine.assess(questionnaire, answers: Answers(), today: today)
          .visibleItemIndices.first { $0 > nickname.index }
        position = after.map { questionnaire.items[$0].id }
        do {
          try opened.record(.text(name), for: nicknameID, position: position)
        } catch {
          noteUnsaved(.text(name), for: nicknameID, problem: .store(error))
          unsaved[nicknameID] = UnsavedAnswer(value: .text(name), problem: .store(error))
        }
      }
      return OpenedAssessment(
        answers: opened.record.answerValues, position: position ?? opened.record.position,
        profile: opened.profileName, unsaved: unsaved)
    case .resume(let id):
      let opened = try store.open(id)
      session = opened
      ending.note(opened)
      var migration: MigrationReport?
      if opened.record.questionnaireVersion != questionnaire.version {
        migration = try opened.migrate(to: questionnaire, today: today)
      }
      return OpenedAssessment(
        answers: opened.record.answerValues, position: opened.record.position,
        profile: opened.profileName, migration: migration)
    case .followUp(let id):
      let followUp = try store.followUp(
        of: id, questionnaire: questionnaire, language: language, today: today)
      session = followUp.session
      ending.note(followUp.session)
      return OpenedAssessment(
        answers: followUp.session.record.answerValues, position: nil,
        profile: followUp.session.profileName, migration: followUp.migration)
    }
  }

  /// Marks the assessment finished, makes the report in the walk's language, and saves it beside
  /// the answers as text, HTML and PDF; the PDF carries the answers and their FHIR Bundle, so
  /// the doctor gets one file that people and systems can read.
  private func finish(unanswered: [String]) -> Outcome {
    guard let session else { return .finishFailed(.other("no assessment is open")) }
    flushPosition()
    do throws(AnswerStoreError) {
      try session.finish(unanswered: unanswered)
      ending.note(session)
    } catch {
      return .finishFailed(.store(error))
    }
    let document: ReportDocument
    do {
      document = try ReportDocument.build(
        questionnaire: questionnaire, record: session.record, previous: previousRecord(session),
        today: today, language: language)
    } catch {
      return .finishFailed(.other("\(error)"))
    }
    // Without a name: the answers file beside it already carries it, and the export's own rule
    // is that a name is added only when asked for.
    let fhir = (try? FHIRExport.bundle(record: session.record, questionnaire: questionnaire)).map {
      ReportAttachment(name: "\(session.record.id).fhir.json", data: $0)
    }
    do throws(AnswerStoreError) {
      let written = try session.saveReports(document, attachments: fhir.map { [$0] } ?? [])
      let files = ReportFiles(text: written.text, html: written.html, pdf: written.pdf)
      ending.reports = files
      return .finished(
        FinishedAssessment(
          document: document, files: files, answersFile: session.file,
          pdfProblem: written.pdfProblem))
    } catch {
      return .finishFailed(.store(error))
    }
  }

  /// The assessment this one follows up, when it can be read; broken earlier answers cost the
  /// comparison (the report says so), not the report.
  private func previousRecord(_ session: any WalkSession) -> AnswerRecord? {
    try? AnswerFile.previous(of: session.record, besides: session.file)
  }

  /// Writes a position not yet on disk.
  private func flushPosition() {
    if let pendingPosition, let session {
      try? session.setPosition(pendingPosition)
    }
    pendingPosition = nil
  }

  /// Writes what is pending and gives the assessment's lock back.
  public func close() {
    flushPosition()
    session?.close()
    session = nil
  }
}
