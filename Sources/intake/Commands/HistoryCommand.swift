import ArgumentParser
import IntakeCore

/// `intake history [PROFILE]`: each assessment's date and factor scores, oldest first.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show each assessment's date and factor scores, to see what changed over time.",
    discussion: """
      Scores are computed from the stored answers with the questionnaire (the built-in one \
      unless --questionnaire names a file), as of the day each assessment was last changed. \
      Assessments of another questionnaire are listed without scores. A file that is not \
      valid, cannot be read or does not fit the questionnaire is reported on standard error \
      with its place; the others are still shown, and intake exits 65 (66 when the last such \
      file cannot be read).
      """
  )

  @Argument(
    help: "Only this profile (the child's nickname or its folder name).",
    completion: ProfileCompletion.kind)
  var profile: String?

  @Option(
    name: .customLong("questionnaire"),
    help: "The questionnaire file the answers belong to, instead of the built-in one.",
    completion: .file(extensions: ["yaml", "yml"]))
  var questionnairePath: String?

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    try reportingErrors {
      let store = try storeOptions.store()
      let language = languageOption.language
      guard
        let profiles = try ListCommand.profilesToShow(
          matching: profile, in: store, language: language)
      else { return }
      let questionnaire = try QuestionnaireSource.resolve(questionnairePath).questionnaire()
      var problems: [AnswerStoreError] = []
      var blocks: [String] = []
      for profile in profiles {
        let listing = try storeErrors { () throws(AnswerStoreError) in
          try store.assessments(in: profile)
        }
        problems += listing.problems
        let before = problems.count - listing.problems.count
        var block = "\(SafeText.line(profile.name))\n"
        // Answers the questionnaire cannot take (a language it lacks, items it does not ask)
        // are reported like a broken file, not scored in part.
        var records: [AnswerRecord] = []
        for stored in listing.assessments {
          do throws(AnswerStoreError) {
            try AnswerFile.check(stored.record, file: stored.file, against: questionnaire)
            records.append(stored.record)
          } catch {
            problems.append(error)
          }
        }
        if records.isEmpty {
          // Files that cannot be read may be assessments: "none yet" would pass over them.
          let unreadable = problems.count > before
          block +=
            (unreadable ? StoreText.noReadableAssessments : .noAssessments).text(in: language)
            + "\n"
        } else {
          block += AssessmentHistory.table(
            records, questionnaire: questionnaire, language: language, width: terminalColumns())
          let others = Set(
            records.filter { $0.questionnaireID != questionnaire.id }.map(\.questionnaireReference))
          for other in others.sorted() {
            block +=
              "– \(SafeText.line(other)): \(StoreText.otherQuestionnaire.text(in: language))\n"
          }
        }
        blocks.append(block)
      }
      print(blocks.joined(separator: "\n"), terminator: "")
      try report(problems)
    }
  }
}
