extension Item {
  /// An answer as a parent reads it: an option's label, a number with its unit, a date written
  /// out, "Don't know"; "Not answered" for `nil`.
  public func displayText(_ answer: AnswerValue?, in language: Language) -> String {
    guard let answer else { return UIText.notAnswered.text(in: language) }
    switch answer {
    case .dontKnow: return UIText.dontKnow.text(in: language)
    case .preferNotToSay: return UIText.preferNotToSay.text(in: language)
    case .choice(let id): return option(id)?.label.text(in: language) ?? id
    case .choices(let ids):
      return ids.map { id in option(id)?.label.text(in: language) ?? id }.joined(separator: "; ")
    case .text(let text): return text
    case .date(let date): return DateText.format(date, in: language)
    case .number(let number):
      switch kind {
      case .scale(let points):
        let label = points.first { $0.value == number }?.label.text(in: language)
        let value = NumberText.format(number, in: language)
        return label.map { "\($0) (\(value))" } ?? value
      case .integer(let range):
        return NumberText.withUnit(
          number, decimals: 0, unit: range.unit, one: range.unitOne, in: language)
      case .decimal(let range, let decimals):
        return NumberText.withUnit(
          number, decimals: decimals, unit: range.unit, one: range.unitOne, in: language)
      default:
        return NumberText.format(number, in: language)
      }
    }
  }
}

extension NumberText {
  /// "6 nachten per week", "12,5 kg", "1 year" (with `one` for exactly one).
  public static func withUnit(
    _ value: Double, decimals: Int, unit: LocalizedText?, one: LocalizedText? = nil,
    in language: Language
  ) -> String {
    let number = format(value, decimals: decimals, in: language)
    guard let unit else { return number }
    let shown = number == "1" ? (one ?? unit) : unit
    return "\(number) \(shown.text(in: language))"
  }
}

extension Questionnaire {
  /// The text that replaces `{name}` in a report text: an item's answer, a computed value with
  /// its unit, or a scale score with its band.
  public func placeholderText(_ name: String, in assessment: Assessment, language: Language)
    -> String
  {
    if let item = item(name) {
      return item.displayText(assessment.answers[name], in: language)
    }
    if let value = computedValue(name) {
      guard let result = assessment.computed[name]?.value else {
        return UIText.unknown.text(in: language)
      }
      switch result {
      case .bool(let flag): return (flag ? UIText.yes : UIText.no).text(in: language).lowercased()
      case .number(let number) where name == report.ageID && number < 1:
        return UIText.underOneYear.text(in: language)
      case .number(let number):
        return NumberText.withUnit(
          number, decimals: value.decimals, unit: value.unit, one: value.unitOne, in: language)
      default: return "\(result)"
      }
    }
    if scale(name) != nil {
      guard let outcome = assessment.scales[name], let score = outcome.score else {
        return UIText.unknown.text(in: language)
      }
      return NumberText.format(score, decimals: 1, in: language)
    }
    return "{\(name)}"
  }

  /// A report text with its placeholders filled in for `assessment`.
  public func render(_ template: TextTemplate, for assessment: Assessment, in language: Language)
    -> String
  {
    template.render(in: language) { placeholderText($0, in: assessment, language: language) }
  }
}
