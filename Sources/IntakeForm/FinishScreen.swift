import IntakeCore

/// The step before finishing when shown questions are still open: they are listed, the safety
/// questions first, each one a key away; finishing anyway is the last row, so a held Enter opens
/// a question rather than finishing.
public struct FinishScreen: Equatable, Sendable {
  /// The open questions, safety questions first, then in questionnaire order.
  let open: [String]
  /// Safety questions answered "don't know": not open, but the doctor will ask about them.
  let unknownSafety: [String]
  /// The row the cursor is on: an open question, or `open.count` for "finish anyway".
  var highlight = 0
}

extension FormState {
  /// Where "finish" leads: the list of open questions when there are any, else making the
  /// report. Coming back from answering one of them, the list is shown even when it is empty,
  /// so finishing is still the parent's own step.
  func finishStep(returning: Bool = false) -> Step {
    let open = walk.openQuestions(in: assessment)
    guard !open.isEmpty || returning else {
      return .go(.finishing, [.finish(unanswered: [])])
    }
    let unknown = walk.unknownSafetyQuestions(in: assessment)
    return .go(
      .confirmFinish(FinishScreen(open: open.map(\.id), unknownSafety: unknown.map(\.id))))
  }

  mutating func finishKey(_ screen: inout FinishScreen, _ key: FormKey) -> Step {
    let last = screen.open.count
    switch key {
    case .up: screen.highlight = max(0, screen.highlight - 1)
    case .down: screen.highlight = min(last, screen.highlight + 1)
    case .home: screen.highlight = 0
    case .end: screen.highlight = last
    case .tab, .left, .backTab:
      return .go(.review(ReviewScreen(focus: .finish)))
    case .escape, .character("q"), .character("Q"):
      overlay = .confirmQuit
    case .help, .character("?"):
      overlay = .help(top: 0)
    case .character(let character):
      guard let number = character.wholeNumberValue, (1...min(9, last)).contains(number) else {
        break
      }
      return open(screen.open[number - 1])
    case .enter:
      guard screen.highlight < last else {
        return .go(.finishing, [.finish(unanswered: screen.open)])
      }
      return open(screen.open[screen.highlight])
    default: break
    }
    return .stay
  }

  /// Opens an open question; confirming it comes back to this list.
  private func open(_ itemID: String) -> Step {
    guard let index = questionnaire.item(itemID)?.index else { return .stay }
    return enter(index, origin: .returning(to: .finish, queue: []))
  }
}
