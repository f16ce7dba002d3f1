import BuiltinQuestionnaires
import IntakeCore
import Testing

@testable import IntakeForm

/// The form keeps a question's layout between keys and restyles two rows for an arrow key
/// instead of wrapping every text again; these tests hold that shortcut to what a fresh layout
/// gives, so it can never show something else.
@Suite("Form: a layout kept between keys")
struct LayoutReuseTests {
  static let walk: Walk = {
    do {
      let questionnaire = try QuestionnaireLoader.load(
        yaml: BuiltinQuestionnaires.named(BuiltinQuestionnaires.defaultFileName)!.yaml,
        file: "adhd-magnesium.yaml", today: FormFixture.today)
      return Walk(questionnaire: questionnaire, today: FormFixture.today)
    } catch { fatalError("\(error)") }
  }()

  @Test(
    "arrows through every list of the built-in questionnaire show what a fresh layout shows",
    arguments: [Language.dutch, .english], [(80, 24), (40, 12)])
  func arrows(language: Language, size: (width: Int, height: Int)) {
    let walk = Self.walk
    let visible = walk.assess(Answers()).visibleItemIndices
    var checkedMoves = 0
    for index in visible {
      var state = FormState(
        walk: walk, language: language, welcome: WelcomeContext(), width: size.width,
        height: size.height)
      let item = walk.questionnaire.items[index]
      _ = state.update(
        .outcome(.opened(OpenedAssessment(answers: Answers(), position: item.id, profile: "Sam"))))
      guard state.currentItem == item.id, item.widget != .field else { continue }
      let rows = item.rows(in: language).count
      let keys = Array(repeating: FormKey.down, count: rows) + Array(repeating: .up, count: rows)
      for key in keys {
        _ = state.update(.key(key))
        var fresh = state
        fresh.laidOut = nil
        fresh.chrome = FrameChrome()
        #expect(
          state.screen == fresh.screen,
          "\(item.id) at \(size.width)×\(size.height) after \(key): \(state.dump)")
        guard case .question(let question) = state.mode else { continue }
        #expect(state.laidOut?.layout == state.questionLayout(question), "\(item.id)")
        // The frame lines an arrow key leaves alone are kept, not made again.
        #expect(state.chrome.question?.inputs == state.questionInputs(question), "\(item.id)")
        #expect(state.chrome.title?.inputs == state.titleInputs)
        #expect(state.choiceRows(of: index) == item.rows(in: language), "\(item.id)")
        checkedMoves += 1
      }
    }
    #expect(checkedMoves > 200, "the lists were walked: \(checkedMoves) moves")
  }

  @Test("a marked row, a problem and a resize are laid out again, not restyled")
  func notReusedWhenMoreChanged() {
    var state = FormFixture.walking(["birth_date": .date(LocalDate(year: 2018, month: 4, day: 3)!)])
    for keys in [[FormKey.down], [.character(" ")], [.enter], [.down], [.up, .character("2")]] {
      for key in keys { _ = state.update(.key(key)) }
      var fresh = state
      fresh.laidOut = nil
      fresh.chrome = FrameChrome()
      #expect(state.screen == fresh.screen, "after \(keys): \(state.dump)")
    }
    _ = state.update(.resize(width: 50, height: 14))
    var fresh = state
    fresh.laidOut = nil
    fresh.chrome = FrameChrome()
    #expect(state.screen == fresh.screen)
    #expect(state.screen.width == 50)
  }

  @Test("progress found by binary search is what counting the shown items gives")
  func progress() {
    let walk = Self.walk
    let questionnaire = walk.questionnaire
    var answers = Answers()
    // Answers that bring follow-up questions into view, one by one.
    let assessments =
      [walk.assess(answers)]
      + questionnaire.items.compactMap { item in
        let options = item.rows(in: .english).compactMap { row -> String? in
          guard case .option(let id) = row.value, !row.isExclusive else { return nil }
          return id
        }
        guard let first = options.first else { return nil }
        switch item.widget {
        case .multiple: answers[item.id] = .choices(options)
        case .single: answers[item.id] = .choice(options.first { $0.hasPrefix("yes") } ?? first)
        case .field: return nil
        }
        return walk.assess(answers)
      }
    for assessment in assessments {
      let visible = assessment.visibleItemIndices
      for index in questionnaire.items.indices {
        let sectionID = questionnaire.items[index].sectionID
        let inSection = visible.filter { questionnaire.items[$0].sectionID == sectionID }
        let progress = walk.progress(at: index, in: assessment)
        #expect(progress.sectionCount == inSection.count, "\(questionnaire.items[index].id)")
        #expect(
          progress.position == (inSection.firstIndex(of: index) ?? 0) + 1,
          "\(questionnaire.items[index].id)")
        #expect(
          progress.part == (questionnaire.sections.firstIndex { $0.id == sectionID } ?? 0) + 1)
      }
    }
    #expect(assessments.count > 10)
    #expect(
      Set(assessments.map(\.visibleItemIndices.count)).count > 3,
      "the answers brought follow-up questions into view")
  }
}
