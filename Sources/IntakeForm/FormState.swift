import Foundation
import IntakeCore

/// The whole state of the terminal form, as a value: `update` turns an event into the next state
/// and the effects to carry out; `screen` describes what to show. No terminal, no files — the
/// adapter and the executable do the I/O, so every key path is testable.
public struct FormState: Sendable {
  public let walk: Walk
  public private(set) var language: Language
  /// The answers as stored (including ones that no longer fit their item).
  public private(set) var answers: Answers {
    didSet { assessment = walk.assess(answers) }
  }
  /// What the engine makes of `answers`: renewed only when they change, not on every key or
  /// every frame.
  public private(set) var assessment: Assessment
  public private(set) var width: Int
  public private(set) var height: Int
  public private(set) var mode: Mode
  public private(set) var overlay: Overlay?
  /// The child's profile name, once an assessment is open.
  public private(set) var profile: String?
  /// Text typed into fields but not (validly) confirmed yet, by item id: never thrown away while
  /// the program runs; confirmed when valid on leaving.
  public private(set) var drafts: [String: String] = [:]
  /// A problem reported from outside (e.g. saving failed), shown until the next key.
  public private(set) var notice: String?

  public var questionnaire: Questionnaire { walk.questionnaire }
  var text: FormText { FormText(language) }

  /// The screens of the form.
  public enum Mode: Equatable, Sendable {
    case welcome(WelcomeScreen)
    /// Waiting for the store to open the chosen assessment.
    case opening
    case question(QuestionScreen)
    case review(ReviewScreen)
    /// Waiting for the report to be built.
    case finishing
    case report(ReportViewer)
    /// The program should end.
    case done
  }

  /// A box over the current screen.
  public enum Overlay: Equatable, Sendable {
    /// "Why we ask" and the keys, scrolled to line `top`.
    case help(top: Int)
    /// Something the parent should read before going on (e.g. what a new questionnaire version
    /// did to earlier answers), scrolled to line `top`.
    case message(title: String, body: String, top: Int)
    case confirmQuit
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

  // MARK: Events

  /// The next state for `event`, and what the outside world must do.
  public mutating func update(_ event: FormEvent) -> [FormEffect] {
    switch event {
    case .resize(let newWidth, let newHeight):
      width = max(0, newWidth)
      height = max(0, newHeight)
      if case .report(var viewer) = mode {
        viewer.layOut(width: width, height: height, text: text)
        mode = .report(viewer)
      }
      return []
    case .failure(let message):
      notice = message
      return []
    case .reportReady(let document, let path):
      var viewer = ReportViewer(document: document, savedPath: path)
      viewer.layOut(width: width, height: height, text: text)
      mode = .report(viewer)
      return []
    case .key(let key):
      notice = nil
      return handle(key)
    }
  }

  /// The assessment chosen on the welcome screen is open: walk it from `position` (or the start).
  public mutating func opened(answers: Answers, position: String?, profile: String) -> [FormEffect]
  {
    self.answers = answers
    self.profile = profile
    overlay = nil
    guard let index = walk.start(at: position, in: assessment) else {
      mode = .review(ReviewScreen())
      return []
    }
    return enter(index, returnToReview: false)
  }

  /// Shows `body` over the screen until the parent presses a key.
  public mutating func inform(title: String, body: String) {
    overlay = .message(title: title, body: body, top: 0)
  }

  /// The chosen assessment could not be opened: back to the welcome screen, saying why.
  public mutating func openFailed(_ message: String, welcome context: WelcomeContext) {
    mode = .welcome(WelcomeScreen(context: context))
    notice = message
  }

  private mutating func handle(_ key: FormKey) -> [FormEffect] {
    if key == .interrupt { return leave() }
    if let overlay { return handleOverlay(overlay, key) }
    switch mode {
    case .welcome(var screen):
      let effects = handleWelcome(&screen, key)
      if case .welcome = mode { mode = .welcome(screen) }
      return effects
    case .question(var screen):
      return handleQuestion(&screen, key)
    case .review(var screen):
      return handleReview(&screen, key)
    case .report(var viewer):
      let effects = handleViewer(&viewer, key)
      if case .report = mode { mode = .report(viewer) }
      return effects
    case .opening, .finishing, .done:
      return []
    }
  }

