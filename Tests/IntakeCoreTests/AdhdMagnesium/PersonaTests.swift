import IntakeCore
import Testing

private let q = AdhdMagnesium.questionnaire

/// A parent's answer set with what the report must raise, and key values it must compute.
struct Persona: Sendable, CustomTestStringConvertible {
  let name: String
  let answers: [String: AnswerValue]
  /// Raised besides the unconditional evidence points (the point for open safety questions,
  /// `safety_questions_open`, included); every other rule must stay silent.
  let raises: Set<String>
  /// The safety questions that are open, in questionnaire order: exactly these are listed.
  let open: [String]
  /// The summary lines with a condition that page one shows (every other one stays out).
  let lines: Set<String>
  /// Computed values and scales: the number (`nil`: unknown) and band expected.
  let values: [String: (number: Double?, band: String?)]
  /// A required answer left open on purpose (the age), so its note is expected.
  var missingRequired: [String] = []

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
  "acid_blocker": .choice("no"), "diuretic": .choice("no"), "bisphosphonate": .choice("no"),
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

/// The answers of a saved fixture under Fixtures/report/answers.
private func saved(_ id: String) -> [String: AnswerValue] {
  let path = Fixtures.directory.appending(path: "report/answers/\(id).json").path
  do {
    return try AnswerFile.load(contentsOf: path).answerValues.values
  } catch {
    fatalError("\(id): \(error)")
  }
}

/// Every safety question except `answered`, in questionnaire order, among those always shown
/// (the amounts are shown only with a product).
private func openExcept(_ answered: Set<String>) -> [String] {
  [
    "adhd_medication", "antibiotics", "acid_blocker", "diuretic", "bisphosphonate",
    "magnesium_sources", "kidney",
  ].filter { !answered.contains($0) }
}

extension Persona {
  // Diet estimates below are worked out by hand from the questionnaire's portion values and the
  // option values (portions a day): e.g. 0.29 × 39 mg is one to three spoons of spinach a week.
  static let all: [Persona] = [
    Persona(
      name: "1. five-year-old girl, mild ADHD, few difficulties, every safety question answered",
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
      raises: [
        "mild_according_to_professional", "diet_under_half_reference", "age_outside_studies",
      ],
      open: [], lines: ["adhd_diagnosed", "parent_rating"],
      values: [
        "age_years": (5, nil), "rda_mg": (130, nil), "supplement_ul_mg": (110, nil),
        "dietary_mg": (37, nil), "diet_percent_of_rda": (28, "under_half"),
        "parent_rating": (4.0 / 9, "few"), "comorbidities": (0, "none_reported"),
        "genetics_reported": (0, "nothing_reported"),
      ]),

    Persona(
      name:
        "2. boy of 16, severe ADHD, methylphenidate, 200 mg bisglycinate, some questions skipped",
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
        "magnesium_product_now", "age_outside_studies", "safety_questions_open",
      ],
      open: openExcept(["adhd_medication", "magnesium_sources", "kidney"]),
      lines: ["adhd_diagnosed", "parent_rating", "magnesium_form", "amount_from_four"],
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
      // The amount "don't know" is an open safety question now (it was a point to bring the
      // packaging): the open point says to bring it.
      raises: [
        "kidney_problems", "family_magnesium_condition", "magnesium_product_now",
        "safety_questions_open",
      ],
      open: [
        "adhd_medication", "antibiotics", "acid_blocker", "diuretic", "bisphosphonate",
        "supplement_mg",
      ],
      lines: ["adhd_diagnosed", "magnesium_form", "amount_from_four"],
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
        "supplemental_above_upper_level", "magnesium_product_now", "antibiotic_timing",
        "long_term_acid_blocker", "diuretic", "amphetamine_with_antacid",
        "other_medicines_listed", "adhd_medication_and_magnesium", "diet_estimate_incomplete",
        "safety_questions_open",
      ],
      open: ["bisphosphonate", "kidney"],
      lines: ["adhd_diagnosed", "other_medicines", "amount_from_four"],
      values: [
        "age_years": (12, nil), "supplement_ul_mg": (350, nil), "supplemental_mg": (400, nil),
        "rda_mg": (240, nil), "diet_foods_answered": (0, nil), "dietary_mg": (nil, nil),
        "diet_percent_of_rda": (nil, nil),
      ]),

