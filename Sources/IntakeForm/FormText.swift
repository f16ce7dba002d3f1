import IntakeCore

/// The words of the form itself (not of the questionnaire), in the parent's language.
public struct FormText: Sendable {
  public let language: Language

  public init(_ language: Language) { self.language = language }

  private func t(_ english: String, _ dutch: String) -> String {
    language == .dutch ? dutch : english
  }

  // MARK: Welcome

  public var welcomeTitle: String { t("Welcome", "Welkom") }
  public var whatItIs: String {
    t(
      "intake helps you prepare a visit to your child's doctor: it asks about your child and writes a list of points to discuss. It is not a diagnosis and gives no advice on doses.",
      "intake helpt u een bezoek aan de arts van uw kind voor te bereiden: het stelt vragen over uw kind en maakt een lijst met punten om te bespreken. Het is geen diagnose en geeft geen advies over doseringen."
    )
  }
  public var privacy: String {
    t(
      "Your answers are saved on this computer only, after every answer.",
      "Uw antwoorden worden alleen op deze computer bewaard, na elk antwoord."
    )
  }
  public var languageRow: String { t("Language: English", "Taal: Nederlands") }
  public var languageHint: String { t("←/→ change", "←/→ wisselen") }
  public var startNew: String { t("Start a new questionnaire", "Een nieuwe vragenlijst beginnen") }
  public func resume(_ profile: String, started: String, answered: Int) -> String {
    t(
      "Continue for \(profile) (started \(started), \(answered) answered)",
      "Verder voor \(profile) (begonnen \(started), \(answered) beantwoord)")
  }
  public func followUp(_ profile: String, last: String) -> String {
    t(
      "Follow-up for \(profile): start from the answers of \(last)",
      "Vervolgmeting voor \(profile): begin met de antwoorden van \(last)")
  }
  public var nicknamePrompt: String {
    t(
      "What name shall we use for your child? A first name or nickname is enough; it is used to keep the answers apart and in the report.",
      "Welke naam gebruiken we voor uw kind? Een voornaam of roepnaam is genoeg; die gebruiken we om antwoorden uit elkaar te houden en in het verslag."
    )
  }
  public var nicknameEmpty: String { t("Please type a name.", "Typ een naam.") }

  // MARK: Progress and keys

  public func progress(section: String, position: Int, count: Int) -> String {
    t(
      "\(section) · question \(position) of \(count)", "\(section) · vraag \(position) van \(count)"
    )
  }
  public var keyNext: String { t("Enter next", "Enter verder") }
  public var keyBack: String { t("← back", "← terug") }
  public var keySkip: String { t("→ skip", "→ overslaan") }
  public var keyToggle: String { t("Space choose", "Spatie kiezen") }
  public var keyDone: String { t("Enter done", "Enter klaar") }
  public var keyOverview: String { t("Tab overview", "Tab overzicht") }
  public var keyHelp: String { t("F1 why we ask", "F1 waarom") }
  public var keyHelpShort: String { t("? why", "? waarom") }
  public var keyQuit: String { t("Esc stop", "Esc stoppen") }
  public var keyLeave: String { t("q stop", "q stoppen") }
  public var keyCancel: String { t("Esc back", "Esc terug") }
  public var keyScroll: String { t("↑↓ PgUp PgDn scroll", "↑↓ PgUp PgDn scrollen") }
  public var keyClose: String { t("q close", "q sluiten") }
  public var keyEdit: String { t("Enter change", "Enter wijzigen") }
  public var keyChoose: String { t("Enter choose", "Enter kiezen") }

  // MARK: Answers

  public var dontKnow: String { UIText.dontKnow.text(in: language) }
  public var preferNotToSay: String { UIText.preferNotToSay.text(in: language) }
  public var notAnswered: String { UIText.notAnswered.text(in: language) }
  public var dateFormat: String { t("dd-mm-yyyy", "dd-mm-jjjj") }
  public var notANumber: String {
    t("Please type a number, such as 12 or 2.5.", "Typ een getal, zoals 12 of 2,5.")
  }
  public var notADate: String {
    t(
      "Please type a date as day-month-year, such as 03-04-2019.",
      "Typ een datum als dag-maand-jaar, zoals 03-04-2019.")
  }
  public var chooseAtLeastOne: String {
    t(
      "Please choose at least one (Space), then Enter.",
      "Kies er minstens één (Spatie) en druk dan op Enter.")
  }
  public func between(_ low: String, _ high: String) -> String {
    t("from \(low) to \(high)", "van \(low) tot en met \(high)")
  }
  public func charactersLeft(_ count: Int) -> String {
    t("\(count) characters left", "nog \(count) tekens")
  }

