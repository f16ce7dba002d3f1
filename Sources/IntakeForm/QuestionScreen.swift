import IntakeCore

/// One question on screen, with what the parent has done to its widget so far.
///
/// Moving the highlight is not choosing: a row is chosen only by its digit (or letter), or by
/// Space on the highlighted row, and marked as such; Enter confirms what is marked. A question
/// with no answer yet starts with nothing marked, so Enter pressed too often records nothing.
public struct QuestionScreen: Equatable, Sendable {
  public let itemIndex: Int
  /// Where confirming leads: on through the walk, or back to the overview or the finish step.
  let origin: Origin
  /// The row the cursor is on.
  public internal(set) var highlight = 0
  /// Marked rows, by key (an option id, a point, `dont_know`, `prefer_not_to_say`): at most one
  /// on a single choice, and on a field only a special answer.
  public internal(set) var chosen: Set<String> = []
  public internal(set) var field = TextField()
  /// Why what the parent chose or typed cannot be accepted (or how to choose).
  public internal(set) var problem: InputProblem?
  /// Why the last answer could not be saved; Enter tries again.
  public internal(set) var failure: WalkProblem?
  /// The answer sent to the store and not yet confirmed: the walk goes on once it is saved.
  var pending: PendingWrite?
  /// The first body line in view, when the question is taller than the screen.
  var top = 0
  /// Whether the view follows the highlight: set when the parent moves it, cleared when they
  /// scroll past the first or last row to read what is above or below. A question opens at its
  /// top, so the question itself is read first.
  var followsFocus = false
  /// Whether the section's introduction is shown above the question: on the section's first
  /// shown question, and on the first question after opening (which may come after the name).
  var showsIntro = false

  init(itemIndex: Int, origin: Origin) {
    self.itemIndex = itemIndex
    self.origin = origin
  }

  /// Where a question was opened from.
  enum Origin: Equatable, Sendable {
    /// The walk through the questionnaire: confirming goes to the next shown question.
    case walk
    /// The overview or the finish step: confirming goes back there, after the questions the new
    /// answer brought into view.
    case returning(Return)

    static func returning(to point: ReturnPoint, queue: [Int]) -> Origin {
      .returning(Return(point: point, queue: queue))
    }
  }

  /// Where a question opened from the overview or the finish step goes back to. A struct, not the
  /// case's pair of values: copying and destroying a tuple inside an enum went through the
  /// runtime's generic value witnesses, looking up the tuple's metadata on every key.
  struct Return: Equatable, Sendable {
    let point: ReturnPoint
    /// The questions the new answer brought into view, asked in order before going back.
    let queue: [Int]
  }

  enum ReturnPoint: Equatable, Sendable {
    /// The overview, on `focusItem`; Tab there goes back to the question at `walkIndex`.
    case review(focusItem: String, walkIndex: Int?)
    case finish
  }
}

extension QuestionScreen {
  /// A character typed or pasted: it goes into the field, also when a special row was
  /// highlighted, and takes any mark away; a full field says so rather than swallow it.
  mutating func type(_ character: Character, limit: Int) {
    highlight = 0
    followsFocus = true
    chosen = []
    failure = nil
    problem = field.insert(character, limit: limit) ? nil : .answer(.tooLong(maxLength: limit))
  }
}

/// An answer on its way to disk.
struct PendingWrite: Equatable, Sendable {
  /// The answer, or `nil` for removing it.
  let value: AnswerValue?
  /// Whether the walk goes on once it is saved (a confirmed answer), or stays (Delete).
  var advances = true
}

extension FormState {
  /// Shows the item at `index`, its widget set to the stored answer (or a kept draft).
  func enter(_ index: Int, origin: QuestionScreen.Origin, opening: Bool = false) -> Step {
    let item = questionnaire.items[index]
    var screen = QuestionScreen(itemIndex: index, origin: origin)
    screen.showsIntro = opening || walk.progress(at: index, in: assessment).position == 1
    let rows = choiceRows(of: screen.itemIndex)
    // An answer that could not be saved is still the parent's: shown, with why, for a retry;
    // marks not confirmed yet come back as they were left.
    let answer = unsaved[item.id].map(\.value) ?? answers[item.id]
    screen.failure = unsaved[item.id]?.problem
    screen.chosen = markDrafts[item.id] ?? Self.marks(of: answer, in: rows)
    switch item.widget {
    case .single, .multiple:
      screen.highlight = rows.firstIndex { screen.chosen.contains($0.key) } ?? 0
    case .field:
      screen.field = TextField(
        drafts[item.id] ?? AnswerInput.fieldText(for: answer, item: item, language: language))
      screen.highlight = rows.firstIndex { screen.chosen.contains($0.key) } ?? 0
    }
    screen.top = fits ? questionLayout(screen).openingTop : 0
    return .go(.question(screen), [.position(itemID: item.id)])
  }

