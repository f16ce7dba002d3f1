import Foundation
import IntakeCore
import IntakeForm
import Testing

private let born = AnswerValue.date(LocalDate(year: 2018, month: 4, day: 3)!)

/// A plain session with an open assessment holding `answers`.
private func plain(_ answers: [String: AnswerValue] = [:], language: Language = .dutch)
  -> PlainSession
{
  var session = PlainSession(walk: FormFixture.walk, language: language, welcome: WelcomeContext())
  _ = session.update(
    .outcome(.opened(OpenedAssessment(answers: Answers(answers), position: nil, profile: "Sam"))))
  return session
}

extension PlainSession {
  /// Types `line`, with a store that saves every answer (or fails with `failing`); returns
  /// every effect and what was printed for it.
  @discardableResult
  mutating func type(_ line: String, failing: WalkProblem? = nil) -> (
    effects: [FormEffect], output: String
  ) {
    let printed = transcript.count
    var queue = update(.line(line))
    var all: [FormEffect] = []
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      all.append(effect)
      if case .record(let itemID, let value) = effect {
        let outcome: Outcome =
          failing.map { .saveFailed(itemID: itemID, value: value, $0) } ?? .saved(itemID: itemID)
        queue += update(.outcome(outcome))
      }
    }
    return (all, transcript.dropFirst(printed).joined(separator: "\n"))
  }

  var promptText: String { prompt ?? "" }
}

@Suite("Plain mode")
struct PlainSessionTests {
  @Test("without anything to continue it asks for the name, then starts")
  func naming() {
    var session = PlainSession(walk: FormFixture.walk, language: .dutch, welcome: WelcomeContext())
    #expect(session.promptText.contains("Naam (hoogstens 40 tekens):"))
    #expect(session.type("").output == "Typ een naam.")
    let long = String(repeating: "A", count: 41)
    let refused = session.type(long)
    #expect(refused.effects == [], "a long name is refused, not cut")
    #expect(refused.output.contains("Dit is te lang: hoogstens 40 tekens."))
    #expect(session.promptText.contains("Naam (hoogstens 40 tekens):"), "and asked again")
    #expect(session.type("Zoë").effects == [.start(.new(profile: "Zoë"), language: .dutch)])
    #expect(session.prompt == nil, "waiting for the store")
  }

