import Foundation
import IntakeCore
import IntakeForm

/// The form-test questionnaire and helpers to drive a ``FormState`` key by key.
enum FormFixture {
  static let today = LocalDate(year: 2026, month: 11, day: 25)!

  static let questionnaire: Questionnaire = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .appending(path: "Fixtures/form.yaml").path
    do { return try QuestionnaireLoader.load(contentsOf: path, today: today) } catch {
      fatalError("form.yaml does not load: \(error)")
    }
  }()

  static var walk: Walk { Walk(questionnaire: questionnaire, today: today) }

  /// A form at the welcome screen.
  static func welcome(
    _ context: WelcomeContext = WelcomeContext(), language: Language = .dutch, width: Int = 80,
    height: Int = 24
  ) -> FormState {
    FormState(walk: walk, language: language, welcome: context, width: width, height: height)
  }

  /// A form walking an open assessment, at `position` (default: the first question).
  static func walking(
    _ answers: [String: AnswerValue] = [:], at position: String? = nil, language: Language = .dutch,
    width: Int = 80, height: Int = 24
  ) -> FormState {
    var state = welcome(language: language, width: width, height: height)
    _ = state.update(
      .outcome(
        .opened(OpenedAssessment(answers: Answers(answers), position: position, profile: "Sam"))))
    return state
  }
}

extension FormState {
  /// Sends keys, with a store that saves every answer; returns every effect they caused, in
  /// order.
  @discardableResult
  mutating func press(_ keys: FormKey...) -> [FormEffect] {
    keys.flatMap { send(.key($0)) }
  }

  /// Sends keys with a store that cannot write: every answer fails with `problem`.
  @discardableResult
  mutating func pressFailing(_ problem: WalkProblem, _ keys: FormKey...) -> [FormEffect] {
    keys.flatMap { send(.key($0), failing: problem) }
  }

  /// Types text, one character at a time.
  @discardableResult
  mutating func type(_ text: String) -> [FormEffect] {
    text.flatMap { send(.key(.character($0))) }
  }

  /// Sends `event` and answers the effects a store answers: every `.record` is saved (or, with
  /// `failing`, fails); returns every effect in order.
  mutating func send(_ event: FormEvent, failing: WalkProblem? = nil) -> [FormEffect] {
    var queue = update(event)
    var all: [FormEffect] = []
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      all.append(effect)
      if case .record(let itemID, let value) = effect {
        let outcome: Outcome =
          failing.map { .saveFailed(itemID: itemID, value: value, $0) } ?? .saved(itemID: itemID)
        queue += update(.outcome(outcome))
      }
    }
    return all
  }

  /// The id of the item on screen, if a question is shown.
  var currentItem: String? {
    guard case .question(let screen) = mode else { return nil }
    return questionnaire.items[screen.itemIndex].id
  }

  var problem: InputProblem? {
    guard case .question(let screen) = mode else { return nil }
    return screen.problem
  }

  /// All text on screen with runs of white space (and line ends) collapsed, to find sentences
  /// that wrap across lines.
  var flatText: String {
    screen.text.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The screen as one string, for messages when an expectation fails.
  var dump: String { screen.text.joined(separator: "\n") }
}

extension FormEffect {
  /// Whether the effect writes an answer.
  var isRecord: Bool {
    if case .record = self { return true }
    return false
  }
}
