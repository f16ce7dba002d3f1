import Foundation
import Testing

@testable import IntakeCore

/// What the FHIR export writes, read back as JSON: the choices docs/fhir.md describes.
@Suite struct FHIRExportTests {
  typealias JSON = [String: Any]

  private func resources(_ persona: FHIRPersonas.Persona, includeName: Bool? = nil) throws
    -> (questionnaire: JSON, response: JSON)
  {
    let data = try FHIRExport.bundle(
      record: try persona.record(), questionnaire: persona.questionnaire,
      includeName: includeName ?? persona.includeName, timeZone: FHIRPersonas.timeZone)
    let bundle = try #require(try JSONSerialization.jsonObject(with: data) as? JSON)
    #expect(bundle["type"] as? String == "collection")
    let entries = try #require(bundle["entry"] as? [JSON]).compactMap { $0["resource"] as? JSON }
    return (entries[0], entries[1])
  }

  private func persona(_ name: String) -> FHIRPersonas.Persona {
    FHIRPersonas.all.first { $0.name == name }!
  }

  /// Every item, however deep, by linkId.
  private func items(_ resource: JSON) -> [String: JSON] {
    var found: [String: JSON] = [:]
    func visit(_ list: [JSON]) {
      for item in list {
        if let id = item["linkId"] as? String { found[id] = item }
        visit(item["item"] as? [JSON] ?? [])
      }
    }
    visit(resource["item"] as? [JSON] ?? [])
    return found
  }

  private func extensions(_ element: JSON, _ url: String) -> [JSON] {
    (element["extension"] as? [JSON] ?? []).filter { $0["url"] as? String == url }
  }

  @Test func conditionsBecomeEnableWhenWhereTheirMeaningSurvives() throws {
    let questionnaire = try #require(
      try JSONSerialization.jsonObject(with: FHIRExport.questionnaire(AdhdMagnesium.questionnaire))
        as? JSON)
    let all = items(questionnaire)
    let birthDate = try #require(all["birth_date"]?["enableWhen"] as? [JSON])
    #expect(birthDate.count == 1)
    #expect(birthDate[0]["question"] as? String == "age_how")
    #expect(birthDate[0]["operator"] as? String == "=")
    #expect((birthDate[0]["answerCoding"] as? JSON)?["code"] as? String == "birth_date")
    #expect(all["birth_date"]?["enableBehavior"] == nil)

    // count(magnesium_condition) >= 1: any of the options count counts (not "nobody").
    let which = try #require(all["magnesium_condition_which"])
    #expect(which["enableBehavior"] as? String == "any")
    let codes = (which["enableWhen"] as? [JSON] ?? []).compactMap {
      ($0["answerCoding"] as? JSON)?["code"] as? String
    }
    #expect(codes == ["child", "close", "wider"])