    Persona(
      name: "5. 'don't know' everywhere it is allowed, age 8: every safety question is open",
      answers: dontKnowEverywhere([
        "age_how": .choice("years"), "age_given": .number(8), "sex": .preferNotToSay,
        "family_adhd": .preferNotToSay,
      ]),
      raises: ["diet_estimate_incomplete", "magnesium_condition_unknown", "safety_questions_open"],
      open: openExcept([]), lines: ["adhd_not_diagnosed"],
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
      raises: [
        "under_one_year", "magnesium_product_now", "age_outside_studies", "safety_questions_open",
      ],
      open: openExcept(["magnesium_sources"]),
      lines: ["adhd_not_diagnosed", "magnesium_form", "amount_under_one"],
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
      raises: [
        "supplemental_above_upper_level", "magnesium_product_now", "age_outside_studies",
        "safety_questions_open",
      ],
      open: openExcept(["magnesium_sources"]),
      lines: ["adhd_not_diagnosed", "magnesium_form", "amount_one_to_three"],
      values: [
        "age_years": (3, nil), "supplement_ul_mg": (65, nil), "supplemental_mg": (100, nil),
        "rda_mg": (80, nil), "dietary_mg": (54, nil), "diet_percent_of_rda": (68, "below"),
      ]),

    Persona(
      name: "8. three-year-old given 60 mg bisglycinate, under the US level: the product is raised",
      answers: [
        "nickname": .text("Fenna"), "age_how": .choice("birth_date"),
        "birth_date": AdhdMagnesium.born(yearsAgo: 3, monthsAgo: 2), "sex": .choice("girl"),
        "adhd_diagnosis": .choice("assessing"),
      ].with(
        noneAtAll,
        [
          "magnesium_sources": .choices(["supplement"]),
          "magnesium_form": .choice("bisglycinate"), "supplement_mg": .number(60),
        ],
        // 0.29 × 54 + 1.5 × 19 + 2 × 18 = 80.2
        foods(
          nuts: "w1_3", seeds: "none", spinach: "none", wholegrain: "none", beans: "none",
          bread: "d1_2", milk: "d2")),
      raises: ["magnesium_product_now", "age_outside_studies", "no_diagnosis_yet"],
      open: [], lines: ["adhd_not_diagnosed", "magnesium_form", "amount_one_to_three"],
      values: [
        "age_years": (3, nil), "supplement_ul_mg": (65, nil), "supplemental_mg": (60, nil),
        "dietary_mg": (80, nil),
      ]),

    Persona(
      name: "9. sixteen-year-old whose sex is not given: the reference depends on it",
      answers: [
        "age_how": .choice("years"), "age_given": .number(16), "sex": .preferNotToSay,
      ].with(
        foods(
          nuts: "w1_3", seeds: "none", spinach: "none", wholegrain: "w1_3", beans: "none",
          bread: "d1_2", milk: "d1")),
      raises: ["reference_depends_on_sex", "age_outside_studies", "safety_questions_open"],
      open: openExcept([]), lines: ["adhd_not_diagnosed"],
      values: [
        "age_years": (16, nil), "rda_mg": (nil, nil), "dietary_mg": (70, nil),
        "diet_percent_of_rda": (nil, nil), "supplement_ul_mg": (350, nil),
      ]),

    Persona(
      name: "10. girl turning 14 today, being assessed, short PPI use, rich diet",
      answers: [
        "age_how": .choice("birth_date"), "birth_date": AdhdMagnesium.born(yearsAgo: 14),
        "sex": .choice("girl"), "adhd_diagnosis": .choice("assessing"),
        "acid_blocker": .choice("under_a_year"), "picky_eating": .choice("not_picky"),
      ].with(
        // 2.14 × 54 + 1.57 × 111 + 0.79 × 28 + 0.29 × 60 + 3.5 × 19 + 2 × 18 = 431.9
        foods(
          nuts: "w15", seeds: "w8_14", spinach: "none", wholegrain: "w4_7", beans: "w1_3",
          bread: "d3_4", milk: "d2")),
      raises: [
        "acid_blocker_shorter", "no_diagnosis_yet", "age_outside_studies", "safety_questions_open",
      ],
      open: openExcept(["acid_blocker"]), lines: ["adhd_not_diagnosed"],
      values: [
        "age_years": (14, nil), "rda_mg": (360, nil), "dietary_mg": (432, nil),
        "diet_percent_of_rda": (120, "at_or_above"),
      ]),

