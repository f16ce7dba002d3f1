import IntakeCore

/// The words of the form itself (not of the questionnaire), in the parent's language.
public struct FormText: Sendable {
  public let language: Language

  public init(_ language: Language) { self.language = language }

  func t(_ english: String, _ dutch: String) -> String {
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
  public func unreadableRow(_ profile: String) -> String {
    t(
      "An answers file of \(profile) cannot be read (Enter: why and where)",
      "Een antwoordbestand van \(profile) kan niet worden gelezen (Enter: waarom en waar)")
  }
  public var unreadableTitle: String {
    t("An answers file cannot be read", "Een antwoordbestand kan niet worden gelezen")
  }
  public func unreadableBody(_ unreadable: WelcomeContext.Unreadable) -> String {
    [
      t("File:", "Bestand:") + " " + unreadable.file,
      "",
      storeProblem(unreadable.problem),
      "",
      t(
        "intake leaves the file exactly as it is. It may hold answers that were not finished: open it in a text editor to repair it (the line and column above show where), or move it out of the folder.",
        "intake laat het bestand precies zoals het is. Er kunnen antwoorden in staan die nog niet af waren: open het in een teksteditor om het te herstellen (de regel en kolom hierboven zeggen waar), of haal het uit de map."
      ),
    ].joined(separator: "\n")
  }

  // MARK: Progress and keys

  public func progress(part: Int, of parts: Int, section: String, position: Int, count: Int)
    -> String
  {
    t(
      "Part \(part) of \(parts) · \(section) · question \(position) of \(count)",
      "Deel \(part) van \(parts) · \(section) · vraag \(position) van \(count)")
  }
  /// The same, numbers first: "1/9 · Over uw kind · 2/4".
  public func shortProgress(part: Int, of parts: Int, section: String, position: Int, count: Int)
    -> String
  {
    "\(part)/\(parts) · \(section) · \(position)/\(count)"
  }
  public var keyNext: String { t("Enter next", "Enter verder") }
  public var keyFinish: String { t("Enter finish", "Enter afronden") }
  /// "1–4 choose": the digits that choose, and Space.
  public func keyChooseRange(_ first: Character, _ last: Character, multiple: Bool) -> String {
    let range = first == last ? "\(first)" : "\(first)–\(last)"
    return multiple
      ? t("\(range)/Space tick", "\(range)/Spatie aanvinken")
      : t("\(range)/Space choose", "\(range)/Spatie kiezen")
  }
  public var keyReturn: String { t("Tab back", "Tab terug") }
  public var keyAnswerIt: String { t("Enter answer it", "Enter beantwoorden") }
  public var keyOpen: String { t("o open", "o openen") }
  public var keyPrint: String { t("p print", "p afdrukken") }
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
  /// The letter that chooses "don't know" (in plain mode, and in a list on screen).
  public var dontKnowLetter: Character { language == .dutch ? "w" : "d" }
  /// The letter that chooses "prefer not to say".
  public var declineLetter: Character { language == .dutch ? "z" : "p" }
  public var preferNotToSay: String { UIText.preferNotToSay.text(in: language) }
  public var notAnswered: String { UIText.notAnswered.text(in: language) }
  public var dateFormat: String { t("dd-mm-yyyy", "dd-mm-jjjj") }
  public func notANumber(wholeOnly: Bool) -> String {
    wholeOnly
      ? t("Please type a whole number, such as 12.", "Typ een heel getal, zoals 12.")
      : t("Please type a number, such as 12 or 2.5.", "Typ een getal, zoals 12 of 2,5.")
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
  public func chooseFirst(canSkip: Bool) -> String {
    let how = t(
      "Nothing is chosen yet. Choose with the number, or with ↑↓ and Space, then press Enter.",
      "Er is nog niets gekozen. Kies met het cijfer, of met ↑↓ en Spatie, en druk dan op Enter.")
    return canSkip ? how + " " + t("→ skips the question.", "→ slaat de vraag over.") : how
  }
  public func typeFirst(canSkip: Bool, hasSpecial: Bool) -> String {
    var parts = [
      t(
        "Nothing is filled in yet. Type your answer, then press Enter.",
        "Er is nog niets ingevuld. Typ uw antwoord en druk dan op Enter.")
    ]
    if hasSpecial {
      parts.append(
        t(
          "Or choose an answer below the field with ↓ and Space.",
          "Of kies een antwoord onder het vak met ↓ en Spatie."))
    }
    if canSkip { parts.append(t("→ skips the question.", "→ slaat de vraag over.")) }
    return parts.joined(separator: " ")
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
      t(
        "1–9 (or 0–3 on a rating), or ↑ ↓ and Space: choose; again: undo the choice",
        "1–9 (of 0–3 bij een beoordeling), of ↑ ↓ en Spatie: kiezen; nog eens: keuze weer weg"),
      t(
        "\(dontKnowLetter), \(declineLetter): \(dontKnow.lowercased()), \(preferNotToSay.lowercased()) (where the question has them)",
        "\(dontKnowLetter), \(declineLetter): \(dontKnow.lowercased()), \(preferNotToSay.lowercased()) (waar de vraag die heeft)"
      ),
      t(
        "Enter: confirm what you chose or typed and go on (with nothing chosen it only says how)",
        "Enter: bevestigen wat u koos of typte en verder (zonder keuze zegt het alleen hoe)"),
      t("←: previous question", "←: vorige vraag"),
      t(
        "→: next question without answering (when the question is optional)",
        "→: volgende vraag zonder antwoord (als de vraag niet verplicht is)"),
      t("Delete: remove the answer", "Delete: antwoord wissen"),
      t("PgUp PgDn: previous or next part", "PgUp PgDn: vorig of volgend onderdeel"),
      t(
        "Tab: overview of all answers, to check or change them; Tab again goes back",
        "Tab: overzicht van alle antwoorden, om te controleren of te wijzigen; nog eens Tab gaat terug"
      ),
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
  public func quitBodyUnsaved(_ count: Int) -> String {
    t(
      "\(count) answer\(count == 1 ? "" : "s") could not be saved (marked in the overview); the other answers are saved. Stopping tries once more; what still cannot be saved is printed when intake ends, so you can give it again.",
      "\(count) antwoord\(count == 1 ? "" : "en") kon\(count == 1 ? "" : "den") niet worden bewaard (gemarkeerd in het overzicht); de andere antwoorden zijn bewaard. Stoppen probeert het nog één keer; wat dan nog niet bewaard kan worden, ziet u als intake stopt, zodat u het opnieuw kunt geven."
    )
  }
  /// On the stop box when the question on screen (or another field) has an answer not yet
  /// confirmed with Enter: stopping saves it.
  /// `failing`: a save has failed already, so saving is only tried.
  public func quitSavesUnconfirmed(failing: Bool) -> String {
    failing
      ? t(
        "What you chose or typed and did not confirm with Enter yet is tried too.",
        "Wat u koos of typte en nog niet met Enter bevestigde, wordt ook geprobeerd.")
      : t(
        "What you chose or typed and did not confirm with Enter yet is saved too.",
        "Wat u koos of typte en nog niet met Enter bevestigde, wordt ook bewaard.")
  }
  /// On the stop box for text that is not a valid answer: it cannot be saved.
  public func quitNotKept(question: String, typed: String, problem: String) -> String {
    t(
      "Not saved: “\(typed)” is not a valid answer to “\(question)” (\(problem)) Press n to go back and correct it.",
      "Niet bewaard: “\(typed)” is geen geldig antwoord op “\(question)” (\(problem)) Druk op n om terug te gaan en het te verbeteren."
    )
  }
  public var quitYes: String { t("[y/Enter] Yes, stop", "[j/Enter] Ja, stoppen") }
  public var quitNo: String { t("[n/Esc] No, continue", "[n/Esc] Nee, doorgaan") }
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
  /// Before an answer in the overview that the store could not write.
  /// After text typed in the overview's answer column that was never confirmed with Enter.
  public var notConfirmed: String { t("not confirmed yet", "nog niet bevestigd") }
  /// After text typed in the overview's answer column that is not a valid answer.
  public var notValid: String { t("not a valid answer", "geen geldig antwoord") }
  public var notSavedMark: String { t("! not saved:", "! niet bewaard:") }
  public func finishTitle(_ open: Int) -> String {
    open == 0
      ? t("Ready to finish", "Klaar om af te ronden")
      : t(
        "\(open) question\(open == 1 ? "" : "s") without an answer",
        "\(open) vra\(open == 1 ? "ag" : "gen") zonder antwoord")
  }
  public var finishExplanation: String {
    t(
      "You can answer them now, or finish anyway: the report then says which questions are open, and the doctor can ask about them. Safety questions come first.",
      "U kunt ze nu beantwoorden, of toch afronden: het verslag noemt dan welke vragen open zijn, zodat de arts ernaar kan vragen. Vragen over veiligheid staan bovenaan."
    )
  }
  public var finishNothingOpen: String {
    t("Every question is answered.", "Alle vragen zijn beantwoord.")
  }
  public func finishUnknownSafety(_ count: Int) -> String {
    t(
      "\(count) safety question\(count == 1 ? " is" : "s are") answered \"\(dontKnow)\"; the report asks the doctor about \(count == 1 ? "it" : "them").",
      "Bij \(count) veiligheidsvra\(count == 1 ? "ag" : "gen") staat \"\(dontKnow)\"; het verslag vraagt de arts daarnaar."
    )
  }
  public var finishSafetyHeading: String { t("Safety", "Veiligheid") }
  public var finishOtherHeading: String { t("Other questions", "Andere vragen") }
  public func finishAnyway(_ open: Int) -> String {
    t(
      "Finish anyway and make the report (\(open) open)",
      "Toch afronden en het verslag maken (\(open) open)")
  }
  public var reportTitle: String { t("Your report", "Uw verslag") }
  public var makingReport: String { t("Making the report…", "Het verslag wordt gemaakt…") }
  public var opening: String { t("Opening your answers…", "Uw antwoorden worden geopend…") }
  public func savedAt(_ path: String) -> String { t("Saved in \(path)", "Bewaard in \(path)") }
  public func printHint(_ path: String) -> String {
    t("Print: lp \(Self.shellQuoted(path))", "Afdrukken: lp \(Self.shellQuoted(path))")
  }
  /// Where the report was saved, a line per file.
  public func reportSaved(_ files: ReportFiles) -> [String] {
    var lines: [String] = []
    if let text = files.text {
      lines.append(t("Report (text): \(text)", "Verslag (tekst): \(text)"))
    }
    if let html = files.html {
      lines.append(t("Report (web page): \(html)", "Verslag (webpagina): \(html)"))
    }
    if let pdf = files.pdf { lines.append(t("Report (PDF): \(pdf)", "Verslag (PDF): \(pdf)")) }
    return lines
  }
  /// Why the report has no PDF, and what to do about it.
  public func noPDF(_ problem: ReportPDFError) -> String {
    t("No PDF: ", "Geen PDF: ") + problem.message(in: language)
  }
  /// `path` as one shell word: quoted when a shell would split it (a child's name may hold
  /// spaces).
  public static func shellQuoted(_ path: String) -> String {
    let safe = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-~".contains($0) }
    return safe ? path : "'" + path.replacingAll("'", with: "'\\''") + "'"
  }
  public var tooSmall: String { t("Terminal too small", "Terminal te klein") }
  public func needAtLeast(_ width: Int, _ height: Int) -> String {
    t("Make it at least \(width)×\(height).", "Maak hem minstens \(width)×\(height).")
  }
  // MARK: Plain mode

  public var plainHowTo: String {
    t(
      "Answer each question on one line and press Enter. Enter on an empty line keeps the current answer or skips an optional question. Commands: ? why we ask · < previous question · overview · finish · stop.",
      "Beantwoord elke vraag op één regel en druk op Enter. Enter op een lege regel houdt het huidige antwoord of slaat een vraag over die niet verplicht is. Opdrachten: ? waarom we dit vragen · < vorige vraag · overzicht · afronden · stop."
    )
  }
  public var plainCommands: String {
    t(
      "(? why we ask · < previous · overview · finish · stop)",
      "(? waarom · < vorige · overzicht · afronden · stop)")
  }
  public var plainChoose: String { t("What would you like to do?", "Wat wilt u doen?") }
  /// "Type a number from 1 to N", without the closing colon.
  public func plainChoicePrompt(_ count: Int) -> String {
    count == 1
      ? t("Type 1", "Typ 1")
      : t("Type a number from 1 to \(count)", "Typ een nummer van 1 tot en met \(count)")
  }
  /// How to answer a list: its numbers (`range`), and for more than one, commas.
  public func plainKeyPrompt(_ range: (Character, Character)?, multiple: Bool) -> String {
    guard let (first, last) = range else {
      return t("Type the letter of your answer", "Typ de letter van uw antwoord")
    }
    if multiple {
      return t(
        "Type one or more of \(first) to \(last), separated by commas",
        "Typ een of meer van \(first) tot en met \(last), gescheiden door komma's")
    }
    return first == last
      ? t("Type \(first)", "Typ \(first)")
      : t(
        "Type a number from \(first) to \(last)", "Typ een nummer van \(first) tot en met \(last)")
  }
  /// ", or w", ", or w or p": the letters of the special answers after the numbers.
  public func orLetters(_ letters: [Character]) -> String {
    guard !letters.isEmpty else { return "" }
    let listed = letters.map(String.init).joined(separator: t(" or ", " of "))
    return t(", or \(listed)", ", of \(listed)")
  }
  public var plainNamePrompt: String {
    t(
      "Name (at most \(WelcomeAction.nameLimit) characters):",
      "Naam (hoogstens \(WelcomeAction.nameLimit) tekens):")
  }
  public var plainNotText: String {
    t(
      "That line is not text intake can read (it is not UTF-8), so it was not used: please type it again. Is the terminal set to UTF-8?",
      "Die regel is geen tekst die intake kan lezen (geen UTF-8) en is niet gebruikt: typ hem opnieuw. Staat de terminal op UTF-8?"
    )
  }
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
  public func plainQuestionNumber(part: Int, of parts: Int, position: Int, count: Int) -> String {
    t(
      "Part \(part) of \(parts), question \(position) of \(count)",
      "Deel \(part) van \(parts), vraag \(position) van \(count)")
  }
  public var plainRetry: String {
    t(
      "Your last answer here could not be saved: press Enter to try again, or type another.",
      "Uw laatste antwoord hier kon niet worden bewaard: druk op Enter om het opnieuw te proberen, of typ een ander."
    )
  }
  public func plainFinishPrompt(_ open: Int) -> String {
    open == 0
      ? t(
        "Type finish to make the report, or overview to go back:",
        "Typ afronden om het verslag te maken, of overzicht om terug te gaan:")
      : t(
        "Type a number to answer that question, finish to finish anyway, or overview to go back:",
        "Typ een nummer om die vraag te beantwoorden, afronden om toch af te ronden, of overzicht om terug te gaan:"
      )
  }
  public func plainCurrent(_ answer: String) -> String {
    t("Current answer: \(answer) (Enter keeps it)", "Huidig antwoord: \(answer) (Enter houdt het)")
  }
  public var plainReviewPrompt: String {
    t(
      "Type finish to finish and make the report, or a question's number to change it:",
      "Typ afronden om af te ronden en het verslag te maken, of het nummer van een vraag om die te wijzigen:"
    )
  }
  public var plainStopped: String {
    t(
      "Stopped. Every answer you gave is saved.",
      "Gestopt. Alle antwoorden die u gaf zijn bewaard.")
  }
  /// Plain mode's last line when no assessment was open: nothing was saved.
  public var plainStoppedNothingOpen: String {
    t("Stopped. Nothing was saved.", "Gestopt. Er is niets bewaard.")
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
