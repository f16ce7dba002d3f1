import IntakeCore

/// The route through a questionnaire for the answers given so far: which items are shown, what
/// comes next and before, and how far along the parent is. Shared by the terminal form and plain
/// mode. Visibility depends only on earlier answers, so the route ahead is always well defined.
public struct Walk: Sendable {
  public let questionnaire: Questionnaire
  public let today: LocalDate

  public init(questionnaire: Questionnaire, today: LocalDate) {
    self.questionnaire = questionnaire
    self.today = today
  }

  public func assess(_ answers: Answers) -> Assessment {
    Engine.assess(questionnaire, answers: answers, today: today)
  }

  /// Positions (in `questionnaire.items`) of the items shown for `answers`, in order.
  public func visibleItems(_ answers: Answers) -> [Int] {
    let assessment = assess(answers)
    return questionnaire.items.filter { assessment.isVisible(item: $0.id, in: questionnaire) }.map(
      \.index)
  }

  public func first(_ answers: Answers) -> Int? { visibleItems(answers).first }

  /// The next shown item after position `index`.
  public func next(after index: Int, _ answers: Answers) -> Int? {
    visibleItems(answers).first { $0 > index }
  }

  /// The shown item before position `index`.
  public func previous(before index: Int, _ answers: Answers) -> Int? {
    visibleItems(answers).last { $0 < index }
  }

  /// The first shown item of the next section that has one; backwards, the start of this
  /// section, or of the previous one when already at the start.
  public func section(from index: Int, forward: Bool, _ answers: Answers) -> Int? {
    let visible = visibleItems(answers)
    let current = questionnaire.items[index].sectionID
    if forward {
      return visible.first { $0 > index && questionnaire.items[$0].sectionID != current }
    }
    if let start = visible.first(where: { questionnaire.items[$0].sectionID == current }),
      start < index
    {
      return start
    }
    guard
      let previousItem = visible.last(where: {
        $0 < index && questionnaire.items[$0].sectionID != current
      })
    else { return nil }
    let section = questionnaire.items[previousItem].sectionID
    return visible.first { questionnaire.items[$0].sectionID == section }
  }

  /// Where the parent is: the section, the position of the item among the section's shown items,
  /// and the share of shown items answered.
  public func progress(at index: Int, _ answers: Answers) -> Progress {
    let assessment = assess(answers)
    let visible = questionnaire.items.filter {
      assessment.isVisible(item: $0.id, in: questionnaire)
    }
    let item = questionnaire.items[index]
    let inSection = visible.filter { $0.sectionID == item.sectionID }
    let answered = visible.filter { assessment.answers[$0.id] != nil }.count
    return Progress(
      sectionID: item.sectionID,
      position: (inSection.firstIndex { $0.index == index } ?? 0) + 1,
      sectionCount: inSection.count,
      answered: answered,
      total: visible.count)
  }
}

/// How far along the walk is.
public struct Progress: Equatable, Sendable {
  public let sectionID: String
  /// 1-based position of the current item among its section's shown items.
  public let position: Int
  public let sectionCount: Int
  /// Shown items answered, of `total` shown items.
  public let answered: Int
  public let total: Int

  /// Whole percent answered.
  public var percent: Int { total == 0 ? 100 : answered * 100 / total }
}
