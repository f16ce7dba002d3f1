import Foundation
import IntakeCore
import Testing

/// The words the driver reads on screen, per interface language.
private struct Words {
  let overview: String
  let report: String
  let saved: String
  let question: String
  let toggleKey: String
  let dateFormat: String
  let range: String

  static let dutch = Words(
    overview: "Overzicht van uw antwoorden", report: "Uw verslag", saved: "Verslag (tekst):",
    question: "· vraag ",
    toggleKey: "Spatie aanvinken", dateFormat: "(dd-mm-jjjj)", range: "van ")
  static let english = Words(
    overview: "Overview of your answers", report: "Your report", saved: "Report (text):",
    question: "· question ",
    toggleKey: "Space tick", dateFormat: "(dd-mm-yyyy)", range: "from ")
}

/// Answers every question the way a careful parent would: the first choice by its number (or
/// the first box ticked), a date, the lowest allowed number, a short note with "ë" and markup
/// in it. Returns the number of questions answered before the overview appeared.
private func walkToOverview(_ tmux: TmuxSession, _ words: Words) throws -> Int {
  var steps = 0
  var lines = try tmux.waitFor(words.question)
  while !lines.joined(separator: "\n").contains(words.overview) {
    steps += 1
    guard steps < 150 else { throw E2EError("no overview after 150 screens:\n\(tmux.text)") }
    let screen = lines.joined(separator: "\n")
    // A field is "  > " and its text (tmux drops the trailing spaces of an empty one).
    if let field = lines.first(where: { $0 == "  >" || $0.hasPrefix("  > ") }) {
      let typed = field.dropFirst(4).prefix { $0 != " " }
      if typed.isEmpty {
        if field.contains(words.dateFormat) {
          try tmux.type("14-03-2016")
        } else if let range = lines.first(where: { $0.hasPrefix("    " + words.range) }) {
          let low = range.split(separator: " ")[1]
          try tmux.type(String(low))
        } else {
          try tmux.type("Zoë <b>&amp; \"vraag\"")
        }
      }
    } else if !screen.contains("[x]") && !screen.contains("(•)") {
      // Nothing chosen yet: the first option, by its number (0 on a rating).
      let first = lines.first { $0.hasPrefix("  ( ) ") || $0.hasPrefix("  [ ] ") }
      let key = first.map { String($0.dropFirst(6).prefix(1)) } ?? "1"
      try tmux.type(key)
    }
    try tmux.keys("Enter")
    lines = try tmux.waitForChange(from: lines)
    // Give the program a moment to finish painting before reading the next screen.
    Thread.sleep(forTimeInterval: 0.02)
    lines = try tmux.screen()
    if lines.contains(where: { $0.hasPrefix(" ! ") }) {
      throw E2EError("the walk met a problem it does not expect:\n\(tmux.text)")
    }
  }
  return steps
}

@Suite("End to end, in a real terminal (tmux)", .serialized)
struct WalkTests {
  @Test(
    "a full walk of the main questionnaire ends with the saved answers and the report",
    arguments: [("nl_NL.UTF-8", "nl"), ("en_GB.UTF-8", "en")])
  func fullWalk(locale: String, code: String) throws {
    let words = code == "nl" ? Words.dutch : Words.english
    let tmux = try TmuxSession()
    try tmux.startIntake(language: locale)
    try tmux.waitFor(code == "nl" ? "Welkom" : "Welcome")
    #expect(tmux.alternateScreen)
    try tmux.keys("Enter")
    try tmux.type("Zoë")
    try tmux.keys("Enter")
    let steps = try walkToOverview(tmux, words)
    #expect(steps >= 30)
    try tmux.keys("End", "Enter")
    let report = try tmux.waitFor(words.saved, seconds: 20)
    #expect(report.joined().contains(words.report))
    try tmux.keys("q")
    let shell = try tmux.waitFor("EXIT=0")
    #expect(!tmux.alternateScreen, "the terminal is given back")
    #expect(
      shell.contains { $0.hasPrefix(code == "nl" ? "Verslag voor Zoë: " : "Report for Zoë: ") },
      "the shell says where the report is:\n\(shell.joined(separator: "\n"))")