  private mutating func handleOverlay(_ current: Overlay, _ key: FormKey) -> [FormEffect] {
    switch current {
    case .help(let top):
      // Arrows scroll a long explanation; any other key closes it.
      switch key {
      case .down: overlay = .help(top: top + 1)
      case .up: overlay = .help(top: max(0, top - 1))
      case .pageDown: overlay = .help(top: top + max(1, height - 6))
      case .pageUp: overlay = .help(top: max(0, top - max(1, height - 6)))
      default: overlay = nil
      }
      return []
    case .message(let title, let body, let top):
      switch key {
      case .down: overlay = .message(title: title, body: body, top: top + 1)
      case .up: overlay = .message(title: title, body: body, top: max(0, top - 1))
      case .pageDown: overlay = .message(title: title, body: body, top: top + max(1, height - 6))
      case .pageUp:
        overlay = .message(title: title, body: body, top: max(0, top - max(1, height - 6)))
      default: overlay = nil
      }
      return []
    case .confirmQuit:
      if case .character(let character) = key, text.yesKeys.contains(character) { return leave() }
      if key == .enter { return leave() }
      overlay = nil
      return []
    }
  }

  /// Leaves: a valid draft in the current field is saved first, so nothing typed is lost.
  private mutating func leave() -> [FormEffect] {
    var effects: [FormEffect] = []
    if case .question(let screen) = mode {
      let item = questionnaire.items[screen.itemIndex]
      if item.widget == .field, !screen.field.isEmpty,
        case .success(let value?) = AnswerInput.parse(
          screen.field.text, for: item, today: walk.today),
        answers[item.id] != value
      {
        answers[item.id] = value
        effects.append(.record(itemID: item.id, value: value))
      }
    }
    overlay = nil
    mode = .done
    return effects + [.exit]
  }

  // MARK: Welcome

  private mutating func handleWelcome(_ screen: inout WelcomeScreen, _ key: FormKey) -> [FormEffect]
  {
    if var field = screen.naming {
      switch key {
      case .escape:
        screen.naming = nil
        screen.problem = nil
      case .enter:
        let name = field.text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
          screen.problem = text.nicknameEmpty
          return []
        }
        mode = .opening
        return [.start(.new(profile: name), language: language)]
      default:
        edit(&field, key, limit: 40)
        screen.naming = field
        screen.problem = nil
      }
      return []
    }
    let rows = screen.rows
    switch key {
    case .up: screen.highlight = max(0, screen.highlight - 1)
    case .down: screen.highlight = min(rows.count - 1, screen.highlight + 1)
    case .home: screen.highlight = 0
    case .end: screen.highlight = rows.count - 1
    case .left where rows[screen.highlight] == .language,
      .right where rows[screen.highlight] == .language:
      toggleLanguage()
    case .escape, .character("q"), .character("Q"):
      mode = .done
      return [.exit]
    case .help, .character("?"):
      overlay = .help(top: 0)
    case .enter, .character(" "):
      switch rows[screen.highlight] {
      case .language:
        toggleLanguage()
      case .resume, .followUp:
        mode = .opening
        return rows[screen.highlight].action.map { [.start($0, language: language)] } ?? []
      case .new:
        screen.naming = TextField()
      }
    default: break
    }
    return []
  }

  private mutating func toggleLanguage() {
    let languages = questionnaire.languages
    guard let current = languages.firstIndex(of: language) else {
      language = languages.first ?? language
      return
    }
    language = languages[(current + 1) % languages.count]
  }

  // MARK: Questions

  /// Shows the item at `index`, its widget set to the stored answer (or a kept draft).
  private mutating func enter(_ index: Int, returnToReview: Bool) -> [FormEffect] {
    let item = questionnaire.items[index]
    var screen = QuestionScreen(itemIndex: index, returnToReview: returnToReview)
    let rows = item.rows(in: language)
    let answer = answers[item.id]
    switch item.widget {
    case .single:
      screen.highlight = rows.firstIndex { $0.value.matches(answer) } ?? 0
    case .multiple:
      switch answer {
      case .choices(let ids)?: screen.chosen = Set(ids)
      case .dontKnow?: screen.chosen = ["dont_know"]
      case .preferNotToSay?: screen.chosen = ["prefer_not_to_say"]
      default: break
      }
      screen.highlight = rows.firstIndex { screen.chosen.contains($0.key) } ?? 0
    case .field:
      screen.field = TextField(
        drafts[item.id] ?? AnswerInput.fieldText(for: answer, item: item, language: language))
      screen.highlight = rows.firstIndex { $0.value.matches(answer) && $0.isSpecial } ?? 0
    }
    mode = .question(screen)
    return [.position(itemID: item.id)]
  }

