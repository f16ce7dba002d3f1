import IntakeCore

/// What the parent chose on the welcome screen.
public enum WelcomeAction: Equatable, Sendable {
  /// The most characters a child's name takes on the welcome screen (and in plain mode): what a
  /// name fits in on the screen and in the report's heading.
  static let nameLimit = 40

  /// A new assessment for a new (or existing) child's profile.
  case new(profile: String)
  /// Continue an unfinished assessment.
  case resume(assessmentID: String)
  /// A new assessment pre-filled from a finished one (the last of its profile).
  case followUp(assessmentID: String)
}

/// What the store knows, for the welcome screen to offer.
public struct WelcomeContext: Equatable, Sendable {
  /// An unfinished assessment that can be continued.
  public struct Unfinished: Equatable, Sendable {
    public let assessmentID: String
    public let profile: String
    public let started: LocalDate
    public let answered: Int

    public init(assessmentID: String, profile: String, started: LocalDate, answered: Int) {
      self.assessmentID = assessmentID
      self.profile = profile
      self.started = started
      self.answered = answered
    }
  }

  /// A profile's last finished assessment, to follow up.
  public struct Finished: Equatable, Sendable {
    public let assessmentID: String
    public let profile: String
    public let completed: LocalDate

    public init(assessmentID: String, profile: String, completed: LocalDate) {
      self.assessmentID = assessmentID
      self.profile = profile
      self.completed = completed
    }
  }

  /// An answers file that could not be read: never silently left out, since it may hold an
  /// unfinished assessment.
  public struct Unreadable: Equatable, Sendable {
    /// The child's name, from the profile the file is in.
    public let profile: String
    /// The file.
    public let file: String
    /// Why it cannot be read, with the line and column where that is known.
    public let problem: AnswerStoreError

    public init(profile: String, file: String, problem: AnswerStoreError) {
      self.profile = profile
      self.file = file
      self.problem = problem
    }
  }

  public let unfinished: [Unfinished]
  public let finished: [Finished]
  public let unreadable: [Unreadable]

  public init(
    unfinished: [Unfinished] = [], finished: [Finished] = [], unreadable: [Unreadable] = []
  ) {
    self.unfinished = unfinished
    self.finished = finished
    self.unreadable = unreadable
  }
}

/// One row of the welcome screen.
enum WelcomeRow: Equatable, Sendable {
  case language
  case resume(WelcomeContext.Unfinished)
  case followUp(WelcomeContext.Finished)
  case new
  /// An answers file that cannot be read; choosing it shows why and where.
  case unreadable(WelcomeContext.Unreadable)

  /// What the row says, in `language`.
  func label(in language: Language) -> String {
    let text = FormText(language)
    switch self {
    case .language: return "\(text.languageRow)   (\(text.languageHint))"
    case .resume(let unfinished):
      return text.resume(
        unfinished.profile, started: DateText.format(unfinished.started, in: language),
        answered: unfinished.answered)
    case .followUp(let finished):
      return text.followUp(
        finished.profile, last: DateText.format(finished.completed, in: language))
    case .new: return text.startNew
    case .unreadable(let unreadable): return text.unreadableRow(unreadable.profile)
    }
  }

  /// What choosing the row starts; `nil` for the rows that need more from the parent first.
  var action: WelcomeAction? {
    switch self {
    case .resume(let unfinished): .resume(assessmentID: unfinished.assessmentID)
    case .followUp(let finished): .followUp(assessmentID: finished.assessmentID)
    case .language, .new, .unreadable: nil
    }
  }
}

extension WelcomeContext {
  /// The ways to begin, in the order offered: continue, follow up, start anew.
  var choices: [WelcomeRow] {
    unfinished.map { .resume($0) } + finished.map { .followUp($0) } + [.new]
  }

  /// The ways to begin, then the files that cannot be read.
  var rows: [WelcomeRow] { choices + unreadable.map { .unreadable($0) } }
}
