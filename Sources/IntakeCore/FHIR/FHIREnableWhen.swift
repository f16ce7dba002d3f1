/// How an item's or section's condition is written in FHIR: as `enableWhen` where its meaning
/// survives (SDC asks for that form first: more tools read it), else as an SDC
/// `enableWhenExpression` in FHIRPath. Never both.
enum FHIRCondition {
  case enableWhen([FHIREnableWhen], behavior: String?)
  case expression(String)

  /// The condition of `condition`, given the items it may name.
  static func of(_ condition: Condition, in questionnaire: Questionnaire) -> FHIRCondition {
    if let simple = EnableWhenTranslation(questionnaire: questionnaire).translate(
      condition.expression)
    {
      return simple
    }
    return .expression(FHIRPathWriter(questionnaire: questionnaire).expression(condition))
  }
}

/// Turns a condition into `enableWhen` when it is one test, or tests joined all by `and` or all
/// by `or`, each of which `enableWhen` evaluates exactly as intake does:
///
/// - `x == "a"` (choice, yes/no, scale), `"a" in x` (multiple choice), `x in ["a", "b"]` (under
///   `or` or alone): `=` with the option's coding. No answer, a hidden item and "don't know" all
///   leave `=` false, as they leave intake's test unknown, which counts as false.
/// - `x == 3`, `x > 3`, … on integer and decimal items, `x == "text"` on text items.
/// - `answered(x)` and `not answered(x)`: `exists` true / false ("don't know" is an answer to
///   both).
/// - `count(x) >= 1` (under `or` or alone): `=` with each option `count` counts.
///
/// Everything else, `!=` and `not` included (FHIR's `!=` is true for an item without an answer,
/// intake's is unknown), goes to FHIRPath.
struct EnableWhenTranslation {
  let questionnaire: Questionnaire

  func translate(_ expr: Expr) -> FHIRCondition? {
    switch expr {
    case .and:
      guard let tests = flatten(expr, and: true), tests.count > 1 else { return nil }
      return .enableWhen(tests, behavior: "all")
    case .or, .inList, .order(_, .countChosen, _):
      guard let tests = flatten(expr, and: false), !tests.isEmpty else { return nil }
      return .enableWhen(tests, behavior: tests.count > 1 ? "any" : nil)
    default:
      guard let test = atom(expr) else { return nil }
      return .enableWhen([test], behavior: nil)
    }
  }

  private func flatten(_ expr: Expr, and: Bool) -> [FHIREnableWhen]? {
    switch expr {
    case .and(let a, let b) where and, .or(let a, let b) where !and:
      guard let left = flatten(a, and: and), let right = flatten(b, and: and) else { return nil }
      return left + right
    case .inList(.item(let index), let ids, negated: false) where !and || ids.count == 1:
      let item = questionnaire.items[index]
      guard isCoded(item) else { return nil }
      return item.options.filter { ids.contains($0.id) }.map { option in
        var test = FHIREnableWhen(question: item.id, operator: .equal)
        test.answerCoding = coding(item, code: option.id)
        return test
      }
    // `count(x) >= 1`: one of the counted options is chosen.
    case .order(.greaterOrEqual, .countChosen(let index, let only), .constant(.number(1)))
    where !and,
      .order(.greater, .countChosen(let index, let only), .constant(.number(0))) where !and:
      let item = questionnaire.items[index]
      let counted = item.options.filter { only?.contains($0.id) ?? !$0.isExclusive }
      return counted.map { option in
        var test = FHIREnableWhen(question: item.id, operator: .equal)
        test.answerCoding = coding(item, code: option.id)
        return test
      }
    default:
      return atom(expr).map { [$0] }
    }
  }

  private func isCoded(_ item: Item) -> Bool {
    switch item.kind {
    case .choice, .yesNo, .multiChoice: true
    default: false
    }
  }

  private func coding(_ item: Item, code: String) -> FHIRCoding {
    FHIRCoding(system: FHIRNames.codeSystem(questionnaire, item: item), code: code)
  }

  private func atom(_ expr: Expr) -> FHIREnableWhen? {
    switch expr {
    case .equal(.item(let index), .constant(let value), negated: false),
      .equal(.constant(let value), .item(let index), negated: false):
      return equality(index, value)
    case .order(let op, .item(let index), .constant(.number(let number))):
      return order(op, index, number)
    case .order(let op, .constant(.number(let number)), .item(let index)):
      let flipped: OrderOperator =
        switch op {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
      return order(flipped, index, number)
    case .chosen(let id, .item(let index), negated: false):
      let item = questionnaire.items[index]
      guard case .multiChoice = item.kind else { return nil }
      var test = FHIREnableWhen(question: item.id, operator: .equal)
      test.answerCoding = coding(item, code: id)
      return test
    case .answered(let index):
      var test = FHIREnableWhen(question: questionnaire.items[index].id, operator: .exists)
      test.answerBoolean = true
      return test
    case .not(.answered(let index)):
      var test = FHIREnableWhen(question: questionnaire.items[index].id, operator: .exists)
      test.answerBoolean = false
      return test
    default:
      return nil
    }
  }

  private func equality(_ index: Int, _ value: Value) -> FHIREnableWhen? {
    let item = questionnaire.items[index]
    var test = FHIREnableWhen(question: item.id, operator: .equal)
    switch (item.kind, value) {
    case (.choice, .string(let id)), (.yesNo, .string(let id)):
      test.answerCoding = coding(item, code: id)
    case (.scale, .number(let number)):
      test.answerCoding = coding(item, code: FHIRNumber.text(number))
    case (.integer, .number(let number)) where number == number.rounded() && abs(number) < 1e15:
      test.answerInteger = Int(number)
    case (.decimal, .number(let number)):
      test.answerDecimal = number
    case (.text, .string(let text)):
      test.answerString = text
    case (.date, .date(let date)):
      test.answerDate = date.iso
    default:
      return nil
    }
    return test
  }

  private func order(_ op: OrderOperator, _ index: Int, _ number: Double) -> FHIREnableWhen? {
    let item = questionnaire.items[index]
    let symbol: FHIREnableWhenOperator =
      switch op {
      case .less: .less
      case .lessOrEqual: .lessOrEqual
      case .greater: .greater
      case .greaterOrEqual: .greaterOrEqual
      }
    var test = FHIREnableWhen(question: item.id, operator: symbol)
    switch item.kind {
    case .integer where number == number.rounded() && abs(number) < 1e15:
      test.answerInteger = Int(number)
    case .decimal:
      test.answerDecimal = number
    default:
      return nil
    }
    return test
  }
}
