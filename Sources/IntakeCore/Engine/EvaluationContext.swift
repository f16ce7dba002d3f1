/// Evaluates expressions against one set of answers, remembering computed values and scale
/// scores. Visibility is decided in questionnaire order; an item not yet decided counts as hidden.
final class EvaluationContext {
  let questionnaire: Questionnaire
  let today: LocalDate
  /// Accepted answers by item position (answers that do not fit their item are left out).
  var answers: [AnswerValue?]
  /// `nil`: not decided yet.
  var visibility: [Bool?]
  private var computedMemo: [Evaluated?]
  private var scaleMemo: [ScaleOutcome?]
  /// The computed values each computed value names directly; `nil`: not looked at yet.
  private var computedUses: [[Int]?]

  init(questionnaire: Questionnaire, answers: [AnswerValue?], today: LocalDate) {
    self.questionnaire = questionnaire
    self.today = today
    self.answers = answers
    visibility = Array(repeating: nil, count: questionnaire.items.count)
    computedMemo = Array(repeating: nil, count: questionnaire.computed.count)
    computedUses = Array(repeating: nil, count: questionnaire.computed.count)
    scaleMemo = Array(repeating: nil, count: questionnaire.scales.count)
  }

  /// Forgets remembered values of these computed values and scales only.
  func forget(computed: Set<Int>, scales: Set<Int>) {
    for index in computed { computedMemo[index] = nil }
    for index in scales { scaleMemo[index] = nil }
  }

  func visibleAnswer(_ index: Int) -> AnswerValue? {
    visibility[index] == true ? answers[index] : nil
  }

  /// Decides the visibility of every section and item, in order.
  func decideVisibility() -> (
    sections: [Bool], sectionTrails: [Trail], itemTrails: [Trail]
  ) {
    var sections: [Bool] = []
    var sectionTrails: [Trail] = []
    var itemTrails = Array(repeating: Trail(), count: questionnaire.items.count)
    let items = questionnaire.items
    for section in questionnaire.sections.indices {
      var shown = true
      var trail = Trail()
      if let condition = questionnaire.sections[section].condition {
        let result = evaluate(condition.expression)
        shown = result.isTrue
        trail = result.trail
      }
      sections.append(shown)
      sectionTrails.append(trail)
      for index in questionnaire.sections[section].itemRange {
        guard shown else {
          visibility[index] = false
          continue
        }
        if let condition = items[index].condition {
          let result = evaluate(condition.expression)
          visibility[index] = result.isTrue
          itemTrails[index] = result.trail
        } else {
          visibility[index] = true
        }
      }
    }
    return (sections, sectionTrails, itemTrails)
  }

  func computed(_ index: Int) -> Evaluated {
    if let memo = computedMemo[index] { return memo }
    // What it uses is worked out first, deepest first, on a stack of our own: evaluating one
    // computed value inside another would recurse once per link, and a chain of thousands of
    // values each using the previous one would overflow the stack. Each is then evaluated with
    // everything it uses remembered, so evaluation recurses only as deep as one expression
    // (which the parser limits). The loader rejects cycles, so this always ends.
    var stack: [(index: Int, ready: Bool)] = [(index, false)]
    while let (next, ready) = stack.popLast() {
      guard computedMemo[next] == nil else { continue }
      if ready {
        computedMemo[next] = evaluate(questionnaire.computed[next].expression.expression)
        continue
      }
      stack.append((next, true))
      for used in uses(next) where computedMemo[used] == nil { stack.append((used, false)) }
    }
    return computedMemo[index] ?? .unknown
  }

  /// The computed values that computed value `index` names itself, found once.
  private func uses(_ index: Int) -> [Int] {
    if let known = computedUses[index] { return known }
    var found: [Int] = []
    Self.collectComputed(in: questionnaire.computed[index].expression.expression, into: &found)
    computedUses[index] = found
    return found
  }

  private static func collectComputed(in expr: Expr, into found: inout [Int]) {
    switch expr {
    case .computed(let index): found.append(index)
    case .constant, .item, .scale, .answered, .dontKnow, .declined, .optionValue, .countChosen,
      .sumChosen:
      break
    case .not(let inner), .negate(let inner), .inList(let inner, _, _), .chosen(_, let inner, _),
      .age(let inner, _), .round(let inner, _):
      collectComputed(in: inner, into: &found)
    case .and(let a, let b), .or(let a, let b), .equal(let a, let b, _), .order(_, let a, let b),
      .arithmetic(_, let a, let b), .coalesce(let a, let b):
      collectComputed(in: a, into: &found)
      collectComputed(in: b, into: &found)
    case .countTrue(let list), .minimum(let list), .maximum(let list):
      for inner in list { collectComputed(in: inner, into: &found) }
    case .conditional(let c, let a, let b):
      collectComputed(in: c, into: &found)
      collectComputed(in: a, into: &found)
      collectComputed(in: b, into: &found)
    }
  }

