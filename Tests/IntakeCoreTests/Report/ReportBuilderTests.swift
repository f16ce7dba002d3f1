import Foundation
import IntakeCore
import Testing

private let q = Fixtures.everyFeature

@Suite("Report: building the document")
struct ReportBuilderTests {
  @Test("every raised point appears exactly once: discuss-first first, the rest under its topic")
  func placement() throws {
    let document = try ReportFixtures.document()
    let assessment = Engine.assess(
      q, answers: Answers(ReportFixtures.sam), today: Fixtures.today)
    let raised = assessment.points.map(\.rule.id)
    #expect(raised.count >= 5, "the answers raise points of every kind")
    #expect(document.allPoints.map(\.id).sorted() == raised.sorted())
    #expect(Set(document.allPoints.map(\.id)).count == document.allPoints.count)

    #expect(document.discussFirst.map(\.id) == ["above_limit_rule"])
    #expect(document.factors.map(\.id) == ["severity_factor", "diet_factor"])
    #expect(document.factors[0].points.map(\.id) == ["severe"])
    #expect(document.medicines.points.map(\.id) == ["stimulant_and_magnesium"])
    #expect(document.evidence.map(\.id) == ["evidence"])
    #expect(document.otherPoints.allSatisfy { ["safety", "general"].contains($0.topic) })
    #expect(document.otherPoints.map(\.id) == ["sex_unknown", "weight_unknown"])
  }

  @Test(
    "within a section, points run from discuss to good to know, in rule order otherwise",
    arguments: [
      ReportFixtures.sam, [:], ["sex": .choice("girl"), "weight": .dontKnow, "focus": .number(3)],
      ["magnesium_mg": .number(2000), "birth_date": .date(.on("2024-01-01")), "nuts": .dontKnow],
    ])
  func order(values: [String: AnswerValue]) throws {
    let document = try ReportFixtures.document(values)
    let ruleOrder = q.report.rules.map(\.id)
    let sections =
      [document.discussFirst, document.medicines.points, document.otherPoints, document.evidence]
      + document.factors.map(\.points)
    for points in sections {
      let keys = points.map { ($0.priority, ruleOrder.firstIndex(of: $0.id) ?? -1) }
      #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "\(points.map(\.id))")
    }
  }

  @Test("texts are rendered in the reader's language with placeholders filled in")
  func texts() throws {
    let english = try ReportFixtures.document()
    #expect(english.discussFirst[0].what == "Already 400 mg a day")
    #expect(english.discussFirst[0].why == "Above the limit.")
    #expect(english.factors[0].text == "Severity: 2.5.")
    #expect(english.factors[1].text == "Diet {estimated}.")
    let dutch = try ReportFixtures.document(language: .dutch)
    #expect(dutch.discussFirst[0].what == "Al 400 mg per dag")
    #expect(dutch.factors[0].text == "Ernst: 2,5.")
    #expect(dutch.disclaimer == ReportText.disclaimer.text(in: .dutch))
    #expect(dutch.disclaimer != english.disclaimer)
  }