  private mutating func handleQuestion(_ screen: inout QuestionScreen, _ key: FormKey)
    -> [FormEffect]
  {
    let item = questionnaire.items[screen.itemIndex]
    let rows = item.rows(in: language)
    let onField = item.widget == .field && screen.highlight == 0
    // Keys every widget shares. In a field, printable keys are text, so only function keys act.
    switch key {
    case .escape:
      keepDraft(screen, item)
      mode = .question(screen)
      overlay = .confirmQuit
      return []
    case .help:
      mode = .question(screen)
      overlay = .help(top: 0)
      return []
    case .tab:
      keepDraft(screen, item)
      mode = .review(ReviewScreen(focusItem: item.id))
      return []
    case .backTab:
      return goBack(screen, item)
    case .pageDown, .pageUp:
      keepDraft(screen, item)
      guard
        let target = walk.section(from: screen.itemIndex, forward: key == .pageDown, in: assessment)
      else {
        mode = .question(screen)
        return []
      }
      return enter(target, returnToReview: false)
    case .character("?") where !onField, .character("q") where !onField,
      .character("Q") where !onField:
      mode = .question(screen)
      overlay = key == .character("?") ? .help(top: 0) : .confirmQuit
      return []
    default: break
    }
    switch item.widget {
    case .single: return handleSingle(&screen, item, rows, key)
    case .multiple: return handleMultiple(&screen, item, rows, key)
    case .field: return handleField(&screen, item, rows, key)
    }
  }

  private mutating func handleSingle(
    _ screen: inout QuestionScreen, _ item: Item, _ rows: [ChoiceRow], _ key: FormKey
  ) -> [FormEffect] {
    if let effects = listKey(&screen, item, rows, key) { return effects }
    switch key {
    case .character(let character):
      if let row = rows.firstIndex(where: { $0.shortcut == character }) {
        screen.highlight = row
        screen.problem = nil
      }
    case .enter:
      return commit(value(of: rows[screen.highlight]), screen, item)
    default: break
    }
    mode = .question(screen)
    return []
  }

  private mutating func handleMultiple(
    _ screen: inout QuestionScreen, _ item: Item, _ rows: [ChoiceRow], _ key: FormKey
  ) -> [FormEffect] {
    if let effects = listKey(&screen, item, rows, key) { return effects }
    switch key {
    case .character(" "):
      toggle(&screen, rows[screen.highlight], rows)
    case .character(let character):
      if let row = rows.firstIndex(where: { $0.shortcut == character }) {
        screen.highlight = row
        toggle(&screen, rows[row], rows)
      }
    case .enter:
      let chosenRows = rows.filter { screen.chosen.contains($0.key) }
      if let special = chosenRows.first(where: \.isSpecial),
        case .special(let value) = special.value
      {
        return commit(value, screen, item)
      }
      if chosenRows.isEmpty {
        // Nothing ticked: a required item asks for a choice; an optional one is left unanswered.
        if item.isRequired {
          screen.problem = .nothingChosen
          mode = .question(screen)
          return []
        }
        return commit(nil, screen, item)
      }
      return commit(.choices(chosenRows.map(\.key)), screen, item)
    default: break
    }
    mode = .question(screen)
    return []
  }

  /// Keys every list widget shares: moving the highlight, back, skip and clearing. `nil` when
  /// `key` is not one of them; otherwise the effects (the highlight moves in `screen`).
  private mutating func listKey(
    _ screen: inout QuestionScreen, _ item: Item, _ rows: [ChoiceRow], _ key: FormKey
  ) -> [FormEffect]? {
    switch key {
    case .up: screen.highlight = max(0, screen.highlight - 1)
    case .down: screen.highlight = min(rows.count - 1, screen.highlight + 1)
    case .home: screen.highlight = 0
    case .end: screen.highlight = rows.count - 1
    case .left, .backspace: return goBack(screen, item)
    case .right: return skip(screen, item)
    case .delete: return clear(&screen, item)
    default: return nil
    }
    mode = .question(screen)
    return []
  }

  /// Ticks or unticks `row`; an exclusive row ("none of these", "don't know") clears the others
  /// and the others clear it.
  private func toggle(_ screen: inout QuestionScreen, _ row: ChoiceRow, _ rows: [ChoiceRow]) {
    screen.problem = nil
    if screen.chosen.contains(row.key) {
      screen.chosen.remove(row.key)
      return
    }
    if row.isExclusive {
      screen.chosen = [row.key]
    } else {
      let exclusive = Set(rows.filter(\.isExclusive).map(\.key))
      screen.chosen.subtract(exclusive)
      screen.chosen.insert(row.key)
    }
  }

