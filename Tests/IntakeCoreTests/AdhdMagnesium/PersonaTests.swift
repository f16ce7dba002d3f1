import IntakeCore
import Testing

private let q = AdhdMagnesium.questionnaire

/// A parent's answer set with what the report must raise, and key values it must compute.
struct Persona: Sendable, CustomTestStringConvertible {
  let name: String
  let answers: [String: AnswerValue]
  /// Raised besides the unconditional evidence points; every other rule must stay silent.
  let raises: Set<String>
  /// Computed values and scales: the number (`nil`: unknown) and band expected.
  let values: [String: (number: Double?, band: String?)]

  var testDescription: String { name }
}

/// Answers "don't know" to every item that allows it, then applies `overrides`.
private func dontKnowEverywhere(_ overrides: [String: AnswerValue]) -> [String: AnswerValue] {
  var answers: [String: AnswerValue] = [:]
  for item in q.items where item.allowsDontKnow { answers[item.id] = .dontKnow }
  return answers.merging(overrides) { $1 }
}

private let noneAtAll: [String: AnswerValue] = [
  "adhd_medication": .choices(["none"]), "antibiotics": .choices(["none"]),
  "acid_blocker": .choice("no"), "diuretic": .choice("no"),
  "magnesium_sources": .choices(["none"]), "kidney": .choice("no"),
  "stomach_now": .choices(["none"]), "family_adhd": .choice("no"),
  "magnesium_condition": .choices(["nobody"]), "genetic_condition": .choice("no"),
]

private let noConditions: [String: AnswerValue] = [
  "cond_anxiety": .choice("no"), "cond_sleep": .choice("no"), "cond_autism": .choice("no"),
  "cond_mood": .choice("no"), "cond_learning": .choice("no"), "cond_behaviour": .choice("no"),
  "sleep_onset": .number(0), "night_waking": .number(0),
]

/// The nine ratings, in questionnaire order.
private func ratings(_ values: [Double]) -> [String: AnswerValue] {
  let ids = [
    "focus_drifts", "focus_reminders", "focus_belongings", "restless_seated", "impulse_acts",
    "impulse_waiting", "impact_home", "impact_school", "impact_friends",
  ]
  return Dictionary(uniqueKeysWithValues: zip(ids, values.map { AnswerValue.number($0) }))
}

private func foods(
  nuts: String, seeds: String, spinach: String, wholegrain: String, beans: String, bread: String,
  milk: String
) -> [String: AnswerValue] {
  [
    "food_nuts": .choice(nuts), "food_seeds": .choice(seeds), "food_spinach": .choice(spinach),
    "food_wholegrain": .choice(wholegrain), "food_beans": .choice(beans),
    "food_bread": .choice(bread), "food_milk": .choice(milk),
  ]
}

extension Dictionary where Key == String, Value == AnswerValue {
  fileprivate func with(_ more: [String: AnswerValue]...) -> [String: AnswerValue] {
    more.reduce(self) { $0.merging($1) { $1 } }
  }
}

