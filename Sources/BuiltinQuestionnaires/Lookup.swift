extension BuiltinQuestionnaires {
  /// The questionnaire `swift run intake` opens when no file is named.
  public static let defaultFileName = "adhd-magnesium.yaml"

  /// The built-in file called `name` (with or without `.yaml`).
  public static func named(_ name: String) -> BuiltinQuestionnaire? {
    let fileName = name.hasSuffix(".yaml") ? name : name + ".yaml"
    return all.first { $0.fileName == fileName }
  }
}
