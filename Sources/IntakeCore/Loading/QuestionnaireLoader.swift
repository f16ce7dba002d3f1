import FoundationEssentials

/// Loads questionnaires from YAML, strictly: every problem in a file is collected, each with its
/// `file:line:column`, what was found and what was expected.
public enum QuestionnaireLoader {
  /// The deepest an expression may nest (parentheses, operators, `not`, `-`, calls): deeper is
  /// an error "nested too deeply", at its place.
  public static let maximumExpressionDepth = ExpressionParser.maximumDepth

  /// Reads and loads the file at `path`; errors carry `path` as given.
  public static func load(contentsOf path: String, today: LocalDate = .today())
    throws(QuestionnaireLoadError) -> Questionnaire
  {
    let data: Data
    do {
      data = try FileSystem.read(path)
    } catch {
      guard case .unreadable(_, let reason) = error else {
        throw .unreadable(file: path, reason: "\(error)")
      }
      throw .unreadable(file: path, reason: reason)
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
    let composed: YAMLNode?
    do {
      composed = try YAMLComposer.compose(yaml)
    } catch {
      throw .invalid([
        Diagnostic(
          location: diagnostics.location(line: error.mark.line, column: error.mark.column),
          message: error.message)
      ])
    }
    guard let root = composed else {
      throw .invalid([
        Diagnostic(
          location: diagnostics.location(line: 1, column: 1),
          message:
            "the file is empty (expected a questionnaire: id, version, languages, title, sections)")
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

}
