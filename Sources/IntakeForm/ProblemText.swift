import IntakeCore

/// What went wrong outside the form, and what the store did to earlier answers, in the parent's
/// language: the whole reason, never cut, so the parent can act on it.
extension FormText {
  public func couldNotSave(_ problem: WalkProblem) -> String {
    t(
      "Not saved, so it does not count yet: \(self.problem(problem)) Enter tries again.",
      "Niet bewaard, dus telt nog niet: \(self.problem(problem)) Enter probeert het opnieuw."
    )
  }

  public func couldNotOpen(_ problem: WalkProblem) -> String {
    if problem.isLocked {
      return t(
        "These answers are open in another intake window. Close that one first.",
        "Deze antwoorden zijn al open in een ander intake-venster. Sluit dat eerst.")
    }
    return t(
      "Could not open the answers: \(self.problem(problem))",
      "De antwoorden konden niet worden geopend: \(self.problem(problem))")
  }

  public func couldNotFinish(_ problem: WalkProblem) -> String {
    t(
      "Could not finish and make the report: \(self.problem(problem)) Your answers are as they were; try again.",
      "Afronden en het verslag maken lukte niet: \(self.problem(problem)) Uw antwoorden zijn zoals ze waren; probeer het opnieuw."
    )
  }

  public func launched(_ launch: Launch) -> String {
    switch launch {
    case .opened(let path): return t("Opened \(path)", "Geopend: \(path)")
    case .printed(let path):
      return t("Sent to the printer: \(path)", "Naar de printer gestuurd: \(path)")
    case .unavailable(let program):
      return t(
        "\(program) is not installed on this computer; the file is saved and can be opened or printed from elsewhere.",
        "\(program) is niet geïnstalleerd op deze computer; het bestand is bewaard en kan op een andere manier worden geopend of afgedrukt."
      )
    case .failed(let program, let reason):
      return t("\(program) did not work: \(reason)", "\(program) lukte niet: \(reason)")
    }
  }

  /// A problem in a sentence ending with a full stop.
  public func problem(_ problem: WalkProblem) -> String {
    let sentence: String
    switch problem {
    case .store(let error): sentence = storeProblem(error)
    case .other(let detail): sentence = detail
    }
    return sentence.hasSuffix(".") ? sentence : sentence + "."
  }

  /// What the store could not do, and with which file.
  public func storeProblem(_ error: AnswerStoreError) -> String {
    switch error {
    case .invalidFile(let diagnostic):
      return t(
        "the file is damaged: \(diagnostic.description)",
        "het bestand is beschadigd: \(diagnostic.description)")
    case .newerFormat(let file, _, _):
      return t(
        "\(file) was written by a newer intake; update intake to open it (the file was not changed)",
        "\(file) is geschreven door een nieuwere intake; werk intake bij om het te openen (het bestand is niet veranderd)"
      )
    case .unreadable(let file, let reason):
      return t(
        "\(file) cannot be read (\(reason))",
        "\(file) kan niet worden gelezen (\(dutchReason(reason)))")
    case .cannotWrite(let file, let reason):
      return t(
        "\(file) cannot be written: \(reason)",
        "\(file) kan niet worden geschreven: \(dutchReason(reason))")
    case .locked(let file):
      return t(
        "\(file) is open in another intake; close it there first",
        "\(file) is al open in een andere intake; sluit het daar eerst")
    case .notFound(let what):
      return t("not found: \(what)", "niet gevonden: \(what)")
    case .alreadyExists(let file):
      return t(
        "\(file) already exists and was not replaced", "\(file) bestaat al en is niet vervangen")
    case .invalidName(let name, let reason):
      return t(
        "'\(name)' cannot be used: \(reason)", "'\(name)' kan niet worden gebruikt: \(reason)")
    case .differentQuestionnaire(let file, let found, let expected):
      return t(
        "\(file) holds answers to '\(found)', not to '\(expected)'",
        "\(file) bevat antwoorden op '\(found)', niet op '\(expected)'")
    case .closed(let file):
      return t(
        "\(file) was closed; open it again to change it",
        "\(file) is gesloten; open het opnieuw om het te wijzigen")
    case .noDataDirectory:
      return t(
        "there is no folder to keep answers in: set INTAKE_DATA_DIR or HOME, or pass --data-dir",
        "er is geen map om antwoorden in te bewaren: zet INTAKE_DATA_DIR of HOME, of geef --data-dir op"
      )
    }
  }

  /// The store's reasons (the system's, in English) in Dutch where intake knows them.
  private func dutchReason(_ english: String) -> String { ErrorText.dutch(english) }

  /// What a version change or a follow-up did to earlier answers, listed: answers to give again,
  /// answers back because their question is asked again, and answers to questions that are gone
  /// (kept in the file, not used). `nil` when nothing needs the parent's attention.
  public func migrated(_ report: MigrationReport, questionnaire: Questionnaire) -> (
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
}
