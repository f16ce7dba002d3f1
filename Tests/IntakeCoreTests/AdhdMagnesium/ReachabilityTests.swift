import IntakeCore
import Testing

private let q = AdhdMagnesium.questionnaire

/// Answers worth trying for an item: every option (and for a multiple choice every single
/// option, every pair and all together), every scale point, numbers around the reference values
/// and limits, ages from 0 to 19, the special answers it allows, and no answer at all.
private func candidates(for item: Item) -> [AnswerValue?] {
  var list: [AnswerValue?] = [nil]
  if item.allowsDontKnow { list.append(.dontKnow) }
  if item.allowsPreferNotToSay { list.append(.preferNotToSay) }
  switch item.kind {
  case .choice(let options), .yesNo(let options):
    list += options.map { .choice($0.id) }
  case .multiChoice(let options):
    list += options.map { .choices([$0.id]) }
    let combinable = options.filter { !$0.isExclusive }.map(\.id)
    for (offset, first) in combinable.enumerated() {
      for second in combinable.dropFirst(offset + 1) { list.append(.choices([first, second])) }
    }
    list.append(.choices(combinable))
  case .scale(let points):
    list += points.map { .number($0.value) }
  case .integer, .decimal:
    // Out-of-range numbers are dropped below, with every other answer the item refuses.
    let numbers: [Double] = [0, 1, 3, 4, 8, 9, 13, 14, 18, 50, 65, 100, 110, 200, 350, 400, 1000]
    list += numbers.map { .number($0) }
  case .text:
    list.append(.text("iets / something"))
  case .date:
    for years in 0...19 { list.append(AdhdMagnesium.born(yearsAgo: years)) }
    list.append(AdhdMagnesium.born(yearsAgo: 0, monthsAgo: 6))
  }
  return list.filter { answer in
    answer.map { item.problem(with: $0, today: Fixtures.today) == nil } ?? true
  }
}

/// What a seeded random search over whole answer sets managed to show and raise.
private struct SearchResult {
  var shownItems: [String: Answers] = [:]
  var shownSections: [String: Answers] = [:]
  var raisedRules: [String: Answers] = [:]
}

/// Tries random answer sets (each item gets one of its candidates) until every item, section and
/// rule has been shown or raised at least once, or `tries` run out. Keeps the first answer set
/// that did it, so the test can replay it.
private func search(tries: Int, seed: UInt64) -> SearchResult {
  var generator = SeededGenerator(state: seed)
  let lists = q.items.map { candidates(for: $0) }
  var result = SearchResult()
  for _ in 0..<tries {
    var answers = Answers()
    for (item, list) in zip(q.items, lists) {
      answers[item.id] = list.randomElement(using: &generator)!
    }
    let assessment = Engine.assess(q, answers: answers, today: Fixtures.today)
    for id in assessment.visibleItemIDs(in: q) where result.shownItems[id] == nil {
      result.shownItems[id] = answers
    }
    for section in q.sections where assessment.isVisible(section: section.id) {
      if result.shownSections[section.id] == nil { result.shownSections[section.id] = answers }
    }
    for point in assessment.points where result.raisedRules[point.rule.id] == nil {
      result.raisedRules[point.rule.id] = answers
    }
    if result.shownItems.count == q.items.count && result.shownSections.count == q.sections.count
      && result.raisedRules.count == q.report.rules.count
    {
      break
    }
  }
  return result
}

@Suite("ADHD and magnesium: every item can be shown and every rule can fire")
struct AdhdMagnesiumReachabilityTests {
  private static let found = search(tries: 20_000, seed: 20_261_125)

  @Test("a search finds answers that show every item and every section")
  func everyItemShown() throws {
    let found = Self.found
    let hiddenItems = q.items.map(\.id).filter { found.shownItems[$0] == nil }
    let hiddenSections = q.sections.map(\.id).filter { found.shownSections[$0] == nil }
    #expect(hiddenItems == [], "never shown")
    #expect(hiddenSections == [], "never shown")
    // Replay: the kept answers really show each conditional item.
    for item in q.items where item.condition != nil {
      let answers = try #require(found.shownItems[item.id])
      let assessment = Engine.assess(q, answers: answers, today: Fixtures.today)
      #expect(assessment.isVisible(item: item.id, in: q))
      #expect(assessment.shownBecause[item.id]?.isEmpty == false, "\(item.id) shown for no reason")
    }
  }

  @Test("a search finds answers that raise every report rule")
  func everyRuleRaised() throws {
    let found = Self.found
    let neverRaised = q.report.rules.map(\.id).filter { found.raisedRules[$0] == nil }
    #expect(neverRaised == [], "never raised")
    for rule in q.report.rules where rule.condition != nil {
      let answers = try #require(found.raisedRules[rule.id])
      let assessment = Engine.assess(q, answers: answers, today: Fixtures.today)
      let point = try #require(assessment.points.first { $0.rule.id == rule.id })
      #expect(
        !assessment.items(behind: point.trail, in: q).isEmpty,
        "rule \(rule.id) was raised without naming any answer")
    }
  }

  @Test("the diet section is hidden for a baby and shown when the age is not known yet")
  func dietSectionByAge() {
    let baby = AdhdMagnesium.assess(["age_how": .choice("years"), "age_given": .number(0)])
    #expect(!baby.isVisible(section: "diet"))
    let unknown = AdhdMagnesium.assess([:])
    #expect(unknown.isVisible(section: "diet"))
    let one = AdhdMagnesium.assess(["age_how": .choice("years"), "age_given": .number(1)])
    #expect(one.isVisible(section: "diet"))
    #expect(one.shownBecause["diet"] == [.computed("age_years")])
  }

  @Test(
    "follow-up questions appear with the answer they follow up",
    arguments: [
      ("birth_date", ["age_how": AnswerValue.choice("birth_date")]),
      ("age_given", ["age_how": .choice("years")]),
      ("clinician_severity", ["adhd_diagnosis": .choice("yes")]),
      ("magnesium_form", ["magnesium_sources": .choices(["multivitamin"])]),
      ("supplement_mg", ["magnesium_sources": .choices(["supplement"])]),
      ("medicine_mg", ["magnesium_sources": .choices(["laxative"])]),
      ("magnesium_condition_which", ["magnesium_condition": .choices(["wider"])]),
      ("genetic_condition_which", ["genetic_condition": .choice("suspected")]),
    ])
  func followUps(item: String, answers: [String: AnswerValue]) {
    #expect(AdhdMagnesium.assess(answers).isVisible(item: item, in: q))
    #expect(!AdhdMagnesium.assess([:]).isVisible(item: item, in: q))
  }
}
