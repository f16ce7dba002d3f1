import BuiltinQuestionnaires
import Foundation
import IntakeCore
import Testing

private let q = AdhdMagnesium.questionnaire

@Suite("ADHD and magnesium: the file and its shape")
struct AdhdMagnesiumShapeTests {
  @Test("the built-in copy and the file on disk load without a single diagnostic")
  func loadsCleanly() throws {
    let builtin = try #require(BuiltinQuestionnaires.named(AdhdMagnesium.fileName))
    #expect(BuiltinQuestionnaires.defaultFileName == AdhdMagnesium.fileName)
    #expect(Fixtures.diagnostics(yaml: builtin.yaml) == [])

    let fromDisk = try QuestionnaireLoader.load(
      contentsOf: AdhdMagnesium.path, today: Fixtures.today)
    #expect(fromDisk.reference == "adhd-magnesium@1.1.0")
    #expect(fromDisk.languages == [.dutch, .english])
    #expect(fromDisk.items.map(\.id) == q.items.map(\.id))
    #expect(fromDisk.report.rules.map(\.id) == q.report.rules.map(\.id))
  }

  @Test("the binary carries the file as it is on disk")
  func builtinMatchesDisk() throws {
    let builtin = try #require(BuiltinQuestionnaires.named(AdhdMagnesium.fileName))
    let disk = try String(contentsOfFile: AdhdMagnesium.path, encoding: .utf8)
    #expect(builtin.yaml == disk)
  }

  @Test("the report has the header, four factors, the medicines section and observations")
  func reportShape() throws {
    let report = q.report
    #expect(report.nicknameItemID == "nickname")
    #expect(report.ageID == "age_years")
    #expect(report.respondentItemID == "respondent")
    #expect(report.medicinesSectionID == "medicines")
    #expect(report.observationItemIDs == ["health_other", "noticed", "hopes", "own_questions"])
    #expect(report.sexItemID == "sex")
    #expect(report.parentQuestionsItemID == "own_questions")
    #expect(
      AdhdMagnesium.safetyQuestions == [
        "adhd_medication", "antibiotics", "acid_blocker", "diuretic", "bisphosphonate",
        "magnesium_sources", "supplement_mg", "medicine_mg", "kidney",
      ])
    // Every medicine class and magnesium product asked about is a safety question.
    for item in q.items(in: try #require(q.section("medicines")))
    where item.kind.name != "text" && item.id != "magnesium_form" {
      #expect(AdhdMagnesium.safetyQuestions.contains(item.id), "\(item.id)")
    }
    #expect(
      report.factors.map(\.id) == ["severity", "comorbidities", "diet_lifestyle", "genetics"])
    for factor in report.factors {
      let scoreID = try #require(factor.scoreID, "factor \(factor.id) has no score")
      let bands = q.scale(scoreID)?.bands ?? q.computedValue(scoreID)?.bands ?? []
      #expect(bands.count >= 2, "factor \(factor.id): its score \(scoreID) has no bands")
      for band in bands {
        #expect(band.text != nil, "factor \(factor.id): band \(band.id) has no explanation")
      }
      #expect(!factor.questions.isEmpty, "factor \(factor.id) has no questions for the doctor")
      #expect(factor.sourceIDs.contains("seed"), "factor \(factor.id) does not cite the seed")
    }
  }

  @Test("discuss-first points are safety points, and every one cites a source")
  func discussFirstIsSafety() {
    let first = q.report.rules.filter { $0.priority == .discussFirst }
    #expect(first.count >= 9)
    for rule in first {
      #expect(rule.topic == "safety", "rule \(rule.id)")
      #expect(!rule.sourceIDs.isEmpty, "rule \(rule.id) states a fact without a source")
      #expect(!rule.questions.isEmpty, "rule \(rule.id) gives no question for the doctor")
    }
  }

  @Test("the evidence points are unconditional but for the age outside the studies")
  func evidenceAlways() {
    let evidence = q.report.rules.filter { $0.topic == "evidence" }
    #expect(evidence.filter { $0.condition != nil }.map(\.id) == ["age_outside_studies"])
    #expect(
      Set(evidence.map(\.id)).isSuperset(of: [
        "evidence_limited", "not_a_wonder_remedy", "no_established_amount", "age_outside_studies",
      ]))
    #expect(
      AdhdMagnesium.alwaysRaised == Set(evidence.filter { $0.condition == nil }.map(\.id)))
  }

  @Test("sources: shippable status only, every one cited, every cited one declared")
  func sourcesAreShippable() {
    var cited = Set<String>()
    for factor in q.report.factors { cited.formUnion(factor.sourceIDs) }
    for rule in q.report.rules { cited.formUnion(rule.sourceIDs) }
    for line in q.report.summary { cited.formUnion(line.sourceIDs) }
    cited.formUnion(q.report.safety?.openPoint.sourceIDs ?? [])
    #expect(cited == Set(q.sources.map(\.id)), "declared but never cited, or the reverse")
    for source in q.sources {
      let note = source.note ?? ""
      #expect(
        note == "seed article" || note.hasPrefix("VERIFIED"),
        "source \(source.id) has status '\(note)' (only the seed, VERIFIED or VERIFIED-2nd ship)")
    }
  }

  @Test("a point that rests on a fact names a source: only the three that state no fact cite none")
  func rulesCite() {
    let uncited = q.report.rules.filter { $0.sourceIDs.isEmpty }.map(\.id).sorted()
    #expect(uncited == ["diagnosis_after_age", "diet_estimate_incomplete", "no_diagnosis_yet"])
    // A summary line that states a reference value names its sources.
    for line in q.report.summary where line.id.hasPrefix("amount_") {
      #expect(!line.sourceIDs.isEmpty, "\(line.id)")
    }
  }

  @Test(
    "the safety questions: kidneys, each medicine class (the bisphosphonate too), magnesium products and amounts"
  )
  func safetyQuestions() {
    #expect(
      q.items.filter(\.isSafety).map(\.id) == [
        "adhd_medication", "antibiotics", "acid_blocker", "diuretic", "bisphosphonate",
        "magnesium_sources", "supplement_mg", "medicine_mg", "kidney",
      ])
    // The report names each by a short label of its own.
    for item in q.items where item.isSafety {
      let label = q.report.safety?.question(item.id)?.label
      #expect(label != nil && label != item.question, "\(item.id) has no short label")
    }
  }

  @Test("the age is required, every other question can be skipped")
  func onlyAgeRequired() {
    #expect(q.items.filter(\.isRequired).map(\.id) == ["age_how", "birth_date", "age_given"])
  }

  @Test("questions fit in two lines of 76 columns; option labels in 60")
  func fitsTheScreen() {
    for item in q.items {
      for language in q.languages {
        let question = item.question.text(in: language)
        #expect(wrappedLineCount(question, width: 76) <= 2, "\(item.id) (\(language)): \(question)")
        for option in item.options {
          let label = option.label.text(in: language)
          #expect(label.count <= 60, "\(item.id).\(option.id) (\(language)): \(label)")
        }
      }
    }
  }
}

/// Lines `text` takes when wrapped on words at `width` characters.
private func wrappedLineCount(_ text: String, width: Int) -> Int {
  var lines = 1
  var column = 0
  for word in text.split(separator: " ") {
    let needed = column == 0 ? word.count : column + 1 + word.count
    if needed > width && column > 0 {
      lines += 1
      column = word.count
    } else {
      column = needed
    }
  }
  return lines
}
