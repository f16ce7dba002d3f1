/// The score of one scale for one set of answers.
public struct ScaleOutcome: Sendable {
  public let id: String
  /// `nil` when fewer than ``neededCount`` items were answered.
  public let score: Double?
  /// Shown items answered with a number ("don't know" does not count).
  public let answeredCount: Int
  /// Items of the scale that are shown.
  public let shownCount: Int
  public let neededCount: Int
  public let band: Band?
  /// The answers counted.
  public let trail: [TrailReference]
}

/// The value of one computed value for one set of answers.
public struct ComputedOutcome: Sendable {
  public let id: String
  /// `nil` when unknown (answers missing).
  public let value: Value?
  public let band: Band?
  public let trail: [TrailReference]
}

/// A report rule whose condition holds.
public struct RaisedPoint: Sendable {
  public let rule: ReportRule
  /// The answers and values that made its condition true (empty for an unconditional rule).
  public let trail: [TrailReference]
}

/// Everything the engine concludes from one set of answers: what is shown, every computed value,
/// every scale, every raised point — each with the answers that produced it.
public struct Assessment: Sendable {
  /// The day ages were computed for.
  public let today: LocalDate
  /// Answers that were used: only those to shown items, and that fit their item.
  public let answers: Answers
  let itemVisible: [Bool]
  /// Positions (in ``Questionnaire/items``) of the shown items, in order: what the form walks
  /// on every key, so worked out once.
  public let visibleItemIndices: [Int]
  let sectionVisible: [String: Bool]
  /// Why each conditionally shown item or section is shown, by id.
  public let shownBecause: [String: [TrailReference]]
  public let computed: [String: ComputedOutcome]
  public let scales: [String: ScaleOutcome]
  /// Raised report points, in the questionnaire's rule order.
  public let points: [RaisedPoint]
  /// Shown, required items without an answer, in order.
  public let missingRequired: [String]
  /// Stored answers that do not fit their item (e.g. an option that no longer exists): kept in
  /// the store, not used here.
  public let unusableAnswers: [String: AnswerProblem]
  /// Answers kept for items that are hidden now.
  public let hiddenAnswerIDs: [String]

  public func isVisible(item id: String, in questionnaire: Questionnaire) -> Bool {
    questionnaire.itemIndexByID[id].map { itemVisible[$0] } ?? false
  }
  /// Whether the item at `index` in ``Questionnaire/items`` is shown.
  public func isVisible(itemAt index: Int) -> Bool {
    itemVisible.indices.contains(index) && itemVisible[index]
  }
  public func isVisible(section id: String) -> Bool { sectionVisible[id] ?? false }

  /// Ids of the shown items, in order.
  public func visibleItemIDs(in questionnaire: Questionnaire) -> [String] {
    questionnaire.items.filter { itemVisible[$0.index] }.map(\.id)
  }
  public func isRaised(_ ruleID: String) -> Bool { points.contains { $0.rule.id == ruleID } }

  /// Everything behind `trail`: the trail itself and, through computed values and scales, what
  /// they were worked out from, down to the answers.
  public func references(behind trail: [TrailReference]) -> Set<TrailReference> {
    // A work list, not recursion: computed values can chain thousands deep.
    var visited: Set<TrailReference> = []
    var pending = trail
    while let reference = pending.popLast() {
      guard visited.insert(reference).inserted else { continue }
      switch reference {
      case .item: break
      case .computed(let id): pending += computed[id]?.trail ?? []
      case .scale(let id): pending += scales[id]?.trail ?? []
      }
    }
    return visited
  }

  /// The items behind `trail` (see ``references(behind:)``), in questionnaire order.
  public func items(behind trail: [TrailReference], in questionnaire: Questionnaire) -> [String] {
    let found = references(behind: trail)
    return questionnaire.items.lazy.map(\.id).filter { found.contains(.item($0)) }
  }
}