  mutating func questionKey(_ screen: inout QuestionScreen, _ key: FormKey) -> Step {
    // An answer is on its way to disk; the next step comes with its outcome.
    guard screen.pending == nil else { return .stay }
    let item = questionnaire.items[screen.itemIndex]
    let rows = choiceRows(of: screen.itemIndex)
    // On a field, printable keys are text; a number or a date field has no use for "q" or "?",
    // so there they act as on a list.
    let onField =
      item.widget == .field && screen.highlight == 0 && !item.kind.takesNoLetters
    // Keys every widget shares. In a field, printable keys are text, so only function keys act.
    switch key {
    case .escape:
      keepDraft(screen, item)
      overlay = .confirmQuit
      return .stay
    case .help:
      overlay = .help(top: 0)
      return .stay
    case .tab:
      keepDraft(screen, item)
      return .go(.review(ReviewScreen(focus: .item(item.id), walkIndex: walkIndex(of: screen))))
    case .backTab:
      return goBack(screen, item)
    case .pageDown, .pageUp:
      keepDraft(screen, item)
      guard
        let target = walk.section(from: screen.itemIndex, forward: key == .pageDown, in: assessment)
      else { return .stay }
      return enter(target, origin: .walk)
    case .character("?") where !onField:
      overlay = .help(top: 0)
      return .stay
    case .character("q") where !onField, .character("Q") where !onField:
      overlay = .confirmQuit
      return .stay
    default: break
    }
    switch item.widget {
    case .single, .multiple: return listKey(&screen, item, rows, key)
    case .field: return fieldKey(&screen, item, rows, key)
    }
  }

  /// The question to go back to from the overview: where the parent was walking.
  private func walkIndex(of screen: QuestionScreen) -> Int? {
    switch screen.origin {
    case .walk: screen.itemIndex
    case .returning(let back):
      switch back.point {
      case .review(_, let walkIndex): walkIndex
      case .finish: nil
      }
    }
  }

  private mutating func listKey(
    _ screen: inout QuestionScreen, _ item: Item, _ rows: [ChoiceRow], _ key: FormKey
  ) -> Step {
    switch key {
    case .up, .down, .home, .end:
      scroll(&screen, key, rows: rows.count)
    case .left: return goBack(screen, item)
    case .right: return skip(&screen, item)
    case .delete: return clear(&screen, item)
    case .character(" "):
      choose(&screen, rows[screen.highlight], rows, item)
    case .character(let character):
      guard let row = rows.firstIndex(where: { $0.shortcut == character }) else { break }
      screen.highlight = row
      screen.followsFocus = true
      choose(&screen, rows[row], rows, item)
    case .enter:
      return confirmList(&screen, item, rows)
    default: break
    }
    return .stay
  }

  /// Marks `row`, or takes the mark away when it has one. One row at most on a single choice;
  /// on a multiple choice an exclusive row ("none of these", "don't know") clears the others
  /// and the others clear it.
  private func choose(
    _ screen: inout QuestionScreen, _ row: ChoiceRow, _ rows: [ChoiceRow], _ item: Item
  ) {
    screen.problem = nil
    screen.failure = nil
    if screen.chosen.contains(row.key) {
      screen.chosen.remove(row.key)
    } else if item.widget != .multiple || row.isExclusive {
      screen.chosen = [row.key]
    } else {
      screen.chosen.subtract(rows.filter(\.isExclusive).map(\.key))
      screen.chosen.insert(row.key)
    }
  }

  private mutating func confirmList(
    _ screen: inout QuestionScreen, _ item: Item, _ rows: [ChoiceRow]
  )
    -> Step
  {
    guard let value = Self.markedAnswer(screen.chosen, rows: rows, widget: item.widget) else {
      // Unticking every box of an answered question is a deliberate "no answer".
      if item.widget == .multiple, answers[item.id] != nil {
        if item.isRequired {
          screen.problem = .nothingChosen
          return .stay
        }
        return commit(nil, &screen, item)
      }
      screen.problem = .chooseFirst(canSkip: !item.isRequired)
      return .stay
    }
    return commit(value, &screen, item)
  }