  // MARK: Help, quitting, review, report

  public var whyWeAsk: String { t("Why we ask", "Waarom we dit vragen") }
  public var noHelp: String {
    t("There is no extra explanation for this question.", "Bij deze vraag hoort geen extra uitleg.")
  }
  public var keysTitle: String { t("Keys", "Toetsen") }
  public var keyList: [String] {
    [
      t("Enter: confirm the answer and go on", "Enter: antwoord bevestigen en verder"),
      t(
        "↑ ↓: move through the choices; Space ticks in a list where you may choose more",
        "↑ ↓: door de keuzes; Spatie vinkt aan in een lijst waar u meer mag kiezen"),
      t(
        "1–9 (or 0–3 on a rating): choose directly",
        "1–9 (of 0–3 bij een beoordeling): direct kiezen"),
      t("← or Backspace: previous question", "← of Backspace: vorige vraag"),
      t(
        "→: next question without answering (when the question is optional)",
        "→: volgende vraag zonder antwoord (als de vraag niet verplicht is)"),
      t("Delete: remove the answer", "Delete: antwoord wissen"),
      t("PgUp PgDn: previous or next part", "PgUp PgDn: vorig of volgend onderdeel"),
      t(
        "Tab: overview of all answers, to check or change them",
        "Tab: overzicht van alle antwoorden, om te controleren of te wijzigen"),
      t(
        "Esc: stop (your answers are kept); Ctrl-C stops at once",
        "Esc: stoppen (uw antwoorden blijven bewaard); Ctrl-C stopt meteen"),
    ]
  }
  public var anyKeyToClose: String {
    t("Press any key to go back.", "Druk op een toets om terug te gaan.")
  }
  public var quitTitle: String { t("Stop for now?", "Nu stoppen?") }
  public var quitBody: String {
    t(
      "Every answer you gave is saved. Next time you can continue where you left off.",
      "Alle antwoorden die u gaf zijn bewaard. De volgende keer kunt u verdergaan waar u was."
    )
  }
  public var quitYes: String { t("y  yes, stop", "j  ja, stoppen") }
  public var quitNo: String { t("n  no, continue", "n  nee, verder") }
  public var yesKeys: Set<Character> {
    language == .dutch ? ["j", "J", "y", "Y"] : ["y", "Y", "j", "J"]
  }
  public var reviewTitle: String { t("Overview of your answers", "Overzicht van uw antwoorden") }
  public var reviewHint: String {
    t(
      "Choose a question to change it, or finish to make the report.",
      "Kies een vraag om die te wijzigen, of rond af om het verslag te maken."
    )
  }
  public var finish: String { t("Finish and make the report", "Afronden en het verslag maken") }
  public func missing(_ count: Int) -> String {
    t(
      "\(count) required question\(count == 1 ? "" : "s") still open (marked !)",
      "nog \(count) verplichte vra\(count == 1 ? "ag" : "gen") open (gemarkeerd met !)")
  }
  public var answerAgain: String { t("! please answer again", "! graag opnieuw beantwoorden") }
  public var reportTitle: String { t("Your report", "Uw verslag") }
  public var makingReport: String { t("Making the report…", "Het verslag wordt gemaakt…") }
  public var opening: String { t("Opening your answers…", "Uw antwoorden worden geopend…") }
  public func savedAt(_ path: String) -> String { t("Saved in \(path)", "Bewaard in \(path)") }
  public func printHint(_ path: String) -> String {
    // Quoted when a shell would split it (a child's name may hold spaces).
    let safe = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-~".contains($0) }
    let argument = safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    return t("Print: lp \(argument)", "Afdrukken: lp \(argument)")
  }
  public var tooSmall: String { t("Terminal too small", "Terminal te klein") }
  public func needAtLeast(_ width: Int, _ height: Int) -> String {
    t("Make it at least \(width)×\(height).", "Maak hem minstens \(width)×\(height).")
  }
  // MARK: Plain mode