  private mutating func handleField(
    _ screen: inout QuestionScreen, _ item: Item, _ rows: [ChoiceRow], _ key: FormKey
  ) -> [FormEffect] {
    let onField = screen.highlight == 0
    switch key {
    case .up: screen.highlight = max(0, screen.highlight - 1)
    case .down: screen.highlight = min(rows.count - 1, screen.highlight + 1)
    case .left:
      if onField, screen.field.move(by: -1) { break }
      if screen.field.isEmpty || !onField { return goBack(screen, item) }
    case .right:
      if onField, screen.field.move(by: 1) { break }
      if screen.field.isEmpty || !onField { return skip(screen, item) }
    case .backspace:
      if onField, screen.field.backspace() {
        screen.problem = nil
        break
      }
      if screen.field.isEmpty { return goBack(screen, item) }
    case .home where onField: screen.field.home()
    case .end where onField: screen.field.end()
    case .delete where onField:
      screen.field.delete()
      screen.problem = nil
    case .character(let character):
      // Typing always goes into the field, also when a special row was highlighted.
      screen.highlight = 0
      screen.field.insert(character, limit: fieldLimit(item))
      screen.problem = nil
    case .enter:
      if !onField { return commit(value(of: rows[screen.highlight]), screen, item) }
      switch AnswerInput.parse(screen.field.text, for: item, today: walk.today) {
      case .failure(let problem):
        screen.problem = problem
      case .success(let value):
        return commit(value, screen, item)
      }
    default: break
    }
    mode = .question(screen)
    return []
  }

  /// Most characters a field takes: the item's own limit for text, a generous one otherwise.
  private func fieldLimit(_ item: Item) -> Int {
    if case .text(let maxLength, _) = item.kind { return maxLength }
    return 40
  }

  private func value(of row: ChoiceRow) -> AnswerValue? {
    switch row.value {
    case .option(let id): .choice(id)
    case .point(let number): .number(number)
    case .special(let special): special
    case .field: nil
    }
  }

  /// Confirms `value` (`nil`: no answer) for `item` and moves on; a required item without an
  /// answer stays, with the reason shown.
  private mutating func commit(_ value: AnswerValue?, _ screen: QuestionScreen, _ item: Item)
    -> [FormEffect]
  {
    var screen = screen
    guard let value else {
      if item.isRequired {
        screen.problem = .answer(.required)
        mode = .question(screen)
        return []
      }
      drafts[item.id] = nil
      var effects: [FormEffect] = []
      if answers[item.id] != nil {
        answers[item.id] = nil
        effects.append(.record(itemID: item.id, value: nil))
      }
      return effects + advance(from: screen)
    }
    if case .failure(let problem) = AnswerInput.check(value, for: item, today: walk.today) {
      screen.problem = problem
      mode = .question(screen)
      return []
    }
    drafts[item.id] = nil
    var effects: [FormEffect] = []
    if answers[item.id] != value {
      answers[item.id] = value
      effects.append(.record(itemID: item.id, value: value))
    }
    return effects + advance(from: screen)
  }

  private mutating func advance(from screen: QuestionScreen) -> [FormEffect] {
    if screen.returnToReview {
      mode = .review(ReviewScreen(focusItem: questionnaire.items[screen.itemIndex].id))
      return []
    }
    guard let next = walk.next(after: screen.itemIndex, in: assessment) else {
      mode = .review(ReviewScreen(focusFinish: true))
      return []
    }
    return enter(next, returnToReview: false)
  }

  /// → : on without changing the answer; an unanswered required item stays.
  private mutating func skip(_ screen: QuestionScreen, _ item: Item) -> [FormEffect] {
    var screen = screen
    if answers[item.id] == nil && item.isRequired {
      screen.problem = .answer(.required)
      mode = .question(screen)
      return []
    }
    keepDraft(screen, item)
    return advance(from: screen)
  }

  private mutating func goBack(_ screen: QuestionScreen, _ item: Item) -> [FormEffect] {
    keepDraft(screen, item)
    guard let previous = walk.previous(before: screen.itemIndex, in: assessment) else {
      mode = .question(screen)
      return []
    }
    return enter(previous, returnToReview: false)
  }

