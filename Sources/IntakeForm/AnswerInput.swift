import FoundationEssentials
import IntakeCore

/// Why what the parent typed or chose cannot be accepted yet.
public enum InputProblem: Error, Equatable, Sendable {
  /// Not a number; `wholeOnly`: the item takes whole numbers, so the example has no decimals.
  case notANumber(wholeOnly: Bool)
  case notADate
  case nothingChosen
  /// Enter with nothing marked: how to choose (and, on an optional question, to skip).
  case chooseFirst(canSkip: Bool)
  /// Enter on an empty field: how to answer, skip, or choose a special answer below it.
  case typeFirst(canSkip: Bool, hasSpecial: Bool)
  case answer(AnswerProblem)

  /// The problem in plain words.
  public func message(in language: Language) -> String {
    let text = FormText(language)
    switch self {
    case .notANumber(let wholeOnly): return text.notANumber(wholeOnly: wholeOnly)
    case .notADate: return text.notADate
    case .nothingChosen: return text.chooseAtLeastOne
    case .chooseFirst(let canSkip): return text.chooseFirst(canSkip: canSkip)
    case .typeFirst(let canSkip, let hasSpecial):
      return text.typeFirst(canSkip: canSkip, hasSpecial: hasSpecial)
    case .answer(let problem): return problem.message(in: language)
    }
  }
}

/// Turning typed text into answers, with the same checks in every front end.
public enum AnswerInput {
  /// The answer for `text` typed into the field of `item` (number, text or date); `nil` when the
  /// field is empty. Numbers take a comma or a point; dates are day-month-year or ISO.
  public static func parse(_ text: String, for item: Item, today: LocalDate) -> Result<
    AnswerValue?, InputProblem
  > {
    let trimmed = text.trimmingWhitespace()
    if trimmed.isEmpty { return .success(nil) }
    let value: AnswerValue
    switch item.kind {
    case .integer, .decimal:
      guard let number = NumberText.parse(trimmed) else {
        let wholeOnly = if case .integer = item.kind { true } else { false }
        return .failure(.notANumber(wholeOnly: wholeOnly))
      }
      value = .number(number)
    case .date:
      guard let date = DateText.parse(trimmed) else { return .failure(.notADate) }
      value = .date(date)
    case .text:
      value = .text(text.trimmingWhitespaceAndNewlines())
    default:
      return .failure(.answer(.wrongKind(expected: item.kind.name)))
    }
    return check(value, for: item, today: today).map { $0 }
  }

  /// `value` if the item accepts it.
  public static func check(_ value: AnswerValue, for item: Item, today: LocalDate) -> Result<
    AnswerValue, InputProblem
  > {
    if let problem = item.problem(with: value, today: today) { return .failure(.answer(problem)) }
    return .success(value)
  }

  /// The text a field starts with when the item already has `answer`.
  public static func fieldText(for answer: AnswerValue?, item: Item, language: Language) -> String {
    switch answer {
    case .number(let number)?:
      let decimals = if case .decimal(_, let digits) = item.kind { digits } else { 0 }
      return NumberText.format(number, decimals: decimals, in: language)
    case .text(let text)?: return text
    case .date(let date)?: return DateText.short(date)
    default: return ""
    }
  }
}
