/// The report's own words — headings, labels, the disclaimer — in Dutch and English. Everything
/// else in a report comes from the questionnaire; a renderer invents no text of its own.
public enum ReportText: String, CaseIterable, Sendable {
  case title
  case childLabel
  case ageLabel
  case sexLabel
  case dateLabel
  case respondentLabel
  case questionnaireLabel
  case languageLabel
  case statusLabel
  case statusComplete
  case statusInProgress
  case statusFinishedWithUnanswered
  case discussFirstHeading
  case nothingDiscussFirst
  case nothingDiscussFirstAllSafetyAnswered
  case openSafetyTitle
  case openSafetyText
  case alsoDiscuss
  case atAGlanceHeading
  case ownQuestionsHeading
  case detailFollows
  case factorsHeading
  case factorChangesHeading
  case noChangedAnswers
  case moreChanges
  case notAsked
  case question
  case medicinesHeading
  case nothingEntered
  case otherPointsHeading
  case evidenceHeading
  case noEvidencePoints
  case observationsHeading
  case nothingWritten
  case answersHeading
  case sourcesHeading
  case disclaimerHeading
  case disclaimer
  case disclaimerShort
  case numbersReferToAppendix
  case page
  case pageOf
  case why
  case basedOn
  case everyReport
  case everyReportSection
  case questionsToAsk
  case questionToAsk
  case sourcesLabel
  case scoreLabel
  case notEnoughAnswers
  case workedOut
  case goodToKnow
  case pointsForFactor
  case then
  case now
  case notUsed
  case version

  /// The text in `language`; English for a language the report has no words for.
  public func text(in language: Language) -> String {
    let (english, dutch) = translations
    return language == .dutch ? dutch : english
  }

  private var translations: (en: String, nl: String) {
    switch self {
    case .title: ("Discuss with your doctor", "Bespreken met uw arts")
    case .childLabel: ("Child", "Kind")
    case .ageLabel: ("Age", "Leeftijd")
    case .sexLabel: ("Sex", "Geslacht")
    case .dateLabel: ("Date", "Datum")
    case .respondentLabel: ("Filled in by", "Ingevuld door")
    case .questionnaireLabel: ("Questionnaire", "Vragenlijst")
    case .languageLabel: ("Language", "Taal")
    case .statusLabel: ("Status", "Status")
    case .statusComplete: ("complete", "volledig ingevuld")
    case .statusInProgress: ("not finished yet", "nog niet af")
    case .statusFinishedWithUnanswered:
      ("finished with questions unanswered", "afgerond met onbeantwoorde vragen")
    case .discussFirstHeading: ("Discuss first", "Eerst bespreken")
    case .nothingDiscussFirst:
      (
        "Your answers raised no point that needs to come first.",
        "Uit uw antwoorden komt geen punt dat voorrang nodig heeft."
      )
    case .nothingDiscussFirstAllSafetyAnswered:
      (
        "Your answers raised no point that needs to come first, and every safety question was "
          + "answered.",
        "Uit uw antwoorden komt geen punt dat voorrang nodig heeft, en alle vragen over "
          + "veiligheid zijn beantwoord."
      )
    case .openSafetyTitle: ("Still to check with the doctor", "Nog na te gaan met de arts")
    case .openSafetyText:
      (
        "These safety questions were not answered, or answered 'Don't know'. While they are "
          + "open, this report cannot say that nothing needs to come first.",
        "Deze vragen over veiligheid zijn niet beantwoord of beantwoord met 'Weet ik niet'. "
          + "Zolang ze open staan, kan dit verslag niet zeggen dat niets voorrang heeft."
      )
    case .alsoDiscuss: ("Also to discuss:", "Ook te bespreken:")
    case .atAGlanceHeading: ("At a glance", "In het kort")
    case .ownQuestionsHeading: ("Your own questions", "Uw eigen vragen")
    case .detailFollows:
      (
        "What follows is the detail behind each point, then every answer once.",
        "Hierna volgt de toelichting bij elk punt, en daarna elk antwoord één keer."
      )
    case .factorsHeading: ("What may play a part", "Wat kan meespelen")
    case .factorChangesHeading: ("Results then and now", "Uitkomsten toen en nu")
    case .noChangedAnswers: ("No answer has changed.", "Geen enkel antwoord is anders.")
    case .moreChanges: ("more changes: see below", "meer veranderingen: zie hieronder")
    case .notAsked: ("not asked", "niet gevraagd")
    case .question: ("Question", "Vraag")
    case .medicinesHeading: ("Medicines and supplements", "Medicijnen en supplementen")
    case .nothingEntered: ("Nothing was entered here.", "Hier is niets ingevuld.")
    case .otherPointsHeading: ("Also worth discussing", "Ook goed om te bespreken")
    case .evidenceHeading: ("What the research says", "Wat het onderzoek zegt")
    case .noEvidencePoints:
      (
        "This questionnaire gives no summary of the research; ask your doctor about it.",
        "Deze vragenlijst geeft geen samenvatting van het onderzoek; vraag uw arts ernaar."
      )
    case .observationsHeading: ("In your own words", "In uw eigen woorden")
    case .nothingWritten: ("You wrote nothing here.", "U hebt hier niets geschreven.")
    case .answersHeading: ("Appendix: all answers", "Bijlage: alle antwoorden")
    case .sourcesHeading: ("Sources", "Bronnen")
    case .disclaimerHeading: ("Please note", "Let op")
    case .disclaimer:
      (
        "This report was put together by a computer program from your answers. It is not a "
          + "diagnosis and not medical advice, and it recommends no dose. Talk about every point "
          + "with your doctor before you start, change or stop anything.",
        "Dit verslag is door een computerprogramma samengesteld uit uw antwoorden. Het is geen "
          + "diagnose en geen medisch advies, en het raadt geen dosis aan. Bespreek elk punt met "
          + "uw arts voordat u iets begint, verandert of stopt."
      )
    case .disclaimerShort:
      (
        "Made by a computer program from your answers: not a diagnosis, not medical advice, no "
          + "dose. Discuss every point with your doctor.",
        "Door een computerprogramma gemaakt uit uw antwoorden: geen diagnose, geen medisch "
          + "advies, geen dosis. Bespreek elk punt met uw arts."
      )
    case .numbersReferToAppendix:
      (
        "Numbers such as 3.2 refer to your answers in the appendix.",
        "Nummers zoals 3.2 verwijzen naar uw antwoorden in de bijlage."
      )
    case .page: ("page", "pagina")
    case .pageOf: ("of", "van")
    case .why: ("Why:", "Waarom:")
    case .basedOn: ("Based on your answers:", "Op basis van uw antwoorden:")
    case .everyReportSection:
      (
        "The following points are in every report; they do not depend on your answers.",
        "De volgende punten staan in elk verslag; ze hangen niet af van uw antwoorden."
      )
    case .everyReport:
      (
        "This point is in every report; it does not depend on an answer.",
        "Dit punt staat in elk verslag; het hangt niet af van een antwoord."
      )
    case .questionsToAsk: ("Questions to ask:", "Vragen die u kunt stellen:")
    case .questionToAsk: ("Question to ask:", "Vraag die u kunt stellen:")
    case .sourcesLabel: ("Sources:", "Bronnen:")
    case .scoreLabel: ("Result:", "Uitkomst:")
    case .notEnoughAnswers:
      (
        "not enough answers to work this out",
        "te weinig antwoorden om dit te bepalen"
      )
    case .workedOut: ("worked out from your answers", "berekend uit uw antwoorden")
    case .goodToKnow: ("good to know", "goed om te weten")
    case .pointsForFactor: ("Points to discuss:", "Punten om te bespreken:")
    case .then: ("then", "toen")
    case .now: ("now", "nu")
    case .notUsed: ("not used", "niet gebruikt")
    case .version: ("version", "versie")
    }
  }

