import IntakeCore

/// The whole state of the terminal form, as a value: `update` turns an event into the next state
/// and the effects to carry out; `screen` describes what to show. No terminal, no files: the
/// runtime carries out the effects and hands their results back as events, so every key path
/// and every failure is testable.
///
/// Each screen's handling lives with the screen (`WelcomeScreen.swift`, `QuestionScreen.swift`,
/// `ReviewScreen.swift`, `FinishScreen.swift`, `ReportViewer.swift`); a handler edits its screen
/// in place and returns a ``Step``, and ``update(_:)`` writes the screen back in one place.
public struct FormState: Sendable {
  public let walk: Walk
  public internal(set) var language: Language
  /// The answers as they are on disk (including ones that no longer fit their item): an answer
  /// joins them only when the store says it is saved.
  public internal(set) var answers: Answers {
    didSet {
      assessment = walk.assess(answers)
      assessmentRevision += 1
    }
  }
  /// What the engine makes of `answers`: renewed only when they change, not on every key.
  public private(set) var assessment: Assessment
  /// Counts the renewals of `assessment`, so what is made from it can be kept until it changes.
  private(set) var assessmentRevision = 0
  public private(set) var width: Int
  public private(set) var height: Int
  public internal(set) var mode: Mode
  public internal(set) var overlay: Overlay?
  /// The child's profile name, once an assessment is open.
  public internal(set) var profile: String?
  /// Text typed into fields but not (validly) confirmed yet, by item id: kept while the program
  /// runs, and saved on leaving when it is a valid answer.
  public internal(set) var drafts: [String: String] = [:]
  /// Rows marked on a list (or a special answer under a field) but not confirmed, by item id:
  /// kept like typed text while the program runs, shown again on the question, and saved on
  /// leaving.
  public internal(set) var markDrafts: [String: Set<String>] = [:]
  /// Answers the parent gave that the store could not write, by item id: they do not count,
  /// but their question still shows them (with why), the overview marks them, and stopping
  /// tries them once more.
  public internal(set) var unsaved: [String: UnsavedAnswer] = [:]
  /// Something to tell the parent until the next key (a report sent to the printer…).
  public internal(set) var notice: String?
  /// The question as last laid out: a key lays its question out once, to keep the focus in view,
  /// and the screen reuses that layout instead of wrapping every text again.
  var laidOut: LaidOutQuestion?
  /// The title bar, progress line and key footer as last made: an arrow key changes none of
  /// them, and making them again on every key was a fifth of its work.
  var chrome = FrameChrome()

  public var questionnaire: Questionnaire { walk.questionnaire }
  var text: FormText { FormText(language) }

  /// The screens of the form.
  public enum Mode: Equatable, Sendable {
    case welcome(WelcomeScreen)
    /// Waiting for the store to open the chosen assessment.
    case opening
    case question(QuestionScreen)
    case review(ReviewScreen)
    /// Questions are still open: finish anyway, or answer them first.
    case confirmFinish(FinishScreen)
    /// Waiting for the report to be made.
    case finishing
    case report(ReportViewer)
    /// The program should end.
    case done
  }

  /// A box over the current screen.
  public enum Overlay: Equatable, Sendable {
    /// "Why we ask" and the keys, scrolled to line `top`.
    case help(top: Int)
    /// Something the parent should read before going on, scrolled to line `top`.
    case message(title: String, body: String, top: Int)
    case confirmQuit
  }

  /// What handling an event leads to: the screen to show next (`nil`: the one being handled,
  /// with its edits) and the effects to carry out.
  struct Step {
    var mode: Mode?
    var effects: [FormEffect]

    static let stay = Step(mode: nil, effects: [])
    static func stay(_ effects: [FormEffect]) -> Step { Step(mode: nil, effects: effects) }
    static func go(_ mode: Mode, _ effects: [FormEffect] = []) -> Step {
      Step(mode: mode, effects: effects)
    }
  }

  /// Starts at the welcome screen.
  public init(
    walk: Walk, language: Language, welcome context: WelcomeContext, width: Int, height: Int
  ) {
    self.walk = walk
    self.language = language
    answers = Answers()
    assessment = walk.assess(Answers())
    self.width = width
    self.height = height
    mode = .welcome(WelcomeScreen(context: context))
  }

  /// A form waiting for an assessment that is being opened straight away (`intake resume`),
  /// without a welcome screen.
  public static func opening(walk: Walk, language: Language, width: Int, height: Int) -> FormState {
    var state = FormState(
      walk: walk, language: language, welcome: WelcomeContext(), width: width, height: height)
    state.mode = .opening
    return state
  }

  /// Whether the form has ended.
  public var isDone: Bool { mode == .done }

  /// Whether the terminal is big enough to show the form; below it, keys do nothing.
  public var fits: Bool { width >= minimumWidth && height >= minimumHeight }

  // MARK: Events

