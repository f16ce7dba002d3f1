import BuiltinQuestionnaires
import Foundation
import IntakeCore
import IntakeForm
import Testing

private let born = AnswerValue.date(LocalDate(year: 2018, month: 4, day: 3)!)
private let started = LocalDate(year: 2026, month: 11, day: 20)!

@Suite("Form: welcome screen")
struct WelcomeTests {
  @Test("a new questionnaire asks for the child's name, then starts")
  func newProfile() {
    var state = FormFixture.welcome()
    #expect(state.flatText.contains("Het is geen diagnose"), "says what intake is not")
    #expect(state.press(.enter) == [])
    #expect(state.press(.enter) == [], "an empty name is refused")
    #expect(state.screen.text.contains { $0.contains("Typ een naam.") })
    state.type(" Zoë ")
    #expect(state.press(.enter) == [.start(.new(profile: "Zoë"), language: .dutch)])
    #expect(state.mode == .opening)
  }

  @Test("continuing is offered first when something is unfinished; follow-ups are listed")
  func resumeAndFollowUp() {
    let context = WelcomeContext(
      unfinished: [.init(assessmentID: "a1", profile: "Sam", started: started, answered: 12)],
      finished: [.init(assessmentID: "b7", profile: "Noor", completed: started)])
    var state = FormFixture.welcome(context)
    let text = state.screen.text
    #expect(
      text.contains { $0.contains("▸ Verder voor Sam (begonnen 20 november 2026, 12 beantwoord)") })
    #expect(text.contains { $0.contains("Vervolgmeting voor Noor") })
    #expect(state.press(.enter) == [.start(.resume(assessmentID: "a1"), language: .dutch)])
    var followUp = FormFixture.welcome(context)
    #expect(
      followUp.press(.down, .enter) == [.start(.followUp(assessmentID: "b7"), language: .dutch)])
  }

  @Test("an answers file that cannot be read is listed; Enter shows the located error and path")
  func unreadable() {
    let problem = AnswerStoreError.invalidFile(
      Diagnostic(
        location: SourceLocation(file: "/data/sam/20261120-090000-aaaaaa.json", line: 7, column: 3),
        message: "expected text at status, found a number"))
    let context = WelcomeContext(
      unreadable: [
        .init(profile: "Sam", file: "/data/sam/20261120-090000-aaaaaa.json", problem: problem)
      ])
    var state = FormFixture.welcome(context)
    #expect(state.flatText.contains("Een antwoordbestand van Sam kan niet worden gelezen"))
    state.press(.end, .enter)
    let flat = state.flatText
    #expect(flat.contains("Bestand: /data/sam/20261120-090000-aaaaaa.json"))
    #expect(flat.contains("/data/sam/20261120-090000-aaaaaa.json:7:3: error: expected text"))
    #expect(flat.contains("intake laat het bestand precies zoals het is"))
    state.press(.character("x"))
    #expect(state.overlay == nil)
    #expect(state.mode != .opening, "choosing it opens nothing")
  }

  @Test("the language switches on the first row, and the whole screen follows")
  func language() {
    var state = FormFixture.welcome()
    state.press(.up, .right)
    #expect(state.language == .english)
    #expect(state.screen.text.contains { $0.contains("Language: English") })
    #expect(state.flatText.contains("It is not a diagnosis"))
    state.press(.down, .enter)
    state.type("Sam")
    #expect(state.press(.enter) == [.start(.new(profile: "Sam"), language: .english)])
  }

  @Test("a failed open returns to the welcome screen with the reason")
  func openFailed() {
    var state = FormFixture.welcome()
    state.press(.enter)
    state.type("Sam")
    state.press(.enter)
    _ = state.update(
      .outcome(.openFailed(.store(.locked(file: "/data/sam/x.json")), welcome: WelcomeContext())))
    #expect(state.screen.text.contains { $0.contains("al open in een ander intake-venster") })
    #expect(state.press(.escape) == [.exit])
  }

  @Test(
    "a resumed walk starts where the parent was; a hidden position moves on to the next shown item")
  func resumePosition() {
    let state = FormFixture.walking(["birth_date": born, "sleep": .choice("yes")], at: "nights")
    #expect(state.currentItem == "nights")
    let hidden = FormFixture.walking(["birth_date": born, "sleep": .choice("no")], at: "nights")
    #expect(hidden.currentItem == "focus")
  }
}