extension Persona {
  // Diet estimates below are worked out by hand from the portion values (FACTS.md §4) and the
  // option values (portions a day): e.g. 0.29 × 39 mg is one to three spoons of spinach a week.
  static let all: [Persona] = [
    Persona(
      name: "1. five-year-old girl, mild ADHD, few difficulties, little magnesium-rich food",
      answers: [
        "nickname": .text("Lotte"), "respondent": .choice("mother"),
        "age_how": .choice("birth_date"), "birth_date": AdhdMagnesium.born(yearsAgo: 5),
        "sex": .choice("girl"), "adhd_diagnosis": .choice("yes"), "diagnosis_age": .number(5),
        "diagnosed_by": .choice("paediatrician"), "clinician_severity": .choice("mild"),
        "current_support": .choices(["behaviour_therapy"]),
        // 0.29 × 39 + 0.29 × 28 + 1 × 18 = 37.4
        "picky_eating": .choice("somewhat"), "activity_days": .choice("d5_7"),
        "sleep_routine": .choice("regular"),
        "noticed": .text("Ze kan zich slecht concentreren."),
      ].with(
        ratings([1, 0, 1, 0, 1, 0, 0, 1, 0]), noConditions, noneAtAll,
        foods(
          nuts: "none", seeds: "none", spinach: "w1_3", wholegrain: "w1_3", beans: "none",
          bread: "none", milk: "d1")),
      raises: ["mild_according_to_professional", "diet_under_half_reference"],
      values: [
        "age_years": (5, nil), "rda_mg": (130, nil), "supplement_ul_mg": (110, nil),
        "dietary_mg": (37, nil), "diet_percent_of_rda": (28, "under_half"),
        "parent_rating": (4.0 / 9, "few"), "comorbidities": (0, "none_reported"),
        "genetics_reported": (0, "nothing_reported"),
      ]),

    Persona(
      name: "2. boy of 16, severe ADHD, methylphenidate, anxiety and poor sleep, rich diet",
      answers: [
        "age_how": .choice("years"), "age_given": .number(16), "sex": .choice("boy"),
        "respondent": .choice("father"), "adhd_diagnosis": .choice("yes"),
        "clinician_severity": .choice("severe"), "cond_anxiety": .choice("diagnosed"),
        "cond_sleep": .choice("suspected"), "cond_autism": .choice("no"),
        "cond_mood": .choice("no"), "sleep_onset": .number(3), "night_waking": .number(1),
        "adhd_medication": .choices(["methylphenidate"]),
        "magnesium_sources": .choices(["supplement"]), "magnesium_form": .choice("bisglycinate"),
        "supplement_mg": .number(200), "kidney": .choice("no"),
      ].with(
        ratings([3, 2, 2, 3, 2, 2, 2, 3, 1]),
        // 1.57 × 54 + 0.79 × 111 + 0.29 × 39 + 1.57 × 28 + 0.79 × 60 + 5.5 × 19 + 3 × 18 = 433.6
        foods(
          nuts: "w8_14", seeds: "w4_7", spinach: "w1_3", wholegrain: "w8_14", beans: "w4_7",
          bread: "d5_6", milk: "d3")),
      raises: [
        "many_difficulties", "sleep_difficulties", "anxiety", "adhd_medication_and_magnesium",
      ],
      values: [
        "age_years": (16, nil), "rda_mg": (410, nil), "supplement_ul_mg": (350, nil),
        "supplemental_mg": (200, nil), "dietary_mg": (434, nil),
        "diet_percent_of_rda": (106, "at_or_above"), "parent_rating": (20.0 / 9, "many"),
        "comorbidities": (2, "several"), "genetics_reported": (nil, nil),
      ]),

    Persona(
      name: "3. girl of 9 with kidney problems, a family condition, supplement amount unknown",
      answers: [
        "age_how": .choice("birth_date"), "birth_date": AdhdMagnesium.born(yearsAgo: 9),
        "sex": .choice("girl"), "adhd_diagnosis": .choice("yes"),
        "clinician_severity": .choice("moderate"), "kidney": .choice("diagnosed"),
        "magnesium_condition": .choices(["close"]),
        "magnesium_condition_which": .text("nierziekte bij vader"),
        "magnesium_sources": .choices(["supplement"]), "supplement_mg": .dontKnow,
        "food_seeds": .dontKnow, "food_beans": .dontKnow,
      ].with(
        // 0.29 × 54 + 0.79 × 28 + 3.5 × 19 + 1 × 18 = 122.3, five of seven foods answered
        [
          "food_nuts": .choice("w1_3"), "food_spinach": .choice("none"),
          "food_wholegrain": .choice("w4_7"), "food_bread": .choice("d3_4"),
          "food_milk": .choice("d1"),
        ]),
      raises: ["kidney_problems", "family_magnesium_condition", "magnesium_amount_unknown"],
      values: [
        "age_years": (9, nil), "rda_mg": (240, nil), "supplement_ul_mg": (350, nil),
        "diet_foods_answered": (5, nil), "dietary_mg": (122, nil),
        "diet_percent_of_rda": (51, "below"), "supplemental_mg": (nil, nil),
        "genetics_reported": (1, "something_reported"), "parent_rating": (nil, nil),
      ]),

    Persona(
      name: "4. boy of 12 on an amphetamine, doxycycline, a long-term PPI, a diuretic, antacid",
      answers: [
        "age_how": .choice("years"), "age_given": .number(12), "sex": .choice("boy"),
        "adhd_diagnosis": .choice("yes"), "adhd_medication": .choices(["amphetamine"]),
        "antibiotics": .choices(["tetracycline"]), "acid_blocker": .choice("a_year_or_more"),
        "diuretic": .choice("yes"), "magnesium_sources": .choices(["antacid", "laxative"]),
        "medicine_mg": .number(400), "other_medicines": .text("furosemide"),
      ],
      raises: [
        "supplemental_above_upper_level", "several_magnesium_sources", "antibiotic_timing",
        "long_term_acid_blocker", "diuretic", "amphetamine_with_antacid",
        "adhd_medication_and_magnesium", "diet_estimate_incomplete",
      ],
      values: [
        "age_years": (12, nil), "supplement_ul_mg": (350, nil), "supplemental_mg": (400, nil),
        "rda_mg": (240, nil), "diet_foods_answered": (0, nil), "dietary_mg": (nil, nil),
        "diet_percent_of_rda": (nil, nil),
      ]),

    Persona(
      name: "5. 'don't know' everywhere it is allowed, age 8",
      answers: dontKnowEverywhere([
        "age_how": .choice("years"), "age_given": .number(8), "sex": .preferNotToSay,
        "family_adhd": .preferNotToSay,
      ]),
      raises: ["diet_estimate_incomplete"],
      values: [
        "age_years": (8, nil), "rda_mg": (130, nil), "supplement_ul_mg": (110, nil),
        "diet_foods_answered": (0, nil), "dietary_mg": (nil, nil),
        "diet_percent_of_rda": (nil, nil), "supplemental_mg": (nil, nil),
        "parent_rating": (nil, nil), "inattention": (nil, nil), "comorbidities": (nil, nil),
        "genetics_reported": (nil, nil),
      ]),

    Persona(
      name: "6. a baby under one year who already gets a magnesium supplement",
      answers: [
        "age_how": .choice("years"), "age_given": .number(0), "sex": .choice("boy"),
        "magnesium_sources": .choices(["supplement"]), "supplement_mg": .number(50),
        // Kept from an earlier answer; the diet section is hidden for a baby, so not counted.
        "food_milk": .choice("d3"),
      ],
      raises: ["under_one_year"],
      values: [
        "age_years": (0, nil), "rda_mg": (nil, nil), "supplement_ul_mg": (nil, nil),
        "supplemental_mg": (50, nil), "diet_foods_answered": (0, nil),
      ]),

    Persona(
      name: "7. three-year-old girl with a supplement above the upper level for her age",
      answers: [
        "age_how": .choice("birth_date"),
        "birth_date": AdhdMagnesium.born(yearsAgo: 3, monthsAgo: 6), "sex": .choice("girl"),
        "magnesium_sources": .choices(["supplement"]), "magnesium_form": .choice("citrate"),
        "supplement_mg": .number(100),
      ].with(
        // 3 × 18 = 54
        foods(
          nuts: "none", seeds: "none", spinach: "none", wholegrain: "none", beans: "none",
          bread: "none", milk: "d3")),
      raises: ["supplemental_above_upper_level"],
      values: [
        "age_years": (3, nil), "supplement_ul_mg": (65, nil), "supplemental_mg": (100, nil),
        "rda_mg": (80, nil), "dietary_mg": (54, nil), "diet_percent_of_rda": (68, "below"),
      ]),

    Persona(
      name: "8. sixteen-year-old whose sex is not given: the reference depends on it",
      answers: [
        "age_how": .choice("years"), "age_given": .number(16), "sex": .preferNotToSay,
      ].with(
        foods(
          nuts: "w1_3", seeds: "none", spinach: "none", wholegrain: "w1_3", beans: "none",
          bread: "d1_2", milk: "d1")),
      raises: ["reference_depends_on_sex"],
      values: [
        "age_years": (16, nil), "rda_mg": (nil, nil), "dietary_mg": (70, nil),
        "diet_percent_of_rda": (nil, nil), "supplement_ul_mg": (350, nil),
      ]),

    Persona(
      name: "9. girl turning 14 today, being assessed, short PPI use, rich diet",
      answers: [
        "age_how": .choice("birth_date"), "birth_date": AdhdMagnesium.born(yearsAgo: 14),
        "sex": .choice("girl"), "adhd_diagnosis": .choice("assessing"),
        "acid_blocker": .choice("under_a_year"), "picky_eating": .choice("not_picky"),
      ].with(
        // 2.14 × 54 + 1.57 × 111 + 0.79 × 28 + 0.29 × 60 + 3.5 × 19 + 2 × 18 = 431.9
        foods(
          nuts: "w15", seeds: "w8_14", spinach: "none", wholegrain: "w4_7", beans: "w1_3",
          bread: "d3_4", milk: "d2")),
      raises: ["acid_blocker_shorter", "no_diagnosis_yet"],
      values: [
        "age_years": (14, nil), "rda_mg": (360, nil), "dietary_mg": (432, nil),
        "diet_percent_of_rda": (120, "at_or_above"),
      ]),

    Persona(
      name: "10. boy of 7, not diagnosed, several conditions, diarrhoea, two oxide supplements",
      answers: [
        "age_how": .choice("years"), "age_given": .number(7), "sex": .choice("boy"),
        "adhd_diagnosis": .choice("no"), "cond_anxiety": .choice("no"),
        "cond_sleep": .choice("no"), "cond_autism": .choice("diagnosed"),
        "cond_mood": .choice("suspected"), "cond_learning": .choice("diagnosed"),
        "cond_behaviour": .choice("no"), "night_waking": .number(2),
        "stomach_now": .choices(["diarrhoea", "cramps"]), "picky_eating": .choice("very"),
        "genetic_condition": .choice("suspected"),
        "genetic_condition_which": .text("wordt onderzocht"),
        "adhd_medication": .choices(["none"]),
        "magnesium_sources": .choices(["supplement", "multivitamin"]),
        "magnesium_form": .choice("oxide"), "supplement_mg": .number(150),
      ],
      raises: [
        "no_diagnosis_yet", "sleep_difficulties", "current_diarrhoea", "picky_eater",
        "genetic_condition_reported", "magnesium_oxide", "several_magnesium_sources",
        "supplemental_above_upper_level", "diet_estimate_incomplete",
      ],
      values: [
        "age_years": (7, nil), "supplement_ul_mg": (110, nil), "supplemental_mg": (150, nil),
        "comorbidities": (3, "several"), "genetics_reported": (1, "something_reported"),
      ]),

    Persona(
      name: "11. girl of 10 with her own magnesium condition, a quinolone, nausea, guanfacine",
      answers: [
        "age_how": .choice("birth_date"), "birth_date": AdhdMagnesium.born(yearsAgo: 10),
        "sex": .choice("girl"), "family_adhd": .choice("close"),
        "magnesium_condition": .choices(["child", "wider"]),
        "magnesium_condition_which": .text("Gitelman"),
        "antibiotics": .choices(["quinolone", "other"]), "stomach_now": .choices(["nausea"]),
        "adhd_medication": .choices(["guanfacine"]),
        "magnesium_sources": .choices(["mineral_water"]),
      ],
      raises: [
        "child_magnesium_condition", "family_magnesium_condition", "antibiotic_timing",
        "stomach_complaints", "adhd_medication_and_magnesium", "diet_estimate_incomplete",
      ],
      values: [
        "age_years": (10, nil), "genetics_reported": (2, "something_reported"),
        "supplemental_mg": (nil, nil),
      ]),

    Persona(
      name: "12. only the age: a young man of 19 today",
      answers: [
        "age_how": .choice("birth_date"), "birth_date": AdhdMagnesium.born(yearsAgo: 19),
        "sex": .choice("boy"),
      ],
      raises: ["diet_estimate_incomplete"],
      values: [
        "age_years": (19, nil), "rda_mg": (400, nil), "supplement_ul_mg": (350, nil),
        "dietary_mg": (nil, nil), "parent_rating": (nil, nil),
      ]),
  ]
}

