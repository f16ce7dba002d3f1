import IntakeCore
import IntakeForm
import Testing

private let today = FormFixture.today
private let born = AnswerValue.date(LocalDate(year: 2018, month: 4, day: 3)!)

@Suite("Form: single choice, scale and yes/no")
struct SingleChoiceTests {
  @Test("an unanswered question starts with nothing marked; Enter records nothing and says how")
  func nothingMarked() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    #expect(state.screen.text.contains("  ( ) 1  Ja"))
    #expect(!state.dump.contains("(•)"))
    #expect(state.press(.enter) == [])
    #expect(state.currentItem == "sleep")
    #expect(state.problem == .chooseFirst(canSkip: false))
    #expect(state.flatText.contains("Er is nog niets gekozen. Kies met het cijfer"))
    #expect(state.press(.enter, .enter, .enter) == [], "held Enter never records")
    #expect(state.answers["sleep"] == nil)
  }

  @Test("moving the highlight is not choosing; Space marks the highlighted row")
  func highlightIsNotChoosing() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    state.press(.down)
    #expect(!state.dump.contains("(•)"), "the highlight moved, nothing is marked")
    #expect(state.press(.enter) == [])
    state.press(.character(" "))
    #expect(state.screen.text.contains { $0.contains("(•) 2  Nee") })
    let effects = state.press(.enter)
    #expect(
      effects == [.record(itemID: "sleep", value: .choice("no")), .position(itemID: "focus")])
    #expect(state.answers["sleep"] == .choice("no"))
    #expect(state.currentItem == "focus", "nights is hidden when the child sleeps well")
  }

  @Test("a digit marks its row, then Enter confirms: two keys for a deliberate choice")
  func digitThenEnter() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    state.press(.character("1"))
    #expect(state.screen.text.contains { $0.contains("(•) 1  Ja") })
    #expect(state.press(.enter).first == .record(itemID: "sleep", value: .choice("yes")))
    #expect(state.currentItem == "nights", "the follow-up question appears")
  }

  @Test("the same digit again takes the mark away, as Space does")
  func digitToggles() {
    var state = FormFixture.walking(at: "who")
    state.press(.character("3"))
    #expect(state.dump.contains("(•) 3  Opa of oma"))
    state.press(.character("3"))
    #expect(!state.dump.contains("(•)"))
    state.press(.character("3"), .character(" "))
    #expect(!state.dump.contains("(•)"), "3 then Space: marked, then unmarked, as on a list")
    state.press(.character("2"), .character("4"))
    #expect(state.dump.contains("(•) 4  Pleegouder") && !state.dump.contains("(•) 2"))
  }

  @Test("digits pick a rating point by its value, the same numbers the report uses")
  func ratingShortcuts() {
    var state = FormFixture.walking(at: "focus")
    state.press(.character("3"))
    #expect(state.screen.text.contains { $0.contains("(•) 3  Heel vaak") })
    #expect(
      state.press(.enter) == [
        .record(itemID: "focus", value: .number(3)), .position(itemID: "foods"),
      ])
    state.press(.left)
    #expect(state.currentItem == "focus")
    #expect(state.screen.text.contains("  (•) 3  Heel vaak"), "an answer given shows marked")
    #expect(state.press(.enter) == [.position(itemID: "foods")], "Enter keeps it, unwritten")
  }

  @Test("a required choice cannot be skipped; an optional one can, without an answer")
  func skipping() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    #expect(state.press(.right) == [])
    #expect(state.problem == .answer(.required))
    #expect(state.currentItem == "sleep")
    #expect(state.screen.text.contains { $0.contains("Deze vraag is nodig om verder te gaan.") })

    var optional = FormFixture.walking(at: "focus")
    #expect(optional.press(.enter) == [])
    #expect(optional.problem == .chooseFirst(canSkip: true))
    #expect(optional.flatText.contains("→ slaat de vraag over"))
    #expect(optional.press(.right) == [.position(itemID: "foods")])
    #expect(optional.answers["focus"] == nil)
  }

  @Test("prefer not to say is a real answer, chosen with its letter")
  func preferNotToSay() {
    var state = FormFixture.walking(at: "who")
    #expect(state.screen.text.contains { $0.contains("z  Zeg ik liever niet") })
    state.press(.character("z"))
    #expect(state.press(.enter).first == .record(itemID: "who", value: .preferNotToSay))
  }

  @Test("Delete removes the answer of an optional question, not of a required one")
  func deleteClears() {
    var state = FormFixture.walking(["who": .choice("father"), "sleep": .choice("no")], at: "who")
    #expect(state.press(.delete) == [.record(itemID: "who", value: nil)])
    #expect(state.answers["who"] == nil)
    var required = FormFixture.walking(["sleep": .choice("no")], at: "sleep")
    #expect(required.dump.contains("(•)"))
    #expect(required.press(.delete) == [])
    #expect(required.answers["sleep"] == .choice("no"))
    #expect(required.dump.contains("(•)"), "the stored answer stays marked: it is still on disk")
  }

  @Test("a paste is text for the field in view, and nothing on a list, under a box or elsewhere")
  func paste() {
    var list = FormFixture.walking(at: "who")
    #expect(" 2\n y".flatMap { list.press(.pasted($0)) } == [])
    #expect(!list.dump.contains("(•)"), "pasted spaces and digits choose nothing")
    #expect(list.currentItem == "who")
    var field = FormFixture.walking(at: "nickname")
    field.press(.down)  // onto a special row: a paste still goes into the field
    for character in "Zoë 2" { field.press(.pasted(character)) }
    #expect(field.screen.text.contains { $0.contains("> Zoë 2") })
    #expect(field.currentItem == "nickname")
    field.press(.escape)
    for character in "y" { field.press(.pasted(character)) }
    #expect(field.overlay == .confirmQuit, "a pasted y does not answer the stop box")
  }

  @Test("in an empty number field the don't-know letter marks don't know, as on a list")
  func dontKnowLetterInNumberField() {
    var state = FormFixture.walking(["birth_date": born], at: "weight")
    state.type("w")
    #expect(state.screen.text.contains { $0.contains("(•)") && $0.contains("Weet ik niet") })
    #expect(!state.screen.text.contains { $0.contains("> w") })
    #expect(state.press(.enter).first == .record(itemID: "weight", value: .dontKnow))
    var text = FormFixture.walking(at: "nickname")
    text.type("w")
    #expect(text.screen.text.contains { $0.contains("> w") }, "in a text field a letter is text")
  }

  @Test(
    "a choice marked and left with Tab or PgDn comes back marked, shows in the overview, and is saved on stopping"
  )
  func marksKept() {
    var state = FormFixture.walking(at: "who")
    state.press(.character("2"), .tab)
    #expect(state.flatText.contains("Vader (nog niet bevestigd)"))
    state.press(.tab)
    #expect(state.currentItem == "who")
    #expect(state.dump.contains("(•) 2  Vader"), "the mark is still there")
    state.press(.pageUp)
    #expect(state.currentItem != "who")
    #expect(
      state.press(.interrupt) == [.record(itemID: "who", value: .choice("father")), .exit],
      "stopping elsewhere saves it")
  }

  @Test("q and ? act on a number field, where they can never be part of the answer")
  func quitFromNumberField() {
    var state = FormFixture.walking(["birth_date": born], at: "weight")
    state.type("3")
    state.press(.character("q"))
    #expect(state.overlay == .confirmQuit)
    state.press(.character("n"))
    #expect(state.screen.text.contains { $0.contains("> 3") }, "q was not typed into the field")
    var text = FormFixture.walking(at: "nickname")
    text.type("q")
    #expect(text.overlay == nil, "in a text field q is a letter")
  }

  @Test("a full field says it is full instead of swallowing what is typed or pasted")
  func fullField() {
    var state = FormFixture.walking(at: "nickname")
    state.type(String(repeating: "a", count: 30))
    #expect(state.problem == nil)
    state.press(.pasted("b"))
    #expect(state.problem == .answer(.tooLong(maxLength: 30)))
    state.press(.backspace)
    state.type("c")
    #expect(state.problem == nil)
    state.type("d")
    #expect(state.problem == .answer(.tooLong(maxLength: 30)))
  }

  @Test("Backspace on a list does not go back a question")
  func backspaceStays() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    #expect(state.press(.backspace, .backspace) == [])
    #expect(state.currentItem == "sleep")
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

  @Test("digits tick as on a single choice: the same key again unticks")
  func digitsTick() {
    var state = FormFixture.walking(at: "foods")
    state.press(.character("3"))
    #expect(state.dump.contains("[x] 3  Volkorenbrood"))
    state.press(.character(" "))
    #expect(!state.dump.contains("[x]"), "3 then Space unticks, as 3 then Space unmarks")
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
    #expect(state.problem == .chooseFirst(canSkip: false))
    state.press(.character(" "))
    #expect(state.problem == nil, "choosing clears the message")
  }

  @Test("coming back shows what was ticked; unticking everything of a required one is refused")
  func comeBack() {
    var state = FormFixture.walking(["foods": .choices(["spinach"])], at: "who")
    state.press(.left)
    #expect(state.currentItem == "foods")
    #expect(state.screen.text.contains { $0.contains("[x] 2  Spinazie") })
    state.press(.character("2"))
    #expect(state.press(.enter) == [])
    #expect(state.problem == .nothingChosen)
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
    #expect(state.problem == .notANumber(wholeOnly: false))
    #expect(state.flatText.contains("Typ een getal, zoals 12 of 2,5."))
    #expect(state.currentItem == "weight")
  }

  @Test("don't know sits under the field: ↓ and Space mark it, Enter confirms")
  func dontKnowBelowField() {
    var state = FormFixture.walking(["birth_date": born], at: "weight")
    state.press(.down)
    #expect(state.screen.cursor == nil, "the cursor leaves the field")
    #expect(state.press(.enter) == [], "the highlight alone is not a choice")
    state.press(.character(" "))
    #expect(state.press(.enter).first == .record(itemID: "weight", value: .dontKnow))
    state.press(.left)
    #expect(state.currentItem == "weight")
    #expect(state.screen.text.contains("  (•) Weet ik niet"))
  }

  @Test("typing moves back into the field and takes the special mark away")
  func typingReturnsToField() {
    var state = FormFixture.walking(["birth_date": born], at: "weight")
    state.press(.down, .character(" "))
    state.type("30")
    #expect(!state.dump.contains("(•)"))
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

  @Test("a long text scrolls in its field so the cursor stays in view")
  func longText() throws {
    var state = FormFixture.walking(at: "notes", width: 40, height: 12)
    let text = (1...40).map { "w\($0)" }.joined(separator: " ")
    state.type(text)
    let screen = state.screen
    let cursor = try #require(screen.cursor)
    #expect(cursor.column < 40)
    #expect(screen.text[cursor.row].hasSuffix("w39 w40"), "the end of the text is in view")
    state.press(.home)
    #expect(state.screen.text.contains { $0.contains("> w1 w2 w3") })
  }

  @Test("a text field stops at its length limit")
  func lengthLimit() {
    var state = FormFixture.walking(at: "nickname")
    state.type(String(repeating: "a", count: 40))
    #expect(
      state.press(.enter).first
        == .record(itemID: "nickname", value: .text(String(repeating: "a", count: 30))))
  }

  @Test("← on an empty field goes back; on text it moves the cursor; Backspace never goes back")
  func leftArrowAndBackspace() {
    var state = FormFixture.walking(at: "birth_date")
    state.type("1")
    state.press(.left)
    #expect(state.currentItem == "birth_date")
    state.press(.right, .backspace, .backspace, .backspace)
    #expect(state.currentItem == "birth_date", "Backspace in an empty field stays")
    state.press(.left)
    #expect(state.currentItem == "nickname")
  }

  @Test("Enter on an empty field records nothing and says how to answer or skip")
  func emptyField() {
    var state = FormFixture.walking()
    #expect(state.press(.enter) == [])
    #expect(state.problem == .typeFirst(canSkip: true, hasSpecial: false))
    #expect(state.press(.right) == [.position(itemID: "birth_date")])
    #expect(state.press(.enter) == [])
    #expect(state.problem == .answer(.required))
  }

  @Test("clearing a field of an answered question and confirming removes the answer")
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
    #expect(state.screen.text.contains { $0.contains("2x (geen geldig antwoord)") })
    state.press(.enter)
    #expect(state.currentItem == "weight")
    #expect(state.screen.text.contains { $0.contains("> 2x") })
    state.press(.pageUp)
    #expect(state.currentItem == "nickname")
    state.press(.pageDown)
    #expect(state.currentItem == "sleep", "PgDn goes to the next part")
  }
}

