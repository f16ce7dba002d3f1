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
    state.openFailed(
      "Deze antwoorden zijn al open in een ander intake-venster.", welcome: WelcomeContext())
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
  }

  @Test("Enter on an answer opens it, and confirming returns to the overview")
  func editFromReview() {
    var state = FormFixture.walking(
      ["birth_date": born, "sleep": .choice("no"), "foods": .choices(["nuts"])], at: "sleep")
    state.press(.tab)
    state.press(.enter)
    #expect(state.currentItem == "sleep")
    let effects = state.press(.up, .enter)
    #expect(effects == [.record(itemID: "sleep", value: .choice("yes"))])
    guard case .review = state.mode else {
      Issue.record("not back on the overview:\n\(state.dump)")
      return
    }
    #expect(
      state.screen.text.contains { $0.contains("Hoeveel nachten per week?") },
      "the follow-up question appears")
  }

  @Test("finishing with required questions open marks them and goes nowhere")
  func finishBlocked() {
    var state = FormFixture.walking(["sleep": .choice("no")], at: "notes")
    state.press(.enter)
    guard case .review = state.mode else {
      Issue.record("the last question does not lead to the overview:\n\(state.dump)")
      return
    }
    #expect(state.press(.enter) == [], "not finished")
    #expect(state.screen.text.contains { $0.contains("nog 2 verplichte vragen open") })
    #expect(state.screen.text.contains { $0.hasPrefix("  ! Wanneer is uw kind geboren?") })
  }

  @Test("finishing with everything required asks for the report, then shows it")
  func finish() {
    var state = FormFixture.walking(
      ["birth_date": born, "sleep": .choice("no"), "foods": .choices(["none"])], at: "notes")
    state.press(.enter)
    #expect(state.press(.enter) == [.complete])
    #expect(state.mode == .finishing)
    #expect(state.screen.text.contains { $0.contains("Het verslag wordt gemaakt") })
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

@Suite("Form: leaving, help and screen sizes")
struct LeavingTests {
  @Test("Esc asks first; n continues, y leaves")
  func escapeConfirms() {
    var state = FormFixture.walking(at: "focus")
    #expect(state.press(.escape) == [])
    #expect(state.screen.text.contains { $0.contains("Alle antwoorden die u gaf zijn bewaard") })
    state.press(.character("n"))
    #expect(state.overlay == nil)
    #expect(state.press(.character("q"), .character("j")) == [.exit])
    #expect(state.mode == .done)
  }

  @Test("Ctrl-C leaves at once, saving a valid half-typed answer first")
  func interruptSavesDraft() {
    var state = FormFixture.walking(at: "nickname")
    state.type("Zoë")
    #expect(state.press(.interrupt) == [.record(itemID: "nickname", value: .text("Zoë")), .exit])
    var invalid = FormFixture.walking(["birth_date": born], at: "weight")
    invalid.type("999")
    #expect(invalid.press(.interrupt) == [.exit], "an answer out of range is not stored")
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
        var state = FormFixture.welcome(language: language, width: width, height: height)
        _ = state.opened(answers: Answers(["birth_date": born]), position: nil, profile: "Sam")
        var seen = 0
        while state.currentItem != nil && seen < 30 {
          let screen = state.screen
          #expect(screen.lines.count == height)
          #expect(
            screen.lines.allSatisfy { $0.width <= width },
            "\(state.currentItem!) at \(width)×\(height)")
          if let cursor = screen.cursor { #expect(cursor.row < height && cursor.column < width) }
          // Answer with whatever is highlighted or skip, to move through every screen.
          let before = state.currentItem
          state.press(.right)
          if state.currentItem == before { state.press(.enter) }
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

  @Test("a message panel shows until a key is pressed; arrows scroll it")
  func message() {
    var state = FormFixture.walking(width: 40, height: 12)
    let lines = (1...30).map { "regel \($0)" }.joined(separator: "\n")
    state.inform(title: "Uw eerdere antwoorden", body: lines)
    #expect(state.screen.text.contains(" Uw eerdere antwoorden"))
    #expect(state.screen.text.contains("  regel 1"))
    state.press(.pageDown)
    #expect(!state.screen.text.contains("  regel 1"))
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
    _ = state.update(.reportReady(document, savedPath: "/tmp/sam/verslag.txt"))
    return state
  }

  @Test("End shows the last page; Up then moves one line back")
  func scrolling() throws {
    var state = try viewing(width: 40, height: 12)
    let first = state.screen.text
    #expect(
      first.contains { $0.contains("Bewaard in") }, "on a small screen the location leads the text")
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
      state.screen.text.contains { $0.contains("Afdrukken: lp /tmp/sam/verslag.txt") },
      "pinned when there is room")
    _ = state.update(.resize(width: 40, height: 12))
    #expect(state.screen.lines.allSatisfy { $0.width <= 40 })
  }
}
