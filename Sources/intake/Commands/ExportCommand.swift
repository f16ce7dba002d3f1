import ArgumentParser
import FoundationEssentials
import IntakeCore

/// `intake export ID [OUTPUT]`: a copy of one answers file, e.g. to move it to another computer;
/// with `--format fhir`, the answers as HL7 FHIR R4 for the doctor's systems; with
/// `--format fhir-questionnaire`, a questionnaire alone as a FHIR Questionnaire.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Copy one assessment out of the store, as its answers file or as FHIR.",
    discussion: """
      OUTPUT is a file, a folder (the file is called ID.json there, ID.fhir.json for FHIR) or - \
      for standard output; without it, that name in the current folder. What is written is \
      readable only by you. An existing file is replaced only with --force. 'intake list' shows \
      the ids; 'intake import' reads an answers file back.

      --format fhir writes an HL7 FHIR R4 Bundle: the Questionnaire of the version the answers \
      were given to and the QuestionnaireResponse, with the points the report raises and the \
      answers behind them. It carries no name unless --with-name is given. \
      --format fhir-questionnaire writes the questionnaire alone (the built-in one, or FILE with \
      --questionnaire), so its author can check it in FHIR tools; it takes no ID, only OUTPUT. \
      docs/fhir.md describes the mapping.
      """
  )

  /// What `intake export` writes.
  enum Format: String, CaseIterable, ExpressibleByArgument {
    /// The answers file exactly as stored.
    case answers
    /// A FHIR R4 Bundle of the Questionnaire and the QuestionnaireResponse.
    case fhir
    /// A questionnaire alone as a FHIR R4 Questionnaire.
    case fhirQuestionnaire = "fhir-questionnaire"
  }

  @Argument(help: "The assessment's id (none with --format fhir-questionnaire).")
  var id: String?

  @Argument(
    help: "Where to write: a file, a folder, or - for standard output.",
    completion: .file(extensions: ["json"]))
  var output: String?

  @Option(help: "What to write.")
  var format: Format = .answers

  @Flag(
    name: .customLong("with-name"),
    help: "Put the child's name in the FHIR export (left out by default).")
  var withName = false

  @Option(
    name: .customLong("questionnaire"),
    help: ArgumentHelp(
      "The questionnaire file (default: the built-in one the answers were given to).",
      valueName: "FILE"))
  var questionnairePath: String?

  @Flag(help: "Replace OUTPUT when it exists.")
  var force = false

  @OptionGroup var storeOptions: StoreOptions

  mutating func validate() throws {
    if withName, format != .fhir {
      throw usage("--with-name is for --format fhir", "--with-name hoort bij --format fhir")
    }
    switch format {
    case .fhirQuestionnaire:
      // No assessment here: a single argument is where to write.
      guard output == nil else {
        throw usage(
          "--format fhir-questionnaire exports a questionnaire, not an assessment: give only OUTPUT",
          "--format fhir-questionnaire schrijft een vragenlijst, geen ingevulde: geef alleen OUTPUT"
        )
      }
      output = id
      id = nil
    case .answers, .fhir:
      guard id != nil else {
        throw usage(
          "give the assessment's id ('intake list' shows them)",
          "geef het id van de ingevulde vragenlijst ('intake list' toont ze)")
      }
      if format == .answers, questionnairePath != nil {
        throw usage(
          "--questionnaire is for --format fhir and fhir-questionnaire",
          "--questionnaire hoort bij --format fhir en fhir-questionnaire")
      }
    }
  }

  /// A usage error in the user's language.
  private func usage(_ english: String, _ dutch: String) -> ValidationError {
    ValidationError(UserLanguage.current == .dutch ? dutch : english)
  }

  func run() throws {
    try reportingErrors {
      switch format {
      case .answers: try exportAnswers()
      case .fhir: try exportFHIR()
      case .fhirQuestionnaire: try exportQuestionnaire()
      }
    }
  }

  private func stored() throws -> StoredAssessment {
    let store = try storeOptions.store()
    return try storeErrors { () throws(AnswerStoreError) in try store.assessment(id: id ?? "") }
  }

  private func exportAnswers() throws {
    let store = try storeOptions.store()
    let stored = try self.stored()
    if output == "-" {
      let data = try storeErrors { () throws(AnswerStoreError) in
        try store.contents(of: stored)
      }
      StandardStream.output.write(data)
      return
    }
    let path = destination(defaultName: "\(stored.record.id).json")
    try replacingOnlyWithForce {
      () throws(AnswerStoreError) in try store.export(stored, toPath: path, replacing: force)
    }
    let name = SafeText.line(stored.profile.name)
    print(
      UserLanguage.current == .dutch
        ? "\(stored.record.id) (\(name)) is gekopieerd naar \(SafeText.line(path))"
        : "exported \(stored.record.id) (\(name)) to \(SafeText.line(path))")
  }

  private func exportFHIR() throws {
    let stored = try self.stored()
    let record = stored.record
    // As of the day the answers were last changed, as `intake report` scores them.
    let questionnaire = try ReportCommand.loadQuestionnaire(
      for: record, path: questionnairePath, today: AssessmentHistory.day(of: record))
    let data: Data
    do {
      data = try FHIRExport.bundle(
        record: record, questionnaire: questionnaire, includeName: withName)
    } catch {
      throw CLIError("\(stored.file): \(error)", exitCode: .dataError)
    }
    let name = SafeText.line(stored.profile.name)
    try write(
      data, defaultName: "\(record.id).fhir.json",
      done: UserLanguage.current == .dutch
        ? "\(record.id) (\(name)) is als FHIR geschreven naar"
        : "exported \(record.id) (\(name)) as FHIR to")
  }

  private func exportQuestionnaire() throws {
    let source = try QuestionnaireSource.resolve(questionnairePath)
    let questionnaire = try source.questionnaire()
    try write(
      FHIRExport.questionnaire(questionnaire),
      defaultName: "\(questionnaire.id)-\(questionnaire.version).fhir.json",
      done: UserLanguage.current == .dutch
        ? "\(SafeText.line(source.displayName)) is als FHIR-Questionnaire geschreven naar"
        : "exported \(SafeText.line(source.displayName)) as a FHIR Questionnaire to")
  }

  private func write(_ data: Data, defaultName: String, done: String) throws {
    if output == "-" {
      StandardStream.output.write(data)
      return
    }
    let path = destination(defaultName: defaultName)
    try replacingOnlyWithForce {
      () throws(AnswerStoreError) in try FHIRExport.write(data, to: path, replacing: force)
    }
    print("\(done) \(SafeText.line(path))")
  }

  /// OUTPUT, or `defaultName` inside it when it is a folder, or in the current folder.
  private func destination(defaultName: String) -> String {
    let path = output ?? defaultName
    var isFolder = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder {
      return URL(fileURLWithPath: path).appending(path: defaultName).path
    }
    return path
  }

  private func replacingOnlyWithForce(_ body: () throws(AnswerStoreError) -> Void) throws {
    do throws(AnswerStoreError) {
      try body()
    } catch {
      guard case .alreadyExists(let file) = error else { throw CLIError(error) }
      throw CLIError(
        english: "\(file) already exists; pass --force to replace it",
        dutch: "\(file) bestaat al; geef --force om het te vervangen", exitCode: .cannotCreate)
    }
  }
}