    // (age_years ?? 1) >= 1 needs a computed value: FHIRPath, on the section's group.
    let diet = try #require(all["diet"])
    #expect(diet["enableWhen"] == nil)
    let expression = try #require(extensions(diet, FHIRNames.enableWhenExpression).first)
    #expect(
      (expression["valueExpression"] as? JSON)?["expression"] as? String
        == "(iif((%ageYears).exists(), %ageYears, 1) >= 1)")

    for (id, item) in all {
      let both =
        item["enableWhen"] != nil && !extensions(item, FHIRNames.enableWhenExpression).isEmpty
      #expect(!both, "\(id) has enableWhen and enableWhenExpression")
    }
  }

  @Test func theChildsNameIsLeftOutUnlessAskedFor() throws {
    let noor = persona("noor-complete")
    let plain = try resources(noor, includeName: false)
    #expect(plain.response["subject"] == nil)
    #expect(items(plain.response)["nickname"] == nil)
    let text = String(
      decoding: try JSONSerialization.data(withJSONObject: plain.response), as: UTF8.self)
    #expect(!text.contains("Noor"))

    let named = try resources(noor, includeName: true)
    #expect((named.response["subject"] as? JSON)?["display"] as? String == "Noor")
    let answer = (items(named.response)["nickname"]?["answer"] as? [JSON])?.first
    #expect(answer?["valueString"] as? String == "Noor")
  }

  @Test func statusAndTimeFollowTheAnswersFile() throws {
    let mila = try resources(persona("mila-unfinished"))
    #expect(mila.response["status"] as? String == "in-progress")
    // Finished with a question open: completed, and the open question simply absent.
    let daan = try resources(persona("daan-follow-up"))
    #expect(daan.response["status"] as? String == "completed")
    #expect(items(daan.response)["hopes"] == nil)
    // Last changed 2026-11-24 20:10 UTC: 21:10 in Amsterdam, with its offset.
    let noor = try resources(persona("noor-complete"))
    #expect(noor.response["authored"] as? String == "2026-11-24T21:10:00+01:00")
    #expect(
      noor.response["questionnaire"] as? String
        == "https://intake.invalid/fhir/Questionnaire/adhd-magnesium|"
        + AdhdMagnesium.questionnaire.version)
    #expect(noor.response["language"] as? String == "nl")
    #expect(noor.questionnaire["language"] as? String == "nl")
  }

  @Test func specialAnswersAreDataAbsentReasonsWithoutAValue() throws {
    let sam = try resources(persona("sam-every-feature"))
    let all = items(sam.response)
    for (id, reason) in [("weight", "asked-unknown"), ("sex", "asked-declined")] {
      let answer = try #require((all[id]?["answer"] as? [JSON])?.first)
      #expect(answer.keys.sorted() == ["extension"], "\(id): \(answer)")
      #expect(
        extensions(answer, FHIRNames.dataAbsentReason).first?["valueCode"] as? String == reason)
    }
    // Scored answers carry their points; hidden ones are not there at all.
    let focus = try #require((all["focus"]?["answer"] as? [JSON])?.first?["valueCoding"] as? JSON)
    #expect(focus["code"] as? String == "3")
    #expect(extensions(focus, FHIRNames.itemWeight).first?["valueDecimal"] as? Double == 3)
    #expect(all["teen_question"] == nil)
    let lotte = items(try resources(persona("lotte-under-one")).response)
    #expect(lotte["diet"] == nil && lotte["food_nuts"] == nil && lotte["diagnosis_age"] == nil)
  }

  @Test func textFromTheParentIsKeptExactlyAsGiven() throws {
    let jip = items(try resources(persona("jip-leap-day")).response)
    let notes = (jip["notes"]?["answer"] as? [JSON])?.first?["valueString"] as? String
    #expect(notes == "Tab\there; a \"quote\", a backslash \\ and 🙂")
    let lotte = items(try resources(persona("lotte-under-one")).response)
    let which = (lotte["magnesium_condition_which"]?["answer"] as? [JSON])?.first
    #expect(which?["valueString"] as? String == "Gitelman? \"we're not sure\" <b>yet</b>")
  }

  @Test func theTrailNamesEachRaisedPointItsAnswersAndSources() throws {
    let lotte = persona("lotte-under-one")
    let exported = try resources(lotte)
    let record = try lotte.record()
    let assessment = Engine.assess(
      lotte.questionnaire, answers: record.answerValues,
      today: AssessmentHistory.day(of: record, timeZone: FHIRPersonas.timeZone))
    let points = extensions(exported.response, FHIRNames.reportPoint)
    #expect(
      points.map { ($0["extension"] as? [JSON])?.first?["valueCode"] as? String }
        == assessment.points.map(\.rule.id))
    // Lotte's child and family both have a condition: one answer raises two points.
    let condition = try #require(items(exported.response)["magnesium_condition"])
    let raised = extensions(condition, FHIRNames.raisesReportPoint).compactMap {
      $0["valueCode"] as? String
    }
    #expect(raised == ["child_magnesium_condition", "family_magnesium_condition"])
    let words = extensions(condition, FHIRNames.answerAssessment).first?["valueMarkdown"] as? String
    #expect(words?.hasPrefix("This answer helped raise these points in the report:") == true)
    // Each point's sources come with their citation.
    let withSources = points.compactMap { point -> [JSON]? in
      let parts = point["extension"] as? [JSON] ?? []
      let sources = parts.filter { $0["url"] as? String == "source" }
      return sources.isEmpty ? nil : sources
    }
    #expect(!withSources.isEmpty)
    for sources in withSources {
      for source in sources {
        let parts = source["extension"] as? [JSON] ?? []
        #expect(
          parts.contains { $0["url"] as? String == "citation" && $0["valueString"] is String })
      }
    }
  }

  @Test func theSameAnswersGiveTheSameBytesAndOneQuestionnairePerVersion() throws {
    let noor = persona("noor-complete")
    #expect(try FHIRPersonas.bundle(noor) == FHIRPersonas.bundle(noor))
    // The Questionnaire in a Bundle is the questionnaire exported alone, whatever the day.
    let alone = try #require(
      try JSONSerialization.jsonObject(with: FHIRExport.questionnaire(noor.questionnaire)) as? JSON)
    for name in ["noor-complete", "lotte-under-one"] {
      let inBundle = try resources(persona(name)).questionnaire
      #expect(
        try JSONSerialization.data(withJSONObject: inBundle, options: .sortedKeys)
          == JSONSerialization.data(withJSONObject: alone, options: .sortedKeys))
    }
  }

  @Test func answersToAnotherVersionOrQuestionnaireAreRefused() throws {
    var record = try persona("noor-complete").record()
    record.questionnaireVersion = "0.9.0"
    #expect(
      throws: FHIRExportError.otherVersion(
        answers: "0.9.0", questionnaire: AdhdMagnesium.questionnaire.version)
    ) {
      try FHIRExport.bundle(record: record, questionnaire: AdhdMagnesium.questionnaire)
    }
    #expect(
      throws: FHIRExportError.otherQuestionnaire(
        answers: "adhd-magnesium", questionnaire: "every-feature")
    ) {
      try FHIRExport.bundle(
        record: try persona("noor-complete").record(), questionnaire: Fixtures.everyFeature)
    }
  }

  @Test func textInTheAnswerAssessmentReadsAsWritten() {
    #expect(
      FHIRText.markdownEscaped("a *b* [c](d) <e> x_y | 1.5 - (f)")
        == #"a \*b\* \[c\](d) \<e\> x\_y \| 1.5 - (f)"#)
  }

  @Test func variableNamesAreFHIRIdsAndNeverShared() {
    #expect(FHIRNames.variableName("age_years") == "ageYears")
    #expect(FHIRNames.variableName("dietary_mg") == "dietaryMg")
    let tricky = ["a_b", "a__b", "a_b_", "a_q", "aq", "a_2", "a2", "resource", "context"]
    let names = tricky.map(FHIRNames.variableName)
    #expect(Set(names).count == tricky.count, "\(names)")
    #expect(FHIRNames.variableName("resource") == "IntakeResource")
    for name in names {
      #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(name)")
    }
  }
}
