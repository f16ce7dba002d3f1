import ArgumentParser
import BuiltinQuestionnaires
import IntakeCore

/// `intake import FILE`: adds an exported answers file to the store.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Add an answers file (from 'intake export') to the store.",
    discussion: """
      The file goes into the profile named with --profile (created when needed), else into the \
      profile the file names. It must be a valid answers file; an assessment with the same id \
      is never replaced. Exits 65 when the file is not valid (naming the line and column), 66 \
      when it cannot be read and 73 when the assessment is already in the store.
      """
  )

  @Argument(help: "The answers file (JSON).", completion: .file(extensions: ["json"]))
  var file: String

  @Option(help: "The child's nickname to file it under.", completion: ProfileCompletion.kind)
  var profile: String?

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    try reportingErrors {
      let store = try storeOptions.store()
      // Answers to a built-in questionnaire must fit it (its language, the items of its
      // version) before they go into the store, as `intake report` would refuse them later.
      try storeErrors { () throws(AnswerStoreError) in
        let record = try AnswerFile.load(contentsOf: file)
        guard let builtin = BuiltinQuestionnaires.named(record.questionnaireID),
          let questionnaire = try? QuestionnaireSource.builtin(builtin).load()
        else { return }
        try AnswerFile.check(record, file: file, against: questionnaire)
      }
      let stored = try storeErrors { () throws(AnswerStoreError) in
        try store.importFile(atPath: file, into: profile)
      }
      let name = SafeText.line(stored.profile.name)
      let path = SafeText.line(stored.file)
      print(
        UserLanguage.current == .dutch
          ? "\(stored.record.id) is toegevoegd aan profiel \(name) (\(path))"
          : "imported \(stored.record.id) into profile \(name) (\(path))")
    }
  }
}
