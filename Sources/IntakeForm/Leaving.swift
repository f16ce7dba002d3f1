import IntakeCore

/// What stopping does with what the parent marked or typed and did not confirm with Enter: a
/// valid answer is saved on the way out (so stopping loses nothing), text that is not a valid
/// answer cannot be saved and is shown back to the parent instead of vanishing.
struct LeavingPlan: Equatable {
  /// Answers given but not confirmed, in questionnaire order: written on leaving.
  var writes: [Write] = []
  /// Text that is not a valid answer, in questionnaire order: the stop box names it, and the
  /// shell prints it after the walk.
  var notKept: [NotKept] = []

  struct Write: Equatable {
    let itemID: String
    let value: AnswerValue
  }

  /// Whether the question on screen has something the parent did not confirm that stopping
  /// saves.
  var savesUnconfirmed: Bool { !writes.isEmpty }
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
    var texts = drafts
    var marked: (item: Item, value: AnswerValue)?
    if case .question(let screen) = mode {
      let item = questionnaire.items[screen.itemIndex]
      let rows = choiceRows(of: screen.itemIndex)
      if let value = Self.markedAnswer(screen, rows: rows, widget: item.widget) {
        marked = (item, value)
        texts[item.id] = nil
      } else if item.widget == .field {
        let stored = AnswerInput.fieldText(for: answers[item.id], item: item, language: language)
        texts[item.id] = screen.field.text == stored ? nil : screen.field.text
      }
    }
    var plan = LeavingPlan()
    var writes: [(index: Int, write: LeavingPlan.Write)] = []
    var notKept: [(index: Int, notKept: NotKept)] = []
    if let marked, answers[marked.item.id] != marked.value {
      switch AnswerInput.check(marked.value, for: marked.item, today: walk.today) {
      case .success(let value):
        writes.append((marked.item.index, .init(itemID: marked.item.id, value: value)))
      case .failure:
        // A mark the item refuses (more boxes than it takes): nothing typed is lost, and the
        // question still shows it until the parent corrects it.
        break
      }
    }
    for (itemID, text) in texts {
      guard let item = questionnaire.item(itemID) else { continue }
      switch AnswerInput.parse(text, for: item, today: walk.today) {
      case .success(let value?):
        if answers[itemID] != value {
          writes.append((item.index, .init(itemID: itemID, value: value)))
        }
      case .success(nil):
        // An emptied field is a removal only when confirmed: the stored answer stays.
        break
      case .failure(let problem):
        notKept.append((item.index, NotKept(itemID: itemID, text: text, problem: problem)))
      }
    }
    plan.writes = writes.sorted { $0.index < $1.index }.map(\.write)
    plan.notKept = notKept.sorted { $0.index < $1.index }.map(\.notKept)
    return plan
  }

  /// The answer the marks of `screen` stand for, if any row is marked: a special answer
  /// ("don't know") before anything else, the ticked options of a multiple choice, the marked
  /// row of a single choice.
  static func markedAnswer(_ screen: QuestionScreen, rows: [ChoiceRow], widget: WidgetKind)
    -> AnswerValue?
  {
    let marked = rows.filter { screen.chosen.contains($0.key) }
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
