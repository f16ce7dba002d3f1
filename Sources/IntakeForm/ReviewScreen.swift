import IntakeCore

/// The overview of all answers: check, change, or finish.
public struct ReviewScreen: Equatable, Sendable {
  enum Focus: Equatable, Sendable {
    case item(String)
    case finish
  }

  var focus: Focus
  /// The question the parent was at when the overview opened: Tab (or ←) goes back there.
  let walkIndex: Int?
  /// Set after "finish" with required questions open: they are marked.
  var showMissing = false
  /// Why finishing did not work.
  var problem: String?

  init(focus: Focus = .finish, walkIndex: Int? = nil) {
    self.focus = focus
    self.walkIndex = walkIndex
  }

  /// The row of `rows` the focus is on.
  func selection(in rows: [ReviewRow]) -> Int {
    rows.firstIndex { $0.focus == focus } ?? rows.count - 1
  }
}

/// A line of the overview.
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

extension FormState {
  mutating func reviewKey(_ screen: inout ReviewScreen, _ key: FormKey) -> Step {
    let rows = reviewRows()
    let selectable = rows.indices.filter { rows[$0].isSelectable }
    var position = screen.selection(in: rows)
    screen.problem = nil
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
        return enter(
          index,
          origin: .returning(
            to: .review(focusItem: itemID, walkIndex: screen.walkIndex), queue: []))
      case .finish:
        if let first = assessment.missingRequired.first {
          screen.focus = .item(first)
          screen.showMissing = true
          return .stay
        }
        return finishStep()
      case .heading: break
      }
    case .tab, .left, .backTab:
      // Back to the question the parent came from (or the last shown one).
      let index =
        screen.walkIndex.flatMap { index in
          assessment.visibleItemIndices.first { $0 >= index }
        } ?? assessment.visibleItemIndices.last ?? 0
      return enter(index, origin: .walk)
    default: break
    }
    screen.focus = rows[position].focus ?? screen.focus
    return .stay
  }

  /// The lines of the overview: per shown section, a heading and its shown items with their
  /// answers; at the end, "finish".
  func reviewRows() -> [ReviewRow] {
    let missing = Set(assessment.missingRequired)
    let unusable = assessment.unusableAnswers
    var rows: [ReviewRow] = []
    for (section, items) in walk.overview(of: assessment) {
      rows.append(.heading(section.title.text(in: language)))
      for item in items {
        let answer = answers[item.id]
        var shown = item.displayText(answer, in: language)
        if answer == nil, let draft = drafts[item.id] {
          let valid = (try? AnswerInput.parse(draft, for: item, today: walk.today).get()) != nil
          shown = "\(draft) (\(valid ? text.notConfirmed : text.notValid))"
        }
        if let chosen = markDrafts[item.id],
          let marked = Self.markedAnswer(
            chosen, rows: choiceRows(of: item.index), widget: item.widget)
        {
          shown = "\(item.displayText(marked, in: language)) (\(text.notConfirmed))"
        }
        if unusable[item.id] != nil { shown = text.answerAgain }
        if let given = unsaved[item.id] {
          shown = text.notSavedMark + " " + item.displayText(given.value, in: language)
        }
        rows.append(
          .item(
            id: item.id, question: item.question.text(in: language), answer: shown,
            missing: missing.contains(item.id) || unusable[item.id] != nil))
      }
    }
    rows.append(.finish)
    return rows
  }
}