  /// The name of a language, written in that language's own report.
  public static func languageName(_ language: Language, in reader: Language) -> String {
    switch (language, reader == .dutch) {
    case (.dutch, true): "Nederlands"
    case (.dutch, false): "Dutch"
    case (.english, true): "Engels"
    case (.english, false): "English"
    default: language.code
    }
  }

  /// "1.7 on a scale from 0 to 3, 3 of 3 questions answered".
  public static func scaleScore(
    _ score: String, lowest: String, highest: String, answered: Int, shown: Int,
    in language: Language
  ) -> String {
    language == .dutch
      ? "\(score) op een schaal van \(lowest) tot \(highest), \(answered) van \(shown) vragen beantwoord"
      : "\(score) on a scale from \(lowest) to \(highest), \(answered) of \(shown) questions answered"
  }

  /// "not enough answers to work this out (1 of 3 questions answered, 2 needed)".
  public static func scaleUnknown(answered: Int, shown: Int, needed: Int, in language: Language)
    -> String
  {
    let reason = ReportText.notEnoughAnswers.text(in: language)
    return language == .dutch
      ? "\(reason) (\(answered) van \(shown) vragen beantwoord, \(needed) nodig)"
      : "\(reason) (\(answered) of \(shown) questions answered, \(needed) needed)"
  }

  /// The label for an assessment's status.
  public static func status(_ status: AnswerRecord.Status) -> ReportText {
    switch status {
    case .complete: .statusComplete
    case .inProgress: .statusInProgress
    case .finishedWithUnanswered: .statusFinishedWithUnanswered
    }
  }