@Suite("Form: a hurried parent records nothing")
struct HurriedParentTests {
  @Test("Enter pressed 60 times from the first question records nothing that was not typed")
  func enterSixtyTimes() {
    var state = FormFixture.walking()
    var effects: [FormEffect] = []
    for _ in 0..<60 { effects += state.press(.enter) }
    #expect(!effects.contains { if case .record = $0 { true } else { false } })
    #expect(state.answers.isEmpty)
  }

  @Test("Enter through the built-in questionnaire records nothing either")
  func builtinEnter() {
    var state = FormState(
      walk: Walk(
        questionnaire: BuiltinQuestionnaireScreenTests.questionnaire, today: FormFixture.today),
      language: .dutch, welcome: WelcomeContext(), width: 80, height: 24)
    _ = state.update(
      .outcome(.opened(OpenedAssessment(answers: Answers(), position: nil, profile: "Robin"))))
    var effects: [FormEffect] = []
    for _ in 0..<60 { effects += state.press(.enter) }
    for _ in 0..<60 { effects += state.press(.right, .enter) }
    #expect(!effects.contains { if case .record = $0 { true } else { false } })
    #expect(!effects.contains { if case .finish = $0 { true } else { false } })
  }

  @Test("keys pressed while 'terminal too small' is shown do nothing; Ctrl-C still leaves")
  func tooSmall() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    _ = state.update(.resize(width: 30, height: 8))
    #expect(state.screen.text.contains { $0.contains("Terminal te klein") })
    #expect(state.press(.character("1"), .enter, .tab, .escape, .down) == [])
    _ = state.update(.resize(width: 80, height: 24))
    #expect(state.currentItem == "sleep")
    #expect(!state.dump.contains("(•)"), "nothing was chosen unseen")
    _ = state.update(.resize(width: 30, height: 8))
    #expect(state.press(.interrupt) == [.exit])
  }
}

