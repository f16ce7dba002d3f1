import Testing

@testable import IntakeCore

/// The engine's trails: what a value rests on, each entry once, items before computed values
/// before scales, each by position. They replaced `Set<TrailRef>`, so they are held to what a set
/// sorted that way gives.
@Suite struct TrailTests {
  /// `Set<TrailRef>` sorted into reference order: what a trail must list.
  static func expected(_ entries: some Sequence<TrailRef>) -> [TrailRef] {
    func rank(_ entry: TrailRef) -> (Int, Int) {
      switch entry {
      case .item(let i): (0, i)
      case .computed(let i): (1, i)
      case .scale(let i): (2, i)
      }
    }
    return Set(entries).sorted { rank($0) < rank($1) }
  }

  static func randomEntry(_ generator: inout SeededGenerator) -> TrailRef {
    // Few positions, so repeats are common; a position far beyond any questionnaire as well.
    let position =
      Bool.random(using: &generator) ? Int.random(in: 0..<6, using: &generator) : 1 << 39
    switch Int.random(in: 0..<3, using: &generator) {
    case 0: return .item(position)
    case 1: return .computed(position)
    default: return .scale(position)
    }
  }

  @Test("a literal lists its entries once, in reference order")
  func literal() {
    let trail: Trail = [.scale(0), .item(3), .computed(1), .item(3), .item(0)]
    #expect(Array(trail) == [.item(0), .item(3), .computed(1), .scale(0)])
    #expect(trail.underestimatedCount == 4)
    let one: Trail = [.computed(7)]
    #expect(Array(one) == [.computed(7)])
    #expect(!one.isEmpty)
    #expect(Trail().isEmpty)
    #expect(Array(Trail()).isEmpty)
  }

  @Test("union, one entry at a time and building from a list agree with a set", arguments: 0..<8)
  func agreesWithSet(seed: UInt64) {
    var generator = SeededGenerator(state: seed)
    for _ in 0..<200 {
      let a = (0..<Int.random(in: 0..<5, using: &generator)).map { _ in
        Self.randomEntry(&generator)
      }
      let b = (0..<Int.random(in: 0..<5, using: &generator)).map { _ in
        Self.randomEntry(&generator)
      }
      let union = Trail(a).union(Trail(b))
      #expect(Array(union) == Self.expected(a + b), "\(a) ∪ \(b)")
      #expect(union.underestimatedCount == Self.expected(a + b).count)
      #expect(union == Trail(a + b))
      #expect(union.isEmpty == (a + b).isEmpty)
      var grown = Trail()
      for entry in b { grown.formUnion([entry]) }
      grown.formUnion(Trail(a))
      #expect(grown == union)
    }
  }

  @Test("an assessment names, in order, every answer a point rests on")
  func referencesInOrder() throws {
    let questionnaire = try QuestionnaireLoader.load(
      yaml: """
        id: t
        version: 1.0.0
        languages: [en]
        title: { en: T }
        sources:
          - { id: s, citation: { en: S } }
        sections:
          - id: a
            title: { en: A }
            items:
              - { id: q1, type: yes_no, question: { en: One? } }
              - { id: q2, type: yes_no, question: { en: Two? } }
              - { id: q3, type: yes_no, question: { en: Three? } }
        report:
          rules:
            - id: r
              when: q3 == "yes" and q1 == "yes" and q2 == "yes" and q1 == "yes"
              priority: discuss
              topic: general
              title: { en: R }
              text: { en: R. }
              sources: [s]
        """, file: "t.yaml", today: LocalDate(year: 2026, month: 1, day: 1)!)
    let answers = Answers(["q1": .choice("yes"), "q2": .choice("yes"), "q3": .choice("yes")])
    let assessment = Engine.assess(
      questionnaire, answers: answers, today: LocalDate(year: 2026, month: 1, day: 1)!)
    let point = try #require(assessment.points.first)
    #expect(point.trail == [.item("q1"), .item("q2"), .item("q3")])
  }
}
