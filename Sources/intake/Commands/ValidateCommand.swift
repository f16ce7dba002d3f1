import ArgumentParser
import BuiltinQuestionnaires
import IntakeCore

/// `intake validate [FILE...]`: checks questionnaire files and prints every problem.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check questionnaire files and print every problem found.",
    discussion: """
      Prints each problem as FILE:LINE:COLUMN: error: MESSAGE, or one line per valid file. \
      Without FILE, checks the questionnaires built into intake. Exits 65 when a file has \
      errors and 66 when a file cannot be read.
      """
  )

  @Argument(help: "Questionnaire files (YAML).")
  var files: [String] = []

  func run() throws {
    let sources: [QuestionnaireSource] =
      files.isEmpty ? BuiltinQuestionnaires.all.map { .builtin($0) } : files.map { .file($0) }
    var worst: ExitCode = .success
    for source in sources {
      do {
        let questionnaire = try source.load(checks: .all)
        print("\(source.displayName): valid: \(Self.summary(of: questionnaire))")
      } catch {
        switch error {
        case .unreadable(let file, let reason):
          printError("\(file): error: cannot read: \(reason)")
          worst = .noInput
        case .invalid(let diagnostics):
          for diagnostic in diagnostics { printError(diagnostic.description) }
          printError(
            "\(source.displayName): \(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s")")
          if worst != .noInput { worst = .dataError }
        }
      }
    }
    if worst != .success { throw worst }
  }

  /// One line: id, version, languages and how much is in it.
  static func summary(of questionnaire: Questionnaire) -> String {
    func count(_ n: Int, _ noun: String, _ plural: String? = nil) -> String {
      "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }
    let languages = questionnaire.languages.map(\.code).joined(separator: ", ")
    return [
      "\(questionnaire.id) \(questionnaire.version) (\(languages))",
      count(questionnaire.sections.count, "section"),
      count(questionnaire.items.count, "item"),
      count(questionnaire.computed.count, "computed value"),
      count(questionnaire.scales.count, "scale"),
      count(questionnaire.report.rules.count, "report rule"),
      count(questionnaire.sources.count, "source"),
    ].joined(separator: ", ")
  }
}
