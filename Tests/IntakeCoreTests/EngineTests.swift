import IntakeCore
import Testing

/// Answers to the every-feature fixture, assessed on ``Fixtures/today`` (2026-11-25).
private func assess(_ values: [String: AnswerValue]) -> Assessment {
  Engine.assess(Fixtures.everyFeature, answers: Answers(values), today: Fixtures.today)
}

private let q = Fixtures.everyFeature

@Suite("Engine: conditions")
struct ConditionTests {
  @Test(
    "an item shows from the day the child turns 14",
    arguments: [
      ("2012-11-25", true), ("2012-11-26", false), ("2008-01-01", true), ("2020-02-29", false),
    ])
  func teenQuestion(birth: String, shown: Bool) {
    let a = assess(["birth_date": .date(.on(birth))])
    #expect(a.isVisible(item: "teen_question", in: q) == shown)
    if shown {
      #expect(a.shownBecause["teen_question"] == [.item("birth_date")])
    }
  }

  @Test("an unanswered condition hides the item (unknown counts as false)")
  func unknownHides() {
    #expect(!assess([:]).isVisible(item: "teen_question", in: q))
  }

  @Test("a follow-up appears and disappears with its option; its answer is kept but not used")
  func followUpFlips() {
    let shown = assess(["conditions": .choices(["sleep"]), "sleep_nights": .number(6)])
    #expect(shown.isVisible(item: "sleep_nights", in: q))
    #expect(shown.answers["sleep_nights"] == .number(6))
    #expect(shown.computed["comorbidity_count"]?.value == .number(2))

    let hidden = assess(["conditions": .choices(["anxiety"]), "sleep_nights": .number(6)])
    #expect(!hidden.isVisible(item: "sleep_nights", in: q))
    #expect(hidden.answers["sleep_nights"] == nil)
    #expect(hidden.hiddenAnswerIDs == ["sleep_nights"])
    #expect(hidden.computed["comorbidity_count"]?.value == .number(1))
  }

  @Test("a hidden section hides its items and their required answers are not missing")
  func hiddenSection() {
    let hidden = assess(["focus": .dontKnow, "nuts": .choice("daily")])
    #expect(!hidden.isVisible(section: "diet"))
    #expect(!hidden.isVisible(item: "nuts", in: q))
    #expect(!hidden.missingRequired.contains("bread"))
    #expect(hidden.computed["dietary_mg"]?.value == .number(0), "hidden answers are not counted")
    #expect(hidden.hiddenAnswerIDs == ["nuts"])

    let shown = assess(["focus": .number(1)])
    #expect(shown.isVisible(section: "diet"))
    #expect(shown.shownBecause["diet"] == [.item("focus")])
    #expect(shown.missingRequired == ["birth_date", "bread", "adhd_medication"])
  }

  @Test("visible items are listed in questionnaire order")
  func visibleOrder() {
    let a = assess([
      "birth_date": .date(.on("2010-01-01")), "focus": .number(0),
      "conditions": .choices(["other"]),
    ])
    #expect(
      a.visibleItemIDs(in: q) == [
        "nickname", "birth_date", "sex", "weight", "teen_question", "focus", "restless",
        "impulsive", "conditions",
        "other_condition", "nuts", "bread", "adhd_medication", "magnesium_mg", "notes",
      ])
  }

  @Test("answers that no longer fit their item are set aside, not used")
  func unusableAnswers() throws {
    let a = assess([
      "sex": .choice("other"), "focus": .number(7), "weight": .number(1.2),
      "conditions": .choices(["none", "sleep"]),
    ])
    #expect(a.unusableAnswers["sex"] == .unknownOption("other"))
    #expect(a.unusableAnswers["focus"] == .unknownOption("7.0"))
    #expect(a.unusableAnswers["weight"] == .belowMinimum(2))
    #expect(
      a.unusableAnswers["conditions"]
        == .exclusiveCombined(try #require(q.item("conditions")?.option("none")?.label)))
    #expect(a.answers.isEmpty)
  }
}

@Suite("Engine: computed values")
struct ComputedTests {
  @Test(
    "the supplemental limit follows the age bands",
    arguments: [
      ("2026-06-01", 0.0), ("2025-11-25", 65), ("2022-11-26", 65), ("2022-11-25", 110),
      ("2017-11-26", 110),
      ("2017-11-25", 350), ("2008-11-25", 350),
    ])
  func limitByAge(birth: String, limit: Double) {
    let a = assess(["birth_date": .date(.on(birth))])
    #expect(a.computed["supplement_limit"]?.value == .number(limit))
    #expect(a.computed["supplement_limit"]?.trail == [.computed("age_years")])
  }

  @Test(
    "above the limit is strict: at the limit is not above",
    arguments: [(110.0, false), (111, true), (0, false)])
  func aboveLimitBorder(mg: Double, above: Bool) {
    let a = assess(["birth_date": .date(.on("2020-05-05")), "magnesium_mg": .number(mg)])
    #expect(a.computed["above_limit"]?.value == .bool(above))
    #expect(a.isRaised("above_limit_rule") == above)
  }

