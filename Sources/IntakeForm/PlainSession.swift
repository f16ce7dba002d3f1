import Foundation
import IntakeCore

/// Plain mode: the questionnaire as numbered line-by-line prompts, for screen readers, pipes and
/// terminals without curses. A pure state machine like ``FormState``: a line of input in, text to
/// print and effects out. The same validation, navigation and store effects as the full-screen
/// form, and nothing but plain text on the way out (no escape codes).
public struct PlainSession: Sendable {
  public let walk: Walk
  public private(set) var language: Language
  /// The answers as stored, and what the engine makes of them (renewed only when they change).
  public private(set) var answers = Answers() {
    didSet { assessment = walk.assess(answers) }
  }
  public private(set) var assessment: Assessment
  public private(set) var profile: String?
  private var stage: Stage
  private let context: WelcomeContext

  enum Stage: Equatable, Sendable {
    case welcome
    case naming
    case opening
    /// Asking item `index`; after an edit from the overview, back to the overview.
    case question(Int, fromReview: Bool)
    case review
    case finishing
    case done
  }

  var questionnaire: Questionnaire { walk.questionnaire }
  private var text: FormText { FormText(language) }

  public init(walk: Walk, language: Language, welcome context: WelcomeContext) {
    self.walk = walk
    self.language = language
    self.context = context
    assessment = walk.assess(Answers())
    // With nothing to continue or follow up, there is nothing to choose: ask for the name.
    stage = context.unfinished.isEmpty && context.finished.isEmpty ? .naming : .welcome
  }

  public var isDone: Bool { stage == .done }

  /// Waiting for the store or the report (no prompt until `opened` or `finished`).
  public var isWaiting: Bool { stage == .opening || stage == .finishing }

  // MARK: Output

  /// The opening lines: what intake is, how to answer.
  public var introduction: String {
    // As on the welcome screen: the questionnaire's own introduction, else intake's.
    let about =
      questionnaire.description.map { [$0.text(in: language)] } ?? [text.whatItIs, text.privacy]
    return (["intake · \(questionnaire.title.text(in: language))"] + about + [text.plainHowTo])
      .joined(separator: "\n") + "\n"
  }

  /// What to print before reading the next line.
  public var prompt: String {
    switch stage {
    case .welcome:
      var lines = [text.plainChoose]
      for (offset, choice) in context.choices.enumerated() {
        lines.append("  \(offset + 1)) \(choice.label(in: language))")
      }
      lines.append(text.plainChoicePrompt(context.choices.count) + ":")
      return lines.joined(separator: "\n")
    case .naming:
      return text.nicknamePrompt + "\n" + text.plainNamePrompt
    case .question(let index, _):
      return questionPrompt(index)
    case .review:
      return reviewText() + "\n" + text.plainReviewPrompt
    case .opening, .finishing, .done:
      return ""
    }
  }

  private func questionPrompt(_ index: Int) -> String {
    let item = questionnaire.items[index]
    let visible = assessment.visibleItemIndices
    let number = (visible.firstIndex(of: index) ?? 0) + 1
    let progress = walk.progress(at: index, in: assessment)
    let section = questionnaire.section(item.sectionID)
    var lines: [String] = []
    if progress.position == 1, let section {
      lines.append("")
      lines.append("== \(section.title.text(in: language)) ==")
      if let intro = section.intro { lines.append(intro.text(in: language)) }
    }
    lines.append("")
    lines.append(text.plainQuestionNumber(number, of: visible.count, percent: progress.percent))
    lines.append(item.question.text(in: language))
    if let help = item.help { lines.append(help.text(in: language)) }
    let rows = item.rows(in: language)
    var number1 = 1
    for row in rows {
      switch row.value {
      case .field: continue
      case .special(let special) where item.widget == .field:
        lines.append("  \(specialLetter(special))) \(row.label)")
      default:
        lines.append("  \(number1)) \(row.label)")
        number1 += 1
      }
    }
    if let answer = answers[item.id] {
      lines.append(text.plainCurrent(item.displayText(answer, in: language)))
    }
    lines.append(inputHint(item, choices: number1 - 1))
    return lines.joined(separator: "\n")
  }

