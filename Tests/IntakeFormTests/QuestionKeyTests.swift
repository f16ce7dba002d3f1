import IntakeCore
import IntakeForm
import Testing

private let today = FormFixture.today
private let born = AnswerValue.date(LocalDate(year: 2018, month: 4, day: 3)!)

@Suite("Form: single choice, scale and yes/no")
struct SingleChoiceTests {
  @Test("Enter chooses the highlighted option, records it and moves on")
  func enterChooses() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    #expect(state.currentItem == "sleep")
    let effects = state.press(.down, .enter)
    #expect(
      effects == [.record(itemID: "sleep", value: .choice("no")), .position(itemID: "focus")])
    #expect(state.answers["sleep"] == .choice("no"))
    #expect(state.currentItem == "focus", "nights is hidden when the child sleeps well")
  }

  @Test("a follow-up question appears when its condition becomes true")
  func conditionAppears() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    state.press(.enter)
    #expect(state.answers["sleep"] == .choice("yes"))
    #expect(state.currentItem == "nights")
  }

  @Test("digits pick a rating point by its value; arrows stop at the ends")
  func ratingShortcuts() {
    var state = FormFixture.walking(at: "focus")
    state.press(.character("3"))
    #expect(state.screen.text.contains { $0.contains("( ) 3  Heel vaak") })
    #expect(
      state.press(.enter) == [
        .record(itemID: "focus", value: .number(3)), .position(itemID: "foods"),
      ])
    state.press(.left)
    #expect(state.currentItem == "focus")
    #expect(state.screen.text.contains("  (•) 3  Heel vaak"))
    state.press(.up, .up, .up, .up, .up, .up)
    #expect(state.press(.enter).first == .record(itemID: "focus", value: .number(0)))
  }

  @Test("a required choice cannot be skipped; an optional one can, without an answer")
  func skipping() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    #expect(state.press(.right) == [])
    #expect(state.problem == .answer(.required))
    #expect(state.currentItem == "sleep")
    #expect(state.screen.text.contains { $0.contains("Deze vraag is nodig om verder te gaan.") })

    var optional = FormFixture.walking(at: "focus")
    #expect(optional.press(.right) == [.position(itemID: "foods")])
    #expect(optional.answers["focus"] == nil)
  }

  @Test("prefer not to say is a real answer")
  func preferNotToSay() {
    var state = FormFixture.walking(at: "who")
    state.press(.end)
    #expect(state.press(.enter).first == .record(itemID: "who", value: .preferNotToSay))
  }

  @Test("Delete removes the answer of an optional question, not of a required one")
  func deleteClears() {
    var state = FormFixture.walking(["who": .choice("father"), "sleep": .choice("no")], at: "who")
    #expect(state.press(.delete) == [.record(itemID: "who", value: nil)])
    #expect(state.answers["who"] == nil)
    var required = FormFixture.walking(["sleep": .choice("no")], at: "sleep")
    #expect(required.press(.delete) == [])
    #expect(required.answers["sleep"] == .choice("no"))
  }
}

@Suite("Form: multiple choice")
struct MultipleChoiceTests {
  @Test("Space ticks, Enter confirms in the questionnaire's order")
  func tickAndConfirm() {
    var state = FormFixture.walking(at: "foods")
    state.press(.down, .down, .character(" "), .up, .up, .character(" "))
    #expect(state.screen.text.contains { $0.contains("[x] 1  Noten") })
    #expect(
      state.press(.enter).first == .record(itemID: "foods", value: .choices(["nuts", "bread"])))
  }

  @Test("'none of these' clears the others, and the others clear it")
  func exclusive() {
    var state = FormFixture.walking(at: "foods")
    state.press(.character("1"), .character("2"), .character("4"))
    #expect(state.screen.text.contains { $0.contains("[x] 4  Geen van deze") })
    #expect(!state.screen.text.contains { $0.contains("[x] 1") })
    state.press(.character("3"))
    #expect(state.screen.text.contains { $0.contains("[ ] 4  Geen van deze") })
    #expect(state.press(.enter).first == .record(itemID: "foods", value: .choices(["bread"])))
  }

  @Test("a required multiple choice with nothing ticked asks for a choice")
  func nothingTicked() {
    var state = FormFixture.walking(at: "foods")
    #expect(state.press(.enter) == [])
    #expect(state.problem == .nothingChosen)
    #expect(state.screen.text.contains { $0.contains("Kies er minstens één") })
    state.press(.character(" "))
    #expect(state.problem == nil, "choosing clears the message")
  }

  @Test("coming back shows what was ticked; unticking everything on an optional item removes it")
  func comeBack() {
    var state = FormFixture.walking(["foods": .choices(["spinach"])], at: "who")
    state.press(.left)
    #expect(state.currentItem == "foods")
    #expect(state.screen.text.contains { $0.contains("[x] 2  Spinazie") })
  }
}

