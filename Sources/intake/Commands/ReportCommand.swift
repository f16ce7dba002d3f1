import ArgumentParser
import BuiltinQuestionnaires
import FoundationEssentials
import IntakeCore

/// The formats `intake report` writes: the core's text formats, and PDF made from the HTML.
enum ReportCommandFormat: String, CaseIterable, ExpressibleByArgument {
  case text, markdown, html, json, pdf

  /// The core's format; `nil` for PDF, which is printed from the HTML.
  var textFormat: ReportFormat? { ReportFormat(rawValue: rawValue) }
}

/// `intake report NAME|ID|FILE`: the "discuss with your doctor" report of a saved assessment.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the \"discuss with your doctor\" report of a saved assessment.",
    discussion: """
      ASSESSMENT is a child's name (their latest finished assessment), an assessment id as \
      'intake list' shows it, or an answers file. The report goes to standard output, or to FILE \
      with --output (readable only by you). --format pdf prints the HTML report to an A4 PDF \
      with WeasyPrint (sudo apt-get install weasyprint), with the answers file and their FHIR \
      R4 Bundle inside it; it \
      needs --output. The report is dated, and ages are worked out, for the day the answers \
      were last changed. A follow-up is compared with the earlier answers it names when that \
      file is in the same folder. --print sends the text report to the printer with lp. Exits \
      64 on a wrong option, 65 when the answers do not fit the questionnaire, 66 when the \
      assessment cannot be found or read, 69 when WeasyPrint or the printer system is missing \
      and 73 when the output cannot be written.
      """
  )

  @Argument(
    help: ArgumentHelp(
      "A child's name, an assessment id, or an answers file (JSON).", valueName: "assessment"),
    completion: .file(extensions: ["json"]))
  var assessment: String

  @Option(help: "The report's format.")
  var format: ReportCommandFormat = .text

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

  @OptionGroup var storeOptions: StoreOptions

  /// EX_UNAVAILABLE: a service (here, printing or WeasyPrint) is not there.
  static let unavailable = ExitCode(69)

  func validate() throws {
    if sendToPrinter, format != .text {
      throw ValidationError(
        UserLanguage.current == .dutch
          ? "--print drukt het tekstverslag af; laat --format weg of kies text"
          : "--print sends the text report; leave out --format or use text")
    }
    if format == .pdf, output == nil {
      throw ValidationError(
        UserLanguage.current == .dutch
          ? "een PDF-verslag heeft --output BESTAND nodig"
          : "a PDF report needs --output FILE")
    }
  }

  func run() throws {
    try reportingErrors {
      let (record, answersFile) = try Self.locate(assessment, store: storeOptions)
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
      guard let textFormat = format.textFormat else {
        try Self.writePDF(
          document, answersFile: answersFile,
          bundle: try? FHIRExport.bundle(record: record, questionnaire: questionnaire),
          id: record.id, to: output ?? "report.pdf")
        return
      }
      let rendered: String
      do {
        rendered = try textFormat.render(document)
      } catch {
        throw CLIError(
          english: "cannot write the report as \(format.rawValue): \(error)",
          dutch: "kan het verslag niet als \(format.rawValue) schrijven: \(error)",
          exitCode: .software)
      }
      if let output {
        try Self.write(rendered, to: output)
      } else {
        StandardStream.output.write(rendered)
      }
    }
  }

  /// The assessment `argument` names and its answers file: an existing file first, then an
  /// assessment id in the store, then a child's name (their latest finished assessment).
  static func locate(_ argument: String, store options: StoreOptions) throws -> (
    AnswerRecord, String
  ) {
    if FileManager.default.fileExists(atPath: argument) || argument.containsScalar("/")
      || argument.hasSuffix(".json")
    {
      return (try loadAnswers(argument), argument)
    }
    let store = try options.store()
    if AssessmentID.problem(argument) == nil {
      do throws(AnswerStoreError) {
        let stored = try store.assessment(id: argument)
        return (stored.record, stored.file)
      } catch {
        guard case .notFound = error else { throw CLIError(error) }
      }
    }
    let profile = try storeErrors { () throws(AnswerStoreError) in
      try store.profile(named: argument)
    }
    let name = SafeText.quoted(argument)
    guard let profile else {
      throw CLIError(
        english: "there is no answers file, assessment or child called '\(name)' in "
          + "\(store.directory.path) ('intake list' shows them)",
        dutch: "er is geen antwoordenbestand, invulling of kind met de naam '\(name)' in "
          + "\(store.directory.path) ('intake list' toont ze)", exitCode: .noInput)
    }
    let latest = try storeErrors { () throws(AnswerStoreError) in
      try store.latestFinished(in: profile)
    }
    guard let latest else {
      let child = SafeText.quoted(profile.name)
      throw CLIError(
        english: "\(child) has no finished assessment yet ('intake resume \(child)' continues "
          + "the unfinished one)",
        dutch: "\(child) heeft nog geen afgeronde invulling ('intake resume \(child)' gaat verder "
          + "met de onafgeronde)", exitCode: .noInput)
    }
    return (latest.record, latest.file)
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

  /// The PDF of `document`, with the answers file and their FHIR `bundle` inside, written to
  /// `path` (0600, atomically).
  static func writePDF(
    _ document: ReportDocument, answersFile: String, bundle: Data?, id: String, to path: String
  ) throws {
    let answers: Data
    do {
      answers = try Data(contentsOf: URL(fileURLWithPath: answersFile))
    } catch {
      throw CLIError(
        english: "cannot read \(answersFile) to put it inside the PDF: \(error)",
        dutch: "kan \(answersFile) niet lezen om het in de PDF op te nemen: \(error)",
        exitCode: .noInput)
    }
    let attachments =
      [ReportAttachment(name: PathName.lastComponent(of: answersFile), data: answers)]
      + (bundle.map { [ReportAttachment(name: "\(id).fhir.json", data: $0)] } ?? [])
    do throws(ReportPDFError) {
      try ReportPDF.write(
        html: HTMLReportRenderer().render(document), attachments: attachments, to: path)
    } catch {
      let message = error.message(in: UserLanguage.current)
      switch error {
      case .weasyPrintMissing, .failed: throw CLIError(message, exitCode: unavailable)
      case .badAttachmentName: throw CLIError(message, exitCode: .dataError)
      case .files: throw CLIError(message, exitCode: .cannotCreate)
      }
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
    let run: ChildProcess.Run
    do {
      run = try ChildProcess.run(
        lp, ["-t", "intake report"], input: .bytes(Array(text.utf8)), output: .inherited)
    } catch {
      throw CLIError(
        english: "cannot start \(lp): \(error)", dutch: "kan \(lp) niet starten: \(error)",
        exitCode: unavailable)
    }
    let status = run.termination.status
    guard run.termination.succeeded else {
      throw CLIError(
        english: "lp could not print the report (it exited with status \(status))",
        dutch: "lp kon het verslag niet afdrukken (het stopte met status \(status))",
        exitCode: unavailable)
    }
  }

  /// The first executable `name` on `PATH`.
  static func executable(named name: String) -> String? {
    ChildProcess.find(name, path: Environment.current["PATH"])
  }
}