@Suite("Form: an answer counts only once it is saved")
struct SavingTests {
  private let full = WalkProblem.store(
    .cannotWrite(file: "/data/robin/20261125-104207-3fa91c.json", reason: "the disk is full"))

  @Test("a failed write keeps the question and the value, shows the whole reason, and retries")
  func failedWrite() {
    var state = FormFixture.walking(["birth_date": born], at: "weight", width: 80, height: 24)
    state.type("31")
    let effects = state.pressFailing(full, .enter)
    #expect(effects == [.record(itemID: "weight", value: .number(31))])
    #expect(state.currentItem == "weight", "the form stays on the question")
    #expect(state.answers["weight"] == nil, "not shown as given")
    #expect(state.screen.text.contains { $0.contains("> 31") }, "the value is still there")
    let flat = state.flatText
    #expect(flat.contains("Niet bewaard, dus telt nog niet"))
    #expect(flat.contains("/data/robin/20261125-104207-3fa91c.json kan niet worden geschreven"))
    #expect(flat.contains("de schijf is vol"))
    #expect(flat.contains("Enter probeert het opnieuw."))
    #expect(state.unsaved["weight"] == UnsavedAnswer(value: .number(31), problem: full))

    // Space freed: the next Enter writes it, and the walk goes on.
    #expect(state.press(.enter).first == .record(itemID: "weight", value: .number(31)))
    #expect(state.answers["weight"] == .number(31))
    #expect(state.unsaved.isEmpty)
    #expect(state.currentItem == "sleep")
  }