    Persona(
      name: "11. boy of 7, not diagnosed, diarrhoea and cramps while on two oxide supplements",
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
      // The complaints come with a product: linked to it (not the point for diarrhoea alone).
      raises: [
        "no_diagnosis_yet", "sleep_difficulties", "stomach_with_magnesium", "picky_eater",
        "genetic_condition_reported", "magnesium_oxide", "magnesium_product_now",
        "supplemental_above_upper_level", "diet_estimate_incomplete", "safety_questions_open",
      ],
      open: [
        "antibiotics", "acid_blocker", "diuretic", "bisphosphonate",
        "kidney",
      ],
      lines: ["adhd_not_diagnosed", "magnesium_form", "amount_from_four"],
      values: [
        "age_years": (7, nil), "supplement_ul_mg": (110, nil), "supplemental_mg": (150, nil),
        "comorbidities": (3, "several"), "genetics_reported": (1, "something_reported"),
      ]),

    Persona(
      name: "12. girl of 10 with her own magnesium condition, a quinolone and another antibiotic, "
        + "nausea with mineral water",
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
        "other_antibiotic", "stomach_with_magnesium", "magnesium_product_now",
        "adhd_medication_and_magnesium", "diet_estimate_incomplete", "safety_questions_open",
      ],
      open: ["acid_blocker", "diuretic", "bisphosphonate", "kidney"],
      // No amount is asked for mineral water, so no amount line.
      lines: ["adhd_not_diagnosed"],
      values: [
        "age_years": (10, nil), "genetics_reported": (2, "something_reported"),
        "supplemental_mg": (nil, nil),
      ]),

    Persona(
      name: "13. only the age: a young man of 19 today, every safety question unanswered",
      answers: [
        "age_how": .choice("birth_date"), "birth_date": AdhdMagnesium.born(yearsAgo: 19),
        "sex": .choice("boy"),
      ],
      raises: ["diet_estimate_incomplete", "age_outside_studies", "safety_questions_open"],
      open: openExcept([]), lines: ["adhd_not_diagnosed"],
      values: [
        "age_years": (19, nil), "rda_mg": (400, nil), "supplement_ul_mg": (350, nil),
        "dietary_mg": (nil, nil), "parent_rating": (nil, nil),
      ]),

    Persona(
      name: "14. Daan, 9, methylphenidate, 150 mg drugstore magnesium, stomach cramps now",
      answers: saved("20261124-193000-d0d001"),
      raises: [
        "magnesium_product_now", "stomach_with_magnesium", "many_difficulties",
        "sleep_difficulties", "diet_under_half_reference", "adhd_medication_and_magnesium",
      ],
      open: [],
      lines: [
        "adhd_diagnosed", "parent_rating", "magnesium_form", "amount_from_four",
        "other_supplements",
      ],
      values: [
        "age_years": (9, nil), "supplement_ul_mg": (350, nil), "supplemental_mg": (150, nil),
        "rda_mg": (240, nil), "dietary_mg": (114, nil), "diet_percent_of_rda": (48, "under_half"),
      ]),

    Persona(
      name: "15. boy of 8 with diarrhoea and no magnesium product",
      answers: noneAtAll.with(
        [
          "age_how": .choice("years"), "age_given": .number(8),
          "stomach_now": .choices(["diarrhoea"]),
        ]
      ),
      raises: ["current_diarrhoea", "diet_estimate_incomplete"],
      open: [], lines: ["adhd_not_diagnosed"], values: ["age_years": (8, nil)]),

    Persona(
      name: "16. girl of 8 with cramps and nausea, magnesium products 'don't know'",
      answers: noneAtAll.with([
        "age_how": .choice("years"), "age_given": .number(8),
        "stomach_now": .choices(["nausea", "cramps"]), "magnesium_sources": .dontKnow,
      ]),
      raises: ["stomach_complaints", "diet_estimate_incomplete", "safety_questions_open"],
      open: ["magnesium_sources"], lines: ["adhd_not_diagnosed"], values: [:]),

    Persona(
      name: "17. boy of 10 on a bisphosphonate, another antibiotic and a medicine typed in",
      answers: noneAtAll.with([
        "age_how": .choice("years"), "age_given": .number(10),
        "bisphosphonate": .choice("yes"), "antibiotics": .choices(["other"]),
        "other_medicines": .text("Calcium-tabletten en een neusspray"),
      ]),
      raises: [
        "bisphosphonate", "other_antibiotic", "other_medicines_listed", "diet_estimate_incomplete",
      ],
      open: [], lines: ["adhd_not_diagnosed", "other_medicines"], values: [:]),

    Persona(
      name: "18. age left open (finished early) with 400 mg from an antacid",
      answers: noneAtAll.with([
        "age_how": .choice("birth_date"), "magnesium_sources": .choices(["antacid"]),
        "medicine_mg": .number(400),
      ]),
      raises: [
        "age_unknown", "amount_above_any_upper_level", "magnesium_product_now",
        "diet_estimate_incomplete",
      ],
      open: [], lines: ["adhd_not_diagnosed", "amount_age_unknown"],
      values: ["age_years": (nil, nil), "supplemental_mg": (400, nil)],
      missingRequired: ["birth_date"]),

    Persona(
      name: "19. Sem, 12, the follow-up: now a 300 mg supplement and diarrhoea",
      answers: saved("20261123-200000-b0b002"),
      raises: [
        "magnesium_product_now", "supplemental_above_european_level", "stomach_with_magnesium",
        "antibiotic_timing", "family_magnesium_condition", "adhd_medication_and_magnesium",
        "many_difficulties", "sleep_difficulties", "picky_eater", "diet_under_half_reference",
      ],
      open: [], lines: ["adhd_diagnosed", "parent_rating", "magnesium_form", "amount_from_four"],
      values: [
        "age_years": (12, nil), "supplement_ul_mg": (350, nil), "supplemental_mg": (300, nil),
      ]),

    Persona(
      name: "20. boy of 7, 100 mg from a supplement; antacid amount, 2 family questions unknown",
      answers: noneAtAll.with([
        "age_how": .choice("years"), "age_given": .number(7),
        "magnesium_sources": .choices(["supplement", "antacid"]), "supplement_mg": .number(100),
        "medicine_mg": .dontKnow, "magnesium_condition": .dontKnow,
        "genetic_condition": .dontKnow,
      ]),
      // 100 mg is under the upper level for the age (110 mg), but it is only what is known: page
      // one says so, and the antacid's amount is an open safety question. Two of the three
      // family questions "don't know" is not "nothing reported".
      raises: [
        "magnesium_product_now", "diet_estimate_incomplete", "magnesium_condition_unknown",
        "safety_questions_open",
      ],
      open: ["medicine_mg"],
      lines: ["adhd_not_diagnosed", "magnesium_form", "amount_from_four", "partial_amount"],
      values: [
        "age_years": (7, nil), "supplement_ul_mg": (110, nil), "supplemental_mg": (100, nil),
        "supplemental_incomplete": (1, nil), "genetics_answered": (1, nil),
        "genetics_reported": (nil, nil),
      ]),

    Persona(
      name: "21. boy of 10 on an amphetamine with a 200 mg magnesium oxide supplement",
      answers: noneAtAll.with([
        "age_how": .choice("years"), "age_given": .number(10), "sex": .choice("boy"),
        "adhd_diagnosis": .choice("yes"), "adhd_medication": .choices(["amphetamine"]),
        "magnesium_sources": .choices(["supplement"]), "magnesium_form": .choice("oxide"),
        "supplement_mg": .number(200),
      ]),
      // Oxide is also an antacid: a question for the prescriber, not the antacid point.
      raises: [
        "magnesium_product_now", "amphetamine_with_oxide_supplement", "magnesium_oxide",
        "adhd_medication_and_magnesium", "diet_estimate_incomplete",
      ],
      open: [],
      lines: ["adhd_diagnosed", "magnesium_form", "amount_from_four"],
      values: [
        "age_years": (10, nil), "supplement_ul_mg": (350, nil), "supplemental_mg": (200, nil),
      ]),

    Persona(
      name: "22. girl of 9 'diagnosed at 10': two answers that cannot both be right",
      answers: noneAtAll.with([
        "age_how": .choice("years"), "age_given": .number(9), "sex": .choice("girl"),
        "adhd_diagnosis": .choice("yes"), "diagnosis_age": .number(10),
      ]),
      raises: ["diagnosis_after_age", "diet_estimate_incomplete"],
      open: [], lines: ["adhd_diagnosed"],
      values: ["age_years": (9, nil)]),
  ]
}