@Suite("Form: review and finishing")
struct ReviewTests {
  @Test("the overview lists shown questions by section, with answers, don't know and blanks")
  func overview() {
    var state = FormFixture.walking(
      ["birth_date": born, "weight": .dontKnow, "sleep": .choice("no")], at: "sleep")
    state.press(.tab)
    let text = state.screen.text
    #expect(text.contains(" Over uw kind"))
    #expect(
      text.contains { $0.contains("Wanneer is uw kind geboren?") && $0.contains("3 april 2018") })
    #expect(
      text.contains {
        $0.contains("Hoeveel weegt uw kind ongeveer?") && $0.contains("Weet ik niet")
      })
    #expect(text.contains { $0.contains("Hoe noemt u uw kind?") && $0.contains("Niet ingevuld") })
    #expect(!text.contains { $0.contains("Hoeveel nachten") }, "hidden items are not listed")
    #expect(state.screen.text.last?.contains("Tab terug") == true, "the footer says Tab goes back")
  }

  @Test("an edit from the overview asks the questions it reveals, then returns to the overview")
  func editFromReview() {
    var state = FormFixture.walking(
      ["birth_date": born, "sleep": .choice("no"), "foods": .choices(["nuts"])], at: "sleep")
    state.press(.tab)
    state.press(.enter)
    #expect(state.currentItem == "sleep")
    let effects = state.press(.character("1"), .enter)
    #expect(
      effects == [.record(itemID: "sleep", value: .choice("yes")), .position(itemID: "nights")])
    #expect(state.currentItem == "nights", "the question the edit revealed is asked")
    state.type("3")
    state.press(.enter)
    guard case .review = state.mode else {
      Issue.record("not back on the overview:\n\(state.dump)")
      return
    }
    #expect(
      state.screen.text.contains { $0.contains("Hoeveel nachten per week?") && $0.contains("3") })
  }

  @Test("Tab goes back to where the parent was, not to the question last changed")
  func tabReturns() {
    var state = FormFixture.walking(
      ["birth_date": born, "sleep": .choice("no"), "foods": .choices(["nuts"])], at: "who")
    state.press(.tab)
    state.press(.home, .enter)
    #expect(state.currentItem == "nickname")
    state.type("Sam")
    state.press(.enter)
    state.press(.tab)
    #expect(state.currentItem == "who")
  }

  @Test("finishing with required questions open marks them and goes nowhere")
  func finishBlocked() {
    var state = FormFixture.walking(["sleep": .choice("no")], at: "notes")
    state.press(.right)
    guard case .review = state.mode else {
      Issue.record("the last question does not lead to the overview:\n\(state.dump)")
      return
    }
    #expect(state.press(.enter) == [], "not finished")
    #expect(state.screen.text.contains { $0.contains("nog 2 verplichte vragen open") })
    #expect(state.screen.text.contains { $0.hasPrefix("  ! Wanneer is uw kind geboren?") })
  }

  @Test("why finishing stopped stays in view when the overview scrolls to the open question")
  func finishBlockedSmall() {
    var state = FormFixture.walking(
      ["birth_date": born, "sleep": .choice("no")], at: "notes", width: 40, height: 12)
    state.press(.right)
    #expect(state.press(.enter) == [], "not finished")
    #expect(state.screen.text.contains { $0.contains("! Wat eet uw kind") })
    #expect(state.screen.text.contains { $0.contains("nog 1 verplichte vraag open") })
  }

  @Test("finishing early lists the open questions, safety first, each a key away")
  func finishEarly() {
    var state = FormFixture.walking(
      ["birth_date": born, "sleep": .choice("no"), "foods": .choices(["none"])], at: "notes")
    state.press(.right)
    #expect(state.press(.enter) == [], "a step before finishing")
    guard case .confirmFinish = state.mode else {
      Issue.record("no confirm step:\n\(state.dump)")
      return
    }
    let text = state.screen.text
    #expect(state.flatText.contains("5 vragen zonder antwoord"))
    let safety = text.firstIndex(of: " Veiligheid")
    let weight = text.firstIndex { $0.contains("1  Hoeveel weegt uw kind ongeveer?") }
    let other = text.firstIndex(of: " Andere vragen")
    #expect(safety != nil && weight != nil && other != nil)
    #expect(safety! < weight! && weight! < other!, "the safety question comes first")
    // A held Enter opens the first open question; it does not finish.
    #expect(state.press(.enter) == [.position(itemID: "weight")])
    state.type("30")
    state.press(.enter)
    guard case .confirmFinish = state.mode else {
      Issue.record("not back on the list:\n\(state.dump)")
      return
    }
    #expect(state.flatText.contains("4 vragen zonder antwoord"))
    state.press(.character("2"))
    #expect(state.currentItem == "focus")
    state.press(.tab)
    state.press(.end, .enter)
    #expect(
      state.press(.end, .enter) == [
        .finish(unanswered: ["nickname", "focus", "who", "notes"])
      ])
    #expect(state.mode == .finishing)
    #expect(state.screen.text.contains { $0.contains("Het verslag wordt gemaakt") })
  }

  @Test("finishing with everything answered asks for the report at once")
  func finish() {
    var state = FormFixture.walking(
      [
        "nickname": .text("Sam"), "birth_date": born, "weight": .number(30),
        "sleep": .choice("no"), "focus": .number(1), "foods": .choices(["none"]),
        "who": .choice("mother"),
      ], at: "notes")
    state.type("Niets")
    #expect(state.press(.enter).first == .record(itemID: "notes", value: .text("Niets")))
    #expect(state.press(.enter) == [.finish(unanswered: [])])
    #expect(state.mode == .finishing)
  }

  @Test("PgDn and PgUp jump between sections on the overview")
  func sectionJumps() {
    var state = FormFixture.walking(["birth_date": born, "sleep": .choice("no")], at: "nickname")
    state.press(.tab, .pageDown, .enter)
    #expect(state.currentItem == "sleep")
    state.press(.tab, .pageUp, .enter)
    #expect(state.currentItem == "nickname")
  }
}

