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
  /// The key that chooses it directly ("1", "0", "w"…), shown before the label; the same key
  /// in the full-screen form and in plain mode.
  let shortcut: Character?
  let isExclusive: Bool

  var isSpecial: Bool {
    if case .special = value { return true }
    return false
  }

  /// The key a choice is kept under while it is marked: the option id, the point, or the
  /// special answer's name.
  var key: String {
    switch value {
    case .option(let id): id
    case .point(let number): "\(number)"
    case .special(.dontKnow): "dont_know"
    case .special(_): "prefer_not_to_say"
    case .field: ""
    }
  }

  /// The label in every language: the option's own, or intake's for a special answer.
  func localizedLabel(in item: Item) -> LocalizedText {
    switch value {
    case .option(let id): item.option(id)?.label ?? LocalizedText([:])
    case .special(.dontKnow): UIText.dontKnow.localized
    case .special: UIText.preferNotToSay.localized
    case .point, .field: LocalizedText([:])
    }
  }

  /// The answer choosing this row alone gives (`nil` for the field).
  var answer: AnswerValue? {
    switch value {
    case .option(let id): .choice(id)
    case .point(let number): .number(number)
    case .special(let special): special
    case .field: nil
    }
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
    // Special answers get letters, so they never clash with option numbers; under a field,
    // where letters are typed text, they are chosen with the arrows and Space instead.
    let text = FormText(language)
    let letters = widget != .field
    if allowsDontKnow {
      rows.append(
        ChoiceRow(
          value: .special(.dontKnow), label: text.dontKnow,
          shortcut: letters ? text.dontKnowLetter : nil, isExclusive: true))
    }
    if allowsPreferNotToSay {
      rows.append(
        ChoiceRow(
          value: .special(.preferNotToSay), label: text.preferNotToSay,
          shortcut: letters ? text.declineLetter : nil, isExclusive: true))
    }
    return rows
  }
}

extension ChoiceRow.Value {
  /// Whether this row is (part of) `answer`: its option or point, one of the ticked options of
  /// a multiple choice, or the special answer.
  func stands(for answer: AnswerValue?) -> Bool {
    switch (self, answer) {
    case (.option(let id), .choice(let chosen)?): id == chosen
    case (.option(let id), .choices(let chosen)?): chosen.contains(id)
    case (.point(let value), .number(let number)?): value == number
    case (.special(let special), let answer?): special == answer
    default: false
    }
  }
}
