import Foundation
import IntakeCore
import Testing

private let q = AdhdMagnesium.questionnaire

/// A saved fixture under Fixtures/report/answers.
private func record(_ id: String) throws -> AnswerRecord {
  try AnswerFile.load(
    contentsOf: Fixtures.directory.appending(path: "report/answers/\(id).json").path)
}

private func report(_ id: String, previous: String? = nil, in language: Language) throws
  -> ReportDocument
{
  let current = try record(id)
  return try ReportDocument.build(
    questionnaire: q, record: current, previous: try previous.map(record),
    today: AssessmentHistory.day(of: current, timeZone: TimeZone(identifier: "UTC")!),
    language: language, timeZone: TimeZone(identifier: "UTC")!)
}

@Suite("ADHD and magnesium: what page one says")
struct AdhdMagnesiumReportContentTests {
  @Test(
    "Daan: the product and the cramps come first, linked; the amount beside both upper levels",
    arguments: [Language.dutch, .english])
  func daan(language: Language) throws {
    let document = try report("20261124-193000-d0d001", in: language)
    #expect(
      document.discussFirst.map(\.id) == ["magnesium_product_now", "stomach_with_magnesium"])
    let stomach = try #require(document.discussFirst.last)
    // The complaint is tied to the product it may come from, and rests on both answers.
    #expect(stomach.basis.map(\.id) == ["magnesium_sources", "stomach_now"])
    #expect(
      stomach.why.contains(language == .dutch ? "magnesiumsupplement" : "magnesium supplement"))
    #expect(!document.otherPoints.contains { $0.id == "stomach_complaints" })
    let amount = try #require(document.summary.lines.first { $0.id == "amount_from_four" })
    if language == .dutch {
      #expect(amount.text.contains("volgens u: 150 mg per dag"))
      #expect(amount.text.contains("VS (IOM) 350 mg per dag"))
      #expect(amount.text.contains("250 mg per dag"))
      #expect(amount.text.contains("Referentie-bovengrens"))
    } else {
      #expect(amount.text.contains("as you reported it: 150 mg a day"))
      #expect(amount.text.contains("US (IOM) 350 mg a day"))
      #expect(amount.text.contains("250 mg a day"))
      #expect(amount.text.contains("Reference upper level"))
    }
    #expect(Set(amount.sources) == ["iom2000_ul", "efsa_ul", "bfr2017"])
    // Every safety question was answered, so the status says complete but for two open texts.
    #expect(document.summary.safetyAnswered == true)
    #expect(document.header.unanswered.map(\.itemID) == ["cond_other", "other_medicines"])
    #expect(document.header.unanswered.allSatisfy { $0.safety == nil })
    #expect(document.header.age == (language == .dutch ? "9 jaar" : "9 years"))
    #expect(document.header.sex == (language == .dutch ? "Jongen" : "Boy"))
    #expect(document.summary.parentQuestions?.itemID == "own_questions")
  }

  @Test("a three-year-old: the US level for her age, and no European level under 4")
  func underFour() throws {
    let answers: [String: AnswerValue] = [
      "age_how": .choice("years"), "age_given": .number(3),
      "magnesium_sources": .choices(["supplement"]), "magnesium_form": .choice("bisglycinate"),
      "supplement_mg": .number(60),
    ]
    let dutch = try AdhdMagnesium.report(answers, in: .dutch)
    let line = try #require(dutch.summary.lines.first { $0.id == "amount_one_to_three" })
    #expect(line.text.contains("60 mg per dag"))
    #expect(line.text.contains("VS (IOM) 65 mg per dag"))
    #expect(line.text.contains("onder 4 jaar geen bovengrens afgeleid"))
    #expect(dutch.discussFirst.first?.id == "magnesium_product_now")
    #expect(!dutch.allPoints.contains { $0.id == "supplemental_above_upper_level" })
    let english = try AdhdMagnesium.report(answers, in: .english)
    #expect(english.summary.lines.contains { $0.text.contains("no upper level was derived") })
  }

  @Test("a date of birth that cannot be used: no reference value, and the highest level named")
  func ageUnusable() throws {
    let answers: [String: AnswerValue] = [
      "age_how": .choice("birth_date"), "birth_date": .date(Fixtures.today.adding(years: 1)),
      "magnesium_sources": .choices(["laxative"]), "medicine_mg": .number(500),
    ]
    let document = try AdhdMagnesium.report(answers, in: .english)
    #expect(
      document.discussFirst.prefix(3).map(\.id) == [
        "age_unknown", "amount_above_any_upper_level", "magnesium_product_now",
      ])
    #expect(document.header.age == nil)
    #expect(document.header.notes.contains { $0.hasPrefix("1 answer does not fit") })
    let line = try #require(document.summary.lines.first { $0.id == "amount_age_unknown" })
    #expect(line.text.contains("500 mg a day"))
    #expect(line.text.contains("350 mg a day"))
    #expect(!document.summary.lines.contains { $0.id == "amount_from_four" })
  }

  @Test(
    "a label wider than the column: the value starts under it, never glued to the colon",
    arguments: [Language.dutch, .english])
  func longLabel(language: Language) throws {
    let document = try AdhdMagnesium.report(
      [
        "age_how": .choice("years"), "age_given": .number(9),
        "other_medicines": .text("sertraline"),
      ],
      in: language)
    let lines = TextReportRenderer(width: 80).render(document).split(separator: "\n")
    let label =
      language == .dutch
      ? "Andere medicijnen (door u genoemd):" : "Other medicines (as you wrote them):"
    let at = try #require(lines.firstIndex { $0.hasPrefix(label) })
    #expect(lines[at] == label[...])
    // Where the other values start: after the label and the spaces of the line just below.
    let next = lines[at + 2]
    let nextLabel = try #require(next.firstIndex(of: ":"))
    let column = next.distance(
      from: next.startIndex, to: next[next.index(after: nextLabel)...].firstIndex { $0 != " " }!)
    let value = lines[at + 1]
    #expect(value.drop { $0 == " " } == "sertraline")
    #expect(value.prefix { $0 == " " }.count == column, "in the values' column: \(value)")
  }

  @Test("at 40 columns (the viewer) each label stands above its value, and no word is broken")
  func narrowFacts() throws {
    let document = try report("20261124-193000-d0d001", in: .english)
    let lines = TextReportRenderer(width: 38).render(document).split(separator: "\n")
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 38 })
    let at = try #require(lines.firstIndex { $0 == "ADHD diagnosed:" })
    #expect(lines[at + 1].hasPrefix("  Yes, by: Paediatrician; severity"), "\(lines[at + 1])")
    for word in ["Paediatrician;", "measurement)", "magnesium"] {
      #expect(lines.contains { $0.contains(word) }, "'\(word)' whole somewhere")
    }
    #expect(!lines.contains { $0.hasSuffix("Paediat") || $0.hasSuffix("measurem") })
  }

  @Test("a baby's age reads 'under 1 year', not '0 years'", arguments: [Language.dutch, .english])
  func babyAge(language: Language) throws {
    let document = try AdhdMagnesium.report(
      ["age_how": .choice("years"), "age_given": .number(0)], in: language)
    #expect(document.header.age == (language == .dutch ? "jonger dan 1 jaar" : "under 1 year"))
    // Every text that names the age says it the same way, not "0 years".
    let outside = try #require(
      (document.discussFirst + document.factors.flatMap(\.points) + document.medicines.points
        + document.otherPoints + document.evidence)
        .first { $0.id == "age_outside_studies" })
    #expect(outside.what.contains(language == .dutch ? "(jonger dan 1 jaar)" : "(under 1 year)"))
    #expect(!outside.what.contains("0 "), "\(outside.what)")
  }

  @Test(
    "the follow-up: every changed answer, safety questions first, with then and now",
    arguments: [Language.dutch, .english])
  func followUp(language: Language) throws {
    let document = try report(
      "20261123-200000-b0b002", previous: "20260520-180000-b0b001", in: language)
    let changes = try #require(document.changes)
    #expect(
      changes.map(\.itemID) == [
        "magnesium_sources", "supplement_mg", "stomach_now",
        "clinician_severity", "impulse_acts", "magnesium_form",
      ])
    // The products and the amount are safety questions; the stomach complaints come with them
    // because they are behind a point raised first ("complaints while magnesium is given").
    #expect(changes.prefix(2).allSatisfy { $0.safety != nil })
    #expect(changes.dropFirst(2).allSatisfy { $0.safety == nil })
    let notAsked = ReportText.notAsked.text(in: language)
    #expect(changes[1].then == notAsked)
    #expect(changes[1].now == (language == .dutch ? "300 mg per dag" : "300 mg a day"))
    #expect(changes[2].now == (language == .dutch ? "Diarree" : "Diarrhoea"))
    #expect(changes[3].then == (language == .dutch ? "Matig" : "Moderate"))
    #expect(changes[3].now == (language == .dutch ? "Ernstig" : "Severe"))
    let comparison = try #require(document.comparison)
    #expect(comparison.previousDate == .on("2026-05-20"))
    #expect(comparison.previousTime == "18:40")
    let heading =
      language == .dutch ? "Veranderd sinds 20 mei 2026, 18:40" : "Changed since 20 May 2026, 18:40"
    #expect(
      ReportText.changedSince(
        ReportText.dateAndTime(comparison.previousDate, comparison.previousTime, in: language),
        in: language) == heading)
    // Page one names each change; the text report lists them under the heading.
    let text = TextReportRenderer(width: 400).render(document)
    let pageOne = try #require(
      text.components(separatedBy: String(repeating: "=", count: 400)).first)
    #expect(pageOne.contains(heading))
    for change in changes { #expect(pageOne.contains(change.question), "\(change.itemID)") }
    #expect(
      document.discussFirst.map(\.id) == [
        "magnesium_product_now", "supplemental_above_european_level", "stomach_with_magnesium",
        "antibiotic_timing",
      ])
  }

  @Test("the JSON names the changes with item, then and now")
  func changesInJSON() throws {
    let document = try report(
      "20261123-200000-b0b002", previous: "20260520-180000-b0b001", in: .english)
    let json = try JSONReportRenderer().render(document)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let changes = try #require(object["changes"] as? [[String: Any]])
    #expect(changes.count == 6)
    #expect(changes[0]["item_id"] as? String == "magnesium_sources")
    #expect(changes[0]["then"] as? String == "None of these")
    #expect(changes[0]["now"] as? String == "A magnesium supplement")
    #expect(changes[0]["safety"] as? String == "products with magnesium")
    #expect(object["schema"] as? String == "intake-report/2")
  }
}