  /// The next state for `event`, and what the outside world must do.
  public mutating func update(_ event: FormEvent) -> [FormEffect] {
    let effects = react(to: event)
    keepChrome()
    return effects
  }

  private mutating func react(to event: FormEvent) -> [FormEffect] {
    switch event {
    case .resize(let newWidth, let newHeight):
      width = max(0, newWidth)
      height = max(0, newHeight)
      relayOut()
      return []
    case .outcome(let outcome):
      return receive(outcome)
    case .key(let key):
      // Ctrl-C always leaves; anything else typed while "too small" is shown would act unseen.
      guard fits || key == .interrupt else { return [] }
      notice = nil
      return handle(key)
    }
  }

  private mutating func handle(_ key: FormKey) -> [FormEffect] {
    if key == .interrupt { return leave() }
    if case .pasted(let character) = key { return paste(character) }
    if let overlay { return handleOverlay(overlay, key) }
    let step: Step
    // Each screen is taken out of `mode` before it is edited (`mode` is cleared first), so its
    // text is edited in place instead of copied on every key, which made typing and pasting
    // cost the square of the text's length.
    switch mode {
    case .welcome(var screen):
      mode = .opening
      step = welcomeKey(&screen, key)
      mode = .welcome(screen)
    case .question(var screen):
      mode = .opening
      step = questionKey(&screen, key)
      mode = .question(screen)
      // Typing only changes the field, whose line the screen keeps in view by itself: no layout
      // per character, so a paste costs its length once, not once per character.
      if step.mode == nil, case .character = key, screen.highlight == 0,
        questionnaire.items[screen.itemIndex].widget == .field
      {
        return step.effects
      }
    case .review(var screen):
      mode = .opening
      step = reviewKey(&screen, key)
      mode = .review(screen)
    case .confirmFinish(var screen):
      mode = .opening
      step = finishKey(&screen, key)
      mode = .confirmFinish(screen)
    case .report(var viewer):
      mode = .opening
      step = viewerKey(&viewer, key)
      mode = .report(viewer)
    case .opening, .finishing, .done:
      return []
    }
    return apply(step)
  }

  /// A character of a paste: text for the field in view, and nothing else. Under a box, on a
  /// list, or while an answer is being saved, a paste does nothing: pasted as keys, its spaces
  /// and digits chose options, a "y" stopped, a line end confirmed and went on.
  private mutating func paste(_ character: Character) -> [FormEffect] {
    guard overlay == nil else { return [] }
    switch mode {
    case .welcome(var screen):
      guard var field = screen.naming else { return [] }
      field.insert(character, limit: WelcomeAction.nameLimit)
      screen.naming = field
      screen.problem = nil
      mode = .welcome(screen)
    case .question(var screen):
      let item = questionnaire.items[screen.itemIndex]
      guard item.widget == .field, screen.pending == nil else { return [] }
      screen.type(character, limit: fieldLimit(item))
      mode = .question(screen)
    default: break
    }
    return []
  }

  /// Moves to the step's screen, if it names one, and hands out its effects.
  mutating func apply(_ step: Step) -> [FormEffect] {
    if let next = step.mode { mode = next }
    revealFocus()
    return step.effects
  }

  // MARK: Outcomes

  private mutating func receive(_ outcome: Outcome) -> [FormEffect] {
    switch outcome {
    case .opened(let opened):
      answers = opened.answers
      profile = opened.profile
      unsaved = opened.unsaved
      overlay = nil
      if let migration = opened.migration,
        let message = text.migrated(migration, questionnaire: questionnaire)
      {
        overlay = .message(title: message.title, body: message.body, top: 0)
      }
      guard let index = walk.start(at: opened.position, in: assessment) else {
        return apply(.go(.review(ReviewScreen())))
      }
      return apply(enter(index, origin: .walk, opening: true))
    case .openFailed(let problem, let context):
      var screen = WelcomeScreen(context: context)
      screen.problem = text.couldNotOpen(problem)
      mode = .welcome(screen)
      return []
    case .saved(let itemID):
      return saved(itemID)
    case .saveFailed(let itemID, let value, let problem):
      unsaved[itemID] = UnsavedAnswer(value: value, problem: problem)
      guard case .question(var screen) = mode, questionnaire.items[screen.itemIndex].id == itemID
      else { return [] }
      screen.pending = nil
      screen.failure = problem
      mode = .question(screen)
      return []
    case .finished(let finished):
      var viewer = ReportViewer(finished: finished)
      viewer.layOut(width: width, height: height, text: text)
      mode = .report(viewer)
      return []
    case .finishFailed(let problem):
      var screen = ReviewScreen(focus: .finish)
      screen.problem = text.couldNotFinish(problem)
      mode = .review(screen)
      return []
    case .launched(let launch):
      notice = text.launched(launch)
      return []
    }
  }