  @Test("a point's trail lists the answers behind it, through computed values, in order")
  func trail() throws {
    let document = try ReportFixtures.document()
    let point = try #require(document.discussFirst.first)
    let answers = point.basis.filter { $0.kind == .answer }
    #expect(answers.map(\.id) == ["birth_date", "magnesium_mg"])
    #expect(answers.map(\.label) == ["Date of birth?", "How much magnesium already?"])
    #expect(answers.map(\.value) == ["10 May 2016", "400 mg a day"])
    // The labelled age is shown as a worked-out value; the unlabelled arithmetic is not.
    let worked = point.basis.filter { $0.kind != .answer }
    #expect(worked.map(\.id) == ["age_years"])
    #expect(worked.first?.value == "10 years")

    let evidence = try #require(document.evidence.first)
    #expect(evidence.basis.isEmpty, "an unconditional point rests on no answer")

    let severity = document.factors[0]
    #expect(severity.basis.map(\.id) == ["focus", "restless"], "don't know is not counted")
    #expect(severity.score?.kind == .scale)
    #expect(severity.score?.number == 2.5)
    #expect(severity.score?.band?.label == "Marked")
    #expect(
      severity.score?.display == "2.5 on a scale from 0 to 3, 2 of 3 questions answered")
  }

  @Test("a score the answers do not determine says why")
  func unknownScore() throws {
    var values = ReportFixtures.sam
    values["restless"] = .dontKnow
    let document = try ReportFixtures.document(values)
    let score = try #require(document.factors[0].score)
    #expect(score.number == nil)
    #expect(score.band == nil)
    #expect(
      score.display
        == "not enough answers to work this out (1 of 3 questions answered, 2 needed)")
  }

  @Test("sources are exactly those cited above, numbered by first citation")
  func sources() throws {
    let document = try ReportFixtures.document()
    var cited: [String] = []
    for ids in [document.discussFirst.flatMap(\.sources)]
      + document.factors.map({ $0.sources + $0.points.flatMap(\.sources) })
      + [document.medicines.points.flatMap(\.sources), document.otherPoints.flatMap(\.sources)]
      + [document.evidence.flatMap(\.sources)]
    {
      for id in ids where !cited.contains(id) { cited.append(id) }
    }
    #expect(document.sources.map(\.id) == cited)
    #expect(document.sources.map(\.id) == ["iom1997", "seed"])
    #expect(document.sources.map(\.number) == [1, 2])
    #expect(document.sources[0].url == "https://www.nap.edu/read/5776/chapter/8")
    #expect(document.sources[0].citation == "IOM (1997), chapter 6")

    // Without the discuss-first point, the seed is cited first.
    var values = ReportFixtures.sam
    values["magnesium_mg"] = .number(100)
    let fewer = try ReportFixtures.document(values)
    #expect(fewer.sources.map(\.id) == ["seed", "iom1997"])
  }

  @Test("all answers: shown sections and items only, each exactly as given")
  func allAnswers() throws {
    var values = ReportFixtures.sam
    values["conditions"] = .choices(["anxiety"])  // hides sleep_nights and other_condition
    values["notes"] = nil
    let document = try ReportFixtures.document(values)
    #expect(document.answers.map(\.id) == ["child", "symptoms", "diet", "medicines"])
    let listed = document.answers.flatMap(\.answers)
    #expect(!listed.contains { $0.itemID == "sleep_nights" || $0.itemID == "other_condition" })
    #expect(!listed.contains { $0.itemID == "teen_question" })
    let byID = Dictionary(uniqueKeysWithValues: listed.map { ($0.itemID, $0) })
    #expect(byID["weight"]?.answer == "Don't know")
    #expect(byID["weight"]?.state == .dontKnow)
    #expect(byID["sex"]?.answer == "Prefer not to say")
    #expect(byID["sex"]?.state == .preferNotToSay)
    #expect(byID["notes"]?.answer == "Not answered")
    #expect(byID["notes"]?.state == .notAnswered)
    #expect(byID["notes"]?.value == nil)
    #expect(byID["focus"]?.answer == "Very often (3)")
    #expect(byID["focus"]?.value == .number(3))
    #expect(listed.map(\.itemID) == q.items.map(\.id).filter { byID[$0] != nil })

    let hiddenDiet = try ReportFixtures.document(["focus": .dontKnow, "nuts": .choice("daily")])
    #expect(!hiddenDiet.answers.map(\.id).contains("diet"))
  }

  @Test("an answer that no longer fits is kept and shown with the reason, not counted")
  func unusable() throws {
    var values = ReportFixtures.sam
    values["sex"] = .choice("other")
    let document = try ReportFixtures.document(values)
    let sex = try #require(document.answers[0].answers.first { $0.itemID == "sex" })
    #expect(sex.state == .notUsable)
    #expect(sex.answer == "other")
    #expect(sex.value == .choice("other"))
    #expect(sex.problem == "Please choose one of the options.")
    #expect(document.header.notes.contains { $0.hasPrefix("1 answer does not fit") })
  }

  @Test("the header: who, when, which questionnaire, and notes about the report itself")
  func header() throws {
    let document = try ReportFixtures.document()
    let header = document.header
    #expect(header.nickname == "Sam")
    #expect(header.age == "10 years")
    #expect(header.respondent == "Sam")
    #expect(header.date == Fixtures.today)
    #expect(header.lastChangedTime == "12:00", "the last change, in the time zone asked for")
    #expect(header.lastChangedDate == .on("2026-11-25"))
    #expect(header.updated == "2026-11-25T12:00:00.000Z")
    #expect(header.sex == nil, "every-feature names no sex item")
    #expect(header.statusText == "complete")
    #expect(header.unanswered.isEmpty)
    #expect(header.questionnaireID == "every-feature")
    #expect(header.questionnaireVersion == "2.1.0")
    #expect(header.title == "Everything at once")
    #expect(header.status == .complete)
    #expect(header.notes.isEmpty)
    #expect(document.language == .english)
    #expect(document.schema == "intake-report/2")

    let older = try ReportFixtures.document(version: "2.0.0")
    #expect(
      older.header.notes == [
        "The answers were given to version 2.0.0 of the questionnaire; this report uses version 2.1.0."
      ])
    #expect(older.header.answersVersion == "2.0.0")

    let unfinished = try ReportFixtures.document(["nickname": .text("Sam")], language: .dutch)
    #expect(unfinished.header.notes == ["4 verplichte vragen zijn nog niet beantwoord."])
    #expect(unfinished.header.age == nil)

    let inProgress = try ReportDocument.build(
      questionnaire: q,
      record: ReportFixtures.record(ReportFixtures.sam, status: .inProgress),
      today: Fixtures.today)
    #expect(inProgress.header.status == .inProgress)
    #expect(
      inProgress.header.notes == [
        "The questionnaire has not been finished yet, so points may be missing."
      ])
  }

  @Test("observations verbatim, only when written; the medicines section holds only its points")
  func medicinesAndObservations() throws {
    let document = try ReportFixtures.document()
    #expect(document.medicines.title == "Medicines")
    #expect(document.medicines.points.map(\.id) == ["stimulant_and_magnesium"])
    #expect(document.observations.map(\.itemID) == ["notes", "other_condition"])
    #expect(document.observations[1].answer == "Tics\nmostly in the evening")

    var values = ReportFixtures.sam
    values["notes"] = nil
    values["magnesium_mg"] = nil
    values["conditions"] = .choices(["none"])
    let fewer = try ReportFixtures.document(values)
    #expect(fewer.observations.isEmpty, "the hidden other_condition is not shown")
    #expect(fewer.medicines.points.isEmpty)
  }

  @Test(
    "every shown answer is numbered by shown section and shown question, and points refer to it")
  func numbers() throws {
    let document = try ReportFixtures.document()
    for (offset, section) in document.answers.enumerated() {
      #expect(section.number == offset + 1)
      #expect(
        section.answers.map(\.number)
          == section.answers.indices.map { "\(offset + 1).\($0 + 1)" })
    }
    let numbered = Dictionary(
      uniqueKeysWithValues: document.answers.flatMap(\.answers).map { ($0.itemID, $0.number) })
    for point in document.allPoints {
      for line in point.basis where line.kind == .answer {
        #expect(line.number == numbered[line.id] ?? nil, "\(point.id): \(line.id)")
      }
    }
    let above = try #require(document.discussFirst.first)
    #expect(above.basis.filter { $0.kind == .answer }.compactMap(\.number) == ["1.2", "4.2"])
  }

  @Test("the reader's language: asked for, else the answers', else the questionnaire's first")
  func language() throws {
    #expect(try ReportFixtures.document(language: .dutch).language == .dutch)
    let german = ReportFixtures.record(ReportFixtures.sam, language: "de")
    let fallback = try ReportDocument.build(
      questionnaire: q, record: german, today: Fixtures.today)
    #expect(fallback.language == .dutch)
    #expect(throws: ReportError.languageNotOffered("de", offered: [.dutch, .english])) {
      try ReportFixtures.document(language: "de")
    }
    let other = ReportFixtures.record([:], questionnaire: "sleep-check")
    #expect(
      throws: ReportError.otherQuestionnaire(answers: "sleep-check", questionnaire: "every-feature")
    ) {
      try ReportDocument.build(questionnaire: q, record: other, today: Fixtures.today)
    }
  }
}

