import IntakeCore
import IntakeForm
import Testing

/// A plain session with an open, empty assessment.
private func plain(_ answers: [String: AnswerValue] = [:], language: Language = .dutch)
  -> PlainSession
{
  var session = PlainSession(walk: FormFixture.walk, language: language, welcome: WelcomeContext())
  _ = session.opened(answers: Answers(answers), position: nil, profile: "Sam")
  return session
}

@Suite("Plain mode")
struct PlainSessionTests {
  @Test("without anything to continue it asks for the name, then starts")
  func naming() {
    var session = PlainSession(walk: FormFixture.walk, language: .dutch, welcome: WelcomeContext())
    #expect(session.prompt.contains("Naam:"))
    #expect(session.handle("").output == "Typ een naam.")
    #expect(session.handle("Zoë").effects == [.start(.new(profile: "Zoë"), language: .dutch)])
    #expect(session.isWaiting)
  }

  @Test("numbered welcome choices")
  func welcomeChoices() {
    let context = WelcomeContext(
      unfinished: [
        .init(assessmentID: "a1", profile: "Sam", started: FormFixture.today, answered: 3)
      ])
    var session = PlainSession(walk: FormFixture.walk, language: .english, welcome: context)
    #expect(session.prompt.contains("  1) Continue for Sam"))
    #expect(session.prompt.contains("  2) Start a new questionnaire"))
    #expect(session.handle("7").effects == [])
    #expect(
      session.handle("1").effects == [.start(.resume(assessmentID: "a1"), language: .english)])
  }

  @Test("questions are numbered, prompts say how to answer, and no escape codes are written")
  func prompts() {
    var session = plain()
    let first = session.prompt
    #expect(first.contains("Vraag 1 van 8"))
    #expect(first.contains("Hoe noemt u uw kind?"))
    #expect(first.contains("(niet verplicht; Enter slaat over):"))
    session.handle("")
    session.handle("3-4-2018")
    let weight = session.prompt
    #expect(weight.contains("Typ een getal van 2 tot en met 150 (kg)"))
    #expect(weight.contains("  w) Weet ik niet"))
    #expect(!(first + weight).contains("\u{1B}"))
  }

  @Test("the same validation as the form, in the parent's words")
  func validation() {
    var session = plain()
    session.handle("")
    #expect(session.handle("").output == "Deze vraag is nodig om verder te gaan.")
    #expect(session.handle("31-02-2018").output.contains("Typ een datum als dag-maand-jaar"))
    #expect(session.handle("3-4-2018").effects.first == .record(itemID: "birth_date", value: born))
    #expect(session.handle("200").output == "Vul 150 of minder in.")
    #expect(session.handle("w").effects.first == .record(itemID: "weight", value: .dontKnow))
    #expect(session.handle("9").output.contains("Kies een van de mogelijkheden"))
    #expect(session.handle("1").effects.first == .record(itemID: "sleep", value: .choice("yes")))
    #expect(session.prompt.contains("Hoeveel nachten per week?"), "the follow-up appears")
  }

  @Test("multiple choice takes several numbers; 'none of these' cannot be combined")
  func multiple() {
    var session = plain(["birth_date": born, "sleep": .choice("no")])
    for _ in 0..<5 { session.handle("") }
    #expect(session.prompt.contains("Wat eet uw kind elke week?"))
    #expect(session.handle("1,4").output.contains("kan niet samen"))
    #expect(
      session.handle("3, 1").effects.first
        == .record(itemID: "foods", value: .choices(["nuts", "bread"])))
  }

  @Test("< goes back, ? explains, Enter keeps a carried-over answer")
  func commands() {
    var session = plain(["nickname": .text("Sam"), "birth_date": born])
    #expect(session.prompt.contains("Huidig antwoord: Sam (Enter houdt het)"))
    #expect(session.handle("").effects == [.position(itemID: "birth_date")])
    #expect(session.handle("<").effects == [.position(itemID: "nickname")])
    #expect(session.handle("?").output.contains("De leeftijd bepaalt de referentiewaarden."))
  }

  @Test("the overview lists answers by number; a number edits that question and returns")
  func overviewAndFinish() {
    var session = plain(["birth_date": born, "sleep": .choice("no"), "foods": .choices(["none"])])
    session.handle("overzicht")
    #expect(session.prompt.contains("2. Wanneer is uw kind geboren? — 3 april 2018"))
    #expect(session.handle("1").effects == [.position(itemID: "nickname")])
    #expect(
      session.handle("Sammie").effects.first == .record(itemID: "nickname", value: .text("Sammie")))
    #expect(
      session.prompt.contains("Overzicht van uw antwoorden"), "back to the overview after the edit")
    #expect(session.handle("").effects == [.complete])
    let output = session.finished(report: "VERSLAG", savedPath: "/tmp/x/verslag.txt")
    #expect(output.contains("VERSLAG"))
    #expect(output.contains("Afdrukken: lp /tmp/x/verslag.txt"))
    #expect(session.isDone)
  }

  @Test("end of input and 'stop' end the session; answers are already saved")
  func stopping() {
    var session = plain()
    #expect(session.endOfInput().effects == [.exit])
    #expect(session.isDone)
    var other = plain(language: .english)
    #expect(other.handle("stop").output.contains("Your answers are saved"))
  }
}

private let born = AnswerValue.date(LocalDate(year: 2018, month: 4, day: 3)!)
