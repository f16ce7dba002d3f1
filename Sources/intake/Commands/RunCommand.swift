import ArgumentParser
import IntakeCore

/// `intake` with no subcommand: the questionnaire itself.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Fill in the questionnaire (the default)."
  )

  @Option(
    name: .customLong("questionnaire"), help: "A questionnaire file instead of the built-in one.")
  var questionnairePath: String?

  func run() throws {
    try reportingErrors {
      let source = try QuestionnaireSource.resolve(questionnairePath)
      let questionnaire: Questionnaire
      do {
        questionnaire = try source.load()
      } catch {
        throw CLIError("\(error)", exitCode: .dataError)
      }
      print(questionnaire.title.text(in: questionnaire.languages[0]))
      print(ValidateCommand.summary(of: questionnaire))
    }
  }
}