  @Test("don't know and unanswered fall back to the ?? default")
  func coalesce() {
    let dontKnow = assess(["birth_date": .date(.on("2020-05-05")), "magnesium_mg": .dontKnow])
    #expect(dontKnow.computed["above_limit"]?.value == .bool(false))
    // `and` is false because of its right side, so that side is the trail.
    #expect(
      dontKnow.computed["above_limit"]?.trail == [
        .item("magnesium_mg"), .computed("supplement_limit"),
      ])
    let unanswered = assess(["birth_date": .date(.on("2020-05-05"))])
    #expect(unanswered.computed["above_limit"]?.value == .bool(false))
  }

  @Test("an estimate from food frequencies, rounded, with its band")
  func dietaryEstimate() {
    let both = assess(["focus": .number(0), "nuts": .choice("daily"), "bread": .choice("daily")])
    #expect(both.computed["dietary_mg"]?.value == .number(92))
    #expect(both.computed["dietary_mg"]?.band?.id == "higher")
    #expect(both.computed["dietary_mg"]?.trail == [.item("nuts"), .item("bread")])

    let weekly = assess(["focus": .number(0), "nuts": .choice("weekly"), "bread": .dontKnow])
    #expect(weekly.computed["dietary_mg"]?.value == .number(16))
    #expect(weekly.computed["dietary_mg"]?.band?.id == "low")
  }

  @Test("a computed value with no answers behind it is unknown, not zero")
  func unknownAge() {
    let a = assess([:])
    #expect(a.computed["age_years"]?.value == nil)
    #expect(a.computed["supplement_limit"]?.value == nil)
    #expect(a.computed["above_limit"]?.value == nil, "unknown and unknown is unknown")
    #expect(!a.isRaised("above_limit_rule"))
  }

  @Test("counts and sums over a multiple choice leave out the exclusive option")
  func countsAndSums() {
    let a = assess(["conditions": .choices(["anxiety", "other"]), "weight": .dontKnow])
    #expect(a.computed["comorbidity_count"]?.value == .number(3))
    #expect(a.computed["condition_points"]?.value == .number(3))
    let none = assess(["conditions": .choices(["none"])])
    #expect(none.computed["comorbidity_count"]?.value == .number(0))
    #expect(none.computed["condition_points"]?.value == .number(0))
  }

  @Test("arithmetic precedence, unary minus, min and max")
  func arithmetic() {
    let a = assess(["birth_date": .date(.on("2016-08-24"))])
    #expect(a.computed["months_old"]?.value == .number(123))
  }
}

@Suite("Engine: scales and bands")
struct ScaleTests {
  @Test("a mean needs min_answered items; don't know is left out, not zero")
  func meanWithDontKnow() {
    let one = assess(["focus": .number(3), "restless": .dontKnow])
    #expect(one.scales["severity"]?.score == nil)
    #expect(one.scales["severity"]?.answeredCount == 1)
    #expect(one.scales["severity"]?.band == nil)

    let two = assess(["focus": .number(3), "restless": .number(2), "impulsive": .dontKnow])
    #expect(two.scales["severity"]?.score == 2.5)
    #expect(two.scales["severity"]?.band?.id == "marked")
    #expect(two.scales["severity"]?.trail == [.item("focus"), .item("restless")])
  }

  @Test(
    "band borders: from is inside, to belongs to the next band, the last band includes its end",
    arguments: [
      ([0.0, 0, 0], "mild"), ([1, 1, 1], "moderate"), ([1, 1, 0], "mild"), ([2, 2, 2], "marked"),
      ([3, 3, 3], "marked"), ([2, 1, 1], "moderate"),
    ])
  func meanBands(points: [Double], band: String) {
    let a = assess([
      "focus": .number(points[0]), "restless": .number(points[1]), "impulsive": .number(points[2]),
    ])
    #expect(a.scales["severity"]?.band?.id == band)
  }

  @Test(
    "a sum without min_answered needs every shown item",
    arguments: [
      ([3.0, 3, nil], nil as Double?, nil as String?), ([3, 3, 3], 9, "high"),
      ([1, 2, 1], 4, "low"), ([2, 2, 1], 5, "high"),
    ])
  func sumBands(points: [Double?], score: Double?, band: String?) {
    var values: [String: AnswerValue] = [:]
    for (id, point) in zip(["focus", "restless", "impulsive"], points) where point != nil {
      values[id] = .number(point!)
    }
    let a = assess(values)
    #expect(a.scales["total"]?.score == score)
    #expect(a.scales["total"]?.band?.id == band)
  }

  @Test("a score outside every band has no band")
  func bandLookup() {
    let bands = Fixtures.everyFeature.scale("severity")!.bands
    #expect(bands.band(for: -0.1) == nil)
    #expect(bands.band(for: 3.1) == nil)
    #expect(bands.band(for: 0.999)?.id == "mild")
    let open = Fixtures.everyFeature.computedValue("dietary_mg")!.bands
    #expect(open.band(for: -1000)?.id == "low")
    #expect(open.band(for: 49.9)?.id == "low")
    #expect(open.band(for: 50)?.id == "higher")
    #expect(open.band(for: 1e9)?.id == "higher")
  }
}

