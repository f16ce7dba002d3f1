import IntakeCore
import IntakeForm

/// How a walk ended, for the one line the shell shows afterwards and the exit status: where the
/// answers and the report are, what could not be saved, what could not be opened.
public struct WalkEnding: Equatable, Sendable {
  /// The assessment that was open last.
  public struct Assessment: Equatable, Sendable {
    public let id: String
    /// The child's name.
    public let profile: String
    public let file: String
    public let status: AnswerRecord.Status
  }

  public internal(set) var assessment: Assessment?
  /// The report's files, when the assessment was finished in this walk.
  public internal(set) var reports: ReportFiles?
  /// Answers the parent gave that are not on disk, by item id.
  public internal(set) var unsaved: [String: Unsaved] = [:]
  /// Text typed on leaving that is not a valid answer, so not saved: printed for the parent.
  public internal(set) var notKept: [NotKeptText] = []
  /// Why the last assessment chosen could not be opened (nothing was opened after it).
  public internal(set) var refused: WalkProblem?
  /// The signal that ended the walk, if one did.
  public internal(set) var signal: Int32?
  /// The language the walk was in, when an assessment was chosen.
  public internal(set) var language: Language?

  public init() {}

  /// An answer that is not on disk, as the shell shows it: the parent can give it again.
  public struct Unsaved: Equatable, Sendable {
    public let problem: WalkProblem
    /// The question, in the walk's language.
    public let question: String
    /// The answer, as the overview shows it.
    public let answer: String
    /// Where the question is in the questionnaire, to list them in its order.
    let order: Int
  }

  /// Text the parent typed that could not be saved, as the shell shows it.
  public struct NotKeptText: Equatable, Sendable {
    /// The question, in the walk's language.
    public let question: String
    public let text: String
    /// Why it is not a valid answer, in the walk's language.
    public let problem: String
  }

  mutating func note(_ session: any WalkSession) {
    assessment = Assessment(
      id: session.record.id, profile: session.profileName, file: session.file,
      status: session.record.status)
  }

  /// The exit status, as the README promises: 128+N after signal N, 73 when something the parent
  /// gave is not on disk, 75 when the assessment is open in another intake, 73/65/66 when it
  /// could not be opened for another reason, else 0.
  public var exitStatus: Int32 {
    if let signal { return 128 + signal }
    if !unsaved.isEmpty { return 73 }
    guard case .store(let error)? = refused else { return refused == nil ? 0 : 70 }
    switch error {
    case .locked: return 75
    case .cannotWrite, .alreadyExists, .closed: return 73
    case .invalidFile, .newerFormat, .invalidName, .differentQuestionnaire: return 65
    case .unreadable, .notFound: return 66
    case .noDataDirectory: return 78
    }
  }

  /// Whether the line is a problem (for standard error) rather than where things are.
  public var isProblem: Bool { !unsaved.isEmpty || refused != nil }

  /// The line for the shell, or `nil` when nothing was opened.
  /// - Parameter resume: the command that continues `profile`'s assessment.
  public func farewell(in language: Language, resume: (String) -> String) -> String? {
    let text = RuntimeText(language)
    let lines =
      [line(text, resume: resume)].compactMap { $0 }
      + unsaved.values.sorted { $0.order < $1.order }.map(text.unsavedAnswer)
      + notKept.map(text.notKept)
    return lines.isEmpty ? nil : lines.joined(separator: "\n")
  }

  private func line(_ text: RuntimeText, resume: (String) -> String) -> String? {
    guard let assessment else { return refused.map(text.refused) }
    if let first = unsaved.values.min(by: { $0.order < $1.order }) {
      return text.unsaved(
        unsaved.count, profile: assessment.profile, reason: first.problem, file: assessment.file,
        resume: resume(assessment.profile))
    }
    if let reports, let open = reports.toOpen {
      return text.finished(
        profile: assessment.profile, report: open, answers: assessment.file)
    }
    if assessment.status == .inProgress {
      return text.saved(
        profile: assessment.profile, file: assessment.file, resume: resume(assessment.profile))
    }
    return text.savedFinished(profile: assessment.profile, file: assessment.file)
  }
}
