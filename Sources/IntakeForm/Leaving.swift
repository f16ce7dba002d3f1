import IntakeCore

/// What stopping does with what the parent marked or typed and did not confirm with Enter: a
/// valid answer is saved on the way out (so stopping loses nothing), text that is not a valid
/// answer cannot be saved and is shown back to the parent instead of vanishing.
struct LeavingPlan: Equatable {
  /// Answers given but not on disk, in questionnaire order: written on leaving.
  var writes: [Write] = []
  /// Text that is not a valid answer, in questionnaire order: the stop box names it, and the
  /// shell prints it after the walk.
  var notKept: [NotKept] = []

  struct Write: Equatable {
    let itemID: String
    /// The answer (`nil`: removing it).
    let value: AnswerValue?
    /// Whether it is an answer that could not be saved before, tried once more, rather than one
    /// the parent has not confirmed.
    let isRetry: Bool
  }

  /// Whether stopping saves something the parent chose or typed and did not confirm.
  var savesUnconfirmed: Bool { writes.contains { !$0.isRetry } }
}

/// Text typed into a field that stopping cannot keep, because it is not a valid answer.
public struct NotKept: Equatable, Sendable {
  public let itemID: String
  /// What the parent typed.
  public let text: String
  public let problem: InputProblem

  public init(itemID: String, text: String, problem: InputProblem) {
    self.itemID = itemID
    self.text = text
    self.problem = problem
  }
}

extension FormState {
  /// What leaving now would save and what it could not: every kept draft, and the marks or
  /// text of the question on screen.
  var leavingPlan: LeavingPlan {
    // By item id; a later source (a draft, the question on screen) replaces an earlier one.
    var writes: [String: (value: AnswerValue?, isRetry: Bool)] = unsaved.mapValues {
      ($0.value, true)
    }
    var notKept: [String: NotKept] = [:]
    func given(_ value: AnswerValue, for itemID: String) {
      writes[itemID] = (value, unsaved[itemID]?.value == value)
    }
    // The question on screen counts as if it were left now, as Tab or PgDn leave it.
    var marks = markDrafts
    var texts = drafts
    if case .question(let screen) = mode {
      let item = questionnaire.items[screen.itemIndex]
      let kept = draft(of: screen, item)
      marks[item.id] = kept.marks
      if item.widget == .field { texts[item.id] = kept.text }
    }
    for (itemID, chosen) in marks {
      guard let item = questionnaire.item(itemID),
        let value = Self.markedAnswer(
          chosen, rows: choiceRows(of: item.index), widget: item.widget)
      else { continue }
      // Marks win over text: a special answer under a field is what Enter would confirm.
      texts[itemID] = nil
      // A mark the item refuses (more boxes than it takes) is not written; the question still
      // shows it until the parent corrects it.
      if case .success = AnswerInput.check(value, for: item, today: walk.today) {
        given(value, for: itemID)
      }
    }
    for (itemID, text) in texts {
      guard let item = questionnaire.item(itemID) else { continue }
      switch AnswerInput.parse(text, for: item, today: walk.today) {
      case .success(let value?):
        given(value, for: itemID)
      case .success(nil):
        // An emptied field is a removal only when confirmed: the stored answer stays.
        writes[itemID] = nil
      case .failure(let problem):
        writes[itemID] = nil
        notKept[itemID] = NotKept(itemID: itemID, text: text, problem: problem)
      }
    }
    let order = { (itemID: String) in questionnaire.item(itemID)?.index ?? Int.max }
    var plan = LeavingPlan()
    plan.writes =
      writes
      .filter { answers[$0.key] != $0.value.value }
      .map { LeavingPlan.Write(itemID: $0.key, value: $0.value.value, isRetry: $0.value.isRetry) }
      .sorted { order($0.itemID) < order($1.itemID) }
    plan.notKept = notKept.values.sorted { order($0.itemID) < order($1.itemID) }
    return plan
  }

  /// The answer marks (`chosen`, by row key) stand for, if any row is marked: a special answer
  /// ("don't know") before anything else, the ticked options of a multiple choice, the marked
  /// row of a single choice.
  static func markedAnswer(_ chosen: Set<String>, rows: [ChoiceRow], widget: WidgetKind)
    -> AnswerValue?
  {
    let marked = rows.filter { chosen.contains($0.key) }
    guard !marked.isEmpty else { return nil }
    if let special = marked.first(where: \.isSpecial), case .special(let value) = special.value {
      return value
    }
    switch widget {
    case .multiple: return .choices(marked.map(\.key))
    case .single: return marked[0].answer
    case .field: return nil
    }
  }
}