@Suite("Form: progress and small screens")
struct ProgressTests {
  @Test("progress names the part of all parts and never goes back as follow-ups appear")
  func progress() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    #expect(state.flatText.contains("Deel 2 van 2 · Dagelijks leven · vraag 1 van 5"))
    let before = percent(state)
    state.press(.character("1"), .enter)
    #expect(state.currentItem == "nights")
    #expect(percent(state) > before, "the share rises although a question appeared")
    #expect(state.flatText.contains("vraag 2 van 6"))
  }

  private func percent(_ state: FormState) -> Int {
    let line = state.screen.text[1]
    let number = line.split(separator: " ").last { $0.hasSuffix("%") } ?? "0%"
    return Int(number.dropLast()) ?? -1
  }

  @Test(
    "at every supported size the question, its help and every option can be read",
    arguments: [(40, 12), (50, 14), (80, 24)])
  func everythingReadable(width: Int, height: Int) {
    let questionnaire = BuiltinQuestionnaireScreenTests.questionnaire
    let walk = Walk(questionnaire: questionnaire, today: FormFixture.today)
    for item in questionnaire.items {
      var state = FormState(
        walk: walk, language: .dutch, welcome: WelcomeContext(), width: width, height: height)
      _ = state.update(
        .outcome(.opened(OpenedAssessment(answers: Answers(), position: item.id, profile: "R"))))
      guard state.currentItem == item.id else { continue }
      // Every word seen while moving up past the top and down past the bottom.
      var seen = Set(state.flatText.split(separator: " ").map(String.init))
      // Enough presses to pass every row and every line of the longest question.
      let rows = item.options.count + 4
      let keys =
        Array(repeating: FormKey.up, count: 12) + Array(repeating: .down, count: rows + 12)
        + Array(repeating: .up, count: rows + 24)
      for key in keys {
        state.press(key)
        seen.formUnion(state.flatText.split(separator: " ").map(String.init))
      }
      // Wrapped text is split over lines; every word of it must have been on screen.
      let texts =
        [item.question.text(in: .dutch)] + (item.help.map { [$0.text(in: .dutch)] } ?? [])
        + item.options.map { $0.label.text(in: .dutch) }
      let unseen = texts.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        .filter { !seen.contains($0) }
      #expect(unseen.isEmpty, "\(item.id) at \(width)×\(height): never shown: \(unseen)")
    }
  }

  @Test("on a short screen the question shows first; ↑ on the first option scrolls up to it")
  func questionFirst() {
    var state = FormFixture.walking(at: "who", width: 40, height: 12)
    #expect(state.flatText.contains("Wie vult dit in?"))
    state.press(.end)
    #expect(!state.flatText.contains("Wie vult dit in?"))
    #expect(state.screen.text.contains { $0.contains("↑ meer") })
    state.press(.home)
    #expect(state.flatText.contains("Wie vult dit in?"))
  }
}

@Suite("Form: leaving, help and screen sizes")
struct LeavingTests {
  @Test("Esc asks first, saying which keys do what; n continues, j or Enter stops")
  func escapeConfirms() {
    var state = FormFixture.walking(at: "focus")
    #expect(state.press(.escape) == [])
    #expect(state.flatText.contains("Alle antwoorden die u gaf zijn bewaard"))
    #expect(state.flatText.contains("[j/Enter] Ja, stoppen"))
    #expect(state.flatText.contains("[n/Esc] Nee, doorgaan"))
    state.press(.character("n"))
    #expect(state.overlay == nil)
    #expect(state.press(.character("q"), .character("j")) == [.exit])
    #expect(state.mode == .done)
    var enter = FormFixture.walking(at: "focus")
    #expect(enter.press(.escape, .enter) == [.exit])
  }

  @Test("Ctrl-C leaves at once, saving a valid half-typed answer first")
  func interruptSavesDraft() {
    var state = FormFixture.walking(at: "nickname")
    state.type("Zoë")
    #expect(state.press(.interrupt) == [.record(itemID: "nickname", value: .text("Zoë")), .exit])
    var invalid = FormFixture.walking(["birth_date": born], at: "weight")
    invalid.type("999")
    let effects = invalid.press(.interrupt)
    #expect(effects.count == 2 && effects.last == .exit)
    guard case .notKept(let notKept)? = effects.first else {
      Issue.record("an answer out of range is not stored, but named: \(effects)")
      return
    }
    #expect(notKept.itemID == "weight" && notKept.text == "999")
  }

