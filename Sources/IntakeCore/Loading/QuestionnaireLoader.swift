import Foundation

/// Loads questionnaires from YAML, strictly: every problem in a file is collected, each with its
/// `file:line:column`, what was found and what was expected.
public enum QuestionnaireLoader {
  /// Reads and loads the file at `path`; errors carry `path` as given.
  public static func load(contentsOf path: String, today: LocalDate = .today())
    throws(QuestionnaireLoadError) -> Questionnaire
  {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadable(file: path, reason: readableReason(error, path: path))
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(file: path, reason: "the file is not UTF-8 text")
    }
    return try load(yaml: text, file: path, today: today)
  }

  /// How thoroughly to check a questionnaire.
  public enum Checks: Sendable {
    /// Everything, including what only matters to an author: conditions that no answers can
    /// satisfy. For `intake validate` and any file a person names.
    case all
    /// What running it needs. For the built-in questionnaires, which the test suite checks in
    /// full: skipping the author's checks makes start-up faster.
    case runtime
  }

  /// Loads a questionnaire from YAML text; `file` names it in messages.
  public static func load(
    yaml: String, file: String, today: LocalDate = .today(), checks: Checks = .all
  )
    throws(QuestionnaireLoadError) -> Questionnaire
  {
    let diagnostics = DiagnosticCollector(file: file)
    let root: YAMLNode
    do {
      guard let node = try YAMLComposer.compose(yaml) else {
        throw QuestionnaireLoadError.invalid([
          Diagnostic(
            location: diagnostics.location(line: 1, column: 1),
            message:
              "the file is empty (expected a questionnaire: id, version, languages, title, sections)"
          )
        ])
      }
      root = node
    } catch let error as YAMLError {
      throw .invalid([
        Diagnostic(
          location: diagnostics.location(line: error.mark.line, column: error.mark.column),
          message: error.message)
      ])
    } catch let error as QuestionnaireLoadError {
      throw error
    } catch {
      throw .invalid([
        Diagnostic(location: diagnostics.location(line: 1, column: 1), message: "YAML: \(error)")
      ])
    }
    let builder = QuestionnaireBuilder(
      yaml: yaml, diagnostics: diagnostics, today: today, authoringChecks: checks == .all)
    let questionnaire = builder.build(root)
    guard diagnostics.diagnostics.isEmpty, let questionnaire else {
      throw .invalid(diagnostics.sorted)
    }
    return questionnaire
  }

  private static func readableReason(_ error: any Error, path: String) -> String {
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      return "no such file"
    }
    if isDirectory.boolValue { return "it is a directory" }
    if !FileManager.default.isReadableFile(atPath: path) { return "permission denied" }
    return (error as NSError).localizedDescription
  }
}
