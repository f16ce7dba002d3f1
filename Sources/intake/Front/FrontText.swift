import IntakeCore

/// The executable's own words to the parent (wiring messages), in nl and en.
struct FrontText {
  let language: Language

  init(_ language: Language) { self.language = language }

  private func t(_ english: String, _ dutch: String) -> String {
    language == .dutch ? dutch : english
  }

  func couldNotSave(_ detail: String) -> String {
    t(
      "Could not save the last answer: \(detail)",
      "Het laatste antwoord kon niet worden bewaard: \(detail)")
  }

  func couldNotOpen(_ error: AnswerStoreError) -> String {
    if case .locked = error {
      return t(
        "These answers are open in another intake window. Close that one first.",
        "Deze antwoorden zijn al open in een ander intake-venster. Sluit dat eerst.")
    }
    return t(
      "Could not open the answers: \(error)", "De antwoorden konden niet worden geopend: \(error)")
  }

  func couldNotFinish(_ detail: String) -> String {
    t("Could not make the report: \(detail)", "Het verslag kon niet worden gemaakt: \(detail)")
  }

  /// What a version change or a follow-up did to earlier answers; `nil` when nothing changed.
  func migrated(_ report: MigrationReport) -> String? {
    var parts: [String] = []
    if !report.retired.isEmpty {
      parts.append(
        t(
          "\(report.retired.count) earlier answer(s) belong to questions no longer asked; they are kept in the file.",
          "\(report.retired.count) eerdere antwoord(en) horen bij vragen die niet meer gesteld worden; ze blijven bewaard."
        ))
    }
    if !report.incompatible.isEmpty {
      parts.append(
        t(
          "\(report.incompatible.count) answer(s) no longer fit their question; please answer those again.",
          "\(report.incompatible.count) antwoord(en) passen niet meer bij de vraag; beantwoord die opnieuw."
        ))
    }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }

  var nothingToResume: String {
    t(
      "There is nothing to resume: no unfinished questionnaire was found.",
      "Er is niets om verder te gaan: geen onafgemaakte vragenlijst gevonden.")
  }
}
