/// Why an answer is not acceptable for an item. The interface words these in the parent's
/// language; see ``UIText``.
public enum AnswerProblem: Hashable, Sendable {
  /// The answer's kind does not fit the item (e.g. text for a number).
  case wrongKind(expected: String)
  case unknownOption(String)
  /// An exclusive option ("none of these") was combined with others; its label.
  case exclusiveCombined(LocalizedText)
  case belowMinimum(Double)
  case aboveMaximum(Double)
  case notWholeNumber
  case tooManyDecimals(Int)
  case tooLong(maxLength: Int)
  case empty
  case dateBefore(LocalDate)
  case dateAfter(LocalDate)
  case specialNotAllowed
  /// A required item was left blank.
  case required
}

extension Item {
  /// Checks `answer` against this item's kind and limits; `nil` when it is acceptable.
  public func problem(with answer: AnswerValue, today: LocalDate) -> AnswerProblem? {
    switch answer {
    case .dontKnow:
      return allowsDontKnow ? nil : .specialNotAllowed
    case .preferNotToSay:
      return allowsPreferNotToSay ? nil : .specialNotAllowed
    default: break
    }
    switch (kind, answer) {
    case (.choice(let options), .choice(let id)), (.yesNo(let options), .choice(let id)):
      return options.contains { $0.id == id } ? nil : .unknownOption(id)
    case (.multiChoice(let options), .choices(let ids)):
      for id in ids where !options.contains(where: { $0.id == id }) { return .unknownOption(id) }
      if ids.isEmpty { return .empty }
      if ids.count > 1,
        let exclusive = options.first(where: { $0.isExclusive && ids.contains($0.id) })
      {
        return .exclusiveCombined(exclusive.label)
      }
      return nil
    case (.scale(let points), .number(let value)):
      return points.contains { $0.value == value } ? nil : .unknownOption(String(value))
    case (.integer(let range), .number(let value)):
      if value != value.rounded() { return .notWholeNumber }
      return range.problem(with: value)
    case (.decimal(let range, let decimals), .number(let value)):
      let scale = pow10(decimals)
      if (value * scale).rounded() != value * scale,
        abs((value * scale).rounded() - value * scale) > 1e-6
      {
        return .tooManyDecimals(decimals)
      }
      return range.problem(with: value)
    case (.text(let maxLength, _), .text(let text)):
      if text.allSatisfy(\.isWhitespace) { return .empty }
      return text.count > maxLength ? .tooLong(maxLength: maxLength) : nil
    case (.date(let range), .date(let date)):
      if let min = range.min?.resolve(today: today), date < min { return .dateBefore(min) }
      if let max = range.max?.resolve(today: today), date > max { return .dateAfter(max) }
      return nil
    default:
      return .wrongKind(expected: kind.name)
    }
  }
}

extension NumberRange {
  /// Beyond the item's own limits, no answer goes past ``NumberText/largestAnswer``: an item
  /// without `max` must not take 99999999999999999999999 and keep it as 1e+23.
  func problem(with value: Double) -> AnswerProblem? {
    let lowest = Swift.max(min ?? -NumberText.largestAnswer, -NumberText.largestAnswer)
    let highest = Swift.min(max ?? NumberText.largestAnswer, NumberText.largestAnswer)
    if !(value >= lowest) { return .belowMinimum(lowest) }
    if !(value <= highest) { return .aboveMaximum(highest) }
    return nil
  }
}