@Suite("ADHD and magnesium: personas")
struct AdhdMagnesiumPersonaTests {
  @Test("there are at least ten personas and together they raise every conditional rule")
  func coverage() {
    #expect(Persona.all.count >= 10)
    let raised = Persona.all.reduce(into: Set<String>()) { $0.formUnion($1.raises) }
    let conditional = AdhdMagnesium.allRuleIDs.subtracting(AdhdMagnesium.alwaysRaised)
    #expect(conditional.subtracting(raised).sorted() == [], "no persona raises these")
  }

  @Test("exactly the expected points are raised, and no others", arguments: Persona.all)
  func raisedPoints(persona: Persona) {
    let assessment = AdhdMagnesium.assess(persona.answers)
    #expect(assessment.unusableAnswers.isEmpty, "answers that do not fit their item")
    #expect(assessment.missingRequired.isEmpty)
    let raised = Set(assessment.points.map(\.rule.id))
    let expected = persona.raises.union(AdhdMagnesium.alwaysRaised)
    #expect(raised.subtracting(expected).sorted() == [], "raised but not expected")
    #expect(expected.subtracting(raised).sorted() == [], "expected but not raised")
    let silent = AdhdMagnesium.allRuleIDs.subtracting(expected)
    #expect(silent.allSatisfy { !assessment.isRaised($0) })
  }

