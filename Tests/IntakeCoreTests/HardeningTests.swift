import Foundation
import IntakeCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The root causes of issue 12, each checked where it lives (the bad-input corpus in
/// EndToEndTests checks the same cases through the binary).
@Suite("Hardening")
struct HardeningTests {
  @Test(
    "paths split on the string, one-character names included",
    arguments: [
      ("r", "", "r"), ("a/b", "a", "b"), ("/r", "/", "r"), ("a/b/", "a", "b"),
      ("a//b", "a", "b"), ("/", "/", "/"), ("", "", ""), ("./r", ".", "r"),
      ("/x/y/z.json", "/x/y", "z.json"),
    ])
  func pathNames(path: String, folder: String, last: String) {
    #expect(PathName.folder(of: path) == folder)
    #expect(PathName.lastComponent(of: path) == last)
  }

  @Test("a report beside a one-letter answers file name")
  func reportBesideShortName() {
    #expect(ReportFile.path(besideAnswers: "f", format: .text) == "f.report.txt")
    #expect(ReportFile.path(besideAnswers: "a/ID.json", format: .json) == "a/ID.report.jsonc")
    #expect(PathName.withoutExtension(".lock") == ".lock")
  }

  @Test("a FIFO as answers file or questionnaire is refused at once, never waited on")
  func fifoRefused() throws {
    let path = FileManager.default.temporaryDirectory.appending(
      path: "intake-fifo-\(UUID().uuidString)"
    ).path
    #expect(mkfifo(path, 0o600) == 0)
    defer { unlink(path) }
    #expect(
      throws: AnswerStoreError.unreadable(
        file: path, reason: "it is a pipe (FIFO), not a regular file")
    ) {
      try AnswerFile.load(contentsOf: path)
    }
    #expect(throws: QuestionnaireLoadError.self) {
      try QuestionnaireLoader.load(contentsOf: path)
    }
  }

  @Test("one unbroken word of 400,000 characters wraps into full lines, nothing lost")
  func longWord() {
    let word = String(repeating: "x", count: 400_000)
    let lines = TextWrap.wrap("before " + word + " after", width: 76)
    #expect(lines.first == "before")
    // The end of the word shares its line with the next word, as any word would.
    #expect(lines.last?.hasSuffix("x after") == true)
    #expect(lines.allSatisfy { $0.count <= 76 })
    let rest = lines.dropFirst().joined()
    #expect(rest.count == word.count + " after".count)
    #expect(rest.hasSuffix(" after") && !rest.dropLast(6).contains(" "))
  }

  @Test("a wide character in a narrow column still goes somewhere, alone on its line")
  func wideCharacterInNarrowColumn() {
    #expect(TextWrap.wrap("漢漢", width: 1) == ["漢", "漢"])
  }

  @Test("typed numbers: too many digits are refused by every number item, not kept as 1e+23")
  func largeNumbers() throws {
    #expect(NumberText.parse(String(repeating: "9", count: 400)) == nil)
    let typed = try #require(NumberText.parse("99999999999999999999999"))
    let q = try QuestionnaireLoader.load(
      yaml: """
        id: n
        version: 1.0.0
        languages: [en]
        title: N
        sections:
          - id: s
            title: S
            items:
              - { id: any, type: integer, question: Any number? }
              - { id: capped, type: decimal, max: 5000000000000, question: Capped? }
        """, file: "n.yaml")
    for item in q.items {
      #expect(item.problem(with: .number(typed), today: .today()) == .aboveMaximum(999_999_999_999))
      #expect(
        item.problem(with: .number(-typed), today: .today()) == .belowMinimum(-999_999_999_999))
      #expect(item.problem(with: .number(999_999_999_999), today: .today()) == nil)
    }
  }

  @Test("an answers file with 1e400 is refused where the number is")
  func hugeNumberInFile() {
    let json = #"{"format": 2, "answers": {"w": {"value": {"number": 1e400}}}}"#
    #expect(throws: AnswerStoreError.self) {
      try AnswerFile.decode(Data(json.utf8), file: "a.json")
    }
    do {
      _ = try AnswerFile.decode(Data(json.utf8), file: "a.json")
    } catch {
      #expect(
        error.description
          == "a.json:1:53: error: the number 1e400 is too large (expected a number such as 31.5)")
    }
  }

  @Test("aliases may share a part, up to a limit located at the alias that passes it")
  func aliasLimits() throws {
    var shared = """
      id: a
      version: 1.0.0
      languages: [en]
      title: A
      sections:
        - id: s
          title: S
          items:
            - id: q0
              type: choice
              options: &options
                - { id: x, label: X }
                - { id: y, label: Y }
              question: Q?

      """
    for index in 1..<200 {
      shared += "      - { id: q\(index), type: choice, options: *options, question: Q? }\n"
    }
    #expect(try QuestionnaireLoader.load(yaml: shared, file: "a.yaml").items.count == 200)

    var bomb =
      "id: b\nversion: 1.0.0\nlanguages: [en]\ntitle: B\nx: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
    for level in 1...7 {
      bomb +=
        "x\(level): &\(level == 7 ? "z" : "a\(level)") ["
        + Array(repeating: "*\(level == 1 ? "a" : "a\(level - 1)")", count: 10).joined(
          separator: ", ")
        + "]\n"
    }
    let diagnostics = Fixtures.diagnostics(yaml: bomb)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.contains("makes the file too large") == true)
  }
}
