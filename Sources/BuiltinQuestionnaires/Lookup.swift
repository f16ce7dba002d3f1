import IntakeCore

/// A questionnaire file built into the binary, compiled when the binary was built.
public struct BuiltinQuestionnaire: Sendable {
  /// The file name under Questionnaires/, e.g. `adhd-magnesium.yaml`.
  public let fileName: String
  /// The questionnaire the loader built from the file, in compact form (CompiledQuestionnaire).
  let compiled: StaticString
  /// The file's text.
  public let yaml: String

  /// The name messages and the loaded questionnaire use: `Questionnaires/NAME`.
  public var displayName: String { "Questionnaires/\(fileName)" }

  /// The questionnaire as the build loaded and checked it (every check `intake validate` makes),
  /// read from its compiled form: no YAML is parsed and nothing is checked again. It equals what
  /// ``QuestionnaireLoader`` builds from ``yaml`` with ``displayName`` as the file.
  public func questionnaire() throws(QuestionnaireLoadError) -> Questionnaire {
    do {
      return try CompiledQuestionnaire.decode(compiled)
    } catch {
      // Only a damaged binary gets here: the bytes were written by this build.
      throw .invalid([
        Diagnostic(
          location: SourceLocation(file: displayName, line: 1, column: 1),
          message: "the compiled questionnaire in this binary is damaged (\(error))")
      ])
    }
  }
}

extension BuiltinQuestionnaires {
  /// The questionnaire `swift run intake` opens when no file is named.
  public static let defaultFileName = "adhd-magnesium.yaml"

  /// The built-in file called `name` (with or without `.yaml`).
  public static func named(_ name: String) -> BuiltinQuestionnaire? {
    let fileName = name.hasSuffix(".yaml") ? name : name + ".yaml"
    return all.first { $0.fileName == fileName }
  }
}
