/// The check that every conditional item and section can be shown by some answers.
///
/// A condition over earlier answers is tried with answers chosen from what it mentions: every
/// option, the literals it compares with (and their neighbours), the limits of number and date
/// items, and ages around each literal. When every combination has been tried and none shows
/// the item, it can never be shown: a mistake such as `x == "a" and x == "b"` or `age < 0`.
/// When there are too many combinations to try them all, the item is given the benefit of the
/// doubt, so this check never reports an item that some answers do show.
struct ReachabilityChecker {
  let questionnaire: Questionnaire
  let today: LocalDate
  /// Most combinations tried for one condition.
  static let budget = 50_000

  /// One context for every check; each check sets and clears only what its condition uses, so
  /// the whole check stays linear in the size of the questionnaire.
  private let context: EvaluationContext

  init(questionnaire: Questionnaire, today: LocalDate) {
    self.questionnaire = questionnaire
    self.today = today
    context = EvaluationContext(
      questionnaire: questionnaire,
      answers: Array(repeating: nil, count: questionnaire.items.count),
      today: today)
  }

  /// Conditions (of sections and items) that no tried answers make true.
  func unreachable() -> [(what: String, location: SourceLocation)] {
    var result: [(String, SourceLocation)] = []
    for section in questionnaire.sections {
      if let condition = section.condition, !canBeTrue(condition) {
        result.append(("section '\(section.id)'", condition.location))
      }
    }
    for item in questionnaire.items {
      if let condition = item.condition, !canBeTrue(condition) {
        result.append(("item '\(item.id)'", condition.location))
      }
    }
    return result
  }

  private func canBeTrue(_ condition: Condition) -> Bool {
    var dependencies = Dependencies()
    dependencies.collect(condition.expression, in: questionnaire)
    let itemIndices = dependencies.items.sorted()
    let candidates = itemIndices.map {
      self.candidates(for: questionnaire.items[$0], literals: dependencies)
    }
    let combinations = candidates.reduce(1) { total, list in
      let (product, overflow) = total.multipliedReportingOverflow(by: list.count)
      return overflow ? Int.max : product
    }
    guard combinations <= Self.budget else { return true }

    // The items it uses are taken as shown: an item that can never be shown is reported itself.
    for index in itemIndices { context.visibility[index] = true }
    defer {
      for index in itemIndices {
        context.visibility[index] = nil
        context.answers[index] = nil
      }
      context.forget(computed: dependencies.computed, scales: dependencies.scales)
    }
    var counters = [Int](repeating: 0, count: itemIndices.count)
    for _ in 0..<combinations {
      for (position, index) in itemIndices.enumerated() {
        context.answers[index] = candidates[position][counters[position]]
      }
      context.forget(computed: dependencies.computed, scales: dependencies.scales)
      if context.evaluate(condition.expression).isTrue { return true }
      for position in counters.indices.reversed() {
        counters[position] += 1
        if counters[position] < candidates[position].count { break }
        counters[position] = 0
      }
    }
    return false
  }

  /// Answers worth trying for `item` given the literals of the condition (and of the computed
  /// values it uses).
  private func candidates(for item: Item, literals: Dependencies) -> [AnswerValue?] {
    var list: [AnswerValue?] = [nil]
    if item.allowsDontKnow { list.append(.dontKnow) }
    if item.allowsPreferNotToSay { list.append(.preferNotToSay) }
    switch item.kind {
    case .choice(let options), .yesNo(let options):
      list += options.map { .choice($0.id) }
    case .multiChoice(let options):
      let combinable = options.filter { !$0.isExclusive }.map(\.id)
      list += options.map { .choices([$0.id]) }
      for length in 2...max(2, combinable.count) where length <= combinable.count {
        list.append(.choices(Array(combinable.prefix(length))))
      }
    case .scale(let points):
      list += points.map { .number($0.value) }
    case .integer(let range), .decimal(let range, _):
      var numbers: Set<Double> = [0]
      if let min = range.min { numbers.insert(min) }
      if let max = range.max { numbers.insert(max) }
      for literal in literals.numbers {
        numbers.formUnion([
          literal, literal - 1, literal + 1, literal.rounded(.down), literal.rounded(.up),
        ])
      }
      list += numbers.sorted().map { .number($0) }
    case .text:
      list.append(.text("…"))
      list += literals.strings.sorted().map { .text($0) }
    case .date(let range):
      var dates: Set<LocalDate> = [today]
      if let min = range.min?.resolve(today: today) { dates.insert(min) }
      if let max = range.max?.resolve(today: today) { dates.insert(max) }
      for literal in literals.numbers where abs(literal) < 200 {
        let whole = Int(literal.rounded(.down))
        for years in [whole - 1, whole, whole + 1] {
          dates.insert(today.adding(years: -years))
          dates.insert(today.adding(years: -years, months: -6))
        }
        for months in [whole - 1, whole, whole + 1] { dates.insert(today.adding(months: -months)) }
      }
      list += dates.sorted().map { .date($0) }
    }
    // Only answers the item accepts: out of range, too many decimals or the like never count.
    return list.filter { answer in
      answer.map { item.problem(with: $0, today: today) == nil } ?? true
    }
  }
}

