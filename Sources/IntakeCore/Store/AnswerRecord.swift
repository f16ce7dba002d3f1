import Foundation

/// One assessment as stored on disk: the answers to one questionnaire version, for one child
/// (profile), with when each answer was given. Documented in docs/answers-format.md.
public struct AnswerRecord: Codable, Sendable, Equatable {
  /// The version of this file format; a newer one is refused, not guessed at.
  public static let currentFormat = 1

  public enum Status: String, Codable, Sendable {
    case inProgress = "in_progress"
    case complete
  }

  /// One answer and the moment it was given (or last changed).
  public struct Entry: Codable, Sendable, Equatable {
    public var value: AnswerValue
    public var answeredAt: Date

    public init(value: AnswerValue, answeredAt: Date) {
      self.value = value
      self.answeredAt = answeredAt
    }

    enum CodingKeys: String, CodingKey {
      case value
      case answeredAt = "answered_at"
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
  public var status: Status
  public var created: Date
  public var updated: Date
  /// The assessment this one follows up, when it was pre-filled from it.
  public var followUpOf: String?
  /// Answers by item id, including answers to items that are hidden now (kept, never counted).
  public var answers: [String: Entry]
  /// The item the parent was at, so a resumed walk starts there.
  public var position: String?

  public init(
    id: String, questionnaireID: String, questionnaireVersion: String, language: Language,
    profile: String, status: Status = .inProgress, created: Date, updated: Date? = nil,
    followUpOf: String? = nil, answers: [String: Entry] = [:], position: String? = nil
  ) {
    format = Self.currentFormat
    self.id = id
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.language = language
    self.profile = profile
    self.status = status
    self.created = created
    self.updated = updated ?? created
    self.followUpOf = followUpOf
    self.answers = answers
    self.position = position
  }

  /// The answers alone, as the engine takes them.
  public var answerValues: Answers {
    Answers(answers.mapValues(\.value))
  }

  /// `id@version` of the questionnaire these answers belong to.
  public var questionnaireReference: String { "\(questionnaireID)@\(questionnaireVersion)" }

  enum CodingKeys: String, CodingKey {
    case format, id, language, profile, status, created, updated, answers, position
    case questionnaireID = "questionnaire_id"
    case questionnaireVersion = "questionnaire_version"
    case followUpOf = "follow_up_of"
  }
}