  /// Header note: the answers were given to another version of the questionnaire.
  public static func otherVersion(answers: String, report: String, in language: Language)
    -> String
  {
    language == .dutch
      ? "De antwoorden zijn gegeven bij versie \(answers) van de vragenlijst; dit verslag gebruikt versie \(report)."
      : "The answers were given to version \(answers) of the questionnaire; this report uses version \(report)."
  }

  /// Header note: the parent has not finished the questionnaire.
  public static func unfinished(in language: Language) -> String {
    language == .dutch
      ? "De vragenlijst is nog niet helemaal ingevuld; er kunnen dus punten ontbreken."
      : "The questionnaire has not been finished yet, so points may be missing."
  }

  /// Header note: required questions still open.
  public static func missingRequired(_ count: Int, in language: Language) -> String {
    language == .dutch
      ? "\(count) verplichte \(count == 1 ? "vraag is" : "vragen zijn") nog niet beantwoord."
      : "\(count) required \(count == 1 ? "question has" : "questions have") no answer yet."
  }

  /// Header note: stored answers that do not fit this version of the questionnaire.
  public static func unusableAnswers(_ count: Int, in language: Language) -> String {
    language == .dutch
      ? "\(count) \(count == 1 ? "antwoord past" : "antwoorden passen") niet bij deze versie van de vragenlijst en \(count == 1 ? "telt" : "tellen") niet mee; u vindt \(count == 1 ? "het" : "ze") onder \"\(ReportText.answersHeading.text(in: language))\"."
      : "\(count) \(count == 1 ? "answer does" : "answers do") not fit this version of the questionnaire and \(count == 1 ? "is" : "are") not counted; you will find \(count == 1 ? "it" : "them") under \"\(ReportText.answersHeading.text(in: language))\"."
  }

  /// Header note: a follow-up whose earlier assessment is not available.
  public static func previousMissing(in language: Language) -> String {
    language == .dutch
      ? "Dit is een vervolg op een eerdere keer, maar die antwoorden zijn niet gevonden of niet te lezen; daarom staat er geen vergelijking in."
      : "This follows up an earlier time, but those answers could not be found or read, so there is no comparison."
  }

  /// Header note: the earlier assessment used another questionnaire.
  public static func previousOtherQuestionnaire(in language: Language) -> String {
    language == .dutch
      ? "De vorige keer is een andere vragenlijst gebruikt; daarom staat er geen vergelijking in."
      : "The previous time used another questionnaire, so there is no comparison."
  }

  /// "Changed since 3 March 2026, 18:40".
  public static func changedSince(_ date: String, in language: Language) -> String {
    language == .dutch ? "Veranderd sinds \(date)" : "Changed since \(date)"
  }

  /// "24 November 2026, 20:15".
  public static func dateAndTime(_ date: LocalDate, _ time: String, in language: Language)
    -> String
  {
    "\(DateText.format(date, in: language)), \(time)"
  }

  /// The status line: "complete", or how many shown questions are unanswered and which safety
  /// questions are among them; safety questions answered "don't know" are named too, so the
  /// line never reads as settled while they are open.
  public static func statusText(
    _ status: AnswerRecord.Status, unanswered: Int, safety: [String], unknownSafety: [String],
    in language: Language
  ) -> String {
    let dutch = language == .dutch
    let unknown =
      unknownSafety.isEmpty
      ? nil
      : (dutch ? "veiligheid beantwoord met ‘weet ik niet’: " : "safety answered ‘don’t know’: ")
        + unknownSafety.joined(separator: ", ")
    if unanswered == 0 {
      let text: String
      switch status {
      case .inProgress: text = ReportText.statusInProgress.text(in: language)
      case .complete, .finishedWithUnanswered: text = ReportText.statusComplete.text(in: language)
      }
      return unknown.map { "\(text) (\($0))" } ?? text
    }
    let count =
      dutch
      ? "\(unanswered) \(unanswered == 1 ? "vraag" : "vragen") niet beantwoord"
      : "\(unanswered) \(unanswered == 1 ? "question" : "questions") unanswered"
    let lead: String
    switch status {
    case .inProgress: lead = dutch ? "nog niet af" : "not finished yet"
    case .complete, .finishedWithUnanswered: lead = dutch ? "afgerond" : "finished"
    }
    var among =
      safety.isEmpty
      ? (unanswered == 1
        ? (dutch ? "niet over veiligheid" : "not about safety")
        : (dutch ? "geen ervan over veiligheid" : "none of them about safety"))
      : (dutch ? "over veiligheid: " : "about safety: ") + safety.joined(separator: ", ")
    if let unknown { among += "; " + unknown }
    return "\(lead), \(count) (\(among))"
  }

  /// An appendix answer that is shown in full elsewhere: "shown under "Your own questions"".
  public static func shownUnder(_ heading: String, in language: Language) -> String {
    language == .dutch ? "staat onder \"\(heading)\"" : "shown under \"\(heading)\""
  }
}
