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
    overview: "Overzicht van uw antwoorden", report: "Uw verslag", saved: "Bewaard in",
    question: "· vraag ",
    toggleKey: "Spatie kiezen", dateFormat: "(dd-mm-jjjj)", range: "van ")
  static let english = Words(
    overview: "Overview of your answers", report: "Your report", saved: "Saved in",
    question: "· question ",
    toggleKey: "Space choose", dateFormat: "(dd-mm-yyyy)", range: "from ")
}

/// Answers every question the way a hurried but careful parent would: the highlighted choice,
/// at least one tick in a list, a date, the lowest allowed number, a short note with "ë" and
/// markup in it. Returns the number of questions answered before the overview appeared.
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
    } else if screen.contains(words.toggleKey) && !screen.contains("[x]") {
      try tmux.keys("Space")
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
    try tmux.waitFor("EXIT=0")
    #expect(!tmux.alternateScreen, "the terminal is given back")

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

  @Test("a resize mid-question re-lays out at 40×12 and back, keeping what was typed")
  func resize() throws {
    let tmux = try TmuxSession()
    try tmux.startIntake()
    try tmux.waitFor("Welkom")
    try tmux.keys("Enter")
    try tmux.type("Sam")
    try tmux.keys("Enter")
    try tmux.waitFor("vraag 1 van")
    try tmux.keys("BSpace", "BSpace", "BSpace")
    try tmux.type("Samuël")
    let before = try tmux.waitFor("> Samuël")
    try tmux.resize(width: 40, height: 12)
    // Laid out again: the child's name ends the title bar within 40 columns.
    let small = try tmux.waitUntil("the 40-column layout") {
      $0.first?.hasSuffix(" Samuël") == true || $0.first?.hasSuffix(" Sam") == true
    }
    #expect(small.count == 12)
    #expect(small.allSatisfy { $0.count <= 40 })
    #expect(small.contains { $0.contains("> Samuël") })
    try tmux.resize(width: 30, height: 10)
    try tmux.waitFor("Terminal te klein")
    try tmux.resize(width: 80, height: 24)
    let after = try tmux.waitFor("> Samuël")
    #expect(after == before, "the same screen as before the resize")
    try tmux.keys("Enter")
    try tmux.waitFor("vraag 2 van")
    try tmux.keys("Escape")
    try tmux.waitFor("Nu stoppen?")
    try tmux.keys("j")
    try tmux.waitFor("EXIT=0")
  }

  @Test("Ctrl-C mid-walk keeps every answer, and resume starts where the parent was")
  func interruptAndResume() throws {
    let tmux = try TmuxSession()
    try tmux.startIntake()
    try tmux.waitFor("Welkom")
    try tmux.keys("Enter")
    try tmux.type("Noor")
    try tmux.keys("Enter")
    try tmux.waitFor("vraag 1 van")
    try tmux.keys("Enter")  // nickname (pre-filled)
    try tmux.waitFor("vraag 2 van")
    try tmux.keys("Down", "Enter")  // respondent: the second option
    try tmux.waitFor("vraag 3 van")
    try tmux.keys("Enter")  // age by date of birth
    try tmux.waitFor("(dd-mm-jjjj)")
    try tmux.type("02-05-2015")  // typed but not confirmed
    try tmux.keys("C-c")
    try tmux.waitFor("EXIT=130")
    #expect(!tmux.alternateScreen)

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

  @Test("plain mode, fed from standard input, reaches the report")
  func plainFromStdin() throws {
    let binary = try IntakeBinary.locate()
    let data = FileManager.default.temporaryDirectory.appending(
      path: "intake-plain-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    let input = ["Noor", "", "1", "2", "9", "overzicht", ""].joined(separator: "\n") + "\n"
    let result = try run(
      [binary], input: input,
      environment: ["INTAKE_DATA_DIR": data.path, "LANG": "nl_NL.UTF-8", "TERM": "xterm"])
    #expect(result.status == 0, "\(result.error)")
    #expect(!result.output.contains("\u{1B}"), "no escape codes in plain mode")
    #expect(result.output.contains("Vraag 1 van"))
    #expect(result.output.contains("Overzicht van uw antwoorden"))
    #expect(result.output.contains("Bewaard in "))
    #expect(result.output.contains("Afdrukken: lp "))
    let profile = data.appending(path: "noor")
    let files = try FileManager.default.contentsOfDirectory(atPath: profile.path)
    #expect(files.contains { $0.hasSuffix(".report.txt") })
  }
}
