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

  @Argument(help: "Questionnaire files (YAML).", completion: .file(extensions: ["yaml", "yml"]))
  var files: [String] = []

  /// Most problems listed for one file; the rest are counted on a summary line. One mistake
  /// repeated (an item list pasted into many sections) is seldom worth a screen per copy.
  static let listedProblems = 100

  func run() throws {
    let dutch = UserLanguage.current == .dutch
    let sources: [QuestionnaireSource] =
      files.isEmpty ? BuiltinQuestionnaires.all.map { .builtin($0) } : files.map { .file($0) }
    var worst: ExitCode = .success
    for source in sources {
      let name = SafeText.line(source.displayName)
      do {
        let questionnaire = try source.load(checks: .all)
        print("\(name): \(dutch ? "geldig" : "valid"): \(Self.summary(of: questionnaire))")
      } catch {
        switch error {
        case .unreadable:
          printError("intake: \(error.message(in: UserLanguage.current))")
          worst = .noInput
        case .invalid(let diagnostics):
          for diagnostic in diagnostics.prefix(Self.listedProblems) {
            printError(diagnostic.description)
          }
          let count = diagnostics.count
          if count > Self.listedProblems {
            let more = count - Self.listedProblems
            printError(
              dutch
                ? "\(name): en nog \(more) fout\(more == 1 ? "" : "en") (de eerste "
                  + "\(Self.listedProblems) staan hierboven)"
                : "\(name): and \(more) more error\(more == 1 ? "" : "s") (the first "
                  + "\(Self.listedProblems) are above)")
          }
          printError(
            dutch
              ? "\(name): \(count) fout\(count == 1 ? "" : "en")"
              : "\(name): \(count) error\(count == 1 ? "" : "s")")
          if worst != .noInput { worst = .dataError }
        }
      }
    }
    if worst != .success { throw worst }
  }

  /// One line: id, version, languages and how much is in it.
  static func summary(of questionnaire: Questionnaire) -> String {
    let dutch = UserLanguage.current == .dutch
    func count(_ n: Int, _ english: (String, String), _ dutchWords: (String, String)) -> String {
      let (one, many) = dutch ? dutchWords : english
      return "\(n) \(n == 1 ? one : many)"
    }
    let languages = questionnaire.languages.map(\.code).joined(separator: ", ")
    return [
      SafeText.line("\(questionnaire.id) \(questionnaire.version) (\(languages))"),
      count(questionnaire.sections.count, ("section", "sections"), ("deel", "delen")),
      count(questionnaire.items.count, ("item", "items"), ("vraag", "vragen")),
      count(
        questionnaire.computed.count, ("computed value", "computed values"),
        ("berekende waarde", "berekende waarden")),
      count(questionnaire.scales.count, ("scale", "scales"), ("schaal", "schalen")),
      count(
        questionnaire.report.rules.count, ("report rule", "report rules"),
        ("verslagregel", "verslagregels")),
      count(questionnaire.sources.count, ("source", "sources"), ("bron", "bronnen")),
    ].joined(separator: ", ")
  }
}
