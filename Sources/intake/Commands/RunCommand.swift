import ArgumentParser
import FoundationEssentials
import IntakeCore
import IntakeForm
import IntakeRuntime
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
      is not a terminal or TERM is dumb. Exits 73 when an answer could not be saved, 75 when the \
      answers are open in another intake, 128+N after signal N.
      """
  )

  @OptionGroup var interactive: InteractiveOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    try reportingErrors { try InteractiveRun(interactive, storeOptions).start() }
  }
}

/// `intake resume [PROFILE]`: straight back into the most recent unfinished questionnaire.
struct ResumeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resume",
    abstract: "Continue the most recently changed unfinished questionnaire (of PROFILE, if given).",
    discussion: """
      It goes on in the language it was started in, unless --lang says otherwise. \
      Exits 66 when there is nothing to continue, 65 when the only answers files there are \
      cannot be read (each is named with the line and column of the problem), 75 when the \
      answers are open in another intake, 73 when an answer could not be saved.
      """
  )

  @Argument(help: "The child's name (profile); default: any.")
  var profile: String?

  @OptionGroup var interactive: InteractiveOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    try reportingErrors { try InteractiveRun(interactive, storeOptions).resume(profile: profile) }
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

}

/// What an interactive command (`intake`, `intake run`, `intake resume`) was asked to do,
/// however its arguments were read: by argument-parser, or by ``InteractiveRun/init(fastPath:)``
/// before the first paint.
struct InteractiveRun {
  var plain = false
  var chosenLanguage: Language?
  var questionnairePath: String?
  var dataDirectory: String?
  /// `resume`'s PROFILE; `nil` for the welcome screen.
  var subcommand: Subcommand = .run

  enum Subcommand: Equatable {
    case run
    case resume(profile: String?)
  }

  init(_ options: InteractiveOptions, _ storeOptions: StoreOptions) {
    plain = options.plain
    chosenLanguage = options.languageOption.chosen
    questionnairePath = options.questionnairePath
    dataDirectory = storeOptions.dataDirectory
  }

  var language: Language { chosenLanguage ?? .fromEnvironment(Environment.current) }

  func store() throws -> AnswerStore {
    try StoreOptions.store(dataDirectory: dataDirectory, environment: Environment.current)
  }

  func loadQuestionnaire() throws -> Questionnaire {
    try QuestionnaireSource.resolve(questionnairePath).questionnaire()
  }

  /// The welcome screen (`intake`, `intake run`) or `resume`, as ``subcommand`` says.
  func perform() throws {
    switch subcommand {
    case .run: try start()
    case .resume(let profile): try resume(profile: profile)
    }
  }

  /// `intake`: the welcome screen.
  func start() throws {
    try run(loadQuestionnaire(), store: store(), startWith: nil)
  }

  /// `intake resume [PROFILE]`.
  func resume(profile: String?) throws {
    let store = try store()
    let questionnaire = try loadQuestionnaire()
    // Only a named profile narrows the listing (which reads every profile anyway).
    let named = try profile.map { name in
      try storeErrors { () throws(AnswerStoreError) in
        try ListCommand.profiles(matching: name, in: store)
      }
    }
    let folders = named.map { Set($0.map(\.folder)) }
    let names = named.map { Set($0.map(\.name)) }
    let listing = store.listing(of: questionnaire.id)
    // A data folder that cannot be read is the command's error, not one of its files.
    if let folder = listing.unreadable.first(where: { $0.file == store.directory.path }) {
      throw CLIError(folder.problem)
    }
    let unfinished = listing.unfinished.filter { folders?.contains($0.profile.folder) ?? true }
    let unreadable = listing.unreadable.filter { names?.contains($0.profile) ?? true }
    // A broken file may be the unfinished assessment: never pass over it in silence.
    for file in unreadable { printError("intake: \(file.problem.message(in: language))") }
    guard let latest = unfinished.first else {
      if !unreadable.isEmpty {
        throw CLIError(
          ResumeText(language).onlyUnreadable(unreadable.count), exitCode: .dataError)
      }
      throw CLIError(ResumeText(language).nothingToResume, exitCode: .noInput)
    }
    // Without --lang, the assessment goes on in the language it was started in, not the
    // shell's: a Dutch questionnaire resumed from an English terminal stays Dutch.
    try run(
      questionnaire, store: store, startWith: .resume(assessmentID: latest.record.id),
      language: chosenLanguage ?? latest.record.language)
  }

  /// Runs the walk on the terminal (or in plain mode), then prints where the answers and the
  /// report are and exits with the walk's status.
  /// - Parameter language: the walk's language, when not the one chosen or the shell's.
  func run(
    _ questionnaire: Questionnaire, store: AnswerStore, startWith: WelcomeAction?,
    language walkLanguage: Language? = nil
  ) throws {
    let environment = Environment.current
    let today = LocalDate.today()
    let wanted = walkLanguage ?? language
    let language = questionnaire.languages.contains(wanted) ? wanted : questionnaire.languages[0]
    let driver = AssessmentDriver(
      questionnaire: questionnaire, store: store, today: today, language: language,
      launcher: SystemLauncher(environment: environment))
    let walk = Walk(questionnaire: questionnaire, today: today)
    var opened: Outcome?
    if let startWith {
      switch Walker.open(startWith, language: language, driver: driver) {
      case .success(let outcome): opened = outcome
      case .failure(let ending): return try end(ending, language: language)
      }
    }
    let ending: WalkEnding
    switch TerminalChoice.current(plainRequested: plain, environment: environment) {
    case .curses:
      let terminal: CursesTerminal
      do {
        terminal = try CursesTerminal(environment: environment)
      } catch {
        throw CLIError("\(error)", exitCode: .software)
      }
      var console = CursesConsole(terminal)
      var state =
        opened == nil
        ? FormState(
          walk: walk, language: language, welcome: driver.welcomeContext(),
          width: console.width, height: console.height)
        : .opening(walk: walk, language: language, width: console.width, height: console.height)
      let effects = opened.map { state.update(.outcome($0)) } ?? []
      ending = Walker.run(&state, on: &console, driver: driver, startingWith: effects)
      terminal.stop()
    case .plain:
      var console = PlainConsole()
      var session =
        opened == nil
        ? PlainSession(walk: walk, language: language, welcome: driver.welcomeContext())
        : .opening(walk: walk, language: language)
      let effects = opened.map { session.update(.outcome($0)) } ?? []
      ending = Walker.run(&session, on: &console, driver: driver, startingWith: effects)
    }
    try end(ending, language: language)
  }

  /// The one line the shell shows after the walk, and its exit status.
  private func end(_ ending: WalkEnding, language: Language) throws {
    let dataDirectory = self.dataDirectory.map {
      " --data-dir " + FormText.shellQuoted($0)
    }
    if let line = ending.farewell(
      in: ending.language ?? language,
      resume: { name in
        // A name that starts with "-" would be read as an option: it comes after "--", and so
        // the data folder before it.
        "intake resume" + (dataDirectory ?? "") + (name.hasPrefix("-") ? " -- " : " ")
          + FormText.shellQuoted(name)
      })
    {
      // The lines after the first each name something not saved: they are problems.
      for (index, line) in line.split(separator: "\n").map(String.init).enumerated() {
        if ending.isProblem || index > 0 {
          printError(line)
        } else {
          print(line)
        }
      }
    }
    if ending.exitStatus != 0 { throw ExitCode(ending.exitStatus) }
  }
}

/// What `intake resume` says when there is nothing it can continue.
struct ResumeText {
  let language: Language

  init(_ language: Language) { self.language = language }

  private func t(_ english: String, _ dutch: String) -> String {
    language == .dutch ? dutch : english
  }

  var nothingToResume: String {
    t(
      "there is nothing to resume: no unfinished questionnaire was found",
      "er is niets om verder te gaan: geen onafgemaakte vragenlijst gevonden")
  }

  func onlyUnreadable(_ count: Int) -> String {
    t(
      "no unfinished questionnaire can be read; \(count) answers file\(count == 1 ? "" : "s") could not be read (above)",
      "geen onafgemaakte vragenlijst kan worden gelezen; \(count) antwoordbestand\(count == 1 ? "" : "en") kon\(count == 1 ? "" : "den") niet worden gelezen (hierboven)"
    )
  }
}

extension InteractiveRun {
  /// The interactive commands read without argument-parser, for the command lines that open the
  /// form: `intake`, `intake run` and `intake resume [PROFILE]`, with `--plain`, `--lang nl|en`,
  /// `--questionnaire FILE` and `--data-dir FOLDER` (each at most once, a value neither empty
  /// nor starting with `-`). Building argument-parser's model of every command was a third of
  /// the work before the first paint. Anything else (help, completions, a mistake, another
  /// command) is `nil`, and argument-parser reads it as always, with its messages; the
  /// bad-input corpus holds the cases at the edge.
  init?(fastPath arguments: [String]) {
    var rest = arguments[...]
    switch rest.first {
    case "run": rest = rest.dropFirst()
    case "resume":
      rest = rest.dropFirst()
      subcommand = .resume(profile: nil)
    default: break
    }
    var seen: Set<String> = []
    while let argument = rest.popFirst() {
      var name = argument
      var value: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
      }
      guard name.hasPrefix("-") else {
        // resume's PROFILE, once.
        guard subcommand == .resume(profile: nil), !seen.contains("PROFILE") else { return nil }
        seen.insert("PROFILE")
        subcommand = .resume(profile: argument)
        continue
      }
      guard !seen.contains(name) else { return nil }
      seen.insert(name)
      if name == "--plain" {
        guard value == nil else { return nil }
        plain = true
        continue
      }
      guard ["--lang", "--questionnaire", "--data-dir"].contains(name) else { return nil }
      if value == nil {
        guard let next = rest.popFirst() else { return nil }
        value = next
      }
      // An empty value is argument-parser's to judge (after `=` it is a missing value).
      guard let value, !value.isEmpty, !value.hasPrefix("-") else { return nil }
      switch name {
      case "--lang":
        guard let language = Language(argument: value) else { return nil }
        chosenLanguage = language
      case "--questionnaire": questionnairePath = value
      default: dataDirectory = value
      }
    }
  }
}