  /// How to answer this item, as the prompt line.
  private func inputHint(_ item: Item, choices: Int) -> String {
    let optional = item.isRequired ? "" : " " + text.plainOptional
    switch item.kind {
    case .choice, .yesNo, .scale: return text.plainChoicePrompt(choices) + optional + ":"
    case .multiChoice: return text.plainMultiPrompt(choices) + optional + ":"
    case .integer(let range), .decimal(let range, _):
      let unit = range.unit.map { " (\($0.text(in: language)))" } ?? ""
      var bounds = ""
      if let low = range.min, let high = range.max {
        bounds =
          " "
          + text.between(
            NumberText.format(low, in: language), NumberText.format(high, in: language))
      }
      return text.plainNumberPrompt + bounds + unit + optional + ":"
    case .date: return text.plainDatePrompt(text.dateFormat) + optional + ":"
    case .text(let maxLength, _): return text.plainTextPrompt(maxLength) + optional + ":"
    }
  }

  private func specialLetter(_ value: AnswerValue) -> String {
    value == .dontKnow ? text.plainDontKnowLetter : text.plainDeclineLetter
  }

  /// Every shown answer, numbered as in the questions, section by section.
  func reviewText() -> String {
    var lines = ["", "== \(text.reviewTitle) =="]
    var number = 0
    for (section, items) in walk.overview(of: assessment) {
      lines.append(section.title.text(in: language))
      for item in items {
        number += 1
        let answer =
          assessment.unusableAnswers[item.id] != nil
          ? text.answerAgain : item.displayText(answers[item.id], in: language)
        let missing = assessment.missingRequired.contains(item.id) ? " !" : ""
        lines.append("  \(number). \(item.question.text(in: language)) — \(answer)\(missing)")
      }
    }
    if !assessment.missingRequired.isEmpty {
      lines.append(text.missing(assessment.missingRequired.count))
    }
    return lines.joined(separator: "\n")
  }

  // MARK: Input

  /// Handles one line the parent typed; returns what to print and what to do.
  @discardableResult
  public mutating func handle(_ line: String) -> (output: String, effects: [FormEffect]) {
    let input = line.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.isStopCommand(input) {
      stage = .done
      return (text.plainStopped, [.exit])
    }
    switch stage {
    case .welcome:
      guard let number = Int(input), (1...context.choices.count).contains(number) else {
        return (text.plainChoicePrompt(context.choices.count) + ":", [])
      }
      guard let action = context.choices[number - 1].action else {
        stage = .naming
        return ("", [])
      }
      stage = .opening
      return ("", [.start(action, language: language)])
    case .naming:
      guard !input.isEmpty else { return (text.nicknameEmpty, []) }
      stage = .opening
      return ("", [.start(.new(profile: String(input.prefix(40))), language: language)])
    case .question(let index, let fromReview):
      return answer(input, for: index, fromReview: fromReview)
    case .review:
      return review(input)
    case .opening, .finishing, .done:
      return ("", [])
    }
  }

  /// The assessment is open (after `.start`).
  public mutating func opened(answers: Answers, position: String?, profile: String) -> [FormEffect]
  {
    self.answers = answers
    self.profile = profile
    guard let index = walk.start(at: position, in: assessment) else {
      stage = .review
      return []
    }
    return go(to: index)
  }

  /// Ends the session (e.g. the assessment could not be opened).
  public mutating func stop() { stage = .done }

  /// Standard input ended: stop; everything confirmed is already stored.
  public mutating func endOfInput() -> (output: String, effects: [FormEffect]) {
    guard stage != .done else { return ("", []) }
    stage = .done
    return (text.plainStopped, [.exit])
  }

  /// The report is ready: print it and where it was saved, then stop.
  public mutating func finished(report: String, savedPath: String?) -> String {
    stage = .done
    var output = "\n" + report
    if let savedPath { output += "\n" + text.savedAt(savedPath) + "\n" + text.printHint(savedPath) }
    return output
  }

  private mutating func go(to index: Int, fromReview: Bool = false) -> [FormEffect] {
    stage = .question(index, fromReview: fromReview)
    return [.position(itemID: questionnaire.items[index].id)]
  }

