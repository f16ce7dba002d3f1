import IntakeCore

/// What the outside world did with an effect, handed back to the form (and to plain mode) as an
/// event. The form never assumes an effect worked: an answer counts as given only after
/// ``saved(itemID:)``.
public enum Outcome: Equatable, Sendable {
  /// The assessment chosen on the welcome screen is open for writing.
  case opened(OpenedAssessment)
  /// It could not be opened; `welcome` is what the store offers now.
  case openFailed(WalkProblem, welcome: WelcomeContext)
  /// The answer (or its removal) for `itemID` is on disk.
  case saved(itemID: String)
  /// Writing `value` (`nil`: the removal) for `itemID` failed; the file on disk is as it was.
  case saveFailed(itemID: String, value: AnswerValue?, WalkProblem)
  /// The assessment is marked finished and its report is made and saved.
  case finished(FinishedAssessment)
  /// Finishing failed; the answers are as they were.
  case finishFailed(WalkProblem)
  /// What became of opening or printing a report file.
  case launched(Launch)
}

/// An assessment open for the walk.
public struct OpenedAssessment: Equatable, Sendable {
  /// The stored answers, including answers to items hidden now.
  public let answers: Answers
  /// The item to start at (`nil`: the first shown item).
  public let position: String?
  /// The child's name, as the profile has it.
  public let profile: String
  /// What moving the answers to this questionnaire version did, when there is something to say.
  public let migration: MigrationReport?
  /// Answers given while opening that could not be saved (the name typed on the welcome screen).
  public let unsaved: [String: UnsavedAnswer]

  public init(
    answers: Answers, position: String?, profile: String, migration: MigrationReport? = nil,
    unsaved: [String: UnsavedAnswer] = [:]
  ) {
    self.answers = answers
    self.position = position
    self.profile = profile
    self.migration = migration
    self.unsaved = unsaved
  }
}

/// A finished assessment and its saved report.
public struct FinishedAssessment: Equatable, Sendable {
  public let document: ReportDocument
  /// The report files written beside the answers.
  public let files: ReportFiles
  /// The answers file.
  public let answersFile: String
  /// Why there is no PDF (WeasyPrint missing, say); the text and HTML are there all the same.
  public let pdfProblem: ReportPDFError?

  public init(
    document: ReportDocument, files: ReportFiles, answersFile: String,
    pdfProblem: ReportPDFError? = nil
  ) {
    self.document = document
    self.files = files
    self.answersFile = answersFile
    self.pdfProblem = pdfProblem
  }
}

/// Where the report of an assessment was saved, per format; a format not written is `nil`.
public struct ReportFiles: Equatable, Sendable {
  public var text: String?
  public var html: String?
  public var pdf: String?

  public init(text: String? = nil, html: String? = nil, pdf: String? = nil) {
    self.text = text
    self.html = html
    self.pdf = pdf
  }

  /// The file to open in a viewer: the PDF when there is one, else the HTML.
  public var toOpen: String? { pdf ?? html }
  /// The file to print: the PDF when there is one (paged, with page numbers), else the text.
  public var toPrint: String? { pdf ?? text }
}

/// An answer the parent gave that the store could not write: kept while intake runs, so the
/// question still shows it, the overview marks it, and stopping tries it once more.
public struct UnsavedAnswer: Equatable, Sendable {
  /// The answer (`nil`: its removal).
  public let value: AnswerValue?
  public let problem: WalkProblem

  public init(value: AnswerValue?, problem: WalkProblem) {
    self.value = value
    self.problem = problem
  }
}

/// Why something the form asked for did not happen.
public enum WalkProblem: Error, Equatable, Sendable {
  /// The answer store refused (a full disk, a lock, a broken file…).
  case store(AnswerStoreError)
  /// Anything else, already in words (making the report failed).
  case other(String)

  /// Whether the problem is that another intake has the assessment open.
  public var isLocked: Bool {
    if case .store(.locked) = self { return true }
    return false
  }
}

/// What became of opening or printing a report.
public enum Launch: Equatable, Sendable {
  case opened(path: String)
  case printed(path: String)
  /// The program that would do it (`xdg-open`, `lp`) is not installed.
  case unavailable(program: String)
  /// It ran and failed.
  case failed(program: String, reason: String)
}
