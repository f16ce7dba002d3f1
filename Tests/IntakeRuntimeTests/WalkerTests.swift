import Foundation
import IntakeCore
import IntakeForm
import IntakeRuntime
import Testing

/// A walk of the built-in questionnaire on a scripted console against `store`.
private func walk(
  _ events: [FormEvent], store: MemoryStore, context: WelcomeContext? = nil,
  before: [Int: () -> Void] = [:], signal: Int32? = nil, launcher: RecordingLauncher = .init()
) -> (ending: WalkEnding, state: FormState, console: ScriptedConsole) {
  let driver = AssessmentDriver(
    questionnaire: Fixture.questionnaire, store: store, today: Fixture.today, language: .dutch,
    launcher: launcher)
  var state = FormState(
    walk: Fixture.walk, language: .dutch, welcome: context ?? driver.welcomeContext(), width: 80,
    height: 24)
  var console = ScriptedConsole(events, signal: signal)
  console.before = before
  let ending = Walker.run(&state, on: &console, driver: driver)
  return (ending, state, console)
}

/// Welcome screen → "start anew" → the name → Enter.
private func startNew(_ name: String) -> [FormEvent] {
  [.key(.end), .key(.enter)] + .typed(name)
}

private func keys(_ keys: FormKey...) -> [FormEvent] { keys.map { .key($0) } }

/// An assessment of Robin's as an earlier intake stored it.
private func robins(
  _ id: String = "20261120-090000-cccccc", status: AnswerRecord.Status = .inProgress,
  created: Date = Date(), answers: [String: AnswerValue] = [:], position: String? = nil
) -> AnswerRecord {
  AnswerRecord(
    id: id, questionnaireID: Fixture.questionnaire.id,
    questionnaireVersion: Fixture.questionnaire.version, language: .dutch, profile: "robin",
    status: status, created: created,
    answers: answers.mapValues { AnswerRecord.Entry(value: $0, answeredAt: Date()) },
    position: position, profileName: "Robin")
}