@Suite("ADHD and magnesium: personas")
struct AdhdMagnesiumPersonaTests {
  static let openPoint = SafetySpec.openPointID

  /// Summary lines with a condition; the others are on every page one.
  static let conditionalLines = Set(q.report.summary.filter { $0.condition != nil }.map(\.id))

  @Test("the personas together raise every conditional rule, the open point and every line")
  func coverage() {
    #expect(Persona.all.count >= 19)
    let raised = Persona.all.reduce(into: Set<String>()) { $0.formUnion($1.raises) }
    let conditional = AdhdMagnesium.allRuleIDs.subtracting(AdhdMagnesium.alwaysRaised)
      .union([Self.openPoint])
    #expect(conditional.subtracting(raised).sorted() == [], "no persona raises these")
    let shown = Persona.all.reduce(into: Set<String>()) { $0.formUnion($1.lines) }
    #expect(Self.conditionalLines.subtracting(shown).sorted() == [], "no persona shows these")
  }

  @Test(
    "exactly the expected points are raised, and no others, in Dutch and in English",
    arguments: Persona.all)
  func raisedPoints(persona: Persona) throws {
    let assessment = AdhdMagnesium.assess(persona.answers)
    #expect(assessment.unusableAnswers.isEmpty, "answers that do not fit their item")
    #expect(assessment.missingRequired == persona.missingRequired)
    let expected = persona.raises.union(AdhdMagnesium.alwaysRaised)
    #expect(
      Set(assessment.points.map(\.rule.id)) == expected.subtracting([Self.openPoint]),
      "the engine's rules")
    for language in [Language.dutch, .english] {
      let report = try AdhdMagnesium.report(persona.answers, in: language)
      let raised = report.allPoints.map(\.id)
      #expect(raised.count == Set(raised).count, "a point placed twice")
      #expect(Set(raised).subtracting(expected).sorted() == [], "raised but not expected")
      #expect(expected.subtracting(raised).sorted() == [], "expected but not raised")
      // Safety comes first: every discuss-first point is on page one's list.
      #expect(
        report.discussFirst.map(\.id)
          == report.allPoints.filter { $0.priority == .discussFirst }.map(\.id))
    }
  }

  @Test(
    "open safety questions: exactly those listed, named on page one, and the point lists them",
    arguments: Persona.all)
  func openSafetyQuestions(persona: Persona) throws {
    for language in [Language.dutch, .english] {
      let report = try AdhdMagnesium.report(persona.answers, in: language)
      let point = report.discussFirst.first { $0.id == Self.openPoint }
      #expect(report.summary.safetyAnswered == persona.open.isEmpty)
      guard let point else {
        #expect(persona.open.isEmpty, "no open point although questions are open")
        continue
      }
      #expect(report.discussFirst.last?.id == Self.openPoint, "listed after the rules' points")
      #expect(point.basis.map(\.id) == persona.open, "its trail is exactly the open questions")
      let labels = persona.open.compactMap {
        q.report.safety?.question($0)?.label.text(in: language)
      }
      #expect(point.what.hasSuffix(": " + labels.joined(separator: ", ")), "\(point.what)")
      // The status names the unanswered safety questions among the unanswered ones.
      let unansweredSafety = report.header.unanswered.compactMap(\.safety)
      for name in unansweredSafety { #expect(report.header.statusText.contains(name)) }
      #expect(Set(unansweredSafety).isSubset(of: labels))
    }
  }

  @Test(
    "page one shows exactly the summary lines whose condition holds, in both languages",
    arguments: Persona.all)
  func summaryLines(persona: Persona) throws {
    for language in [Language.dutch, .english] {
      let report = try AdhdMagnesium.report(persona.answers, in: language)
      let shown = Set(report.summary.lines.map(\.id))
      #expect(shown.intersection(Self.conditionalLines) == persona.lines)
      #expect(shown.isSuperset(of: ["adhd_medication", "other_medicine_classes", "magnesium_now"]))
      for line in report.summary.lines {
        let text = "\(line.label): \(line.text)"
        #expect(!text.contains("{") && !text.contains("}"), "\(text)")
        #expect(DoseAdviceScanner.problems(in: text, language: language) == [], "\(text)")
      }
    }
  }

  @Test(
    "the report never says nothing needs to come first while a safety question is open",
    arguments: Persona.all)
  func neverFalselyReassuring(persona: Persona) throws {
    // Leave each answered safety question out in turn: the report must raise it.
    let answered = AdhdMagnesium.safetyQuestions.filter { persona.answers[$0] != nil }
    for id in answered {
      var answers = persona.answers
      answers[id] = nil
      let assessment = AdhdMagnesium.assess(answers)
      guard assessment.isVisible(item: id, in: q) else { continue }
      let report = try AdhdMagnesium.report(answers, in: .english)
      let point = try #require(report.discussFirst.first { $0.id == Self.openPoint }, "\(id)")
      #expect(point.basis.contains { $0.id == id }, "\(id) is not listed")
      #expect(report.summary.safetyAnswered == false)
    }
    let report = try AdhdMagnesium.report(persona.answers, in: .dutch)
    // Read as a parent would, lines joined again.
    let text = TextReportRenderer(width: 400).render(report)
    let reassurance = ReportText.nothingDiscussFirstAllSafetyAnswered.text(in: .dutch)
    #expect(
      text.contains(reassurance) == (report.discussFirst.isEmpty && persona.open.isEmpty))
    #expect(!text.contains(ReportText.nothingDiscussFirst.text(in: .dutch)))
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
