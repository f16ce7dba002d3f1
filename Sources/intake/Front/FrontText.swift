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

  /// What a version change or a follow-up did to earlier answers, listed: answers to give again,
  /// answers back because their question is asked again, and answers to questions that are gone
  /// (kept in the file, not used). `nil` when nothing needs the parent's attention.
  func migrated(_ report: MigrationReport, questionnaire: Questionnaire) -> (
    title: String, body: String
  )? {
    guard report.needsAttention else { return nil }
    var lines: [String] = [
      t(
        "The questionnaire has changed since these answers were given (version \(report.fromVersion) → \(report.toVersion)). Nothing was thrown away.",
        "De vragenlijst is veranderd sinds deze antwoorden werden gegeven (versie \(report.fromVersion) → \(report.toVersion)). Er is niets weggegooid."
      )
    ]
    if !report.incompatible.isEmpty {
      lines += [
        "",
        t(
          "Please answer these again; the earlier answer no longer fits (they are marked in the overview):",
          "Beantwoord deze opnieuw; het eerdere antwoord past niet meer (ze staan gemarkeerd in het overzicht):"
        ),
      ]
      for entry in report.incompatible {
        let question = questionnaire.item(entry.itemID)?.question.text(in: language) ?? entry.itemID
        lines.append("- \(question) (\(t("earlier", "eerder")): \(Self.raw(entry.value)))")
      }
    }
    if !report.restored.isEmpty {
      lines += [
        "",
        t(
          "Asked again in this version; your earlier answer is back:",
          "Wordt in deze versie weer gevraagd; uw eerdere antwoord staat er weer:"
        ),
      ]
      for itemID in report.restored {
        lines.append("- \(questionnaire.item(itemID)?.question.text(in: language) ?? itemID)")
      }
    }
    if !report.retired.isEmpty {
      lines += [
        "",
        t(
          "Answers to questions that are no longer asked (kept in the file, not used in the report):",
          "Antwoorden bij vragen die niet meer gesteld worden (bewaard in het bestand, niet gebruikt in het verslag):"
        ),
      ]
      for entry in report.retired { lines.append("- \(entry.itemID): \(Self.raw(entry.value))") }
    }
    return (t("Your earlier answers", "Uw eerdere antwoorden"), lines.joined(separator: "\n"))
  }

  /// An answer as stored, for an item the questionnaire may no longer describe.
  static func raw(_ value: AnswerValue) -> String {
    switch value {
    case .choice(let id): id
    case .choices(let ids): ids.joined(separator: ", ")
    case .number(let number): NumberText.format(number, in: .english)
    case .text(let text): text
    case .date(let date): DateText.short(date)
    case .dontKnow: "dont_know"
    case .preferNotToSay: "prefer_not_to_say"
    }
  }

  var nothingToResume: String {
    t(
      "There is nothing to resume: no unfinished questionnaire was found.",
      "Er is niets om verder te gaan: geen onafgemaakte vragenlijst gevonden.")
  }
}