  public var plainHowTo: String {
    t(
      "Answer each question on one line and press Enter. Enter on an empty line keeps the current answer or skips an optional question. Commands: ? why we ask · < previous question · overview · stop.",
      "Beantwoord elke vraag op één regel en druk op Enter. Enter op een lege regel houdt het huidige antwoord of slaat een vraag over die niet verplicht is. Opdrachten: ? waarom we dit vragen · < vorige vraag · overzicht · stop."
    )
  }
  public var plainCommands: String {
    t("(? why we ask · < previous · overview · stop)", "(? waarom · < vorige · overzicht · stop)")
  }
  public var plainChoose: String { t("What would you like to do?", "Wat wilt u doen?") }
  /// "Type a number from 1 to N", without the closing colon.
  public func plainChoicePrompt(_ count: Int) -> String {
    count == 1
      ? t("Type 1", "Typ 1")
      : t("Type a number from 1 to \(count)", "Typ een nummer van 1 tot en met \(count)")
  }
  public func plainMultiPrompt(_ count: Int) -> String {
    t(
      "Type one or more numbers from 1 to \(count), separated by commas",
      "Typ een of meer nummers van 1 tot en met \(count), gescheiden door komma's")
  }
  public var plainNamePrompt: String { t("Name:", "Naam:") }
  public var plainNumberPrompt: String { t("Type a number", "Typ een getal") }
  public func plainDatePrompt(_ format: String) -> String {
    t("Type a date (\(format))", "Typ een datum (\(format))")
  }
  public func plainTextPrompt(_ maxLength: Int) -> String {
    t(
      "Type your answer (at most \(maxLength) characters)",
      "Typ uw antwoord (hoogstens \(maxLength) tekens)")
  }
  public var plainOptional: String {
    t("(optional; Enter skips)", "(niet verplicht; Enter slaat over)")
  }
  public func plainQuestionNumber(_ number: Int, of total: Int, percent: Int) -> String {
    t(
      "Question \(number) of \(total) (\(percent)% answered)",
      "Vraag \(number) van \(total) (\(percent)% beantwoord)")
  }
  public func plainCurrent(_ answer: String) -> String {
    t("Current answer: \(answer) (Enter keeps it)", "Huidig antwoord: \(answer) (Enter houdt het)")
  }
  public var plainReviewPrompt: String {
    t(
      "Press Enter to finish and make the report, or type a question's number to change it:",
      "Druk op Enter om af te ronden en het verslag te maken, of typ het nummer van een vraag om die te wijzigen:"
    )
  }
  /// The letter that answers "don't know" to a number, date or text question.
  public var plainDontKnowLetter: String { t("d", "w") }
  public var plainDeclineLetter: String { t("p", "z") }
  public var plainStopped: String {
    t(
      "Stopped. Your answers are saved; run intake again to continue.",
      "Gestopt. Uw antwoorden zijn bewaard; start intake opnieuw om verder te gaan.")
  }

  func isStopCommand(_ input: String) -> Bool {
    ["stop", "stoppen", "quit"].contains(input.lowercased())
  }
  func isHelpCommand(_ input: String) -> Bool {
    ["?", "help", "hulp", "waarom", "why"].contains(input.lowercased())
  }
  func isBackCommand(_ input: String) -> Bool {
    ["<", "back", "terug", "vorige", "previous"].contains(input.lowercased())
  }
  func isOverviewCommand(_ input: String) -> Bool {
    ["overview", "overzicht"].contains(input.lowercased())
  }
  func isSkipCommand(_ input: String) -> Bool {
    [">", "skip", "overslaan"].contains(input.lowercased())
  }
  func isFinishCommand(_ input: String) -> Bool {
    ["finish", "afronden", "klaar", "done"].contains(input.lowercased())
  }

  public var moreAbove: String { t("↑ more", "↑ meer") }
  public var moreBelow: String { t("↓ more", "↓ meer") }
}