@Suite("Report: follow-up comparison")
struct ReportComparisonTests {
  static let previous: AnswerRecord = {
    var values = ReportFixtures.sam
    values["focus"] = .number(1)
    values["restless"] = .number(1)
    values["impulsive"] = .number(0)
    values["nuts"] = .choice("never")
    return ReportFixtures.record(
      values, id: "2026-03-03-a", updated: Date(timeIntervalSince1970: 1_772_539_200))
  }()

  @Test("each factor then and now, and every answer that changed, nothing else")
  func comparison() throws {
    let document = try ReportFixtures.document(
      previous: Self.previous, followUpOf: Self.previous.id)
    let comparison = try #require(document.comparison)
    #expect(comparison.previousID == "2026-03-03-a")
    #expect(comparison.previousDate == .on("2026-03-03"))
    #expect(comparison.previousTime == "12:00")
    #expect(comparison.factors.map(\.id) == ["severity_factor", "diet_factor"])
    #expect(comparison.factors[0].then.number == 2.0 / 3.0)
    #expect(comparison.factors[0].then.band?.label == "Mild")
    #expect(comparison.factors[0].now.number == 2.5)
    #expect(comparison.factors[0].now.band?.label == "Marked")
    #expect(comparison.factors[1].then.display == "38 mg/day")
    #expect(comparison.factors[1].now.display == "54 mg/day")
    // Every answer that differs, whatever its kind, in questionnaire order (every-feature names
    // no safety questions to put first).
    let changes = try #require(document.changes)
    #expect(changes.map(\.itemID) == ["focus", "restless", "impulsive", "nuts"])
    #expect(changes[2].then == "Never (0)")
    #expect(changes[2].now == "Don't know")
    #expect(changes.allSatisfy { $0.safety == nil })
    #expect(
      changes.map(\.number)
        == changes.map { change in
          document.answers.flatMap(\.answers).first { $0.itemID == change.itemID }?.number
        })
    #expect(document.header.notes.isEmpty)
  }

  @Test(
    "the comparison uses no words that judge the change", arguments: [Language.english, .dutch])
  func neutral(language: Language) throws {
    let document = try ReportFixtures.document(
      language: language, previous: Self.previous, followUpOf: Self.previous.id)
    for format in ReportFormat.allCases {
      let text = try format.render(document).lowercased()
      for judging in [
        "better", "worse", "improve", "deteriorat", "progress", "beter", "slechter", "verbeter",
        "verslechter", "vooruitgang", "achteruitgang",
      ] {
        #expect(!text.contains(judging), "\(format) uses '\(judging)'")
      }
    }
  }

  @Test("a follow-up without its earlier answers says so and compares nothing")
  func missingPrevious() throws {
    let document = try ReportFixtures.document(followUpOf: "2026-03-03-a")
    #expect(document.comparison == nil)
    #expect(document.changes == nil)
    #expect(document.header.notes == [ReportText.previousMissing(in: .english)])

    // A record that is not the one followed up is not compared either.
    let wrong = try ReportFixtures.document(previous: Self.previous, followUpOf: "2025-01-01-a")
    #expect(wrong.comparison == nil)
    // Nor is a previous record given for an assessment that follows nothing.
    #expect(try ReportFixtures.document(previous: Self.previous).comparison == nil)
  }
}

@Suite("Report: the report's own words")
struct ReportTextTests {
  @Test("every word of the catalogue is written in Dutch and in English")
  func bothLanguages() {
    for text in ReportText.allCases {
      let dutch = text.text(in: .dutch)
      let english = text.text(in: .english)
      #expect(!dutch.isEmpty && !english.isEmpty, "\(text)")
      // "Status" is the same word in both languages; everything else is translated.
      if text != .statusLabel { #expect(dutch != english, "\(text) is not translated") }
    }
    #expect(
      ReportText.unusableAnswers(1, in: .dutch)
        == "1 antwoord past niet bij deze versie van de vragenlijst en telt niet mee; "
        + "u vindt het onder \"Bijlage: alle antwoorden\".")
    #expect(
      ReportText.unusableAnswers(2, in: .english)
        == "2 answers do not fit this version of the questionnaire and are not counted; "
        + "you will find them under \"Appendix: all answers\".")
  }
}
