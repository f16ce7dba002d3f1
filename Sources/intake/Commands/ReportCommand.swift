import ArgumentParser
import BuiltinQuestionnaires
import Foundation
import IntakeCore

/// `intake report ANSWERS_FILE`: the "discuss with your doctor" report of a saved assessment.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the \"discuss with your doctor\" report for a saved answers file.",
    discussion: """
      Writes the report to standard output, or to FILE with --output (readable only by you). \
      The report is dated, and ages are worked out, for the day the answers were last changed. \
      A follow-up is compared with the earlier answers it names when that file is in the same \
      folder. --print sends the text report to the printer with lp. Exits 65 when the answers \
      do not fit the questionnaire, 66 when a file cannot be read, 69 when there is no printer \
      system and 73 when the output cannot be written.
      """
  )

  @Argument(
    help: "An answers file saved by intake (JSON).", completion: .file(extensions: ["json"]))
  var answersFile: String

  @Option(help: "The report's format.")
  var format: ReportFormat = .text

  @Option(
    name: .shortAndLong, help: "Write the report to FILE instead of standard output.",
    completion: .file())
  var output: String?

  @Option(
    name: .customLong("lang"),
    help: "The report's language (default: the language the answers were given in).")
  var language: Language?

  @Flag(name: .customLong("print"), help: "Send the text report to the printer with lp.")
  var sendToPrinter = false

  @Option(
    name: .customLong("questionnaire"),
    help: "The questionnaire file the answers belong to, instead of the built-in one.",
    completion: .file(extensions: ["yaml", "yml"]))
  var questionnairePath: String?

  /// EX_UNAVAILABLE: a service (here, printing) is not there.
  static let unavailable = ExitCode(69)

  func validate() throws {
    if sendToPrinter, format != .text {
      throw ValidationError(
        UserLanguage.current == .dutch
          ? "--print drukt het tekstverslag af; laat --format weg of kies text"
          : "--print sends the text report; leave out --format or use text")
    }
  }

  func run() throws {
    try reportingErrors {
      let record = try Self.loadAnswers(answersFile)
      // As of the day the answers were given, as `intake history` scores them: a report printed
      // weeks later says what it said then (the child's age included).
      let today = AssessmentHistory.day(of: record)
      let questionnaire = try Self.loadQuestionnaire(
        for: record, path: questionnairePath, today: today)
      try storeErrors { () throws(AnswerStoreError) in
        try AnswerFile.check(record, file: answersFile, against: questionnaire)
      }
      let previous = Self.loadPrevious(of: record, besides: answersFile)
      let document: ReportDocument
      do {
        document = try ReportDocument.build(
          questionnaire: questionnaire, record: record, previous: previous, today: today,
          language: language)
      } catch {
        throw CLIError("\(answersFile): \(error)", exitCode: .dataError)
      }

      if sendToPrinter {
        let text = TextReportRenderer().render(document)
        if let output { try Self.write(text, to: output) }
        try Self.print(text)
        return
      }
      let rendered: String
      do {
        rendered = try format.render(document)
      } catch {
        throw CLIError(
          english: "cannot write the report as \(format.rawValue): \(error)",
          dutch: "kan het verslag niet als \(format.rawValue) schrijven: \(error)",
          exitCode: .software)
      }
      if let output {
        try Self.write(rendered, to: output)
      } else {
        FileHandle.standardOutput.write(Data(rendered.utf8))
      }
    }
  }

  static func loadAnswers(_ path: String) throws -> AnswerRecord {
    do {
      return try AnswerFile.load(contentsOf: path)
    } catch {
      switch error {
      case .unreadable: throw CLIError(error)
      default: throw CLIError(error.message(in: UserLanguage.current), exitCode: .dataError)
      }
    }
  }

  /// The questionnaire named by `path`, else the built-in one the answers were given to.
  static func loadQuestionnaire(for record: AnswerRecord, path: String?, today: LocalDate) throws
    -> Questionnaire
  {
    let source: QuestionnaireSource
    if let path {
      source = .file(path)
    } else if let builtin = BuiltinQuestionnaires.named(record.questionnaireID) {
      source = .builtin(builtin)
    } else {
      let id = SafeText.quoted(record.questionnaireID)
      throw CLIError(
        english: "there is no built-in questionnaire '\(id)'; name its file with "
          + "--questionnaire FILE",
        dutch: "er is geen ingebouwde vragenlijst '\(id)'; geef het bestand op met "
          + "--questionnaire BESTAND", exitCode: .dataError)
    }
    return try source.questionnaire(today: today)
  }

  /// The assessment `record` follows up, from the same folder; `nil` (and the report says there
  /// is no comparison) when it is not there or cannot be read.
  static func loadPrevious(of record: AnswerRecord, besides answersPath: String) -> AnswerRecord? {
    do {
      return try AnswerFile.previous(of: record, besides: answersPath)
    } catch {
      let reason = error.message(in: UserLanguage.current)
      printError(
        UserLanguage.current == .dutch
          ? "intake: let op: de eerdere antwoorden kunnen niet worden vergeleken: \(reason)"
          : "intake: warning: the earlier answers cannot be compared: \(reason)")
      return nil
    }
  }

  static func write(_ text: String, to path: String) throws {
    do {
      try ReportFile.write(text, to: path)
    } catch {
      throw CLIError(error.message(in: UserLanguage.current), exitCode: .cannotCreate)
    }
  }

  /// Sends `text` to the default printer through `lp`.
  static func print(_ text: String) throws {
    guard let lp = executable(named: "lp") else {
      throw CLIError(
        english: "cannot print: there is no printer system here ('lp' was not found); save the "
          + "report with --output FILE and print that file from another computer",
        dutch:
          "kan niet afdrukken: hier is geen printersysteem ('lp' is niet gevonden); bewaar het "
          + "verslag met --output BESTAND en druk dat af op een andere computer",
        exitCode: unavailable)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lp)
    process.arguments = ["-t", "intake report"]
    let input = Pipe()
    process.standardInput = input
    do {
      try process.run()
    } catch {
      throw CLIError(
        english: "cannot start \(lp): \(error.localizedDescription)",
        dutch: "kan \(lp) niet starten: \(error.localizedDescription)", exitCode: unavailable)
    }
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw CLIError(
        english:
          "lp could not print the report (it exited with status \(process.terminationStatus))",
        dutch:
          "lp kon het verslag niet afdrukken (het stopte met status \(process.terminationStatus))",
        exitCode: unavailable)
    }
  }

  /// The first executable `name` on `PATH`.
  static func executable(named name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