  @Test("at 40×12 the stop box keeps both keys whole and puts what would be lost first")
  func smallStopBox() {
    var state = FormFixture.walking(["birth_date": born], at: "weight", width: 40, height: 12)
    state.type("999")
    state.press(.escape)
    let rows = state.screen.text
    #expect(rows.contains { $0.contains("[j/Enter] Ja, stoppen") })
    #expect(rows.contains { $0.contains("[n/Esc] Nee, doorgaan") })
    #expect(rows.contains { $0.contains("Niet bewaard: “999”") })
    #expect(rows.contains { $0.contains("└") }, "the box is closed")
    // After a failed save the lines under the question do not cover the box.
    let full = WalkProblem.store(.cannotWrite(file: "/data/a.json", reason: "the disk is full"))
    var failed = FormFixture.walking(at: "who", width: 40, height: 12)
    failed.pressFailing(full, .character("2"), .enter)
    failed.press(.escape)
    #expect(failed.screen.text.contains { $0.contains("[j/Enter] Ja, stoppen") })
    #expect(failed.screen.text.contains { $0.contains("[n/Esc] Nee, doorgaan") })
    #expect(failed.screen.text.contains { $0.contains("└") })
    var wide = FormFixture.walking(at: "focus")
    wide.press(.escape)
    #expect(
      wide.screen.text.contains { $0.contains("[j/Enter] Ja, stoppen    [n/Esc] Nee, doorgaan") },
      "side by side when they fit")
  }

  @Test("the stop box names typed text that is not a valid answer, and stopping names it again")
  func escapeNamesInvalidText() {
    var state = FormFixture.walking(["birth_date": born], at: "weight")
    state.type("999")
    state.press(.escape)
    #expect(state.flatText.contains("Niet bewaard: “999” is geen geldig antwoord op"))
    #expect(state.flatText.contains("Druk op n om terug te gaan"))
    state.press(.character("n"))
    #expect(state.screen.text.contains { $0.contains("> 999") }, "n goes back to the text")
    let effects = state.press(.escape, .character("j"))
    #expect(effects.map(\.isRecord) == [false, false], "nothing invalid is written")
    #expect(effects.last == .exit)
  }

  @Test("a choice marked but not confirmed is saved on stopping, and the stop box says so")
  func markedChoiceSavedOnLeaving() {
    var state = FormFixture.walking(at: "who")
    state.press(.character("2"))
    state.press(.escape)
    #expect(state.flatText.contains("nog niet met Enter bevestigde, wordt ook bewaard"))
    #expect(
      state.press(.enter) == [.record(itemID: "who", value: .choice("father")), .exit])
    var unchanged = FormFixture.walking(["who": .choice("father")], at: "who")
    unchanged.press(.escape)
    #expect(!unchanged.flatText.contains("wordt ook bewaard"), "the stored answer is not news")
    #expect(unchanged.press(.enter) == [.exit])
  }

  @Test("text typed in a field and left with Tab is saved when stopping from the overview")
  func draftElsewhereSavedOnLeaving() {
    var state = FormFixture.walking(at: "nickname")
    state.type("Zoë")
    state.press(.tab)
    #expect(
      state.press(.escape, .enter) == [.record(itemID: "nickname", value: .text("Zoë")), .exit])
  }

  @Test("an answered field emptied but not confirmed keeps its answer on stopping")
  func emptiedFieldKeepsAnswer() {
    var state = FormFixture.walking(["nickname": .text("Zoë")], at: "nickname")
    state.press(.backspace, .backspace, .backspace)
    #expect(state.press(.interrupt) == [.exit])
  }

  @Test("in a text field, q and ? are letters")
  func lettersInFields() {
    var state = FormFixture.walking(at: "nickname")
    state.type("q?")
    #expect(state.overlay == nil)
    #expect(state.screen.text.contains { $0.contains("> q?") })
  }

  @Test("F1 shows why we ask and the keys; arrows scroll it, another key closes it")
  func help() {
    var state = FormFixture.walking(at: "weight", width: 40, height: 12)
    state.press(.help)
    #expect(state.screen.text.contains(" Waarom we dit vragen"))
    #expect(state.screen.text.contains { $0.contains("De leeftijd bepaalt de") })
    let first = state.screen.text
    state.press(.down, .down)
    #expect(state.screen.text != first)
    state.press(.enter)
    #expect(state.overlay == nil)
    #expect(state.currentItem == "weight", "closing help does not answer")
  }

  @Test(
    "a resize keeps everything typed and re-lays out; too small says so",
    arguments: [(40, 12), (120, 40), (200, 60)])
  func resize(width: Int, height: Int) {
    var state = FormFixture.walking(at: "notes")
    state.type("Slaapt slecht sinds de zomer")
    _ = state.update(.resize(width: 30, height: 8))
    #expect(state.screen.text.contains { $0.contains("Terminal te klein") })
    _ = state.update(.resize(width: width, height: height))
    let screen = state.screen
    #expect(screen.lines.count == height)
    #expect(screen.lines.allSatisfy { $0.width <= width })
    #expect(screen.text.contains { $0.contains("Slaapt slecht sinds de zomer") })
    #expect(
      state.press(.enter).first
        == .record(itemID: "notes", value: .text("Slaapt slecht sinds de zomer")))
  }

  @Test("every screen fits the terminal at 40×12 and at 80×24, in both languages")
  func everyScreenFits() {
    for (width, height) in [(40, 12), (80, 24)] {
      for language in [Language.dutch, .english] {
        var state = FormFixture.walking(
          ["birth_date": born], language: language, width: width, height: height)
        var seen = 0
        while state.currentItem != nil && seen < 30 {
          let screen = state.screen
          #expect(screen.lines.count == height)
          #expect(
            screen.lines.allSatisfy { $0.width <= width },
            "\(state.currentItem!) at \(width)×\(height)")
          if let cursor = screen.cursor { #expect(cursor.row < height && cursor.column < width) }
          // Skip, or answer with the first choice, to move through every screen.
          let before = state.currentItem
          state.press(.right)
          if state.currentItem == before { state.type("1"); state.press(.enter) }
          seen += 1
        }
        #expect(seen >= 8, "walked \(seen) screens")
      }
    }
  }

  @Test("a long option list scrolls with the highlight on a short screen")
  func scrollingList() {
    var state = FormFixture.walking(at: "who", width: 40, height: 12)
    state.press(.end)
    let text = state.screen.text
    #expect(text.contains { $0.contains("Zeg ik liever niet") })
    #expect(text.contains { $0.contains("↑ meer") })
  }

  @Test("control characters and bidi overrides in answers are shown, never sent raw")
  func controlsShown() {
    var state = FormFixture.walking(
      ["nickname": .text("Sam\u{1B}]0;pwned\u{07}\u{202E}"), "birth_date": born], at: "nickname")
    let all = state.screen.text.joined()
    #expect(!all.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    #expect(all.contains("Sam<U+001B>]0;pwned<U+0007><U+202E>"))
    state.press(.tab)
    #expect(!state.screen.text.joined().unicodeScalars.contains { $0.value == 0x1B })
  }
}