@Suite("Form: number, date and text fields")
struct FieldTests {
  @Test("a decimal takes a comma, shows its unit and range, and checks the range")
  func decimal() {
    var state = FormFixture.walking(["birth_date": born], at: "weight")
    #expect(state.screen.text.contains { $0.contains("kg") })
    #expect(state.screen.text.contains("    van 2 tot en met 150"))
    state.type("200")
    #expect(state.press(.enter) == [])
    #expect(state.problem == .answer(.aboveMaximum(150)))
    #expect(state.screen.text.contains { $0.contains("Vul 150 of minder in.") })
    state.press(.backspace, .backspace, .backspace)
    state.type("24,5")
    #expect(state.press(.enter).first == .record(itemID: "weight", value: .number(24.5)))
  }

  @Test("letters in a number field are refused in plain words")
  func notANumber() {
    var state = FormFixture.walking(["birth_date": born], at: "weight")
    state.type("twintig")
    state.press(.enter)
    #expect(state.problem == .notANumber)
    #expect(state.currentItem == "weight")
  }

  @Test("don't know sits under the field and is chosen with the arrows")
  func dontKnowBelowField() {
    var state = FormFixture.walking(["birth_date": born], at: "weight")
    state.press(.down)
    #expect(state.screen.cursor == nil, "the cursor leaves the field")
    #expect(state.press(.enter).first == .record(itemID: "weight", value: .dontKnow))
    state.press(.left)
    #expect(state.currentItem == "weight")
    #expect(state.screen.text.contains("  (•) Weet ik niet"))
  }

  @Test("typing moves back into the field from the special answers")
  func typingReturnsToField() {
    var state = FormFixture.walking(["birth_date": born], at: "weight")
    state.press(.down)
    state.type("30")
    #expect(state.press(.enter).first == .record(itemID: "weight", value: .number(30)))
  }

  @Test("a date is typed day first and read back in words")
  func date() {
    var state = FormFixture.walking(at: "birth_date")
    state.type("3-4-2019")
    #expect(state.screen.text.contains("    3 april 2019"))
    #expect(
      state.press(.enter).first
        == .record(itemID: "birth_date", value: .date(LocalDate(year: 2019, month: 4, day: 3)!)))
  }

  @Test("dates that do not exist, and dates in the future, are refused")
  func badDates() {
    var state = FormFixture.walking(at: "birth_date")
    state.type("31-02-2019")
    state.press(.enter)
    #expect(state.problem == .notADate)
    state.press(.home)
    for _ in 0..<10 { state.press(.delete) }
    state.type("01-01-2030")
    state.press(.enter)
    #expect(state.problem == .answer(.dateAfter(today)))
  }

  @Test("editing keys: arrows, Home, End, Backspace, Delete and UTF-8 letters")
  func editingKeys() {
    var state = FormFixture.walking(at: "nickname")
    state.type("Zo")
    state.press(.character("ë"))
    state.type("y")
    state.press(.backspace)
    state.press(.home, .right, .delete)
    state.type("ï")
    state.press(.end)
    state.type("!")
    #expect(state.press(.enter).first == .record(itemID: "nickname", value: .text("Zïë!")))
  }

  @Test("the cursor stands after the typed text, counting wide characters as two cells")
  func cursorColumn() {
    var state = FormFixture.walking(at: "nickname")
    let start = state.screen.cursor
    state.type("漢字")
    let after = state.screen.cursor
    #expect(start != nil && after != nil)
    #expect(after!.column - start!.column == 4)
    #expect(after!.row == start!.row)
  }

  @Test("a text field stops at its length limit")
  func lengthLimit() {
    var state = FormFixture.walking(at: "nickname")
    state.type(String(repeating: "a", count: 40))
    #expect(
      state.press(.enter).first
        == .record(itemID: "nickname", value: .text(String(repeating: "a", count: 30))))
  }

  @Test("← on an empty field goes back; on text it moves the cursor")
  func leftArrow() {
    var state = FormFixture.walking(at: "birth_date")
    state.type("1")
    state.press(.left)
    #expect(state.currentItem == "birth_date")
    state.press(.right, .backspace, .left)
    #expect(state.currentItem == "nickname")
  }

  @Test("an empty optional field is skipped with Enter; a required one is not")
  func emptyField() {
    var state = FormFixture.walking()
    #expect(state.press(.enter) == [.position(itemID: "birth_date")])
    #expect(state.press(.enter) == [])
    #expect(state.problem == .answer(.required))
  }

  @Test("clearing a field and confirming removes the answer")
  func clearField() {
    var state = FormFixture.walking(["nickname": .text("Sam")])
    state.press(.backspace, .backspace, .backspace)
    #expect(
      state.press(.enter) == [
        .record(itemID: "nickname", value: nil), .position(itemID: "birth_date"),
      ])
  }

  @Test("text typed and left unconfirmed is kept while the program runs")
  func draftsKept() {
    var state = FormFixture.walking(["birth_date": born], at: "weight")
    state.type("2x")
    state.press(.tab)
    #expect(state.screen.text.contains { $0.contains("2x (?)") })
    state.press(.enter)
    #expect(state.currentItem == "weight")
    #expect(state.screen.text.contains { $0.contains("> 2x") })
    state.press(.pageUp)
    #expect(state.currentItem == "nickname")
    state.press(.pageDown)
    #expect(state.currentItem == "sleep", "PgDn goes to the next part")
  }
}