  func scale(_ index: Int) -> ScaleOutcome {
    if let memo = scaleMemo[index] { return memo }
    let scale = questionnaire.scales[index]
    var shown = 0
    var values: [Double] = []
    var counted: [TrailRef] = []
    for itemIndex in questionnaire.scaleItemIndices[index] where visibility[itemIndex] == true {
      shown += 1
      guard let answer = answers[itemIndex], let number = numericValue(of: answer, item: itemIndex)
      else { continue }
      values.append(number)
      counted.append(.item(itemIndex))
    }
    let trail = Trail(counted)
    let needed = max(1, scale.minAnswered ?? shown)
    var score: Double?
    if !values.isEmpty && values.count >= needed {
      let sum = values.reduce(0, +)
      score = scale.method == .sum ? sum : sum / Double(values.count)
    }
    let outcome = ScaleOutcome(
      id: scale.id, score: score, answeredCount: values.count, shownCount: shown,
      neededCount: needed,
      band: score.flatMap { scale.bands.band(for: $0) }, trail: questionnaire.references(trail))
    scaleMemo[index] = outcome
    return outcome
  }

  /// The number an answer stands for in a scale or in `value()`.
  func numericValue(of answer: AnswerValue, item index: Int) -> Double? {
    switch answer {
    case .number(let n): return n
    case .choice(let id): return questionnaire.items[index].option(id)?.value
    default: return nil
    }
  }