@Suite("Form: the built-in questionnaire")
struct BuiltinQuestionnaireScreenTests {
  static let questionnaire: Questionnaire = {
    do {
      return try QuestionnaireLoader.load(
        yaml: BuiltinQuestionnaires.named(BuiltinQuestionnaires.defaultFileName)!.yaml,
        file: "adhd-magnesium.yaml",
        today: FormFixture.today)
    } catch { fatalError("\(error)") }
  }()

  @Test(
    "the welcome screen opens with the questionnaire's own introduction, and still fits",
    arguments: [
      (Language.dutch, "Vraagt u zich af of magnesium"),
      (.english, "if you are wondering whether magnesium"),
    ])
  func welcome(language: Language, opening: String) {
    for (width, height) in [(80, 24), (40, 12)] {
      let state = FormState(
        walk: Walk(questionnaire: Self.questionnaire, today: FormFixture.today), language: language,
        welcome: WelcomeContext(), width: width, height: height)
      let screen = state.screen
      #expect(screen.lines.allSatisfy { $0.width <= width })
      #expect(
        screen.text.contains { $0.contains(FormText(language).startNew) },
        "the choice is always in view")
      if height == 24 { #expect(state.flatText.contains(opening)) }
    }
  }
}

@Suite("Form: answers that no longer fit")
struct ChangedQuestionnaireTests {
  @Test(
    "an answer whose option is gone is flagged in the overview and counts as open when required")
  func flagged() {
    var state = FormFixture.walking(
      [
        "birth_date": .date(LocalDate(year: 2018, month: 4, day: 3)!),
        "sleep": .choice("sometimes"), "who": .choice("aunt"),
      ],
      at: "who")
    state.press(.tab)
    #expect(
      state.screen.text.contains {
        $0.contains("Wie vult dit in?") && $0.contains("! graag opnieuw beantwoorden")
      })
    #expect(
      state.screen.text.contains {
        $0.contains("Slaapt uw kind slecht?") && $0.contains("! graag opnieuw beantwoorden")
      })
    state.press(.end, .enter)
    #expect(state.mode != .finishing, "a required answer that no longer fits blocks finishing")
  }

  @Test("what a new version did to earlier answers shows until a key; arrows scroll it")
  func message() {
    var state = FormFixture.welcome(width: 40, height: 12)
    let migration = MigrationReport(
      questionnaireID: "form-test", fromVersion: "0.9.0", toVersion: "1.0.0", kept: [],
      retired: (1...20).map { .init(itemID: "oud_\($0)", value: .choice("ja")) }, restored: [],
      incompatible: [])
    _ = state.update(
      .outcome(
        .opened(
          OpenedAssessment(
            answers: Answers(), position: nil, profile: "Sam", migration: migration))))
    #expect(state.screen.text.contains(" Uw eerdere antwoorden"))
    #expect(state.flatText.contains("versie 0.9.0 → 1.0.0"))
    state.press(.pageDown)
    #expect(state.flatText.contains("oud_"))
    state.press(.character("x"))
    #expect(state.overlay == nil)
    #expect(state.currentItem == "nickname", "closing the message does not answer")
  }
}

