import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// One line of `Corpus/cases.txt`: `EXIT | ARGUMENTS | FIRST LINE OF STDERR [| FIRST LINE OF
/// STDOUT]`, `-` for an empty one. See the comment at the top of that file for the words the arguments may use.
struct CorpusCase: CustomTestStringConvertible, Sendable {
  let line: Int
  let exit: Int32
  let arguments: [String]
  let stderr: String
  let stdout: String?

  var testDescription: String { "line \(line): \(arguments.joined(separator: " "))" }

  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appending(path: "Corpus")

  static var all: [CorpusCase] {
    let text = (try? String(contentsOf: folder.appending(path: "cases.txt"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap {
      offset, raw in
      let line = raw.trimmingCharacters(in: .whitespaces)
      guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
      let fields = line.components(separatedBy: " | ").map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard fields.count >= 3, let exit = Int32(fields[0]) else {
        return CorpusCase(
          line: offset + 1, exit: -1, arguments: ["malformed line"], stderr: line, stdout: nil)
      }
      return CorpusCase(
        line: offset + 1, exit: exit,
        arguments: fields[1].split(separator: " ").map(String.init),
        stderr: fields[2], stdout: fields.count > 3 ? (fields[3] == "-" ? "" : fields[3]) : nil)
    }
  }
}

/// Files the corpus makes at run time rather than keeps: large, and what they are is clearer as
/// code than as 100 KB of parentheses.
enum CorpusFiles {
  static let mini = """
    id: mini
    version: 1.0.0
    languages: [en]
    title: Mini
    sources:
      - id: seed
        citation: Seed
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
            when: CONDITION

    """

  static func generated(_ name: String) -> String? {
    func condition(_ text: String) -> String {
      mini.replacingOccurrences(of: "CONDITION", with: text)
    }
    switch name {
    case "nested-parentheses":
      return condition(
        String(repeating: "(", count: 9_700) + "a == \"yes\"" + String(repeating: ")", count: 9_700)
      )
    case "and-chain":
      return condition(Array(repeating: "a == \"yes\"", count: 11_400).joined(separator: " and "))
    case "plus-chain":
      return condition(Array(repeating: "1", count: 11_400).joined(separator: " + ") + " > 0")
    case "coalesce-chain":
      return condition(
        Array(repeating: "a", count: 11_400).joined(separator: " ?? ") + " == \"yes\"")
    case "not-chain":
      return condition(String(repeating: "not ", count: 11_400) + "a == \"yes\"")
    case "minus-chain":
      return condition(String(repeating: "-", count: 11_400) + "1 > 0")
    case "computed-chain":
      var text = condition("a == \"yes\"") + "computed:\n  - id: c0\n    expr: value(a) ?? 0\n"
      for index in 1..<5_000 { text += "  - id: c\(index)\n    expr: c\(index - 1) + 1\n" }
      return text
        + """
        report:
          rules:
            - id: r
              when: c4999 > 5000
              priority: discuss
              topic: general
              sources: [seed]
              title: Long chain
              text: The last of 5,000 computed values is above 5,000.

        """
    case "alias-bomb":
      // One list of 50 items, aliased into 2,000 sections.
      var text = "id: bomb\nversion: 1.0.0\nlanguages: [en]\ntitle: Bomb\nsections:\n"
      text += "  - id: s0\n    title: S\n    items: &items\n"
      for item in 0..<50 { text += "      - {id: i\(item), type: yes_no, question: Q\(item)?}\n" }
      for section in 1..<2_000 { text += "  - id: s\(section)\n    title: S\n    items: *items\n" }
      return text
    case "long-word-answers":
      // A valid answers file whose note is one word of 400,000 characters.
      guard
        let data = try? Data(contentsOf: CorpusCase.folder.appending(path: "answers/valid.json")),
        var record = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        var answers = record["answers"] as? [String: Any]
      else { return nil }
      answers["cond_other"] = [
        "answered_at": "2026-11-25T08:52:00.000Z",
        "value": ["text": String(repeating: "x", count: 400_000)],
      ]
      record["answers"] = answers
      return (try? JSONSerialization.data(withJSONObject: record)).map {
        String(decoding: $0, as: UTF8.self)
      }
    default:
      return nil
    }
  }
}

/// The bad-input corpus: answers files, questionnaires, command lines and special files (FIFOs,
/// folders, devices), each run through the real `intake` binary in a folder of its own, with
/// the exit code and the first line of standard error it must give. None may end in a signal or
/// a hang: each runs under `timeout`, which kills it after 60 seconds.
@Suite("Bad inputs: the corpus, through the real binary")
struct BadInputCorpusTests {
  @Test("every case ends with its exit code and its first line", arguments: CorpusCase.all)
  func corpusCase(_ corpusCase: CorpusCase) throws {
    let binary = try IntakeBinary.locate()
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "intake-corpus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let directory = folder.path

    var environment = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
    environment["INTAKE_DATA_DIR"] = "\(directory)/data"
    var arguments: [String] = []
    for argument in corpusCase.arguments {
      // Leading NAME=VALUE words set the environment, as in a shell.
      if arguments.isEmpty, let equals = argument.firstIndex(of: "="),
        argument[..<equals].allSatisfy({ $0.isUppercase || $0 == "_" })
      {
        environment[String(argument[..<equals])] = String(
          argument[argument.index(after: equals)...])
        continue
      }
      if let substituted = try prepare(argument, in: directory) { arguments.append(substituted) }
    }
    let result = try run(
      ["-C", directory, "timeout", "-s", "KILL", "60", binary] + arguments,
      environment: environment)
    let firstError = Self.firstLine(result.error, directory: directory)
    let expected = corpusCase.stderr == "-" ? "" : corpusCase.stderr
    #expect(
      result.status == corpusCase.exit,
      "exit \(result.status), expected \(corpusCase.exit); stderr: \(firstError)")
    #expect(result.status < 128, "ended by signal \(result.status - 128)")
    #expect(firstError == expected)
    if let stdout = corpusCase.stdout {
      #expect(Self.firstLine(result.output, directory: directory) == stdout)
    }
  }

  static func firstLine(_ text: String, directory: String) -> String {
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
    // Temporary folders may be reached through a symbolic link (/tmp on some systems).
    let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    return String(line).replacingOccurrences(of: directory, with: "$DIR")
      .replacingOccurrences(of: real, with: "$DIR")
  }

  /// Sets up what `argument` names and gives what goes on the command line in its place (`nil`:
  /// nothing). `@a:NAME[>AS]` and `@q:NAME[>AS]` copy an answers file or a questionnaire of
  /// the corpus, `@gen:NAME[>AS]` writes a generated one, `@fifo:NAME` makes a FIFO,
  /// `@folder:NAME` a folder, `@store:NAME` puts an answers file into the store (and
  /// nothing on the command line; `@storeid:NAME` its id), `@storefifo:PROFILE/NAME` a FIFO into
  /// the store; `@put:NAME>AS` copies an answers file without naming it on the command line.
  func prepare(_ argument: String, in directory: String) throws -> String? {
    guard argument.hasPrefix("@"), let colon = argument.firstIndex(of: ":") else {
      return argument
    }
    let kind = argument[argument.index(after: argument.startIndex)..<colon]
    let spec = argument[argument.index(after: colon)...]
    let parts = spec.split(separator: ">", maxSplits: 1).map(String.init)
    let source = parts[0]
    let name = parts.count > 1 ? parts[1] : source
    let target = "\(directory)/\(name)"
    switch kind {
    case "a", "q", "put":
      let from = CorpusCase.folder.appending(path: kind == "q" ? "questionnaires" : "answers")
        .appending(path: source)
      try FileManager.default.copyItem(atPath: from.path, toPath: target)
      return kind == "put" ? nil : name
    case "gen":
      guard let text = CorpusFiles.generated(source) else {
        throw E2EError("no generated corpus file '\(source)'")
      }
      try Data(text.utf8).write(to: URL(fileURLWithPath: target))
      return name
    case "fifo":
      guard mkfifo(target, 0o600) == 0 else { throw E2EError("cannot make the FIFO \(target)") }
      return name
    case "folder":
      try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
      return name
    case "store", "storeid":
      let from = CorpusCase.folder.appending(path: "answers").appending(path: source)
      let data = try Data(contentsOf: from)
      guard let record = try JSONSerialization.jsonObject(with: data) as? [String: Any],
        let id = record["id"] as? String, let profile = record["profile"] as? String
      else { throw E2EError("\(source) names no id and profile") }
      let profileFolder = "\(directory)/data/\(profile)"
      try FileManager.default.createDirectory(
        atPath: profileFolder, withIntermediateDirectories: true)
      try data.write(to: URL(fileURLWithPath: "\(profileFolder)/\(id).json"))
      return kind == "storeid" ? id : nil
    case "storefifo":
      let path = "\(directory)/data/\(source)"
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      guard mkfifo(path, 0o600) == 0 else { throw E2EError("cannot make the FIFO \(path)") }
      return nil
    default:
      throw E2EError("unknown corpus word '\(argument)'")
    }
  }
}