@Suite("Runtime: the walk against the store")
struct WalkerTests {
  @Test("a new assessment: the name answers the name question, and the walk starts after it")
  func openNew() throws {
    let store = MemoryStore()
    let (ending, state, _) = walk(startNew("Robin"), store: store)
    let record = try #require(store.records.values.first)
    #expect(record.answers["nickname"]?.value == .text("Robin"))
    #expect(record.position == "respondent")
    #expect(record.status == .inProgress)
    #expect(state.mode == .done)
    #expect(ending.assessment?.profile == "Robin")
    #expect(ending.exitStatus == 0)
    #expect(
      ending.farewell(in: .dutch, resume: { "intake resume \($0)" })
        == "Antwoorden voor Robin bewaard in \(store.file(of: record.id)). Verdergaan: intake resume Robin"
    )
  }

  @Test("each answer is on disk when the form moves on; Ctrl-C saves a valid half-typed one")
  func answers() throws {
    let store = MemoryStore()
    let events =
      startNew("Robin") + keys(.character("1"), .enter, .character("2"), .enter)
      + [.key(.character("9"))]
    let (ending, _, _) = walk(events, store: store)
    let record = try #require(store.records.values.first)
    #expect(record.answers["respondent"]?.value == .choice("mother"))
    #expect(record.answers["age_how"]?.value == .choice("years"))
    #expect(record.answers["age_given"]?.value == .number(9), "typed, then Ctrl-C: saved")
    #expect(ending.unsaved.isEmpty)
    #expect(ending.exitStatus == 0)
  }

  @Test("Ctrl-C on text that is not a valid answer: nothing stored, the text printed back")
  func interruptInvalid() throws {
    let store = MemoryStore()
    let events =
      startNew("Robin") + keys(.character("1"), .enter, .character("2"), .enter)
      + keys(.character("9"), .character("9"))
    let (ending, _, _) = walk(events, store: store)
    let record = try #require(store.records.values.first)
    #expect(record.answers["age_given"] == nil)
    #expect(ending.exitStatus == 0)
    let lines = try #require(ending.farewell(in: .dutch, resume: { "intake resume \($0)" }))
      .split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.last?.hasPrefix("Niet bewaard, want het is geen geldig antwoord op “") == true)
    #expect(lines.last?.hasSuffix(": 99 (Vul 18 of minder in.)") == true, "\(lines)")
  }

  @Test("a long part title is shortened with '…' so the question's number is never cut")
  func progressKeepsNumber() throws {
    var state = FormState(
      walk: Fixture.walk, language: .english, welcome: WelcomeContext(), width: 80, height: 24)
    _ = state.update(
      .outcome(
        .opened(
          OpenedAssessment(
            answers: Answers(["age_how": .choice("years"), "age_given": .number(9)]),
            position: "focus_drifts", profile: "Sam"))))
    let progress = state.screen.text[1]
    #expect(progress.contains("How things go at home and at s…"), "\(progress)")
    #expect(progress.contains("· question 1 of 9"), "\(progress)")
    #expect(progress.hasSuffix("%"))
  }

  @Test("a whole-number question asks for a whole number, with an example without decimals")
  func wholeNumberHint() throws {
    let age = try #require(Fixture.questionnaire.item("age_given"))
    let parsed = AnswerInput.parse("tien", for: age, today: Fixture.today)
    #expect(parsed == .failure(.notANumber(wholeOnly: true)))
    #expect(
      InputProblem.notANumber(wholeOnly: true).message(in: .dutch)
        == "Typ een heel getal, zoals 12.")
  }

  @Test("a full disk: the answer is not shown as given, the reason is, and Enter retries")
  func failedWriteAndRetry() throws {
    let store = MemoryStore()
    var console: ScriptedConsole?
    // The disk fills up after the name is saved, and has room again for the second Enter.
    let named = startNew("Robin").count
    let events = startNew("Robin") + keys(.character("1"), .enter, .enter)
    let result = walk(
      events, store: store,
      before: [named: { store.diskFull = true }, named + 2: { store.diskFull = false }])
    console = result.console
    let record = try #require(store.records.values.first)
    #expect(record.answers["respondent"]?.value == .choice("mother"), "the retry was written")
    let afterFailure = console!.shown.map { $0.text.joined(separator: " ") }
      .first { $0.contains("Niet bewaard") }
    #expect(afterFailure?.contains("de schijf is vol") == true)
    #expect(afterFailure?.contains("(•) 1  Moeder") == true, "the choice is still there")
    #expect(result.ending.unsaved.isEmpty)
    #expect(result.ending.exitStatus == 0)
  }

  @Test("leaving with an answer not saved says so and exits 73")
  func leaveUnsaved() throws {
    let store = MemoryStore()
    let events = startNew("Robin") + keys(.character("1"), .enter)
    let (ending, _, _) = walk(
      events, store: store, before: [startNew("Robin").count: { store.diskFull = true }])
    #expect(ending.exitStatus == 73)
    #expect(ending.unsaved.keys.sorted() == ["respondent"])
    let line = try #require(ending.farewell(in: .dutch, resume: { "intake resume \($0)" }))
    #expect(line.hasPrefix("intake: 1 antwoord voor Robin kon niet worden bewaard"))
    #expect(line.contains("de schijf is vol"))
    #expect(line.contains("Verdergaan: intake resume Robin"))
    #expect(
      line.split(separator: "\n").last == "Niet bewaard: “Wie vult de vragenlijst in?”: Moeder",
      "the answer itself is printed, so it can be given again")
    #expect(ending.isProblem)
    #expect(store.records.values.first?.answers["respondent"] == nil)
  }

  @Test("a name that cannot be saved is unsaved input too: exit 73")
  func cannotCreate() {
    let store = MemoryStore()
    store.diskFull = true
    let (ending, state, console) = walk(startNew("Robin") + keys(.escape), store: store)
    #expect(
      console.shown.contains {
        $0.text.joined(separator: " ").split(whereSeparator: \.isWhitespace)
          .joined(separator: " ").contains("kan niet worden geschreven: de schijf is vol")
      })
    #expect(state.mode == .done)
    #expect(ending.exitStatus == 73)
  }

  @Test("resume starts where the parent was, with the answers given")
  func resume() throws {
    let store = MemoryStore()
    store.add(robins(answers: ["age_how": .choice("years")], position: "age_given"), name: "Robin")
    let driver = AssessmentDriver(
      questionnaire: Fixture.questionnaire, store: store, today: Fixture.today, language: .dutch)
    let opened = try Walker.open(
      .resume(assessmentID: "20261120-090000-cccccc"), language: .dutch, driver: driver
    ).get()
    var state = FormState.opening(walk: Fixture.walk, language: .dutch, width: 80, height: 24)
    let effects = state.update(.outcome(opened))
    guard case .question(let screen) = state.mode else {
      Issue.record("not on a question")
      return
    }
    #expect(Fixture.questionnaire.items[screen.itemIndex].id == "age_given")
    var console = ScriptedConsole(.typed("7"))
    let ending = Walker.run(&state, on: &console, driver: driver, startingWith: effects)
    #expect(store.records["20261120-090000-cccccc"]?.answers["age_given"]?.value == .number(7))
    #expect(ending.exitStatus == 0)
  }

  @Test("an assessment open in another intake: resume is refused with exit 75, nothing shown")
  func lockedResume() {
    let store = MemoryStore()
    store.add(robins(), name: "Robin")
    store.lockedElsewhere = ["20261120-090000-cccccc"]
    let driver = AssessmentDriver(
      questionnaire: Fixture.questionnaire, store: store, today: Fixture.today, language: .dutch)
    let result = Walker.open(
      .resume(assessmentID: "20261120-090000-cccccc"), language: .dutch, driver: driver)
    guard case .failure(let ending) = result else {
      Issue.record("opened a locked assessment")
      return
    }
    #expect(ending.exitStatus == 75)
    #expect(
      ending.farewell(in: .dutch, resume: { $0 })
        == "intake: Deze antwoorden zijn al open in een ander intake-venster. Sluit dat eerst.")
  }

  @Test("choosing a locked one on the welcome screen says why there; leaving then exits 75")
  func lockedFromWelcome() {
    let store = MemoryStore()
    store.add(robins(), name: "Robin")
    store.lockedElsewhere = ["20261120-090000-cccccc"]
    let (ending, _, console) = walk(keys(.enter, .escape), store: store)
    #expect(
      console.shown.contains { $0.text.joined().contains("al open in een ander intake-venster") })
    #expect(ending.exitStatus == 75)
  }

  @Test("finishing complete: marked complete, report saved beside the answers, viewer shown")
  func finishComplete() throws {
    let store = MemoryStore()
    let driver = AssessmentDriver(
      questionnaire: Fixture.questionnaire, store: store, today: Fixture.today, language: .dutch)
    _ = driver.perform(.start(.new(profile: "Robin"), language: .dutch))
    let outcome = try #require(driver.perform(.finish(unanswered: [])))
    guard case .finished(let finished) = outcome else {
      Issue.record("not finished: \(outcome)")
      return
    }
    let record = try #require(store.records.values.first)
    #expect(record.status == .complete)
    #expect(finished.files.text.map { store.reports[$0] != nil } == true)
    #expect(finished.files.html.map { store.reports[$0]?.contains("<html") == true } == true)
    #expect(driver.ending.reports == finished.files)
    #expect(finished.pdfProblem == .weasyPrintMissing, "said in the viewer, not an error")
    let bundle = try #require(store.attachments.first)
    #expect(bundle.name == "\(record.id).fhir.json")
    #expect(String(decoding: bundle.data, as: UTF8.self).contains("\"resourceType\" : \"Bundle\""))
    driver.close()
    let line = try #require(driver.ending.farewell(in: .english, resume: { $0 }))
    #expect(line.hasPrefix("Report for Robin: \(finished.files.html!)"))
    #expect(line.contains("To open it: xdg-open"))
  }

  @Test("finishing with questions open records them and the status says so")
  func finishWithUnanswered() throws {
    let store = MemoryStore()
    let events =
      startNew("Robin") + keys(.character("1"), .enter, .character("2"), .enter)
      + .typed("9") + keys(.tab, .end, .enter, .end, .enter)
    let (ending, state, console) = walk(events, store: store)
    let record = try #require(store.records.values.first)
    #expect(record.status == .finishedWithUnanswered)
    #expect(record.unanswered.first == "adhd_medication", "safety questions first")
    #expect(record.unanswered.contains("kidney"))
    #expect(!record.unanswered.contains("age_given"))
    #expect(ending.reports != nil)
    #expect(state.mode == .done)
    #expect(console.shown.contains { $0.text.contains(" Uw verslag") }, "the report was shown")
  }

  @Test("finishing fails on a full disk: back to the overview with the reason, still open")
  func finishFails() throws {
    let store = MemoryStore()
    let events =
      startNew("Robin") + keys(.character("1"), .enter, .character("2"), .enter)
      + .typed("9") + keys(.tab, .end, .enter, .end, .enter)
    let (ending, _, console) = walk(
      events, store: store, before: [events.count - 1: { store.diskFull = true }])
    #expect(store.records.values.first?.status == .inProgress)
    #expect(
      console.shown.contains {
        $0.text.joined().contains("Afronden en het verslag maken lukte niet")
      })
    #expect(ending.reports == nil)
  }

  @Test("the viewer opens and prints through the launcher and shows what happened")
  func openAndPrint() throws {
    let store = MemoryStore()
    let launcher = RecordingLauncher()
    let events =
      startNew("Robin") + keys(.character("1"), .enter, .character("2"), .enter) + .typed("9")
      + keys(.tab, .end, .enter, .end, .enter, .character("o"), .character("p"))
      + keys(.character("q"))
    let (ending, _, console) = walk(events, store: store, launcher: launcher)
    let html = try #require(ending.reports?.html)
    #expect(launcher.opened == [html])
    #expect(launcher.printed == [ending.reports?.text].compactMap { $0 })
    #expect(console.shown.contains { $0.text.joined().contains("lp is niet geïnstalleerd") })
  }

  @Test("a broken answers file is listed on the welcome screen with where it is")
  func unreadableListed() {
    let store = MemoryStore()
    store.unreadable = [
      .init(
        profile: "Robin", file: "/memory/robin/x.json",
        problem: .invalidFile(
          Diagnostic(
            location: SourceLocation(file: "/memory/robin/x.json", line: 3, column: 9),
            message: "expected text")))
    ]
    let (_, _, console) = walk(keys(.escape), store: store)
    #expect(
      console.shown.first?.text.joined().contains(
        "Een antwoordbestand van Robin kan niet worden gelezen") == true)
  }

  @Test("a signal ends the walk with 128+N, after saving what was typed")
  func signal() throws {
    let store = MemoryStore()
    let (ending, _, _) = walk(
      startNew("Robin") + keys(.character("1"), .enter, .character("2"), .enter) + [
        .key(.character("8"))
      ], store: store, signal: 15)
    #expect(ending.exitStatus == 143)
    #expect(store.records.values.first?.answers["age_given"]?.value == .number(8))
  }

  @Test("a follow-up starts from the last finished answers")
  func followUp() throws {
    let store = MemoryStore()
    store.add(
      robins(
        "20261001-090000-dddddd", status: .complete,
        created: Date(timeIntervalSinceNow: -2_592_000),
        answers: ["respondent": .choice("father")]),
      name: "Robin")
    let (_, _, _) = walk(keys(.up, .enter, .enter), store: store)
    let followUp = try #require(store.records.values.first { $0.followUpOf != nil })
    #expect(followUp.followUpOf == "20261001-090000-dddddd")
    #expect(followUp.answers["respondent"]?.value == .choice("father"))
  }
}