@Suite("Form: the report viewer")
struct ReportViewerTests {
  private func viewing(width: Int = 80, height: Int = 24) throws -> FormState {
    var state = FormFixture.walking(
      ["birth_date": .date(LocalDate(year: 2018, month: 4, day: 3)!)], width: width, height: height)
    let record = AnswerRecord(
      id: "20261125-120000-aaaaaa", questionnaireID: "form-test", questionnaireVersion: "1.0.0",
      language: .dutch,
      profile: "sam", created: Date(timeIntervalSince1970: 1_795_000_000),
      answers: [
        "birth_date": .init(
          value: .date(LocalDate(year: 2018, month: 4, day: 3)!), answeredAt: Date())
      ])
    let document = try ReportDocument.build(
      questionnaire: FormFixture.questionnaire, record: record, today: FormFixture.today)
    _ = state.update(
      .outcome(
        .finished(
          FinishedAssessment(
            document: document,
            files: ReportFiles(text: "/tmp/sam/verslag.txt", html: "/tmp/sam/verslag.html"),
            answersFile: "/tmp/sam/x.json"))))
    return state
  }

  @Test("End shows the last page; Up then moves one line back")
  func scrolling() throws {
    var state = try viewing(width: 40, height: 12)
    let first = state.screen.text
    #expect(
      first.contains { $0.contains("Verslag (tekst):") },
      "on a small screen the location leads the text")
    state.press(.end)
    let last = state.screen.text
    #expect(last != first)
    state.press(.up)
    #expect(state.screen.text != last, "one line back from the end")
    state.press(.down, .down, .down)
    #expect(state.screen.text == last, "no scrolling past the end")
    #expect(state.press(.character("q")) == [.exit])
  }

  @Test("a resize lays the report out again at the new width")
  func resize() throws {
    var state = try viewing()
    #expect(state.screen.lines.allSatisfy { $0.width <= 80 })
    #expect(
      state.screen.text.contains { $0.contains("Verslag (webpagina): /tmp/sam/verslag.html") },
      "pinned when there is room")
    _ = state.update(.resize(width: 40, height: 12))
    #expect(state.screen.lines.allSatisfy { $0.width <= 40 })
  }

  @Test("without WeasyPrint the viewer says there is no PDF and how to get it")
  func noPDF() throws {
    var state = try viewing()
    guard case .report(let viewer) = state.mode else {
      Issue.record("no viewer")
      return
    }
    _ = state.update(
      .outcome(
        .finished(
          FinishedAssessment(
            document: viewer.document, files: viewer.finished.files,
            answersFile: "/tmp/sam/x.json", pdfProblem: .weasyPrintMissing))))
    #expect(
      state.flatText.contains("Geen PDF: kan geen PDF maken: WeasyPrint is niet geïnstalleerd"))
    #expect(state.flatText.contains("sudo apt-get install weasyprint"))
  }

  @Test("o opens the report, p prints it, and what happened is shown")
  func openAndPrint() throws {
    var state = try viewing()
    #expect(state.screen.text.last?.contains("o openen") == true)
    #expect(state.press(.character("o")) == [.open(path: "/tmp/sam/verslag.html")])
    #expect(state.press(.character("p")) == [.print(path: "/tmp/sam/verslag.txt")])
    _ = state.update(.outcome(.launched(.unavailable(program: "lp"))))
    #expect(state.flatText.contains("lp is niet geïnstalleerd"))
  }
}