  @Test("numbered welcome choices")
  func welcomeChoices() {
    let context = WelcomeContext(
      unfinished: [
        .init(assessmentID: "a1", profile: "Sam", started: FormFixture.today, answered: 3)
      ])
    var session = PlainSession(walk: FormFixture.walk, language: .english, welcome: context)
    #expect(session.promptText.contains("  1) Continue for Sam"))
    #expect(session.promptText.contains("  2) Start a new questionnaire"))
    #expect(session.type("7").effects == [])
    #expect(
      session.type("1").effects == [.start(.resume(assessmentID: "a1"), language: .english)])
  }

  @Test("questions say where the parent is, how to answer, and no escape codes are written")
  func prompts() {
    var session = plain()
    let first = session.promptText
    #expect(first.contains("Deel 1 van 2, vraag 1 van 3"))
    #expect(first.contains("Hoe noemt u uw kind?"))
    #expect(first.contains("(niet verplicht; Enter slaat over):"))
    session.type("")
    session.type("3-4-2018")
    let weight = session.promptText
    #expect(weight.contains("Typ een getal van 2 tot en met 150 (kg)"))
    #expect(weight.contains("  w) Weet ik niet"))
    #expect(!(first + weight).contains("\u{1B}"))
  }

  @Test("a rating is numbered 0–3 as on the screen and in the report")
  func ratingNumbers() {
    var session = plain(["birth_date": born, "sleep": .choice("no")])
    for _ in 0..<4 { session.type("") }
    #expect(session.promptText.contains("Hoe vaak is uw kind snel afgeleid?"))
    #expect(session.promptText.contains("  0) Nooit"))
    #expect(session.promptText.contains("  3) Heel vaak"))
    #expect(session.promptText.contains("Typ een nummer van 0 tot en met 3"))
    #expect(session.type("3").effects.first == .record(itemID: "focus", value: .number(3)))
  }

  @Test("the same validation as the form, in the parent's words")
  func validation() {
    var session = plain()
    session.type("")
    #expect(session.type("").output == "Deze vraag is nodig om verder te gaan.")
    #expect(session.type("31-02-2018").output.contains("Typ een datum als dag-maand-jaar"))
    #expect(session.type("3-4-2018").effects.first == .record(itemID: "birth_date", value: born))
    #expect(session.type("200").output == "Vul 150 of minder in.")
    #expect(session.type("w").effects.first == .record(itemID: "weight", value: .dontKnow))
    #expect(session.type("9").output.contains("Kies een van de mogelijkheden"))
    #expect(session.type("1").effects.first == .record(itemID: "sleep", value: .choice("yes")))
    #expect(session.promptText.contains("Hoeveel nachten per week?"), "the follow-up appears")
  }

  @Test("multiple choice takes several numbers; an exclusive option names itself when combined")
  func multiple() {
    var session = plain(["birth_date": born, "sleep": .choice("no")])
    for _ in 0..<5 { session.type("") }
    #expect(session.promptText.contains("Wat eet uw kind elke week?"))
    #expect(
      session.type("1,4").output == "\"Geen van deze\" kan niet samen met een ander antwoord.")
    #expect(
      session.type("3, 1").effects.first
        == .record(itemID: "foods", value: .choices(["nuts", "bread"])))
  }

  @Test("< goes back, ? explains, Enter keeps a carried-over answer")
  func commands() {
    var session = plain(["nickname": .text("Sam"), "birth_date": born])
    #expect(session.promptText.contains("Huidig antwoord: Sam (Enter houdt het)"))
    #expect(session.type("").effects == [.position(itemID: "birth_date")])
    #expect(session.type("<").effects == [.position(itemID: "nickname")])
    #expect(session.type("?").output.contains("De leeftijd bepaalt de referentiewaarden."))
  }

  @Test("a failed save stays on the question, says why, and an empty line tries again")
  func failedSave() {
    let full = WalkProblem.store(.cannotWrite(file: "/data/sam/x.json", reason: "the disk is full"))
    var session = plain()
    session.type("")
    let failed = session.type("3-4-2018", failing: full)
    #expect(failed.effects == [.record(itemID: "birth_date", value: born)])
    #expect(failed.output.contains("Niet bewaard, dus telt nog niet"))
    #expect(failed.output.contains("de schijf is vol"))
    #expect(session.answers["birth_date"] == nil)
    #expect(session.promptText.contains("Wanneer is uw kind geboren?"))
    #expect(session.promptText.contains("druk op Enter om het opnieuw te proberen"))
    let retried = session.type("")
    #expect(retried.effects.first == .record(itemID: "birth_date", value: born))
    #expect(session.answers["birth_date"] == born)
    #expect(session.unsaved.isEmpty)
  }

  @Test("stopping with an answer not saved says so instead of 'saved'")
  func stopUnsaved() {
    let full = WalkProblem.store(.cannotWrite(file: "/data/sam/x.json", reason: "the disk is full"))
    var session = plain()
    session.type("Zoë", failing: full)
    session.type("overzicht")
    #expect(
      session.promptText.contains("— ! niet bewaard: Zoë"), "the overview shows what was given")
    let stop = session.type("stop", failing: full)
    #expect(
      stop.effects == [.record(itemID: "nickname", value: .text("Zoë")), .exit],
      "stopping tries it once more")
    #expect(stop.output.contains("1 antwoord kon niet worden bewaard"))
    #expect(!stop.output.contains("Alle antwoorden die u gaf zijn bewaard"))
  }

  @Test("a part's heading shows once, when the part begins, not when a question is asked again")
  func headingOnce() {
    var session = PlainSession(walk: FormFixture.walk, language: .dutch, welcome: WelcomeContext())
    _ = session.update(
      .outcome(.opened(OpenedAssessment(answers: Answers(), position: nil, profile: "Sam"))))
    let headings = { (session: PlainSession) in
      session.transcript.joined(separator: "\n").components(separatedBy: "== Over uw kind ==")
        .count - 1
    }
    #expect(headings(session) == 1)
    #expect(!session.promptText.contains("=="), "the prompt is the question alone")
    session.type("Sam")
    session.type("morgen")  // refused: asked again
    session.type("3-4-2018")
    #expect(headings(session) == 1, "\(session.transcript)")
    session.type("30")
    #expect(session.transcript.joined().contains("== "), "the next part is introduced")
    // Back into the part from the next one: introduced again.
    session.type("<")
    #expect(headings(session) == 2)
  }

  @Test("a line that is not UTF-8 is refused with why, and the question is asked again")
  func notText() {
    var session = PlainSession(
      walk: FormFixture.walk, language: .english, welcome: WelcomeContext())
    let effects = session.update(.notText)
    #expect(effects == [])
    #expect(session.transcript.last?.contains("it is not UTF-8") == true)
    #expect(session.promptText.contains("Name (at most 40 characters):"))
  }

  @Test("stopping when opening failed says nothing was saved, not that everything was")
  func stopAfterFailedOpen() {
    let full = WalkProblem.store(
      .cannotWrite(file: "/data/sam/profile.json", reason: "the disk is full"))
    var session = PlainSession(walk: FormFixture.walk, language: .dutch, welcome: WelcomeContext())
    #expect(session.type("Sam").effects.first == .start(.new(profile: "Sam"), language: .dutch))
    _ = session.update(.outcome(.openFailed(full, welcome: WelcomeContext())))
    let stop = session.type("stop")
    #expect(stop.effects == [.exit])
    #expect(stop.output.contains("Gestopt. Er is niets bewaard."))
    #expect(!stop.output.contains("zijn bewaard"))
  }

  @Test("finish typed at a question works as in the overview: required questions first")
  func finishAtQuestion() {
    var session = plain()
    let asked = session.type("afronden")
    #expect(asked.output.contains("nog 3 verplichte vragen open"), "\(asked.output)")
    #expect(session.promptText.contains("Wanneer is uw kind geboren?"), "the required date first")
    var complete = plain([
      "birth_date": born, "sleep": .choice("no"), "foods": .choices(["none"]),
    ])
    let listed = complete.type("afronden")
    #expect(listed.effects == [])
    #expect(complete.promptText.contains("afronden om toch af te ronden"), "\(complete.promptText)")
    let finished = complete.type("afronden").effects
    guard case .finish(let open)? = finished.first else {
      Issue.record("afronden again finishes: \(finished)")
      return
    }
    #expect(!open.isEmpty && !open.contains("birth_date"))
  }

  @Test("the overview: a number edits and returns; a bare Enter never finishes")
  func overviewAndFinish() {
    var session = plain([
      "nickname": .text("Sam"), "birth_date": born, "weight": .number(30),
      "sleep": .choice("no"), "focus": .number(1), "foods": .choices(["none"]),
      "who": .choice("mother"), "notes": .text("niets"),
    ])
    session.type("overzicht")
    #expect(session.promptText.contains("2. Wanneer is uw kind geboren? — 3 april 2018"))
    #expect(session.type("1").effects == [.position(itemID: "nickname")])
    #expect(
      session.type("Sammie").effects.first == .record(itemID: "nickname", value: .text("Sammie")))
    #expect(
      session.promptText.contains("Overzicht van uw antwoorden"),
      "back to the overview after the edit")
    #expect(session.type("").effects == [], "Enter alone does not finish")
    #expect(session.type("afronden").effects == [.finish(unanswered: [])])
  }

  @Test("finishing with questions open lists them, safety first; the word again finishes")
  func finishEarly() {
    var session = plain(["birth_date": born, "sleep": .choice("no"), "foods": .choices(["none"])])
    session.type("overzicht")
    #expect(session.type("afronden").effects == [])
    let list = session.promptText
    #expect(list.contains("5 vragen zonder antwoord"))
    #expect(list.contains("Veiligheid\n  1) Hoeveel weegt uw kind ongeveer?"))
    #expect(session.type("").effects == [], "a bare Enter does not finish here either")
    #expect(session.type("1").effects == [.position(itemID: "weight")])
    session.type("w")
    #expect(session.promptText.contains("4 vragen zonder antwoord"))
    #expect(session.promptText.contains("staat \"Weet ik niet\""))
    #expect(
      session.type("afronden").effects == [
        .finish(unanswered: ["nickname", "focus", "who", "notes"])
      ])
  }

  @Test("the finished report is printed with where it was saved")
  func finished() throws {
    var session = plain()
    let record = AnswerRecord(
      id: "20261125-120000-aaaaaa", questionnaireID: "form-test", questionnaireVersion: "1.0.0",
      language: .dutch, profile: "sam", created: Date(timeIntervalSince1970: 1_795_000_000))
    let document = try ReportDocument.build(
      questionnaire: FormFixture.questionnaire, record: record, today: FormFixture.today)
    let effects = session.update(
      .outcome(
        .finished(
          FinishedAssessment(
            document: document, files: ReportFiles(text: "/tmp/x/v.txt", html: "/tmp/x/v.html"),
            answersFile: "/tmp/x/a.json"))))
    #expect(effects == [.exit])
    let output = session.transcript.joined(separator: "\n")
    #expect(output.contains("Verslag (tekst): /tmp/x/v.txt"))
    #expect(output.contains("Afdrukken: lp /tmp/x/v.txt"))
    #expect(session.isDone)
  }

  @Test("end of input and 'stop' end the session")
  func stopping() {
    var session = plain()
    #expect(session.update(.endOfInput) == [.exit])
    #expect(session.isDone)
    var other = plain(language: .english)
    #expect(other.type("stop").output.contains("Every answer you gave is saved"))
  }

  @Test("text from a file is printed with its control characters shown")
  func controls() {
    let session = plain(["nickname": .text("Sam\u{1B}[2J\u{202E}")])
    #expect(!session.promptText.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    #expect(session.promptText.contains("Sam<U+001B>[2J<U+202E>"))
  }
}
