import FoundationEssentials

/// One assessment as stored on disk: the answers to one questionnaire version, for one child
/// (profile), with when each answer was given. Documented in docs/answers-format.md.
public struct AnswerRecord: Encodable, Sendable, Equatable {
  /// The version of this file format; a newer one is refused, not guessed at.
  /// Format 2 added ``Status/finishedWithUnanswered`` and ``unanswered``; format 1 files are
  /// read as they are and written as format 2 on their next change.
  public static let currentFormat = 2

  /// Where the assessment stands.
  public enum Status: String, Codable, Sendable, CaseIterable {
    case inProgress = "in_progress"
    /// Finished with every shown question answered.
    case complete
    /// Finished by the parent's choice while shown questions were still unanswered (listed in
    /// ``AnswerRecord/unanswered``).
    case finishedWithUnanswered = "finished_with_unanswered"

    /// Whether the parent finished the assessment (completely or not): it has a report and can
    /// be followed up.
    public var isFinished: Bool { self != .inProgress }
  }

  /// One answer and the moment it was given (or last changed).
  public struct Entry: Encodable, Sendable, Equatable {
    public var value: AnswerValue
    public var answeredAt: Date
    /// The assessment this answer was copied from when a follow-up was pre-filled; `nil` once
    /// the parent has answered (or confirmed) it in this assessment.
    public var carriedFrom: String?

    public init(value: AnswerValue, answeredAt: Date, carriedFrom: String? = nil) {
      self.value = value
      self.answeredAt = answeredAt
      self.carriedFrom = carriedFrom
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
      case value
      case answeredAt = "answered_at"
      case carriedFrom = "carried_from"
    }
  }

  /// An answer to an item that a newer questionnaire version no longer has. It is kept in the
  /// file (never silently dropped) but not used; it returns to ``AnswerRecord/answers`` if a
  /// later version asks the item again.
  public struct RetiredEntry: Encodable, Sendable, Equatable {
    public var value: AnswerValue
    public var answeredAt: Date
    /// The questionnaire version the answer was given to.
    public var questionnaireVersion: String

    public init(value: AnswerValue, answeredAt: Date, questionnaireVersion: String) {
      self.value = value
      self.answeredAt = answeredAt
      self.questionnaireVersion = questionnaireVersion
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
      case value
      case answeredAt = "answered_at"
      case questionnaireVersion = "questionnaire_version"
    }
  }

  public var format: Int
  /// Unique id of this assessment, also its file name.
  public var id: String
  public var questionnaireID: String
  public var questionnaireVersion: String
  public var language: Language
  /// The folder name of the child's profile.
  public var profile: String
  /// The child's nickname as the parent typed it (the folder name is derived from it); lets an
  /// exported file be imported under the same name elsewhere.
  public var profileName: String?
  public var status: Status
  /// The shown questions left unanswered when the parent finished, in questionnaire order; empty
  /// unless ``status`` is ``Status/finishedWithUnanswered``.
  public var unanswered: [String]
  public var created: Date
  public var updated: Date
  /// The assessment this one follows up, when it was pre-filled from it.
  public var followUpOf: String?
  /// Answers by item id, including answers to items that are hidden now (kept, never counted).
  public var answers: [String: Entry]
  /// Answers to items the current questionnaire version no longer has, by item id.
  public var retired: [String: RetiredEntry]
  /// The item the parent was at, so a resumed walk starts there.
  public var position: String?

  public init(
    id: String, questionnaireID: String, questionnaireVersion: String, language: Language,
    profile: String, status: Status = .inProgress, created: Date, updated: Date? = nil,
    followUpOf: String? = nil, answers: [String: Entry] = [:], position: String? = nil,
    profileName: String? = nil, retired: [String: RetiredEntry] = [:]
  ) {
    format = Self.currentFormat
    self.id = id
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.language = language
    self.profile = profile
    self.profileName = profileName
    self.status = status
    unanswered = []
    self.created = created
    self.updated = updated ?? created
    self.followUpOf = followUpOf
    self.answers = answers
    self.retired = retired
    self.position = position
  }

  /// The answers alone, as the engine takes them.
  public var answerValues: Answers {
    Answers(answers.mapValues(\.value))
  }

  /// `id@version` of the questionnaire these answers belong to.
  public var questionnaireReference: String { "\(questionnaireID)@\(questionnaireVersion)" }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case format, id, language, profile, status, unanswered, created, updated, answers, retired
    case position
    case questionnaireID = "questionnaire_id"
    case questionnaireVersion = "questionnaire_version"
    case profileName = "profile_name"
    case followUpOf = "follow_up_of"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(format, forKey: .format)
    try container.encode(id, forKey: .id)
    try container.encode(questionnaireID, forKey: .questionnaireID)
    try container.encode(questionnaireVersion, forKey: .questionnaireVersion)
    try container.encode(language, forKey: .language)
    try container.encode(profile, forKey: .profile)
    try container.encodeIfPresent(profileName, forKey: .profileName)
    try container.encode(status, forKey: .status)
    if !unanswered.isEmpty { try container.encode(unanswered, forKey: .unanswered) }
    try container.encode(created, forKey: .created)
    try container.encode(updated, forKey: .updated)
    try container.encodeIfPresent(followUpOf, forKey: .followUpOf)
    try container.encode(answers, forKey: .answers)
    // Only files whose questionnaire changed have retired answers; the others stay as before.
    if !retired.isEmpty { try container.encode(retired, forKey: .retired) }
    try container.encodeIfPresent(position, forKey: .position)
  }
}
