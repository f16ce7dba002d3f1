import BuiltinQuestionnaires
import FoundationEssentials
import IntakeCore

/// Where a questionnaire comes from: a file the user names, or one built into the binary.
enum QuestionnaireSource {
  case file(String)
  case builtin(BuiltinQuestionnaire)

  /// The named file, or the default built-in questionnaire when `path` is `nil`.
  static func resolve(_ path: String?) throws -> QuestionnaireSource {
    if let path { return .file(path) }
    guard let builtin = BuiltinQuestionnaires.named(BuiltinQuestionnaires.defaultFileName) else {
      throw CLIError(
        english:
          "this build has no built-in questionnaire \(BuiltinQuestionnaires.defaultFileName)",
        dutch:
          "deze versie heeft geen ingebouwde vragenlijst \(BuiltinQuestionnaires.defaultFileName)",
        exitCode: .software)
    }
    return .builtin(builtin)
  }

  /// The name used in messages: the path, or `Questionnaires/NAME` for a built-in one.
  var displayName: String {
    switch self {
    case .file(let path): path
    case .builtin(let builtin): builtin.displayName
    }
  }

  /// Loads it. A built-in questionnaire comes from its compiled form (checked in full when the
  /// binary was built) unless `checks` is `.all`, as for `intake validate`, which loads its YAML.
  func load(today: LocalDate = .today(), checks: QuestionnaireLoader.Checks = .runtime)
    throws(QuestionnaireLoadError) -> Questionnaire
  {
    switch self {
    case .file(let path): try QuestionnaireLoader.load(contentsOf: path, today: today)
    case .builtin(let builtin):
      checks == .all
        ? try QuestionnaireLoader.load(
          yaml: builtin.yaml, file: displayName, today: today, checks: checks)
        : try builtin.questionnaire()
    }
  }

  /// Loads it for a command other than `validate`: an unreadable file exits 66; an invalid one
  /// exits 65 with one line that sends the author to `intake validate` for the list.
  func questionnaire(today: LocalDate = .today()) throws -> Questionnaire {
    do {
      return try load(today: today)
    } catch {
      switch error {
      case .unreadable:
        throw CLIError(error.message(in: UserLanguage.current), exitCode: .noInput)
      case .invalid(let diagnostics):
        let count = diagnostics.count
        throw CLIError(
          english:
            "\(displayName) is not a valid questionnaire (\(count) error\(count == 1 ? "" : "s"); "
            + "'intake validate \(displayName)' lists them)",
          dutch:
            "\(displayName) is geen geldige vragenlijst (\(count) fout\(count == 1 ? "" : "en"); "
            + "'intake validate \(displayName)' noemt ze)",
          exitCode: .dataError)
      }
    }
  }
}
