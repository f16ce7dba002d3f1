import IntakeCore

/// The route through a questionnaire for one assessment of the answers: which items are shown,
/// what comes next and before, and how far along the parent is. Shared by the terminal form and
/// plain mode, which keep the assessment and renew it only when an answer changes. Visibility
/// depends only on earlier answers, so the route ahead is always well defined.
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

  /// The next shown item after position `index`.
  public func next(after index: Int, in assessment: Assessment) -> Int? {
    assessment.visibleItemIndices.first { $0 > index }
  }

  /// The shown item before position `index`.
  public func previous(before index: Int, in assessment: Assessment) -> Int? {
    assessment.visibleItemIndices.last { $0 < index }
  }

  /// Where a walk opened at `position` (an item id) starts: that item, or the next shown one
  /// when it is hidden now, or the first shown item.
  public func start(at position: String?, in assessment: Assessment) -> Int? {
    let visible = assessment.visibleItemIndices
    let index = position.flatMap { questionnaire.item($0)?.index }
    return index.flatMap { index in visible.first { $0 >= index } } ?? visible.first
  }

  /// The first shown item of the next section that has one; backwards, the start of this
  /// section, or of the previous one when already at the start.
  public func section(from index: Int, forward: Bool, in assessment: Assessment) -> Int? {
    let visible = assessment.visibleItemIndices
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

  /// Where the parent is: the part (section) of all parts, the position of the item among the
  /// section's shown items, and how far through the whole questionnaire the item stands. The
  /// share is by position, not by answers given, so it never goes back when follow-up
  /// questions appear.
  public func progress(at index: Int, in assessment: Assessment) -> Progress {
    let visible = assessment.visibleItemIndices
    let sectionID = questionnaire.items[index].sectionID
    // The sections' items stand together in questionnaire order (`itemRange`), so the item's
    // part and its section's shown items are each found by binary search, with no look-up by
    // id (which hashed a string twice a key).
    let found = questionnaire.sections.partitioningIndex { $0.itemRange.upperBound > index }
    let part = found < questionnaire.sections.count ? found : 0
    let items = questionnaire.sections[part].itemRange
    let start = visible.partitioningIndex { $0 >= items.lowerBound }
    let end = visible.partitioningIndex { $0 >= items.upperBound }
    let at = visible.partitioningIndex { $0 >= index }
    return Progress(
      sectionID: sectionID,
      part: part + 1,
      parts: questionnaire.sections.count,
      position: at < end && visible[at] == index ? at - start + 1 : 1,
      sectionCount: end - start,
      percent: questionnaire.items.isEmpty ? 100 : index * 100 / questionnaire.items.count)
  }

  /// The shown questions without a usable answer (one that no longer fits counts as none), the
  /// safety questions first: what finishing early leaves open.
  public func openQuestions(in assessment: Assessment) -> [Item] {
    let open = assessment.visibleItemIndices.map { questionnaire.items[$0] }.filter {
      assessment.answers[$0.id] == nil
    }
    return open.filter(\.isSafety) + open.filter { !$0.isSafety }
  }

  /// The shown safety questions answered "don't know": not open, but a point for the doctor.
  public func unknownSafetyQuestions(in assessment: Assessment) -> [Item] {
    assessment.visibleItemIndices.map { questionnaire.items[$0] }.filter {
      $0.isSafety && assessment.answers[$0.id] == .dontKnow
    }
  }

  /// The shown items section by section, for an overview of all answers.
  public func overview(of assessment: Assessment) -> [(section: Section, items: [Item])] {
    questionnaire.sections.compactMap { section in
      let items = questionnaire.items(in: section).filter {
        assessment.isVisible(item: $0.id, in: questionnaire)
      }
      return items.isEmpty ? nil : (section, Array(items))
    }
  }
}

/// How far along the walk is.
public struct Progress: Equatable, Sendable {
  public let sectionID: String
  /// 1-based number of the current part (section) among all parts of the questionnaire.
  public let part: Int
  public let parts: Int
  /// 1-based position of the current item among its section's shown items.
  public let position: Int
  public let sectionCount: Int
  /// Whole percent of the questionnaire before the current item.
  public let percent: Int
}

extension Array {
  /// The first index whose element satisfies `isAfter`, for an array in which every such
  /// element comes after every other.
  fileprivate func partitioningIndex(where isAfter: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
