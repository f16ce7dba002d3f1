/// Why a report cannot be made from a questionnaire and a set of answers.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The answers belong to another questionnaire.
  case otherQuestionnaire(answers: String, questionnaire: String)
  /// The report was asked for in a language the questionnaire is not written in.
  case languageNotOffered(Language, offered: [Language])

  public var description: String {
    switch self {
    case .otherQuestionnaire(let answers, let questionnaire):
      "the answers are for questionnaire '\(answers)', not '\(questionnaire)'"
    case .languageNotOffered(let language, let offered):
      "the questionnaire is not written in '\(language)' (it offers "
        + offered.map(\.code).joined(separator: ", ") + ")"
    }
  }
}