  /// The answer for `itemID` is on disk: it counts now, and the walk goes on from its question.
  private mutating func saved(_ itemID: String) -> [FormEffect] {
    unsaved[itemID] = nil
    guard case .question(var screen) = mode, questionnaire.items[screen.itemIndex].id == itemID,
      let pending = screen.pending
    else { return [] }
    guard pending.advances else {
      answers[itemID] = pending.value
      markDrafts[itemID] = nil
      screen.pending = nil
      mode = .question(screen)
      return []
    }
    let before = assessment
    answers[itemID] = pending.value
    drafts[itemID] = nil
    markDrafts[itemID] = nil
    // Questions an edit from the overview brings into view are asked before going back to it.
    let revealed = assessment.visibleItemIndices.filter {
      !before.isVisible(itemAt: $0) && answers[questionnaire.items[$0].id] == nil
    }
    return apply(advance(from: screen, revealed: revealed))
  }

  // MARK: Leaving

  /// Leaves: what the parent marked or typed and did not confirm is saved first when it is a
  /// valid answer, and named for the shell when it is not, so nothing given is lost unseen.
  mutating func leave() -> [FormEffect] {
    let plan = leavingPlan
    overlay = nil
    mode = .done
    return plan.writes.map { .record(itemID: $0.itemID, value: $0.value) }
      + plan.notKept.map { .notKept($0) } + [.exit]
  }

  private mutating func handleOverlay(_ current: Overlay, _ key: FormKey) -> [FormEffect] {
    let page = max(1, height - 6)
    switch current {
    case .help(let top):
      // Arrows scroll a long explanation; any other key closes it.
      switch key {
      case .down: overlay = .help(top: top + 1)
      case .up: overlay = .help(top: max(0, top - 1))
      case .pageDown: overlay = .help(top: top + page)
      case .pageUp: overlay = .help(top: max(0, top - page))
      default: overlay = nil
      }
      return []
    case .message(let title, let body, let top):
      switch key {
      case .down: overlay = .message(title: title, body: body, top: top + 1)
      case .up: overlay = .message(title: title, body: body, top: max(0, top - 1))
      case .pageDown: overlay = .message(title: title, body: body, top: top + page)
      case .pageUp: overlay = .message(title: title, body: body, top: max(0, top - page))
      default: overlay = nil
      }
      return []
    case .confirmQuit:
      if key == .enter { return leave() }
      if case .character(let character) = key, text.yesKeys.contains(character) { return leave() }
      overlay = nil
      return []
    }
  }

  // MARK: Layout kept in the state

  /// After a resize: what is laid out once (the report) is laid out again, and the question in
  /// view is scrolled so its focus shows.
  private mutating func relayOut() {
    if case .report(var viewer) = mode {
      viewer.layOut(width: width, height: height, text: text)
      mode = .report(viewer)
    }
    revealFocus()
  }

  /// Scrolls the question on screen so the row the parent is on can be seen.
  private mutating func revealFocus() {
    guard fits, case .question(var screen) = mode else { return }
    let layout = questionLayout(screen, after: laidOut)
    screen.top = layout.top(keeping: screen.top, followingFocus: screen.followsFocus)
    mode = .question(screen)
    laidOut = LaidOutQuestion(
      question: screen, width: width, height: height, language: language, layout: layout,
      rows: choiceRows(of: screen.itemIndex))
  }

  /// The rows of item `index` in the current language: those kept with the question laid out
  /// last when it is this item, so a key does not make every label and shortcut again.
  func choiceRows(of index: Int) -> [ChoiceRow] {
    if let laidOut, laidOut.question.itemIndex == index, laidOut.language == language {
      return laidOut.rows
    }
    return questionnaire.items[index].rows(in: language)
  }
}

/// A question's layout with everything it was made from. The scroll position is not among them:
/// it is chosen from the layout, not used to make it.
///
/// A class, though it never changes: the state holds it by reference, so copying the state and
/// replacing the layout on a key costs a reference count, not a copy and a destruction of every
/// line and row it keeps (which went through the runtime's generic witnesses of `Optional`).
final class LaidOutQuestion: Sendable {
  let question: QuestionScreen
  let width: Int
  let height: Int
  let language: Language
  let layout: QuestionLayout
  /// The item's rows in `language`.
  let rows: [ChoiceRow]

  init(
    question: QuestionScreen, width: Int, height: Int, language: Language, layout: QuestionLayout,
    rows: [ChoiceRow]
  ) {
    self.question = question
    self.width = width
    self.height = height
    self.language = language
    self.layout = layout
    self.rows = rows
  }

  /// Whether this is the layout `question` would get at this size and in this language.
  func fits(_ question: QuestionScreen, width: Int, height: Int, language: Language) -> Bool {
    guard width == self.width, height == self.height, language == self.language else {
      return false
    }
    var scrolled = question
    scrolled.top = self.question.top
    return scrolled == self.question
  }
}
