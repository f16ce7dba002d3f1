/// The pure function from (questionnaire, answers) to an ``Assessment``.
public enum Engine {
  /// Assesses `answers` as of `today` (ages are computed for that day).
  public static func assess(_ questionnaire: Questionnaire, answers: Answers, today: LocalDate)
    -> Assessment
  {
    var accepted: [AnswerValue?] = Array(repeating: nil, count: questionnaire.items.count)
    var unusable: [String: AnswerProblem] = [:]
    for (id, answer) in answers.values {
      guard let index = questionnaire.itemIndexByID[id] else { continue }
      if let problem = questionnaire.items[index].problem(with: answer, today: today) {
        unusable[id] = problem
      } else {
        accepted[index] = answer
      }
    }
    let context = EvaluationContext(questionnaire: questionnaire, answers: accepted, today: today)
    let (sectionShown, sectionTrails, itemTrails) = context.decideVisibility()
    let visible = context.visibility.map { $0 == true }

    var shownBecause: [String: [TrailReference]] = [:]
    var sectionVisible: [String: Bool] = [:]
    let sections = questionnaire.sections
    sectionVisible.reserveCapacity(sections.count)
    for offset in sections.indices {
      sectionVisible[sections[offset].id] = sectionShown[offset]
      if sections[offset].condition != nil, sectionShown[offset] {
        shownBecause[sections[offset].id] = questionnaire.references(sectionTrails[offset])
      }
    }
    // Items are read field by field (`items[index].id`), not bound whole (`for item in items`):
    // binding copies the whole item, retaining each of its texts and options, and with 10,000
    // items that copying was a fifth of the time an answer takes to assess.
    let items = questionnaire.items
    var used = Answers()
    used.values.reserveCapacity(answers.values.count)
    var missing: [String] = []
    for index in items.indices where visible[index] {
      if items[index].condition != nil {
        shownBecause[items[index].id] = questionnaire.references(itemTrails[index])
      }
      if let answer = accepted[index] {
        used[items[index].id] = answer
      } else if items[index].isRequired {
        missing.append(items[index].id)
      }
    }
    // Only items with an answer can have a hidden answer: found from the answers, not by looking
    // up every item's id.
    let hidden = answers.values.keys.compactMap { id -> Int? in
      guard let index = questionnaire.itemIndexByID[id], !visible[index] else { return nil }
      return index
    }.sorted().map { items[$0].id }

    var computed: [String: ComputedOutcome] = [:]
    for (index, value) in questionnaire.computed.enumerated() {
      let result = context.computed(index)
      let band = result.value?.number.flatMap { value.bands.band(for: $0) }
      computed[value.id] = ComputedOutcome(
        id: value.id, value: result.value, band: band, trail: questionnaire.references(result.trail)
      )
    }
    var scales: [String: ScaleOutcome] = [:]
    for index in questionnaire.scales.indices {
      let outcome = context.scale(index)
      scales[outcome.id] = outcome
    }
    var points: [RaisedPoint] = []
    for rule in questionnaire.report.rules {
      guard let condition = rule.condition else {
        points.append(RaisedPoint(rule: rule, trail: []))
        continue
      }
      let result = context.evaluate(condition.expression)
      if result.isTrue {
        points.append(RaisedPoint(rule: rule, trail: questionnaire.references(result.trail)))
      }
    }
    return Assessment(
      today: today, answers: used, itemVisible: visible,
      visibleItemIndices: visible.indices.filter { visible[$0] }, sectionVisible: sectionVisible,
      shownBecause: shownBecause, computed: computed, scales: scales, points: points,
      missingRequired: missing, unusableAnswers: unusable, hiddenAnswerIDs: hidden)
  }
}
