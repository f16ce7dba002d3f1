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
    for (offset, section) in questionnaire.sections.enumerated() {
      sectionVisible[section.id] = sectionShown[offset]
      if section.condition != nil, sectionShown[offset] {
        shownBecause[section.id] = questionnaire.references(sectionTrails[offset])
      }
    }
    var used = Answers()
    var missing: [String] = []
    var hidden: [String] = []
    for item in questionnaire.items {
      if visible[item.index] {
        if item.condition != nil {
          shownBecause[item.id] = questionnaire.references(itemTrails[item.index])
        }
        if let answer = accepted[item.index] {
          used[item.id] = answer
        } else if item.isRequired {
          missing.append(item.id)
        }
      } else if answers[item.id] != nil {
        hidden.append(item.id)
      }
    }

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