  private mutating func fieldKey(
    _ screen: inout QuestionScreen, _ item: Item, _ rows: [ChoiceRow], _ key: FormKey
  ) -> Step {
    let onField = screen.highlight == 0
    switch key {
    case .up, .down:
      scroll(&screen, key, rows: rows.count)
    case .left:
      if onField, screen.field.move(by: -1) { break }
      if screen.field.isEmpty || !onField { return goBack(screen, item) }
    case .right:
      if onField, screen.field.move(by: 1) { break }
      if screen.field.isEmpty || !onField { return skip(&screen, item) }
    case .backspace:
      // Only ever edits: a held Backspace must not run on into the previous question's answer.
      if onField, screen.field.backspace() {
        screen.problem = nil
        screen.chosen = []
      }
    case .home where onField: screen.field.home()
    case .end where onField: screen.field.end()
    case .delete where onField:
      screen.field.delete()
      screen.problem = nil
    case .character(" ") where !onField:
      choose(&screen, rows[screen.highlight], rows, item)
    case .character(let character)
    where screen.field.isEmpty && item.kind.takesNoLetters
      && rows.contains { specialLetter(of: $0) == Character(character.lowercased()) }:
      // A field for a number or a date has no use for a letter: its "don't know" letter marks
      // that answer, as on a list.
      guard
        let row = rows.firstIndex(where: {
          specialLetter(of: $0) == Character(character.lowercased())
        })
      else { break }
      screen.highlight = row
      screen.followsFocus = true
      choose(&screen, rows[row], rows, item)
    case .character(let character):
      screen.type(character, limit: fieldLimit(item))
    case .enter:
      return confirmField(&screen, item, rows)
    default: break
    }
    return .stay
  }

  private mutating func confirmField(
    _ screen: inout QuestionScreen, _ item: Item, _ rows: [ChoiceRow]
  ) -> Step {
    if let special = rows.first(where: { $0.isSpecial && screen.chosen.contains($0.key) }),
      case .special(let value) = special.value
    {
      return commit(value, &screen, item)
    }
    switch AnswerInput.parse(screen.field.text, for: item, today: walk.today) {
    case .failure(let problem):
      screen.problem = problem
      return .stay
    case .success(let value?):
      return commit(value, &screen, item)
    case .success(nil):
      // Emptying the field of an answered question is a deliberate "no answer".
      if answers[item.id] != nil { return commit(nil, &screen, item) }
      screen.problem =
        item.isRequired
        ? .answer(.required)
        : .typeFirst(canSkip: true, hasSpecial: rows.contains(where: \.isSpecial))
      return .stay
    }
  }

  /// ↑ ↓ Home End: move the highlight, and the view with it; past the first or last row they
  /// scroll the view instead, so text above or below the choices can be read.
  private func scroll(_ screen: inout QuestionScreen, _ key: FormKey, rows: Int) {
    switch key {
    case .home:
      // The top of the question, with the first row highlighted.
      screen.highlight = 0
      screen.top = 0
      screen.followsFocus = false
      return
    case .up where screen.highlight == 0:
      screen.top = max(0, screen.top - 1)
      screen.followsFocus = false
      return
    case .down where screen.highlight == rows - 1, .end where screen.highlight == rows - 1:
      screen.top += key == .end ? rows * 10 : 1
      screen.followsFocus = false
      return
    case .up: screen.highlight -= 1
    case .down: screen.highlight += 1
    default: screen.highlight = rows - 1
    }
    screen.followsFocus = true
  }

  /// The letter that marks a special answer under a field ("w"/"d" for "don't know").
  private func specialLetter(of row: ChoiceRow) -> Character? {
    switch row.value {
    case .special(.dontKnow): text.dontKnowLetter
    case .special: text.declineLetter
    default: nil
    }
  }

  /// Most characters a field takes: the item's own limit for text, a generous one otherwise.
  func fieldLimit(_ item: Item) -> Int {
    if case .text(let maxLength, _) = item.kind { return maxLength }
    return 40
  }

  /// Confirms `value` (`nil`: no answer) for `item`. An unchanged answer moves on at once; a new
  /// one is sent to the store, and the walk moves on when it is saved (``Outcome/saved(itemID:)``).
  private mutating func commit(_ value: AnswerValue?, _ screen: inout QuestionScreen, _ item: Item)
    -> Step
  {
    if value == nil, item.isRequired {
      screen.problem = .answer(.required)
      return .stay
    }
    if let value,
      case .failure(let problem) = AnswerInput.check(value, for: item, today: walk.today)
    {
      screen.problem = problem
      return .stay
    }
    screen.problem = nil
    if answers[item.id] == value {
      // What is on disk already: nothing to write (and an earlier failed change is given up).
      drafts[item.id] = nil
      markDrafts[item.id] = nil
      unsaved[item.id] = nil
      return advance(from: screen, revealed: [])
    }
    screen.failure = nil
    screen.pending = PendingWrite(value: value)
    return .stay([.record(itemID: item.id, value: value)])
  }

