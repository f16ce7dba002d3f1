import IntakeCore

/// How a question is answered on screen.
enum WidgetKind: Equatable {
  /// Pick one row: choice, yes/no, rating scale.
  case single
  /// Tick any rows; exclusive rows ("none of these", "don't know") clear the others.
  case multiple
  /// Type into a field (number, text, date); special answers are rows below it.
  case field
}

/// One row a parent can move to on a question screen.
struct ChoiceRow: Equatable {
  enum Value: Equatable {
    case option(String)
    case point(Double)
    case special(AnswerValue)
    /// The text field itself.
    case field
  }

  let value: Value
  let label: String
  /// The key that picks it directly ("1", "0"…), shown before the label.
  let shortcut: Character?
  let isExclusive: Bool

  var isSpecial: Bool {
    if case .special = value { return true }
    return false
  }
}

extension Item {
  var widget: WidgetKind {
    switch kind {
    case .choice, .yesNo, .scale: .single
    case .multiChoice: .multiple
    case .integer, .decimal, .text, .date: .field
    }
  }

  /// The rows of this item's widget in `language`: options (or the field), then "don't know" and
  /// "prefer not to say" where the item allows them.
  func rows(in language: Language) -> [ChoiceRow] {
    var rows: [ChoiceRow] = []
    switch kind {
    case .choice(let options), .yesNo(let options), .multiChoice(let options):
      for (offset, option) in options.enumerated() {
        rows.append(
          ChoiceRow(
            value: .option(option.id), label: option.label.text(in: language),
            shortcut: offset < 9 ? Character(String(offset + 1)) : nil,
            isExclusive: option.isExclusive))
      }
    case .scale(let points):
      // Points are picked by their own value when the values are single digits (0–3 → keys 0–3).
      let digits = points.allSatisfy {
        $0.value == $0.value.rounded() && (0...9).contains($0.value)
      }
      for (offset, point) in points.enumerated() {
        let key =
          digits
          ? Character(String(Int(point.value))) : (offset < 9 ? Character(String(offset + 1)) : nil)
        rows.append(
          ChoiceRow(
            value: .point(point.value), label: point.label.text(in: language), shortcut: key,
            isExclusive: false))
      }
    case .integer, .decimal, .text, .date:
      rows.append(ChoiceRow(value: .field, label: "", shortcut: nil, isExclusive: false))
    }
    // Special answers get letters, so they never clash with option numbers or typed digits.
    let text = FormText(language)
    if allowsDontKnow {
      rows.append(
        ChoiceRow(
          value: .special(.dontKnow), label: text.dontKnow, shortcut: nil, isExclusive: true))
    }
    if allowsPreferNotToSay {
      rows.append(
        ChoiceRow(
          value: .special(.preferNotToSay), label: text.preferNotToSay, shortcut: nil,
          isExclusive: true))
    }
    return rows
  }
}

extension ChoiceRow.Value {
  /// Whether this row stands for `answer` (for single-answer widgets).
  func matches(_ answer: AnswerValue?) -> Bool {
    switch (self, answer) {
    case (.option(let id), .choice(let chosen)?): id == chosen
    case (.point(let value), .number(let number)?): value == number
    case (.special(let special), let answer?): special == answer
    default: false
    }
  }
}