  private mutating func answer(_ input: String, for index: Int, fromReview: Bool) -> (
    output: String, effects: [FormEffect]
  ) {
    let item = questionnaire.items[index]
    if text.isHelpCommand(input) {
      let why = questionnaire.section(item.sectionID)?.why?.text(in: language)
      let parts = [why, item.help?.text(in: language)].compactMap { $0 }
      return (
        (parts.isEmpty ? text.noHelp : parts.joined(separator: "\n")) + "\n" + text.plainCommands,
        []
      )
    }
    if text.isBackCommand(input) {
      guard let previous = walk.previous(before: index, in: assessment) else { return ("", []) }
      return ("", go(to: previous))
    }
    if text.isOverviewCommand(input) {
      stage = .review
      return ("", [])
    }
    if input.isEmpty || text.isSkipCommand(input) {
      // Enter keeps the current answer; with none, an optional question is skipped.
      if answers[item.id] == nil && item.isRequired {
        return (InputProblem.answer(.required).message(in: language), [])
      }
      return ("", advance(from: index, toReview: fromReview))
    }
    switch parse(input, for: item) {
    case .failure(let problem):
      return (problem.message(in: language), [])
    case .success(let value):
      var effects: [FormEffect] = []
      if answers[item.id] != value {
        answers[item.id] = value
        effects.append(.record(itemID: item.id, value: value))
      }
      return ("", effects + advance(from: index, toReview: fromReview))
    }
  }

  private func parse(_ input: String, for item: Item) -> Result<AnswerValue, InputProblem> {
    let rows = item.rows(in: language)
    let lower = input.lowercased()
    if item.widget == .field {
      if item.allowsDontKnow, lower == text.plainDontKnowLetter { return .success(.dontKnow) }
      if item.allowsPreferNotToSay, lower == text.plainDeclineLetter {
        return .success(.preferNotToSay)
      }
      switch AnswerInput.parse(input, for: item, today: walk.today) {
      case .success(let value?): return .success(value)
      case .success(nil): return .failure(.answer(.empty))
      case .failure(let problem): return .failure(problem)
      }
    }
    let numbers = input.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map {
      Int($0)
    }
    guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil && rows.indices.contains($0! - 1) })
    else {
      return .failure(.answer(.unknownOption(input)))
    }
    let chosen = numbers.map { rows[$0! - 1] }
    if item.widget == .single {
      guard chosen.count == 1 else { return .failure(.answer(.unknownOption(input))) }
      switch chosen[0].value {
      case .option(let id): return AnswerInput.check(.choice(id), for: item, today: walk.today)
      case .point(let number):
        return AnswerInput.check(.number(number), for: item, today: walk.today)
      case .special(let special): return AnswerInput.check(special, for: item, today: walk.today)
      case .field: return .failure(.answer(.unknownOption(input)))
      }
    }
    if chosen.count == 1, case .special(let special) = chosen[0].value { return .success(special) }
    if chosen.contains(where: \.isSpecial)
      || (chosen.count > 1 && chosen.contains(where: \.isExclusive))
    {
      let exclusive = chosen.first { $0.isExclusive }?.label ?? ""
      return .failure(.answer(.exclusiveCombined(exclusive)))
    }
    // Keep the questionnaire's order whatever order the numbers were typed in.
    let ids = rows.filter { row in chosen.contains(row) }.map(\.key)
    return AnswerInput.check(.choices(ids), for: item, today: walk.today)
  }

  private mutating func advance(from index: Int, toReview: Bool) -> [FormEffect] {
    guard !toReview, let next = walk.next(after: index, in: assessment) else {
      stage = .review
      return []
    }
    return go(to: next)
  }

  private mutating func review(_ input: String) -> (output: String, effects: [FormEffect]) {
    if input.isEmpty || text.isFinishCommand(input) {
      let missing = assessment.missingRequired
      if let first = missing.first, let index = questionnaire.item(first)?.index {
        return (text.missing(missing.count), go(to: index))
      }
      stage = .finishing
      return (text.makingReport, [.complete])
    }
    let visible = assessment.visibleItemIndices
    guard let number = Int(input), visible.indices.contains(number - 1) else {
      return (text.plainReviewPrompt, [])
    }
    return ("", go(to: visible[number - 1], fromReview: true))
  }
}