  /// Where confirming `screen` leads; `revealed` are the questions the answer brought into view.
  func advance(from screen: QuestionScreen, revealed: [Int]) -> Step {
    switch screen.origin {
    case .walk:
      guard let next = walk.next(after: screen.itemIndex, in: assessment) else {
        return .go(.review(ReviewScreen(focus: .finish, walkIndex: nil)))
      }
      return enter(next, origin: .walk)
    case .returning(let back):
      let point = back.point
      let queue = back.queue
      let visible = Set(assessment.visibleItemIndices)
      let ahead = (queue + revealed.filter { !queue.contains($0) }).filter(visible.contains)
      if let first = ahead.first {
        return enter(first, origin: .returning(to: point, queue: Array(ahead.dropFirst())))
      }
      switch point {
      case .review(let focusItem, let walkIndex):
        return .go(.review(ReviewScreen(focus: .item(focusItem), walkIndex: walkIndex)))
      case .finish:
        return finishStep(returning: true)
      }
    }
  }

  /// → : on without changing the answer; an unanswered required item stays.
  private mutating func skip(_ screen: inout QuestionScreen, _ item: Item) -> Step {
    if answers[item.id] == nil && item.isRequired {
      screen.problem = .answer(.required)
      return .stay
    }
    keepDraft(screen, item)
    return advance(from: screen, revealed: [])
  }

  private mutating func goBack(_ screen: QuestionScreen, _ item: Item) -> Step {
    keepDraft(screen, item)
    guard let previous = walk.previous(before: screen.itemIndex, in: assessment) else {
      return .stay
    }
    return enter(previous, origin: .walk)
  }

  /// Delete: removes the answer of an optional item.
  private mutating func clear(_ screen: inout QuestionScreen, _ item: Item) -> Step {
    // A required answer can be changed, not removed: its marks go back to the stored answer, as
    // clearing them showed the question unanswered while the answer stayed on disk.
    guard !item.isRequired else {
      screen.chosen = Self.marks(of: answers[item.id], in: choiceRows(of: screen.itemIndex))
      return .stay
    }
    screen.chosen = []
    markDrafts[item.id] = nil
    guard answers[item.id] != nil else {
      // Nothing on disk to remove: an answer that could not be saved is given up.
      unsaved[item.id] = nil
      screen.failure = nil
      return .stay
    }
    screen.pending = PendingWrite(value: nil, advances: false)
    return .stay([.record(itemID: item.id, value: nil)])
  }

  /// The rows marked for `answer`: what a list shows as chosen for a stored answer.
  private static func marks(of answer: AnswerValue?, in rows: [ChoiceRow]) -> Set<String> {
    Set(rows.filter { $0.value.stands(for: answer) }.map(\.key))
  }

  /// Remembers typed text and marks that differ from what the question opened with, so leaving a
  /// question without Enter loses nothing.
  private mutating func keepDraft(_ screen: QuestionScreen, _ item: Item) {
    let kept = draft(of: screen, item)
    markDrafts[item.id] = kept.marks
    if item.widget == .field { drafts[item.id] = kept.text }
  }

  /// What `screen` holds that the question did not open with (`nil`: nothing): its marks, and
  /// on a field its text. The question opens with an answer that could not be saved, else the
  /// stored one (``enter(_:origin:opening:)``).
  func draft(of screen: QuestionScreen, _ item: Item) -> (marks: Set<String>?, text: String?) {
    let shown = unsaved[item.id].map(\.value) ?? answers[item.id]
    let marks = Self.marks(of: shown, in: choiceRows(of: screen.itemIndex))
    let text = AnswerInput.fieldText(for: shown, item: item, language: language)
    return (
      screen.chosen == marks ? nil : screen.chosen,
      item.widget != .field || screen.field.text == text ? nil : screen.field.text
    )
  }
}

extension TextField {
  /// The editing keys of a one-line field.
  mutating func edit(_ key: FormKey, limit: Int) {
    switch key {
    case .character(let character): insert(character, limit: limit)
    case .backspace: backspace()
    case .delete: delete()
    case .left: move(by: -1)
    case .right: move(by: 1)
    case .home: home()
    case .end: end()
    default: break
    }
  }
}

extension ItemKind {
  /// Whether typed letters can never be part of an answer: numbers and dates.
  fileprivate var takesNoLetters: Bool {
    switch self {
    case .integer, .decimal, .date: true
    default: false
    }
  }
}
