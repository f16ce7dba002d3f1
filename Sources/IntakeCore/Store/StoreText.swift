/// Words the store's listings show a parent (`intake list`, `intake history`), in Dutch and
/// English.
public enum StoreText: String, CaseIterable, Sendable {
  case date
  case status
  case version
  case assessment
  case profile
  case questionnaire
  case changed
  case inProgress
  case complete
  case finishedWithUnanswered
  case answers
  case followUpOf
  case noProfiles
  case noAssessments
  case noReadableAssessments
  case otherQuestionnaire

  /// The status of an assessment, as a word.
  public static func status(_ status: AnswerRecord.Status) -> StoreText {
    switch status {
    case .inProgress: .inProgress
    case .complete: .complete
    case .finishedWithUnanswered: .finishedWithUnanswered
    }
  }

  /// The text in `language`; English for a language intake has no translation for.
  public func text(in language: Language) -> String {
    let (english, dutch) = translations
    return language == .dutch ? dutch : english
  }

  private var translations: (en: String, nl: String) {
    switch self {
    case .date: ("Date", "Datum")
    case .status: ("Status", "Status")
    case .version: ("Version", "Versie")
    case .assessment: ("Id", "Id")
    case .profile: ("Profile", "Profiel")
    case .questionnaire: ("Questionnaire", "Vragenlijst")
    case .changed: ("Last changed", "Laatst gewijzigd")
    case .inProgress: ("in progress", "nog bezig")
    case .complete: ("complete", "afgerond")
    case .finishedWithUnanswered: ("finished, questions open", "afgerond, vragen open")
    case .answers: ("Answers", "Antwoorden")
    case .followUpOf: ("Follow-up of", "Vervolg op")
    case .noProfiles: ("No answers are stored yet.", "Er zijn nog geen antwoorden bewaard.")
    case .noAssessments: ("No assessments yet.", "Nog geen vragenlijsten ingevuld.")
    case .noReadableAssessments:
      (
        "No assessment that can be read: see the files named below.",
        "Geen vragenlijst die gelezen kan worden: zie de bestanden hieronder."
      )
    case .otherQuestionnaire:
      (
        "another questionnaire; name its file with --questionnaire to see its scores",
        "een andere vragenlijst; geef het bestand op met --questionnaire om de scores te zien"
      )
    }
  }
}