  @Test("a choice that could not be saved is still shown, marked, after going away and back")
  func failedChoiceKept() {
    var state = FormFixture.walking(["birth_date": born, "who": .choice("mother")], at: "who")
    state.pressFailing(full, .character("2"), .enter)
    #expect(state.answers["who"] == .choice("mother"), "the stored answer counts")
    state.press(.tab)
    #expect(state.flatText.contains("! niet bewaard: Vader"), "the overview shows what was given")
    state.press(.tab)
    #expect(state.currentItem == "who")
    #expect(state.dump.contains("(•) 2  Vader"), "back on the question, the choice is still there")
    #expect(state.flatText.contains("de schijf is vol"), "with why it is not saved")
    state.press(.character("3"))  // another mark, not confirmed, while the save failed
    state.press(.escape)
    #expect(state.flatText.contains("1 antwoord kon niet worden bewaard"))
    let box = state.flatText.split { $0.isWhitespace || $0 == "│" }.joined(separator: " ")
    #expect(box.contains("nog niet met Enter bevestigde, wordt ook geprobeerd"))
    #expect(!state.flatText.contains("wordt ook bewaard"), "no promise the full disk may break")
    state.press(.character("n"))
    state.press(.character("2"))
    state.press(.escape)
    #expect(
      state.press(.enter) == [.record(itemID: "who", value: .choice("father")), .exit],
      "stopping tries it once more")
  }

  @Test("Delete gives up an answer that could not be saved when nothing is on disk")
  func deleteGivesUpUnsaved() {
    var state = FormFixture.walking(["birth_date": born], at: "who")
    state.pressFailing(full, .character("2"), .enter)
    #expect(state.press(.delete) == [])
    #expect(state.unsaved.isEmpty)
    #expect(!state.dump.contains("(•)"))
    #expect(state.press(.interrupt) == [.exit])
  }

  @Test("the reason wraps at the smallest size instead of being cut")
  func wrapsAtSmallSize() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep", width: 40, height: 12)
    state.pressFailing(full, .character("1"), .enter)
    let screen = state.screen
    #expect(screen.lines.allSatisfy { $0.width <= 40 })
    #expect(state.flatText.contains("kan niet worden geschreven: de schijf is vol"))
    #expect(state.flatText.contains("Enter probeert het opnieuw."))
  }

  @Test("an answer not saved is marked in the overview, and the stop box says so")
  func unsavedShown() {
    var state = FormFixture.walking(["birth_date": born], at: "sleep")
    state.pressFailing(full, .character("1"), .enter)
    state.press(.tab)
    #expect(
      state.screen.text.contains {
        $0.contains("Slaapt uw kind slecht?") && $0.contains("! niet bewaard")
      })
    state.press(.escape)
    #expect(state.flatText.contains("1 antwoord kon niet worden bewaard"))
    #expect(!state.flatText.contains("Alle antwoorden die u gaf zijn bewaard"))
  }
}