  func evaluate(_ expr: Expr) -> Evaluated {
    switch expr {
    case .constant(let value):
      return Evaluated(value: value, trail: [])
    case .item(let index):
      guard let answer = visibleAnswer(index) else { return .unknown }
      let trail: Trail = [.item(index)]
      switch answer {
      case .choice(let id): return Evaluated(value: .string(id), trail: trail)
      case .choices(let ids): return Evaluated(value: .set(Set(ids)), trail: trail)
      case .number(let n): return Evaluated(value: .number(n), trail: trail)
      case .text(let text): return Evaluated(value: .string(text), trail: trail)
      case .date(let date): return Evaluated(value: .date(date), trail: trail)
      case .dontKnow, .preferNotToSay: return Evaluated(value: nil, trail: trail)
      }
    case .computed(let index):
      let result = computed(index)
      return Evaluated(value: result.value, trail: result.trail.isEmpty ? [] : [.computed(index)])
    case .scale(let index):
      let outcome = scale(index)
      return Evaluated(
        value: outcome.score.map(Value.number),
        trail: outcome.trail.isEmpty ? [] : [.scale(index)])
    case .not(let inner):
      let result = evaluate(inner)
      return Evaluated(value: result.value?.bool.map { .bool(!$0) }, trail: result.trail)
    case .negate(let inner):
      let result = evaluate(inner)
      return Evaluated(value: result.value?.number.map { .number(-$0) }, trail: result.trail)
    case .and(let a, let b):
      let lhs = evaluate(a)
      if lhs.value == .bool(false) { return lhs }
      let rhs = evaluate(b)
      if rhs.value == .bool(false) { return rhs }
      let both = lhs.trail.union(rhs.trail)
      return Evaluated(value: lhs.isTrue && rhs.isTrue ? .bool(true) : nil, trail: both)
    case .or(let a, let b):
      let lhs = evaluate(a)
      if lhs.isTrue { return lhs }
      let rhs = evaluate(b)
      if rhs.isTrue { return rhs }
      let both = lhs.trail.union(rhs.trail)
      return Evaluated(
        value: lhs.value == .bool(false) && rhs.value == .bool(false) ? .bool(false) : nil,
        trail: both)
    case .equal(let a, let b, let negated):
      let lhs = evaluate(a)
      let rhs = evaluate(b)
      let trail = lhs.trail.union(rhs.trail)
      guard let l = lhs.value, let r = rhs.value else { return Evaluated(value: nil, trail: trail) }
      return Evaluated(value: .bool((l == r) != negated), trail: trail)
    case .order(let op, let a, let b):
      let lhs = evaluate(a)
      let rhs = evaluate(b)
      let trail = lhs.trail.union(rhs.trail)
      let ordering: (Bool, Bool)?  // (less, equal)
      switch (lhs.value, rhs.value) {
      case (.number(let l)?, .number(let r)?): ordering = (l < r, l == r)
      case (.date(let l)?, .date(let r)?): ordering = (l < r, l == r)
      default: ordering = nil
      }
      guard let (less, equal) = ordering else { return Evaluated(value: nil, trail: trail) }
      let result: Bool =
        switch op {
        case .less: less
        case .lessOrEqual: less || equal
        case .greater: !less && !equal
        case .greaterOrEqual: !less
        }
      return Evaluated(value: .bool(result), trail: trail)
    case .arithmetic(let op, let a, let b):
      let lhs = evaluate(a)
      let rhs = evaluate(b)
      let trail = lhs.trail.union(rhs.trail)
      guard let l = lhs.value?.number, let r = rhs.value?.number else {
        return Evaluated(value: nil, trail: trail)
      }
      let result: Double? =
        switch op {
        case .plus: l + r
        case .minus: l - r
        case .times: l * r
        case .divide: r == 0 ? nil : l / r
        }
      return Evaluated(value: result.map(Value.number), trail: trail)
    case .inList(let inner, let ids, let negated):
      let result = evaluate(inner)
      guard case .string(let id)? = result.value else {
        return Evaluated(value: nil, trail: result.trail)
      }
      return Evaluated(value: .bool(ids.contains(id) != negated), trail: result.trail)
    case .chosen(let id, let inner, let negated):
      let result = evaluate(inner)
      guard case .set(let chosen)? = result.value else {
        return Evaluated(value: nil, trail: result.trail)
      }
      return Evaluated(value: .bool(chosen.contains(id) != negated), trail: result.trail)
    case .coalesce(let a, let b):
      let lhs = evaluate(a)
      if lhs.value != nil { return lhs }
      let rhs = evaluate(b)
      return Evaluated(value: rhs.value, trail: lhs.trail.union(rhs.trail))
    // These ask about the item itself, so it is in the trail whatever the answer (a point raised
    // because something was not answered names that item).
    case .answered(let index):
      return Evaluated(value: .bool(visibleAnswer(index) != nil), trail: [.item(index)])
    case .dontKnow(let index):
      return Evaluated(value: .bool(visibleAnswer(index) == .dontKnow), trail: [.item(index)])
    case .declined(let index):
      return Evaluated(value: .bool(visibleAnswer(index) == .preferNotToSay), trail: [.item(index)])
    case .optionValue(let index):
      guard let answer = visibleAnswer(index) else { return .unknown }
      return Evaluated(
        value: numericValue(of: answer, item: index).map(Value.number), trail: [.item(index)])
    case .countChosen(let index, let only):
      guard let answer = visibleAnswer(index) else { return .unknown }
      guard case .choices(let ids) = answer else {
        return Evaluated(value: nil, trail: [.item(index)])
      }
      let item = questionnaire.items[index]
      let counted = ids.filter { id in
        if let only { return only.contains(id) }
        return item.option(id)?.isExclusive == false
      }
      return Evaluated(value: .number(Double(counted.count)), trail: [.item(index)])
    case .countTrue(let exprs):
      var count = 0
      var trail = Trail()
      for expr in exprs {
        let result = evaluate(expr)
        if result.isTrue {
          count += 1
          trail.formUnion(result.trail)
        }
      }
      return Evaluated(value: .number(Double(count)), trail: trail)
    case .sumChosen(let index):
      guard let answer = visibleAnswer(index) else { return .unknown }
      guard case .choices(let ids) = answer else {
        return Evaluated(value: nil, trail: [.item(index)])
      }
      let item = questionnaire.items[index]
      let sum = ids.reduce(0.0) { $0 + (item.option($1)?.value ?? 0) }
      return Evaluated(value: .number(sum), trail: [.item(index)])
    case .age(let inner, let inMonths):
      let result = evaluate(inner)
      guard case .date(let date)? = result.value else {
        return Evaluated(value: nil, trail: result.trail)
      }
      let age = inMonths ? date.wholeMonths(until: today) : date.wholeYears(until: today)
      return Evaluated(value: .number(Double(age)), trail: result.trail)
    case .minimum(let exprs), .maximum(let exprs):
      var trail = Trail()
      var numbers: [Double] = []
      for expr in exprs {
        let result = evaluate(expr)
        trail.formUnion(result.trail)
        if let n = result.value?.number { numbers.append(n) }
      }
      guard numbers.count == exprs.count else { return Evaluated(value: nil, trail: trail) }
      let isMin = if case .minimum = expr { true } else { false }
      return Evaluated(value: .number(isMin ? numbers.min()! : numbers.max()!), trail: trail)
    case .round(let inner, let decimals):
      let result = evaluate(inner)
      guard let n = result.value?.number else { return result }
      let factor = pow10(decimals)
      return Evaluated(value: .number((n * factor).rounded() / factor), trail: result.trail)
    case .conditional(let c, let a, let b):
      let condition = evaluate(c)
      guard let chosen = condition.value?.bool else {
        return Evaluated(value: nil, trail: condition.trail)
      }
      let result = evaluate(chosen ? a : b)
      return Evaluated(value: result.value, trail: condition.trail.union(result.trail))
    }
  }
}