  /// Delete: removes the answer of an optional item.
  private mutating func clear(_ screen: inout QuestionScreen, _ item: Item) -> [FormEffect] {
    screen.chosen = []
    guard !item.isRequired, answers[item.id] != nil else {
      mode = .question(screen)
      return []
    }
    answers[item.id] = nil
    mode = .question(screen)
    return [.record(itemID: item.id, value: nil)]
  }

  /// Remembers typed text that differs from the stored answer, so leaving a field loses nothing.
  private mutating func keepDraft(_ screen: QuestionScreen, _ item: Item) {
    guard item.widget == .field else { return }
    let stored = AnswerInput.fieldText(for: answers[item.id], item: item, language: language)
    drafts[item.id] = screen.field.text == stored ? nil : screen.field.text
  }

  private func edit(_ field: inout TextField, _ key: FormKey, limit: Int) {
    switch key {
    case .character(let character): field.insert(character, limit: limit)
    case .backspace: field.backspace()
    case .delete: field.delete()
    case .left: field.move(by: -1)
    case .right: field.move(by: 1)
    case .home: field.home()
    case .end: field.end()
    default: break
    }
  }

  // MARK: Review

  private mutating func handleReview(_ screen: inout ReviewScreen, _ key: FormKey) -> [FormEffect] {
    let rows = reviewRows()
    let selectable = rows.indices.filter { rows[$0].isSelectable }
    var position = screen.selection(in: rows)
    switch key {
    case .up: position = selectable.last { $0 < position } ?? position
    case .down: position = selectable.first { $0 > position } ?? position
    case .home: position = selectable.first ?? position
    case .end: position = selectable.last ?? position
    case .pageDown:
      let header = rows.indices.first { $0 > position && rows[$0].isHeading }
      position = header.flatMap { h in selectable.first { $0 > h } } ?? selectable.last ?? position
    case .pageUp:
      let currentHeader = rows.indices.last { $0 < position && rows[$0].isHeading } ?? 0
      let header = rows.indices.last { $0 < currentHeader && rows[$0].isHeading } ?? currentHeader
      position = selectable.first { $0 > header } ?? position
    case .escape, .character("q"), .character("Q"):
      overlay = .confirmQuit
    case .help, .character("?"):
      overlay = .help(top: 0)
    case .enter:
      switch rows[position] {
      case .item(let itemID, _, _, _):
        guard let index = questionnaire.item(itemID)?.index else { break }
        return enter(index, returnToReview: true)
      case .finish:
        let missing = assessment.missingRequired
        if let first = missing.first {
          screen.focus = .item(first)
          screen.showMissing = true
          mode = .review(screen)
          return []
        }
        mode = .finishing
        return [.complete]
      default: break
      }
    case .tab, .left, .backspace:
      // Back to the question the parent came from (or the first one).
      let id: String? =
        if case .item(let focused) = screen.focus { focused } else { nil }
      let index =
        id.flatMap { questionnaire.item($0)?.index } ?? assessment.visibleItemIndices.last ?? 0
      return enter(index, returnToReview: false)
    default: break
    }
    screen.focus = rows[position].focus ?? screen.focus
    mode = .review(screen)
    return []
  }

  /// The lines of the review screen: per shown section, a heading and its shown items with their
  /// answers; at the end, "finish".
  func reviewRows() -> [ReviewRow] {
    let missing = Set(assessment.missingRequired)
    let unusable = assessment.unusableAnswers
    var rows: [ReviewRow] = []
    for (section, items) in walk.overview(of: assessment) {
      rows.append(.heading(section.title.text(in: language)))
      for item in items {
        let answer = answers[item.id]
        var shown =
          answer == nil && drafts[item.id] != nil
          ? "\(drafts[item.id]!) (?)" : item.displayText(answer, in: language)
        if unusable[item.id] != nil { shown = text.answerAgain }
        rows.append(
          .item(
            id: item.id, question: item.question.text(in: language), answer: shown,
            missing: missing.contains(item.id) || unusable[item.id] != nil))
      }
    }
    rows.append(.finish)
    return rows
  }

  // MARK: Report viewer

  private mutating func handleViewer(_ viewer: inout ReportViewer, _ key: FormKey) -> [FormEffect] {
    switch key {
    case .up: viewer.top -= 1
    case .down: viewer.top += 1
    case .pageUp: viewer.top -= viewer.rows
    case .pageDown, .character(" "): viewer.top += viewer.rows
    case .home: viewer.top = 0
    case .end: viewer.top = viewer.lastTop
    case .escape, .enter, .character("q"), .character("Q"):
      mode = .done
      return [.exit]
    default: break
    }
    viewer.top = min(max(0, viewer.top), viewer.lastTop)
    return []
  }

}