@Suite("Engine: report points and their trails")
struct PointTests {
  @Test("a point raised by a scale traces back to the answers")
  func trailThroughScale() {
    let a = assess(["focus": .number(3), "restless": .number(2), "impulsive": .number(1)])
    let point = try! #require(a.points.first { $0.rule.id == "severe" })
    #expect(point.trail == [.scale("severity")])
    #expect(a.items(behind: point.trail, in: q) == ["focus", "restless", "impulsive"])
  }

  @Test("a point raised through computed values names every answer underneath")
  func trailThroughComputed() {
    let a = assess(["birth_date": .date(.on("2021-01-01")), "magnesium_mg": .number(200)])
    let point = try! #require(a.points.first { $0.rule.id == "above_limit_rule" })
    #expect(point.trail == [.computed("above_limit")])
    #expect(a.items(behind: point.trail, in: q) == ["birth_date", "magnesium_mg"])
  }

  @Test("or stops at the first true side, and its trail is that side's")
  func orTrail() {
    let a = assess(["focus": .number(3), "restless": .number(3), "impulsive": .number(3)])
    let point = try! #require(a.points.first { $0.rule.id == "severe" })
    #expect(point.trail == [.scale("severity")])
  }

  @Test("a point raised because something was not answered names that item")
  func notAnsweredTrail() {
    let a = assess([:])
    let point = try! #require(a.points.first { $0.rule.id == "sex_unknown" })
    #expect(point.trail == [.item("sex")])
    let declined = assess(["sex": .preferNotToSay])
    #expect(declined.isRaised("sex_unknown"))
    #expect(declined.isRaised("weight_unknown"))
    #expect(!assess(["sex": .choice("girl")]).isRaised("sex_unknown"))
  }

  @Test("an unconditional point is always raised, with an empty trail")
  func unconditional() {
    let point = try! #require(assess([:]).points.first { $0.rule.id == "evidence" })
    #expect(point.trail.isEmpty)
  }

  @Test("points come in rule order and only when their condition is true")
  func order() {
    let a = assess([
      "birth_date": .date(.on("2016-01-01")), "nickname": .text("Sam"),
      "conditions": .choices(["none"]),
      "adhd_medication": .choice("stimulant"), "magnesium_mg": .number(120), "sex": .choice("boy"),
    ])
    // 120 mg is below the limit of 350 at age 10, so above_limit_rule stays out.
    #expect(a.points.map(\.rule.id) == ["stimulant_and_magnesium", "evidence", "dates_and_text"])
    let dated = try! #require(a.points.last)
    #expect(dated.trail == [.item("nickname"), .item("birth_date"), .item("conditions")])
  }

  @Test("texts fill placeholders with labels, units and scores in the reader's language")
  func placeholders() {
    let a = assess([
      "focus": .number(2), "restless": .number(1), "impulsive": .dontKnow,
      "magnesium_mg": .number(150),
      "birth_date": .date(.on("2019-03-03")), "nuts": .choice("weekly"),
    ])
    let severity = try! #require(q.report.factors.first)
    #expect(q.render(severity.text, for: a, in: .english) == "Severity: 1.5.")
    #expect(q.render(severity.text, for: a, in: .dutch) == "Ernst: 1,5.")
    let diet = q.report.factors[1]
    #expect(q.render(diet.text, for: a, in: .english) == "Diet {estimated}.")
    let rule = try! #require(q.report.rules.first { $0.id == "above_limit_rule" })
    #expect(q.render(rule.title, for: a, in: .dutch) == "Al 150 mg per dag")
    #expect(q.render(rule.title, for: a, in: .english) == "Already 150 mg a day")
    #expect(q.placeholderText("dietary_mg", in: a, language: .dutch) == "16 mg/dag")
    #expect(q.placeholderText("nuts", in: a, language: .english) == "Weekly")
    #expect(q.placeholderText("impulsive", in: a, language: .dutch) == "Weet ik niet")
    #expect(q.placeholderText("focus", in: a, language: .english) == "Often (2)")
    #expect(q.placeholderText("birth_date", in: a, language: .dutch) == "3 maart 2019")
    #expect(q.placeholderText("sex", in: a, language: .english) == "Not answered")
    #expect(q.placeholderText("above_limit", in: a, language: .english) == "yes")
    #expect(q.placeholderText("total", in: a, language: .english) == "unknown")
  }
}

@Suite("Units")
struct UnitTests {
  @Test("exactly one takes the singular unit where the questionnaire gives one")
  func singular() {
    let years = LocalizedText([.english: "years", .dutch: "jaar"])
    let year = LocalizedText([.english: "year", .dutch: "jaar"])
    #expect(NumberText.withUnit(1, decimals: 0, unit: years, one: year, in: .english) == "1 year")
    #expect(NumberText.withUnit(2, decimals: 0, unit: years, one: year, in: .english) == "2 years")
    #expect(
      NumberText.withUnit(1, decimals: 0, unit: years, in: .english) == "1 years",
      "no singular given")
    #expect(NumberText.withUnit(1.5, decimals: 1, unit: years, one: year, in: .dutch) == "1,5 jaar")
  }
}
