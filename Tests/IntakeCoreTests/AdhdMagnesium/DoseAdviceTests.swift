import IntakeCore
import Testing

private let q = AdhdMagnesium.questionnaire

@Suite("ADHD and magnesium: no dose advice anywhere")
struct AdhdMagnesiumDoseAdviceTests {
  @Test(
    "the scanner catches dose advice and unlabelled amounts",
    arguments: [
      ("Geef uw kind 200 mg per dag.", Language.dutch),
      ("Neem 1,5 mg magnesium bij het ontbijt.", .dutch),
      ("Uw kind slikt beter 100 milligram.", .dutch),
      ("Take 250 mg a day.", .english),
      ("Give your child 100 mg at bedtime.", .english),
      ("Studies used 6 mg/kg a day.", .english),
      ("Dat is 6 mg per kg lichaamsgewicht.", .dutch),
      ("Begin met een dosis van 100.", .dutch),
      ("A dose of 200 is common.", .english),
      ("The recommended dose is low.", .english),
      ("Het supplement bevat 200 mg.", .dutch),
      ("This product has 150 mg.", .english),
      // The Dutch label does not count in English, nor the reverse.
      ("The referentiewaarde is 130 mg.", .english),
      // Kinds of sentence the report could drift into when it compares amounts.
      ("A safe dose for a child is low.", .english),
      ("De maximale hoeveelheid is laag.", .dutch),
      ("Start with 50 mg, reference value or not.", .english),
      ("Bouw op naar 200 mg (referentiewaarde).", .dutch),
      ("Give no more than 250 mg, the reference upper level.", .english),
      ("Niet meer dan 110 mg per dag (referentie-bovengrens).", .dutch),
    ])
  func catches(text: String, language: Language) {
    #expect(!DoseAdviceScanner.problems(in: text, language: language).isEmpty)
  }

  @Test(
    "the scanner lets labelled reference values and plain words through",
    arguments: [
      ("De referentiewaarde (RDA, IOM) is 410 mg per dag voor jongens.", Language.dutch),
      ("The reference upper level (UL, IOM) is 350 mg a day.", .english),
      ("Neem de verpakking mee naar de arts.", .dutch),
      ("Take the packaging to the doctor.", .english),
      ("Er is geen vastgestelde dosis voor ADHD.", .dutch),
      ("Een portie is 28 gram.", .dutch),
      ("The highest reference upper level for any age is 350 mg a day.", .english),
      ("De referentie-bovengrens voor deze leeftijd: VS (IOM) 350 mg per dag.", .dutch),
      ("Het NIH noemt minstens 2 uur ertussen.", .dutch),
      ("Above the European reference upper level (250 mg a day), not above the US one.", .english),
    ])
  func allows(text: String, language: Language) {
    #expect(DoseAdviceScanner.problems(in: text, language: language) == [])
  }

  @Test("no text of the questionnaire, in either language, gives dose advice")
  func everyText() {
    let texts = q.everyText()
    #expect(texts.count > 500)
    let milligrams = q.milligramNames
    #expect(milligrams.isSuperset(of: ["supplement_mg", "medicine_mg", "rda_mg", "dietary_mg"]))
    for text in texts {
      // A placeholder that renders an amount counts as an amount.
      var filled = text.text
      for name in text.placeholders {
        filled = filled.replacingOccurrences(
          of: "{\(name)}", with: milligrams.contains(name) ? "999 mg" : "X")
      }
      #expect(DoseAdviceScanner.problems(in: filled, language: text.language) == [], "\(text)")
    }
  }

  @Test("reference amounts appear only in texts labelled as reference values")
  func labelledAmounts() {
    let withAmounts = q.everyText().filter { text in
      text.placeholders.contains { q.milligramNames.contains($0) }
        || text.text.range(of: #"\d\s*mg"#, options: .regularExpression) != nil
    }
    // Each in both languages.
    #expect(withAmounts.count == 28)
    #expect(
      Set(withAmounts.map(\.place)) == [
        "computed diet_percent_of_rda band under_half text",
        "computed diet_percent_of_rda band below text",
        "computed diet_percent_of_rda band at_or_above text",
        "rule reference_depends_on_sex text",
        "rule amount_above_any_upper_level title", "rule amount_above_any_upper_level text",
        "rule supplemental_above_upper_level title", "rule supplemental_above_upper_level text",
        "rule supplemental_above_european_level title",
        "rule supplemental_above_european_level text",
        "summary amount_from_four text", "summary amount_one_to_three text",
        "summary amount_under_one text", "summary amount_age_unknown text",
      ])
    for text in withAmounts {
      let lower = text.text.lowercased()
      let labels = DoseAdviceScanner.referenceLabels[text.language] ?? []
      #expect(labels.contains { lower.contains($0) }, "\(text)")
    }
  }
}