/// The welcome screen's own state.
public struct WelcomeScreen: Equatable, Sendable {
  let context: WelcomeContext
  var highlight: Int
  /// The name field, while a new profile is being named.
  var naming: TextField?
  var problem: String?

  init(context: WelcomeContext) {
    self.context = context
    // Start on the most likely choice: continuing, else starting anew.
    highlight = context.unfinished.isEmpty ? 1 + context.finished.count : 1
  }

  var rows: [WelcomeRow] { [.language] + context.choices }
}

/// One question on screen, with what the parent has done to its widget so far.
public struct QuestionScreen: Equatable, Sendable {
  public let itemIndex: Int
  /// Back to the review screen after confirming (the parent came from there to change it).
  public let returnToReview: Bool
  /// The row the cursor is on.
  public internal(set) var highlight = 0
  /// Ticked rows of a multiple choice, by key.
  public internal(set) var chosen: Set<String> = []
  public internal(set) var field = TextField()
  public internal(set) var problem: InputProblem?

  init(itemIndex: Int, returnToReview: Bool) {
    self.itemIndex = itemIndex
    self.returnToReview = returnToReview
  }
}

/// The review screen's own state.
public struct ReviewScreen: Equatable, Sendable {
  enum Focus: Equatable, Sendable {
    case item(String)
    case finish
  }

  var focus: Focus
  /// Set after "finish" with required questions open: they are marked.
  var showMissing = false

  init(focusItem: String? = nil, focusFinish: Bool = false) {
    focus = focusItem.map { .item($0) } ?? .finish
    if focusFinish { focus = .finish }
  }

  /// The row of `rows` the focus is on.
  func selection(in rows: [ReviewRow]) -> Int {
    rows.firstIndex { $0.focus == focus } ?? rows.count - 1
  }
}

/// A line of the review screen.
enum ReviewRow: Equatable {
  case heading(String)
  case item(id: String, question: String, answer: String, missing: Bool)
  case finish

  var isSelectable: Bool {
    if case .heading = self { return false }
    return true
  }

  var isHeading: Bool { !isSelectable }

  var focus: ReviewScreen.Focus? {
    switch self {
    case .heading: nil
    case .item(let id, _, _, _): .item(id)
    case .finish: .finish
    }
  }
}

/// The finished report, laid out for the terminal when it arrives and after a resize (not on
/// every key), and scrolled.
public struct ReportViewer: Equatable, Sendable {
  public let document: ReportDocument
  public let savedPath: String?
  /// The report's lines at the current width; on a small screen, where it was saved comes first.
  private(set) var lines: [String] = []
  /// How many of `lines` are the saved-where lines at their head.
  private(set) var leadingLocation = 0
  /// Where it was saved, kept in view below the report when the screen has room.
  private(set) var pinnedLocation: [String] = []
  /// Report lines that fit on screen.
  private(set) var rows = 1
  /// The first line shown.
  public internal(set) var top = 0

  init(document: ReportDocument, savedPath: String?) {
    self.document = document
    self.savedPath = savedPath
  }

  /// The highest useful `top`: the end of the report on the last screen.
  var lastTop: Int { max(0, lines.count - rows) }

  mutating func layOut(width: Int, height: Int, text: FormText) {
    let report = TextReportRenderer(width: max(1, width - 2)).render(document)
    let reportLines = report.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    let location =
      savedPath.map {
        TextWrap.wrap(text.savedAt($0), width: width - 2)
          + TextWrap.wrap(text.printHint($0), width: width - 2)
      } ?? []
    // Where the report was saved stays in view when there is room; on a small screen it comes
    // first in the text instead, so the report itself keeps the space.
    let bodyHeight = height - 4
    let pinned = bodyHeight - location.count >= 10
    lines = pinned ? reportLines : location + [""] + reportLines
    leadingLocation = pinned ? 0 : location.count
    pinnedLocation = pinned ? location : []
    rows = max(1, bodyHeight - pinnedLocation.count)
    top = min(top, lastTop)
  }
}

extension ChoiceRow {
  /// The key a multiple choice keeps for this row: the option id or the special answer's name.
  var key: String {
    switch value {
    case .option(let id): id
    case .point(let number): "\(number)"
    case .special(.dontKnow): "dont_know"
    case .special(_): "prefer_not_to_say"
    case .field: ""
    }
  }
}
