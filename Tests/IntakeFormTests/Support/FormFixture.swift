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
    _ = state.opened(answers: Answers(answers), position: position, profile: "Sam")
    return state
  }
}

extension FormState {
  /// Sends keys; returns every effect they caused, in order.
  @discardableResult
  mutating func press(_ keys: FormKey...) -> [FormEffect] {
    keys.flatMap { update(.key($0)) }
  }

  /// Types text, one character at a time.
  @discardableResult
  mutating func type(_ text: String) -> [FormEffect] {
    text.flatMap { update(.key(.character($0))) }
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
