import IntakeCore
import Testing

private func assess(_ answers: [String: AnswerValue]) -> Assessment {
  AdhdMagnesium.assess(answers)
}

private func aged(_ years: Int, sex: AnswerValue? = nil) -> [String: AnswerValue] {
  var answers: [String: AnswerValue] = [
    "age_how": .choice("years"), "age_given": .number(Double(years)),
  ]
  answers["sex"] = sex
  return answers
}

@Suite("ADHD and magnesium: reference values and the diet estimate")
struct AdhdMagnesiumReferenceValueTests {
  @Test(
    "the supplemental upper level follows the IOM age groups; none is set under 1 year",
    arguments: [
      (0, nil), (1, 65), (3, 65), (4, 110), (8, 110), (9, 350), (13, 350), (18, 350),
    ] as [(Int, Double?)])
  func upperLevel(years: Int, limit: Double?) {
    #expect(AdhdMagnesium.number("supplement_ul_mg", in: assess(aged(years))) == limit)
  }

  @Test(
    "the RDA follows age, and sex from 14; unknown when sex is not given at 14 or older",
    arguments: [
      (0, nil, nil), (1, nil, 80), (3, nil, 80), (4, nil, 130), (8, nil, 130), (9, nil, 240),
      (13, nil, 240), (13, "girl", 240), (14, "boy", 410), (14, "girl", 360), (18, "boy", 410),
      (18, "girl", 360), (14, nil, nil), (16, "prefer", nil),
    ] as [(Int, String?, Double?)])
  func rda(years: Int, sex: String?, value: Double?) {
    let answer: AnswerValue? =
      switch sex {
      case "prefer": .preferNotToSay
      case let id?: .choice(id)
      case nil: nil
      }
    #expect(AdhdMagnesium.number("rda_mg", in: assess(aged(years, sex: answer))) == value)
  }

  @Test("a date of birth and an age in years give the same age; the date wins when given")
  func ageEitherWay() {
    let byDate = assess([
      "age_how": .choice("birth_date"), "birth_date": .date(.on("2017-11-26")),
      "age_given": .number(3),
    ])
    #expect(AdhdMagnesium.number("age_years", in: byDate) == 8)
    #expect(byDate.hiddenAnswerIDs == ["age_given"])
    let byYears = assess(aged(8))
    #expect(AdhdMagnesium.number("age_years", in: byYears) == 8)
    #expect(byYears.computed["age_years"]?.trail == [.item("age_given")])
    #expect(assess([:]).missingRequired == ["age_how"])
    #expect(assess(["age_how": .choice("years")]).missingRequired == ["age_given"])
  }

  @Test("the diet estimate is portions a day times the questionnaire's portion values")
  func dietArithmetic() {
    // One to three portions a week of each weekly food (2/7 ≈ 0.29 a day), one or two slices of
    // wholemeal bread (1.5) and one glass of milk a day.
    let answers = aged(10).merging([
      "food_nuts": .choice("w1_3"), "food_seeds": .choice("w1_3"),
      "food_spinach": .choice("w1_3"), "food_wholegrain": .choice("w1_3"),
      "food_beans": .choice("w1_3"), "food_bread": .choice("d1_2"), "food_milk": .choice("d1"),
    ]) { $1 }
    let weekly: Double = 0.29 * (54 + 111 + 39 + 28 + 60)
    let daily: Double = 1.5 * 19 + 1 * 18
    let expected = (weekly + daily).rounded()
    let assessment = assess(answers)
    #expect(AdhdMagnesium.number("dietary_mg", in: assessment) == expected)
    #expect(expected == 131)
    #expect(
      AdhdMagnesium.number("diet_percent_of_rda", in: assessment) == (131.0 / 240 * 100).rounded())
  }

  @Test("with fewer than 5 of the 7 foods answered there is no estimate, not a misleading 0")
  func dietNeedsFiveFoods() {
    var answers = aged(10)
    for id in ["food_nuts", "food_seeds", "food_spinach", "food_wholegrain"] {
      answers[id] = .choice("none")
    }
    answers["food_beans"] = .dontKnow
    let four = assess(answers)
    #expect(AdhdMagnesium.number("diet_foods_answered", in: four) == 4)
    #expect(AdhdMagnesium.number("dietary_mg", in: four) == nil)
    #expect(AdhdMagnesium.band("diet_percent_of_rda", in: four) == nil)
    #expect(four.isRaised("diet_estimate_incomplete"))

    answers["food_bread"] = .choice("none")
    let five = assess(answers)
    #expect(AdhdMagnesium.number("dietary_mg", in: five) == 0)
    #expect(AdhdMagnesium.band("diet_percent_of_rda", in: five) == "under_half")
    #expect(!five.isRaised("diet_estimate_incomplete"))
  }

  @Test(
    "magnesium already taken is compared with the upper level only above it, from age 1",
    arguments: [
      (3, 65.0, false), (3, 66, true), (5, 110, false), (5, 111, true), (12, 350, false),
      (12, 351, true), (0, 500, false),
    ])
  func aboveUpperLevel(years: Int, milligrams: Double, raised: Bool) {
    let answers = aged(years).merging([
      "magnesium_sources": .choices(["supplement"]), "supplement_mg": .number(milligrams),
    ]) { $1 }
    #expect(assess(answers).isRaised("supplemental_above_upper_level") == raised)
  }

  @Test("supplements and magnesium-containing medicines add up against the upper level")
  func sourcesAddUp() {
    let answers = aged(6).merging([
      "magnesium_sources": .choices(["supplement", "antacid"]), "supplement_mg": .number(60),
      "medicine_mg": .number(60),
    ]) { $1 }
    let assessment = assess(answers)
    #expect(AdhdMagnesium.number("supplemental_mg", in: assessment) == 120)
    #expect(assessment.isRaised("supplemental_above_upper_level"))
    // One point names every product (it replaced the point for several sources at once).
    #expect(assessment.isRaised("magnesium_product_now"))
    let point = assessment.points.first { $0.rule.id == "supplemental_above_upper_level" }
    // The point names the answers it rests on: the age and both amounts.
    #expect(
      point.map { assessment.items(behind: $0.trail, in: AdhdMagnesium.questionnaire) } == [
        "age_given", "supplement_mg", "medicine_mg",
      ])
  }
}
