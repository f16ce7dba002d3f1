import Foundation
import Testing

@testable import IntakeCore

/// The export held to tools nobody here wrote: fhir.resources, fhircraft and fhirpathpy, run by
/// Tests/fhir-check/check_fhir.py against what intake's engine concludes.
///
/// One run of the checker (its tools take a while to start) holds every persona's export, and a
/// few deliberately broken ones that it must find wrong: a checker that passes anything would
/// pass those too.
@Suite struct FHIRCheckerTests {
  @Test func everyExportValidatesAndItsConditionsAgreeWithIntake() throws {
    var exports = try FHIRPersonas.all.map { persona in
      (persona.name, try FHIRPersonas.bundle(persona), try FHIRPersonas.expected(persona))
    }
    exports += try brokenExports()
    let folder = try FHIRPersonas.folder(exports)
    defer { try? FileManager.default.removeItem(at: folder) }

    let result = try FHIRChecker.run(folder)
    #expect(result.status == 0, "\(result.output)")
    for persona in FHIRPersonas.all {
      #expect(result.output.contains("fhir-check: \(persona.name): ok"), "\(result.output)")
    }
    for (name, reason) in [
      ("broken-fewer-shown", "enabled but hidden by intake ['birth_date']"),
      ("broken-lost-condition", "enabled but hidden by intake ['age_given']"),
      ("broken-linkid-twice", "que-2"),
      ("broken-hidden-leaked", "food_nuts is exported"),
    ] {
      #expect(
        result.output.contains("fhir-check: \(name): found wrong, as it should be"),
        "\(result.output)")
      #expect(result.output.contains(reason), "\(name): \(result.output)")
    }
    let total = exports.count
    #expect(result.output.contains("\(total) of \(total) exports as expected"), "\(result.output)")
    if let summary = result.output.split(separator: "\n").last { print(String(summary)) }
  }

  /// Exports changed so that each disagrees with intake in one way: a shown item missing from
  /// intake's list, a condition lost from the Questionnaire, a linkId used twice, and an answer
  /// kept for a hidden item leaking into the response.
  private func brokenExports() throws -> [(String, Data, [String: Any])] {
    let noor = FHIRPersonas.all[0]
    let lotte = FHIRPersonas.all[3]
    let bundle = try FHIRPersonas.bundle(noor)
    var expected = try FHIRPersonas.expected(noor)
    expected["mustFail"] = true

    var fewerShown = expected
    fewerShown["visibleItems"] = (expected["visibleItems"] as? [String] ?? []).filter {
      $0 != "birth_date"
    }
    // age_given is asked only when the age is given in years; without its condition it would be
    // enabled while intake hides it.
    let lostCondition = try edit(bundle) { resources in
      resources[0] = mapItems(resources[0]) { item in
        guard item["linkId"] as? String == "age_given" else { return item }
        var changed = item
        changed["enableWhen"] = nil
        return changed
      }
    }
    let twice = try edit(bundle) { resources in
      resources[0] = mapItems(resources[0]) { item in
        guard item["linkId"] as? String == "hopes" else { return item }
        var changed = item
        changed["linkId"] = "noticed"
        return changed
      }
    }
    // Lotte's food answers are kept while the diet section is hidden: one leaks into the response.
    var lotteExpected = try FHIRPersonas.expected(lotte)
    lotteExpected["mustFail"] = true
    let leaked = try edit(try FHIRPersonas.bundle(lotte)) { resources in
      var response = resources[1]
      var items = response["item"] as? [[String: Any]] ?? []
      let answer: [String: Any] = [
        "valueCoding": [
          "system": "https://intake.invalid/fhir/CodeSystem/adhd-magnesium/food_nuts",
          "code": "d1",
        ]
      ]
      items.append([
        "linkId": "diet", "item": [["linkId": "food_nuts", "answer": [answer]] as [String: Any]],
      ])
      response["item"] = items
      resources[1] = response
    }
    return [
      ("broken-fewer-shown", bundle, fewerShown),
      ("broken-lost-condition", lostCondition, expected),
      ("broken-linkid-twice", twice, expected),
      ("broken-hidden-leaked", leaked, lotteExpected),
    ]
  }

  /// `data`, a Bundle, with its two resources (Questionnaire, response) changed by `change`.
  private func edit(_ data: Data, _ change: (inout [[String: Any]]) -> Void) throws -> Data {
    var bundle = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var entries = try #require(bundle["entry"] as? [[String: Any]])
    var resources = entries.compactMap { $0["resource"] as? [String: Any] }
    change(&resources)
    for index in entries.indices { entries[index]["resource"] = resources[index] }
    bundle["entry"] = entries
    let edited = try JSONSerialization.data(withJSONObject: bundle, options: [.sortedKeys])
    #expect(
      try JSONSerialization.data(
        withJSONObject: JSONSerialization.jsonObject(with: data), options: [.sortedKeys])
        != edited, "the edit changed nothing")
    return edited
  }

  /// `resource` with `transform` applied to every item, however deep.
  private func mapItems(
    _ resource: [String: Any], _ transform: ([String: Any]) -> [String: Any]
  ) -> [String: Any] {
    var out = resource
    if let items = resource["item"] as? [[String: Any]] {
      out["item"] = items.map { mapItems(transform($0), transform) }
    }
    return out
  }
}