  @Test("the key computed values and bands", arguments: Persona.all)
  func keyValues(persona: Persona) {
    let assessment = AdhdMagnesium.assess(persona.answers)
    for (id, expected) in persona.values.sorted(by: { $0.key < $1.key }) {
      let number = AdhdMagnesium.number(id, in: assessment)
      if let want = expected.number {
        #expect(
          number.map { abs($0 - want) < 0.001 } == true, "\(id): \(String(describing: number))")
      } else {
        #expect(number == nil, "\(id) should be unknown")
      }
      #expect(AdhdMagnesium.band(id, in: assessment) == expected.band, "\(id) band")
    }
  }

  @Test("every raised point names the answers behind it", arguments: Persona.all)
  func trails(persona: Persona) {
    let assessment = AdhdMagnesium.assess(persona.answers)
    for point in assessment.points where point.rule.condition != nil {
      #expect(!assessment.items(behind: point.trail, in: q).isEmpty, "\(point.rule.id)")
    }
  }

  @Test(
    "every raised point and factor renders in Dutch and English, filled in and without braces",
    arguments: Persona.all)
  func rendering(persona: Persona) {
    let assessment = AdhdMagnesium.assess(persona.answers)
    for language in [Language.dutch, .english] {
      var texts: [(String, String)] = []
      for point in assessment.points {
        let rule = point.rule
        texts.append(("\(rule.id) title", q.render(rule.title, for: assessment, in: language)))
        texts.append(("\(rule.id) text", q.render(rule.text, for: assessment, in: language)))
        for question in rule.questions {
          texts.append(("\(rule.id) question", q.render(question, for: assessment, in: language)))
        }
      }
      for factor in q.report.factors {
        texts.append(("\(factor.id) text", q.render(factor.text, for: assessment, in: language)))
        if let scoreID = factor.scoreID,
          let band = assessment.computed[scoreID]?.band ?? assessment.scales[scoreID]?.band,
          let text = band.text
        {
          texts.append(("\(factor.id) band", q.render(text, for: assessment, in: language)))
        }
      }
      for (place, text) in texts {
        #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(place) (\(language))")
        #expect(!text.contains("{") && !text.contains("}"), "\(place) (\(language)): \(text)")
        #expect(
          DoseAdviceScanner.problems(in: text, language: language) == [],
          "\(place) (\(language)): \(text)")
      }
    }
  }
}
