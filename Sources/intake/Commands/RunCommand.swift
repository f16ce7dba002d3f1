import ArgumentParser
import Foundation
import IntakeCore
import IntakeForm
import IntakeTerminal

/// `intake` with no subcommand: the questionnaire itself, full screen or in plain mode.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Fill in the questionnaire (the default).",
    discussion: """
      Starts at a welcome screen where you choose the language and start, continue or follow up \
      a questionnaire. Every answer is saved as soon as it is given. Plain mode (numbered \
      prompts, one line per answer) is used with --plain, and automatically when input or output \
      is not a terminal or TERM is dumb.
      """
  )

  @OptionGroup var interactive: InteractiveOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    try reportingErrors {
      try interactive.run(
        interactive.loadQuestionnaire(), store: storeOptions.store(), startWith: nil)
    }
  }
}

/// `intake resume [PROFILE]`: straight back into the most recent unfinished questionnaire.
struct ResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Continue the most recently changed unfinished questionnaire (of PROFILE, if given)."
  )

  @Argument(help: "The child's name (profile); default: any.")
  var profile: String?

  @OptionGroup var interactive: InteractiveOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    try reportingErrors {
      let store = try storeOptions.store()
      let questionnaire = try interactive.loadQuestionnaire()
      let profiles = try storeErrors { () throws(AnswerStoreError) in
        try ListCommand.profiles(matching: profile, in: store)
      }
      let unfinished = profiles.flatMap { (try? store.unfinished(in: $0)) ?? [] }
        .filter { $0.record.questionnaireID == questionnaire.id }
      guard let latest = unfinished.max(by: { $0.record.updated < $1.record.updated }) else {
        throw CLIError(FrontText(interactive.language).nothingToResume)
      }
      try interactive.run(
        questionnaire, store: store, startWith: .resume(assessmentID: latest.record.id))
    }
  }
}

/// Options of the interactive commands.
struct InteractiveOptions: ParsableArguments {
  @Flag(name: .long, help: "Numbered line-by-line prompts instead of the full-screen form.")
  var plain = false

  @OptionGroup var languageOption: LanguageOption

  @Option(
    name: .customLong("questionnaire"), help: "A questionnaire file instead of the built-in one.")
  var questionnairePath: String?

  var language: Language { languageOption.language }

  func loadQuestionnaire() throws -> Questionnaire {
    try QuestionnaireSource.resolve(questionnairePath).questionnaire()
  }

  func run(_ questionnaire: Questionnaire, store: AnswerStore, startWith: WelcomeAction?) throws {
    let environment = ProcessInfo.processInfo.environment
    let today = LocalDate.today()
    let driver = AssessmentDriver(questionnaire: questionnaire, store: store, today: today)
    let walk = Walk(questionnaire: questionnaire, today: today)
    let language =
      questionnaire.languages.contains(language) ? language : questionnaire.languages[0]
    switch TerminalChoice.current(plainRequested: plain, environment: environment) {
    case .curses:
      let signal = try CursesFront(
        driver: driver, walk: walk, language: language, environment: environment,
        startWith: startWith
      ).run()
      // Answers are saved either way; the exit status still tells a script what ended it.
      if let signal { throw ExitCode(128 + signal) }
    case .plain:
      PlainFront(driver: driver, walk: walk, language: language, startWith: startWith).run()
    }
  }
}
