import Foundation
import IntakeCore
import Testing

@Suite("Loading questionnaires")
struct LoaderTests {
  @Test("the corpus holds at least 25 bad files")
  func corpusSize() {
    #expect(Fixtures.badFiles.count >= 25)
  }

  /// Each bad file lists, in `# expect:` lines at its top, exactly the errors it must produce.
  @Test(
    "each bad file yields exactly its expected errors and locations", arguments: Fixtures.badFiles)
  func badFile(_ name: String) throws {
    let path = Fixtures.path("bad/\(name)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let expected = text.split(separator: "\n").filter { $0.hasPrefix("# expect: ") }
      .map { String($0.dropFirst("# expect: ".count)) }
    #expect(!expected.isEmpty, "\(name) has no '# expect:' lines")
    do {
      _ = try QuestionnaireLoader.load(contentsOf: path, today: Fixtures.today)
      Issue.record("\(name) loaded without errors")
    } catch {
      guard case .invalid(let diagnostics) = error else {
        Issue.record("\(name): \(error)")
        return
      }
      #expect(diagnostics.allSatisfy { $0.location.file == path })
      let found = diagnostics.map {
        "\($0.location.line):\($0.location.column): error: \($0.message)"
      }
      #expect(found == expected)
    }
  }

  @Test("the every-feature fixture loads with everything in it")
  func everyFeatureLoads() throws {
    let q = Fixtures.everyFeature
    #expect(q.id == "every-feature")
    #expect(q.version == "2.1.0")
    #expect(q.reference == "every-feature@2.1.0")
    #expect(q.languages == [.dutch, .english])
    #expect(q.sections.map(\.id) == ["child", "symptoms", "diet", "medicines"])
    let kinds = Set(q.items.map(\.kind.name))
    #expect(
      kinds == ["choice", "multi_choice", "yes_no", "scale", "integer", "decimal", "text", "date"])
    #expect(q.item("conditions")?.option("none")?.isExclusive == true)
    #expect(q.item("sex")?.allowsPreferNotToSay == true)
    #expect(q.item("sleeps_badly") == nil)
    #expect(q.item("teen_question")?.allowsDontKnow == true, "yes_no allows don't know by default")
    #expect(q.item("weight")?.allowsDontKnow == true)
    #expect(q.item("birth_date")?.isRequired == true)
    #expect(q.items.filter(\.isSafety).map(\.id) == ["magnesium_mg"])
    #expect(q.section("diet")?.condition?.source == "not dont_know(focus)")
    #expect(q.computed.map(\.id).contains("dietary_mg"))
    #expect(q.computedValue("above_limit")?.isNumeric == false)
    #expect(q.scale("severity")?.method == .mean)
    #expect(q.scale("severity")?.range == 0...3)
    #expect(q.scale("total")?.range == 0...9)
    #expect(q.report.rules.count == 7)
    #expect(q.report.factors.map(\.id) == ["severity_factor", "diet_factor"])
    #expect(q.report.observationItemIDs == ["notes", "other_condition"])
    #expect(q.source("iom1997")?.citation.text(in: .english) == "IOM (1997), chapter 6")
    #expect(
      q.source("seed")?.citation.text(in: .dutch) == q.source("seed")?.citation.text(in: .english))
    // Shared YAML anchors give each scale item its own copy of the points.
    if case .scale(let points)? = q.item("impulsive")?.kind {
      #expect(points.map(\.value) == [0, 1, 2, 3])
      #expect(points[3].label.text(in: .dutch) == "Heel vaak")
    } else {
      Issue.record("impulsive is not a scale")
    }
  }

  @Test("the example in docs/questionnaire-format.md loads")
  func documentedExampleLoads() throws {
    let doc = try String(
      contentsOf: Fixtures.repository.appending(path: "docs/questionnaire-format.md"),
      encoding: .utf8)
    let start = try #require(doc.range(of: "```yaml\n"))
    let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
    let yaml = String(doc[start.upperBound..<end.lowerBound])
    #expect(Fixtures.diagnostics(yaml: yaml) == [])
  }

  @Test("a missing file and a directory are unreadable, not invalid")
  func unreadable() {
    #expect(throws: QuestionnaireLoadError.self) {
      try QuestionnaireLoader.load(contentsOf: "/nonexistent/q.yaml")
    }
    do {
      _ = try QuestionnaireLoader.load(contentsOf: "/nonexistent/q.yaml")
    } catch {
      guard case .unreadable(let file, let reason) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(file == "/nonexistent/q.yaml")
      #expect(reason == "no such file or folder")
    }
    do {
      _ = try QuestionnaireLoader.load(contentsOf: Fixtures.directory.path)
    } catch {
      guard case .unreadable(_, let reason) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(reason == "it is a folder")
    }
  }

  @Test("a file that is not UTF-8 is unreadable")
  func notUTF8() throws {
    let url = FileManager.default.temporaryDirectory.appending(path: "intake-latin1-\(UUID()).yaml")
    try Data([0x69, 0x64, 0x3A, 0x20, 0xEB, 0xFF, 0x0A]).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    do {
      _ = try QuestionnaireLoader.load(contentsOf: url.path)
      Issue.record("loaded a non-UTF-8 file")
    } catch {
      guard case .unreadable(_, let reason) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(reason == "the file is not UTF-8 text")
    }
  }

  @Test("errors inside a multi-line literal expression point at the right line and column")
  func literalBlockLocation() {
    let yaml = """
      id: q
      version: "1"
      languages: [en]
      title: Q
      sections:
        - id: s
          title: S
          items:
            - id: a
              type: yes_no
              question: A?
            - id: b
              type: yes_no
              question: B?
              when: |
                a == "yes" and
                  a == "maybe"
      """
    #expect(
      Fixtures.diagnostics(yaml: yaml) == [
        "17:18: error: item 'b': 'a' has no option \"maybe\" (expected one of: yes, no, dont_know)"
      ])
  }

  @Test("a single-language questionnaire may write plain strings")
  func singleLanguagePlainStrings() {
    let yaml = """
      id: q
      version: "1"
      languages: [en]
      title: Q
      sections:
        - id: s
          title: S
          items:
            - { id: a, type: text, question: Anything? }
      """
    #expect(Fixtures.diagnostics(yaml: yaml) == [])
  }

  @Test("date bounds thousands of years away load and check answers without trapping")
  func farOffDateBounds() throws {
    let yaml = """
      id: q
      version: "1"
      languages: [en]
      title: Q
      sections:
        - id: s
          title: S
          items:
            - { id: born, type: date, min: today - 3000 years, max: today + 99999999 days, question: Born? }
            - { id: old, type: yes_no, when: age(born) > 100, question: Old? }
      """
    #expect(Fixtures.diagnostics(yaml: yaml) == [])
    let questionnaire = try QuestionnaireLoader.load(
      yaml: yaml, file: "q.yaml", today: Fixtures.today)
    guard case .date(let range) = questionnaire.items[0].kind else {
      Issue.record("born is not a date item")
      return
    }
    #expect(range.min?.resolve(today: Fixtures.today) == .earliest)
    #expect(range.max?.resolve(today: Fixtures.today) == .latest)
  }

  @Test("a key written twice is found in a long mapping too, where the keys are hashed")
  func repeatedKeyInLongMapping() {
    let keys = (1...20).map { "x\($0): a" }.joined(separator: "\n")
    #expect(
      Fixtures.diagnostics(yaml: keys + "\nx3: b\n") == [
        "21:1: error: duplicate key 'x3' in the same mapping (expected each key once)"
      ])
    #expect(
      !Fixtures.diagnostics(yaml: keys + "\nx21: b\n").contains { $0.contains("duplicate key") })
  }

  @Test(
    "aliases repeat an anchored value; an alias without an anchor and a second document are errors")
  func aliasesAndDocuments() {
    let base = """
      id: q
      version: "1"
      languages: [en]
      title: Q
      sections:
        - id: s
          title: S
          items:
            - { id: a, type: scale, points: &p [{ value: 0, label: No }, { value: 1, label: Yes }], question: A? }
            - { id: b, type: scale, points: *p, question: B? }
      """
    #expect(Fixtures.diagnostics(yaml: base) == [])
    #expect(
      Fixtures.diagnostics(yaml: base.replacingOccurrences(of: "*p", with: "*q")) == [
        "10:39: error: alias '*q' names no anchor (expected '&q' earlier in the file)"
      ])
    #expect(
      Fixtures.diagnostics(yaml: base + "\n---\nid: r\n") == [
        "11:1: error: a second YAML document ('---') (expected one questionnaire per file)"
      ])
  }
}