    let files = tmux.answerFiles()
    #expect(files.count == 1)
    let file = try #require(files.first)
    let record = try AnswerFile.load(contentsOf: file.path)
    #expect(record.status == .complete)
    #expect(record.language == Language(code))
    #expect(record.answers.count >= 30)
    #expect(record.answers["nickname"]?.value == .text("Zoë"))
    let permissions =
      try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(permissions == 0o600)
    let folder = try FileManager.default.attributesOfItem(
      atPath: file.deletingLastPathComponent().path)
    #expect(folder[.posixPermissions] as? Int == 0o700)
    let reportFile = file.deletingPathExtension().appendingPathExtension("report.txt")
    let reportText = try String(contentsOf: reportFile, encoding: .utf8)
    #expect(reportText.contains("Zoë"))
    let texts = record.answers.filter { if case .text = $0.value.value { true } else { false } }
    let noteLines = texts.map { "\($0.key): \($0.value.value)" }.sorted().joined(separator: "\n")
    #expect(
      reportText.contains("Zoë <b>&amp; \"vraag\""),
      "typed text is reported verbatim:\n\(noteLines)")
  }

  @Test("a paste with a line break stays in its field: nothing confirmed, nothing chosen")
  func pasteStaysInField() throws {
    let tmux = try TmuxSession()
    try tmux.startIntake()
    try tmux.startNew("Sam")
    try tmux.keys("Left")
    try tmux.waitFor("> Sam")
    try tmux.keys("BSpace", "BSpace", "BSpace")
    try tmux.paste("Sam\n1 2 Zoë")
    let screen = try tmux.waitFor("> Sam 1 2 Zoë")
    #expect(!screen.contains { $0.contains("vraag 2 van") }, "the line break did not confirm")
    // On a list a paste chooses nothing.
    try tmux.keys("Enter")
    try tmux.waitFor("Wie vult de vragenlijst in?")
    try tmux.paste(" 2\n")
    let list = try tmux.waitFor("Wie vult de vragenlijst in?")
    #expect(!list.contains { $0.contains("(•)") })
    try tmux.keys("C-c")
    try tmux.waitFor("EXIT=")
    let record = try AnswerFile.load(contentsOf: try #require(tmux.answerFiles().first).path)
    #expect(record.answers["nickname"]?.value == .text("Sam 1 2 Zoë"))
    #expect(record.answers["respondent"] == nil)
  }

  @Test("a resize mid-question re-lays out at 40×12 and back, keeping what was typed")
  func resize() throws {
    let tmux = try TmuxSession()
    try tmux.startIntake()
    try tmux.startNew("Sam")
    // The name was asked on the welcome screen; it is the question before.
    try tmux.keys("Left")
    try tmux.waitFor("> Sam")
    try tmux.keys("BSpace", "BSpace", "BSpace")
    try tmux.type("Samuël")
    let before = try tmux.waitFor("> Samuël")
    try tmux.resize(width: 40, height: 12)
    // Laid out again: the child's name ends the title bar within 40 columns.
    let small = try tmux.waitForLayout(width: 40, height: 12, titleEndingWith: "Samuël", "Sam")
    #expect(small.contains { $0.contains("> Samuël") })
    try tmux.resize(width: 30, height: 10)
    try tmux.waitFor("Terminal te klein")
    try tmux.keys("Enter", "1", "Enter")  // ignored while too small
    try tmux.resize(width: 80, height: 24)
    let after = try tmux.waitFor("> Samuël")
    #expect(after == before, "the same screen as before the resize")
    try tmux.keys("Enter")
    try tmux.waitFor("vraag 2 van")
    try tmux.keys("Escape")
    try tmux.waitFor("[j/Enter] Ja, stoppen")
    try tmux.keys("j")
    let shell = try tmux.waitFor("EXIT=0")
    #expect(shell.contains { $0.hasPrefix("Antwoorden voor Sam bewaard in ") })
    #expect(shell.contains { $0.contains("Verdergaan: intake resume Sam") })
  }

  @Test("Ctrl-Z, a resize while stopped, then fg: the question comes back laid out at 40×12")
  func suspendAndResize() throws {
    let tmux = try TmuxSession()
    try tmux.startIntake()
    try tmux.startNew("Sam")
    try tmux.keys("C-z")
    try tmux.waitFor("Stopped")
    // The terminal changes size while intake is stopped: it is not the foreground process
    // then, so no SIGWINCH reaches it; ncurses takes the size again when it continues.
    try tmux.resize(width: 40, height: 12)
    try tmux.type("fg")
    try tmux.keys("Enter")
    try tmux.waitForLayout(width: 40, height: 12, titleEndingWith: "Sam")
    try tmux.keys("Escape")
    try tmux.waitFor("Nu stoppen?")
    try tmux.keys("j")
    try tmux.waitFor("Antwoorden voor Sam bewaard")
  }

  @Test("the cursor stands in a field where the next letter goes, and is hidden on a list")
  func cursorFollowsTheField() throws {
    let tmux = try TmuxSession()
    try tmux.startIntake(language: "en_GB.UTF-8")
    try tmux.waitFor("Welcome")
    try tmux.keys("Enter")
    try tmux.type("Sam")
    var screen = try tmux.waitFor("  > Sam")
    let nameRow = try #require(screen.firstIndex { $0.hasPrefix("  > Sam") })
    try tmux.waitForCursor(.init(column: 7, row: nameRow, visible: true))
    // Left changes no text: only the cursor moves, so ncurses must be told to move it.
    try tmux.keys("Left")
    try tmux.waitForCursor(.init(column: 6, row: nameRow, visible: true))
    try tmux.keys("Enter")
    try tmux.waitFor("Who is filling this in?")
    try tmux.waitUntil("a hidden cursor") { _ in (try? tmux.cursor())?.visible == false }
    try tmux.keys("1", "Enter")
    try tmux.waitFor("How would you like to give your child's age?")
    try tmux.keys("2", "Enter")
    try tmux.waitFor("How old is your child?")
    // From a list, where the cursor was hidden and left wherever the paint ended, to a field.
    try tmux.type("9")
    screen = try tmux.waitFor("  > 9")
    let ageRow = try #require(screen.firstIndex { $0.hasPrefix("  > 9") })
    try tmux.waitForCursor(.init(column: 5, row: ageRow, visible: true))
    try tmux.keys("Left")
    try tmux.waitForCursor(.init(column: 4, row: ageRow, visible: true))
    try tmux.keys("Escape", "y")
    try tmux.waitFor("EXIT=0")
  }

  @Test("Enter pressed 60 times from the first question records nothing that was not typed")
  func hurriedEnter() throws {
    let tmux = try TmuxSession()
    try tmux.startIntake()
    try tmux.startNew("Robin")
    for _ in 0..<60 { try tmux.keys("Enter") }
    let screen = try tmux.waitFor("Er is nog niets gekozen")
    #expect(screen.contains { $0.contains("Wie vult de vragenlijst in?") }, "still on the question")
    try tmux.keys("Escape", "j")
    try tmux.waitFor("EXIT=0")
    let record = try AnswerFile.load(contentsOf: try #require(tmux.answerFiles().first).path)
    #expect(Array(record.answers.keys) == ["nickname"], "only the name that was typed")
  }

  @Test("finishing early shows the open questions, safety first; finishing anyway is recorded")
  func finishEarly() throws {
    let tmux = try TmuxSession()
    try tmux.startIntake(language: "en_GB.UTF-8")
    try tmux.startNew("Robin", english: true)
    try tmux.keys("1", "Enter")
    try tmux.waitFor("question 3 of")
    try tmux.keys("2", "Enter")
    try tmux.waitFor("How old is your child?")
    try tmux.type("9")
    try tmux.keys("Enter")
    try tmux.waitFor("Is your child a boy or a girl?")
    try tmux.keys("Tab", "End", "Enter")
    let list = try tmux.waitFor("questions without an answer")
    let safety = try #require(list.firstIndex(of: " Safety"))
    let other = try #require(list.firstIndex(of: " Other questions"))
    #expect(safety < other, "the safety questions come first:\n\(list.joined(separator: "\n"))")
    #expect(list[safety + 1].hasPrefix("    1  "), "each one a key away")
    try tmux.keys("Enter")  // a held Enter opens the first one instead of finishing
    try tmux.waitFor("Which ADHD medication does your child take now?")
    try tmux.keys("Tab")
    try tmux.keys("End", "Enter")
    try tmux.waitFor("questions without an answer")
    try tmux.keys("End", "Enter")
    try tmux.waitFor("Report (text):", seconds: 20)
    try tmux.keys("q")
    try tmux.waitFor("EXIT=0")
    let record = try AnswerFile.load(contentsOf: try #require(tmux.answerFiles().first).path)
    #expect(record.status == .finishedWithUnanswered)
    #expect(record.unanswered.first == "adhd_medication")
    #expect(record.unanswered.contains("kidney"))
  }

  @Test("a second intake on an open assessment ends 75 and says why; resume with nothing is 66")
  func lockedElsewhere() throws {
    let binary = try IntakeBinary.locate()
    let tmux = try TmuxSession()
    try tmux.startIntake()
    try tmux.startNew("Noor")
    let environment = [
      "INTAKE_DATA_DIR": tmux.dataDirectory.appending(path: "data").path, "LANG": "nl_NL.UTF-8",
    ]
    for mode in [["resume"], ["resume", "--plain"]] {
      let second = try run([binary] + mode, environment: environment)
      #expect(second.status == 75, "\(mode): \(second.error)")
      #expect(
        second.error
          == "intake: Deze antwoorden zijn al open in een ander intake-venster. Sluit dat eerst.\n")
    }
    try tmux.keys("Escape", "j")
    try tmux.waitFor("EXIT=0")
    let empty = FileManager.default.temporaryDirectory.appending(path: "intake-empty-\(UUID())")
    defer { try? FileManager.default.removeItem(at: empty) }
    let nothing = try run(
      [binary, "resume"], environment: ["INTAKE_DATA_DIR": empty.path, "LANG": "nl_NL.UTF-8"])
    #expect(nothing.status == 66)
    #expect(nothing.error.hasPrefix("intake: er is niets om verder te gaan"))
  }

  @Test("a full disk: nothing shown as given is lost; leaving says so and ends 73")
  func fullDisk() throws {
    let disk = try SmallDisk()
    let tmux = try TmuxSession()
    try tmux.startIntake(inside: disk)
    try tmux.startNew("Robin")
    try tmux.keys("1", "Enter")
    try tmux.waitFor("vraag 3 van")
    try disk.fill()
    try tmux.keys("2", "Enter")
    let failed = try tmux.waitFor("Niet bewaard")
    #expect(failed.contains { $0.contains("(•) 2  In jaren") }, "the choice is still there")
    #expect(failed.joined(separator: " ").contains("de schijf is vol"))
    #expect(failed.contains { $0.contains("vraag 3 van") }, "the form stays on the question")
    try disk.free()
    try tmux.keys("Enter")  // tries again
    try tmux.waitFor("Hoe oud is uw kind?")
    try tmux.type("9")
    try disk.fill()
    try tmux.keys("Enter")
    try tmux.waitFor("Niet bewaard")
    try tmux.keys("Escape")
    try tmux.waitFor("1 antwoord kon niet worden bewaard")
    try tmux.keys("j")
    let shell = try tmux.waitFor("EXIT=73")
    #expect(shell.joined().contains("intake: 1 antwoord voor Robin kon niet worden bewaard"))
    try disk.free()
    let record = try AnswerFile.load(contentsOf: try disk.answerFile())
    #expect(record.answers["respondent"]?.value == .choice("mother"))
    #expect(record.answers["age_how"]?.value == .choice("years"), "written on the retry")
    #expect(record.answers["age_given"] == nil, "never shown as given")
  }

  @Test("Ctrl-C mid-walk keeps every answer, and resume starts where the parent was")
  func interruptAndResume() throws {
    let tmux = try TmuxSession()
    try tmux.startIntake()
    try tmux.startNew("Noor")
    try tmux.keys("2", "Enter")  // respondent: the second option
    try tmux.waitFor("vraag 3 van")
    try tmux.keys("1", "Enter")  // age by date of birth
    try tmux.waitFor("(dd-mm-jjjj)")
    try tmux.type("02-05-2015")  // typed but not confirmed
    try tmux.keys("C-c")
    let shell = try tmux.waitFor("EXIT=130")
    #expect(!tmux.alternateScreen)
    #expect(shell.contains { $0.hasPrefix("Antwoorden voor Noor bewaard in ") })

    let file = try #require(tmux.answerFiles().first)
    let saved = try AnswerFile.load(contentsOf: file.path)
    #expect(saved.status == .inProgress)
    #expect(saved.answers["nickname"]?.value == .text("Noor"))
    #expect(saved.answers["respondent"]?.value == .choice("father"))
    #expect(saved.answers["age_how"]?.value == .choice("birth_date"))
    #expect(
      saved.answers["birth_date"]?.value == .date(LocalDate(year: 2015, month: 5, day: 2)!),
      "the typed date was saved")

    try tmux.type("clear")
    try tmux.keys("Enter")
    try tmux.startIntake(["resume"])
    let resumed = try tmux.waitFor("vraag ")
    #expect(resumed.contains { $0.contains("> 02-05-2015") }, "back at the date, with the date")
    try tmux.keys("Enter")
    try tmux.waitFor("jongen of een meisje")
    try tmux.keys("Escape", "j")
    try tmux.waitFor("EXIT=0")
    let after = try AnswerFile.load(contentsOf: file.path)
    for (id, entry) in saved.answers {
      #expect(after.answers[id]?.value == entry.value, "\(id) kept")
    }
  }

  @Test("plain mode, fed from standard input, reaches the report only when told to finish")
  func plainFromStdin() throws {
    let binary = try IntakeBinary.locate()
    let data = FileManager.default.temporaryDirectory.appending(
      path: "intake-plain-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    let input =
      ["Noor", "1", "2", "9", "overzicht", "", "afronden", "afronden"]
      .joined(separator: "\n") + "\n"
    let result = try run(
      [binary], input: input,
      environment: ["INTAKE_DATA_DIR": data.path, "LANG": "nl_NL.UTF-8", "TERM": "xterm"])
    #expect(result.status == 0, "\(result.error)")
    #expect(!result.output.contains("\u{1B}"), "no escape codes in plain mode")
    #expect(result.output.contains("Deel 1 van 9, vraag 2 van 4"))
    #expect(result.output.contains("Overzicht van uw antwoorden"))
    #expect(result.output.contains("vragen zonder antwoord"))
    #expect(result.output.contains("Verslag (tekst): "))
    #expect(result.output.contains("Afdrukken: lp "))
    let profile = data.appending(path: "noor")
    let files = try FileManager.default.contentsOfDirectory(atPath: profile.path)
    #expect(files.contains { $0.hasSuffix(".report.txt") })
    let answers = try #require(files.first { $0.hasSuffix(".json") && $0 != "profile.json" })
    let record = try AnswerFile.load(contentsOf: profile.appending(path: answers).path)
    #expect(record.status == .finishedWithUnanswered)
  }

  @Test("plain mode refuses a line that is not UTF-8 instead of saving a name never typed")
  func plainNotUTF8() throws {
    let binary = try IntakeBinary.locate()
    let data = FileManager.default.temporaryDirectory.appending(
      path: "intake-latin1-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    // "Zoë" in Latin-1, then in UTF-8.
    let bytes = Array("Zo".utf8) + [0xEB] + Array("\nZoë\nstop\n".utf8)
    let result = try run(
      [binary, "--plain", "--lang", "en"], bytes: bytes,
      environment: ["INTAKE_DATA_DIR": data.path])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("it is not UTF-8"))
    let profiles = try FileManager.default.contentsOfDirectory(atPath: data.path)
    #expect(profiles == ["zoë"], "only the name typed in UTF-8 is saved")
  }

  @Test("the resume hint for a name that starts with '-' works when pasted back")
  func resumeHintDash() throws {
    let binary = try IntakeBinary.locate()
    let data = FileManager.default.temporaryDirectory.appending(
      path: "intake-dash-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    let first = try run(
      [binary, "--plain", "--lang", "en", "--data-dir", data.path], input: "-x\n1\nstop\n")
    let hint = try #require(
      first.output.split(separator: "\n").last?.split(separator: "To continue: ").last)
    #expect(hint.hasSuffix(" -- -x"), "\(hint)")
    let arguments = hint.split(separator: " ").dropFirst().map(String.init)
    let again = try run([binary] + arguments, input: "stop\n")
    #expect(again.status == 0, "\(again.error)")
    #expect(again.output.contains("How would you like to give your child's age?"))
  }

  @Test("resume without --lang goes on in the assessment's language, not the shell's")
  func resumeKeepsLanguage() throws {
    let binary = try IntakeBinary.locate()
    let data = FileManager.default.temporaryDirectory.appending(
      path: "intake-resume-lang-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    _ = try run(
      [binary, "--plain", "--lang", "nl"], input: "Sam\n1\nstop\n",
      environment: ["INTAKE_DATA_DIR": data.path])
    let english = ["INTAKE_DATA_DIR": data.path, "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"]
    let resumed = try run([binary, "resume", "--plain"], input: "stop\n", environment: english)
    #expect(resumed.output.contains("Hoe wilt u de leeftijd"), "\(resumed.output)")
    #expect(resumed.output.contains("Verdergaan: intake resume Sam"))
    let asked = try run(
      [binary, "resume", "--plain", "--lang", "en"], input: "stop\n", environment: english)
    #expect(asked.output.contains("How would you like to give your child's age?"))
  }

  @Test("history of a child whose only answers file cannot be read says so, not 'none yet'")
  func historyUnreadableOnly() throws {
    let binary = try IntakeBinary.locate()
    let data = FileManager.default.temporaryDirectory.appending(
      path: "intake-history-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    let environment = ["INTAKE_DATA_DIR": data.path]
    _ = try run(
      [binary, "--plain", "--lang", "en"], input: "Robin\n1\nstop\n", environment: environment)
    let folder = data.appending(path: "robin")
    let answers = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).first {
        $0.hasSuffix(".json") && $0 != "profile.json"
      })
    try Data("{ not json".utf8).write(to: folder.appending(path: answers))
    let result = try run([binary, "history", "Robin", "--lang", "en"], environment: environment)
    #expect(result.output.contains("No assessment that can be read: see the files named below."))
    #expect(!result.output.contains("No assessments yet"))
    #expect(result.error.contains(answers))
    #expect(result.status == 65)
  }

  @Test("plain mode on a full disk says what was not saved and ends 73")
  func plainFullDisk() throws {
    let binary = try IntakeBinary.locate()
    let disk = try SmallDisk()
    let tmux = try TmuxSession()
    try tmux.startIntake(["--plain"], inside: disk)
    try tmux.waitFor("Naam (hoogstens 40 tekens):")
    try tmux.type("Robin")
    try tmux.keys("Enter")
    try tmux.waitFor("Typ een nummer van 1 tot en met 4")
    try disk.fill()
    try tmux.type("1")
    try tmux.keys("Enter")
    try tmux.waitFor("Niet bewaard")
    try disk.free()
    try tmux.keys("Enter")
    try tmux.waitFor("Hoe wilt u de leeftijd")
    try disk.fill()
    try tmux.type("2")
    try tmux.keys("Enter")
    try tmux.waitFor("Niet bewaard")
    try tmux.type("stop")
    try tmux.keys("Enter")
    let shell = try tmux.waitFor("EXIT=73")
    #expect(shell.joined().contains("1 antwoord kon niet worden bewaard"))
    #expect(!shell.joined().contains("Alle antwoorden die u gaf zijn bewaard"))
    try disk.free()
    let record = try AnswerFile.load(contentsOf: try disk.answerFile())
    #expect(record.answers["respondent"]?.value == .choice("mother"))
    #expect(record.answers["age_how"] == nil)
    _ = binary
  }
}

@Suite("End to end: the PDF for the doctor")
struct ReportPDFFileTests {
  @Test("intake report --format pdf carries the answers and their FHIR Bundle inside")
  func bundleInside() throws {
    let binary = try IntakeBinary.locate()
    let folder = FileManager.default.temporaryDirectory.appending(path: "intake-pdf-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let answers = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appending(
        path: "IntakeCoreTests/Fixtures/report/answers/20261124-193000-d0d001.json"
      ).path
    let pdf = folder.appending(path: "daan.pdf").path
    let made = try run([binary, "report", answers, "--format", "pdf", "--output", pdf])
    #expect(made.status == 0, "\(made.error)")
    let listed = try run(["pdfdetach", "-list", pdf])
    #expect(listed.output.contains("1: 20261124-193000-d0d001.json"))
    #expect(listed.output.contains("2: 20261124-193000-d0d001.fhir.json"))
    let bundle = folder.appending(path: "bundle.json").path
    _ = try run(["pdfdetach", "-save", "2", "-o", bundle, pdf])
    let json = try String(contentsOfFile: bundle, encoding: .utf8)
    #expect(json.contains(#""resourceType" : "Bundle""#))
    #expect(json.contains(#""resourceType" : "QuestionnaireResponse""#))
  }
}