/// The items, computed values and scales an expression rests on, followed through computed
/// values and scales to the items underneath.
struct Dependencies {
  var items: Set<Int> = []
  var computed: Set<Int> = []
  var scales: Set<Int> = []
  /// The number and string literals written along the way: values worth trying.
  var numbers: Set<Double> = []
  var strings: Set<String> = []

  mutating func collect(_ expr: Expr, in questionnaire: Questionnaire) {
    // Computed values are followed from a work list, not by recursing into them: they can chain
    // thousands deep, while one expression nests at most ``ExpressionParser/maximumDepth``.
    var pending: [Int] = []
    collect(expr, in: questionnaire, computedToFollow: &pending)
    while let index = pending.popLast() {
      collect(
        questionnaire.computed[index].expression.expression, in: questionnaire,
        computedToFollow: &pending)
    }
  }

  private mutating func collect(
    _ expr: Expr, in questionnaire: Questionnaire, computedToFollow pending: inout [Int]
  ) {
    func collect(_ expr: Expr) {
      self.collect(expr, in: questionnaire, computedToFollow: &pending)
    }
    switch expr {
    case .constant(.number(let number)): numbers.insert(number)
    case .constant(.string(let string)): strings.insert(string)
    case .constant(.set(let set)): strings.formUnion(set)
    case .constant: break
    case .negate(.constant(.number(let number))): numbers.insert(-number)
    case .inList(let inner, let options, _):
      strings.formUnion(options)
      collect(inner)
    case .chosen(let option, let inner, _):
      strings.insert(option)
      collect(inner)
    case .countChosen(let index, let options?):
      strings.formUnion(options)
      items.insert(index)
    case .item(let index), .answered(let index), .dontKnow(let index), .declined(let index),
      .optionValue(let index), .countChosen(let index, _), .sumChosen(let index):
      items.insert(index)
    case .computed(let index):
      if computed.insert(index).inserted { pending.append(index) }
    case .scale(let index):
      guard scales.insert(index).inserted else { return }
      for id in questionnaire.scales[index].itemIDs {
        if let itemIndex = questionnaire.itemIndexByID[id] { items.insert(itemIndex) }
      }
    case .not(let inner), .negate(let inner), .age(let inner, _), .round(let inner, _):
      collect(inner)
    case .and(let a, let b), .or(let a, let b), .equal(let a, let b, _), .order(_, let a, let b),
      .arithmetic(_, let a, let b), .coalesce(let a, let b):
      collect(a)
      collect(b)
    case .countTrue(let list), .minimum(let list), .maximum(let list):
      for inner in list { collect(inner) }
    case .conditional(let c, let a, let b):
      collect(c)
      collect(a)
      collect(b)
    }
  }
}

extension QuestionnaireBuilder {
  /// Reports conditions that no answers can make true.
  func checkReachability(_ questionnaire: Questionnaire) {
    let checker = ReachabilityChecker(questionnaire: questionnaire, today: today)
    for (what, location) in checker.unreachable() {
      diagnostics.error(
        at: location,
        "\(what) can never be shown: no answers make its condition true (expected a condition that some answers satisfy)"
      )
    }
  }
}
