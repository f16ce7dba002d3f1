struct ReportDraft {
  let nickname: (String, YAMLNode)?
  let age: (String, YAMLNode)?
  let sex: (String, YAMLNode)?
  let respondent: (String, YAMLNode)?
  let medicines: (String, YAMLNode)?
  let factors: [FactorDraft]
  /// Every factor id declared, including factors with errors, so rules naming them as their
  /// topic do not add a second, misleading error.
  let factorIDs: Set<String>
  let rules: [RuleDraft]
  let observations: [(String, YAMLNode)]
  let parentQuestions: (String, YAMLNode)?
  let summary: [SummaryLineDraft]
  let safety: SafetyDraft?
}

struct SummaryLineDraft {
  let id: String
  let when: ParsedExpression?
  let label: LocalizedText
  let text: YAMLNode
  let sources: [(String, YAMLNode)]
  let node: YAMLNode
}

struct SafetyDraft {
  /// Short names of the safety questions (`safety: true` items), by item id.
  let labels: [(item: String, label: LocalizedText, node: YAMLNode)]
  let openPoint: SafetyPointDraft?
}

struct SafetyPointDraft {
  let title: LocalizedText
  let text: YAMLNode
  let questions: [YAMLNode]
  let sources: [(String, YAMLNode)]
}

struct FactorDraft {
  let id: String
  let title: LocalizedText
  let text: YAMLNode
  let score: (String, YAMLNode)?
  let questions: [YAMLNode]
  let sources: [(String, YAMLNode)]
}

struct RuleDraft {
  let id: String
  let when: ParsedExpression?
  let priority: Priority
  let topic: (String, YAMLNode)
  let title: YAMLNode
  let text: YAMLNode
  let questions: [YAMLNode]
  let sources: [(String, YAMLNode)]
  let node: YAMLNode
}

extension QuestionnaireBuilder {
  func readReport(_ node: YAMLNode) -> ReportDraft? {
    let keys = [
      "nickname", "age", "sex", "respondent", "medicines", "factors", "rules", "observations",
      "parent_questions", "summary", "safety",
    ]
    guard let map = MappingReader(node, "report", keys: keys, reader: reader) else { return nil }
    func reference(_ key: String) -> (String, YAMLNode)? {
      map[key].flatMap { node in reader.identifier(node, "report \(key)").map { ($0, node) } }
    }
    var factors: [FactorDraft] = []
    var factorIDs: Set<String> = []
    if let list = map["factors"].flatMap({ reader.sequence($0, "report factors") }) {
      for element in list {
        guard
          let factorMap = MappingReader(
            element, "factor", keys: ["id", "title", "text", "score", "questions", "sources"],
            reader: reader),
          let idNode = factorMap.required("id", expected: "the factor's id"),
          let factorID = reader.identifier(idNode, "factor id")
        else { continue }
        if !factorIDs.insert(factorID).inserted {
          reader.error(idNode, "duplicate factor '\(factorID)' (expected unique factor ids)")
        }
        if ReportRule.builtInTopics.contains(factorID) {
          reader.error(idNode, "factor id '\(factorID)' is a built-in topic (expected another id)")
        }
        let what = "factor '\(factorID)'"
        guard
          let title = factorMap.required("title", expected: "a text").flatMap({
            reader.text($0, "\(what) title")
          }),
          let text = factorMap.required("text", expected: "a text explaining the factor"),
          let sourcesNode = factorMap.required(
            "sources", expected: "the source ids its text rests on, e.g. [seed], or [] when none"),
          let sources = reader.identifiers(sourcesNode, "\(what) sources")
        else { continue }
        let questions =
          factorMap["questions"].flatMap { reader.sequence($0, "\(what) questions") } ?? []
        let score = factorMap["score"].flatMap { node in
          reader.identifier(node, "\(what) score").map { ($0, node) }
        }
        factors.append(
          FactorDraft(
            id: factorID, title: title, text: text, score: score, questions: questions,
            sources: sources))
      }
    }
    var rules: [RuleDraft] = []
    var ruleIDs: Set<String> = []
    if let list = map["rules"].flatMap({ reader.sequence($0, "report rules") }) {
      for element in list {
        let ruleKeys = ["id", "when", "priority", "topic", "title", "text", "questions", "sources"]
        guard let ruleMap = MappingReader(element, "rule", keys: ruleKeys, reader: reader),
          let idNode = ruleMap.required("id", expected: "the rule's id"),
          let ruleID = reader.identifier(idNode, "rule id")
        else { continue }
        if !ruleIDs.insert(ruleID).inserted {
          reader.error(idNode, "duplicate rule '\(ruleID)' (expected unique rule ids)")
        }
        let what = "rule '\(ruleID)'"
        let when = ruleMap["when"].flatMap { parseExpression($0, "\(what) when") }
        var priority: Priority?
        if let priorityNode = ruleMap.required(
          "priority", expected: "discuss_first, discuss or good_to_know"),
          let text = reader.string(priorityNode, "\(what) priority")
        {
          priority = Priority(rawValue: text)
          if priority == nil {
            reader.error(
              priorityNode,
              "\(what) priority: '\(text)' is not a priority (expected discuss_first, discuss or good_to_know)"
            )
          }
        }
        let topic = ruleMap.required(
          "topic", expected: "a factor id or safety, medicines, evidence, general"
        ).flatMap { node in
          reader.identifier(node, "\(what) topic").map { ($0, node) }
        }
        let title = ruleMap.required("title", expected: "a text: what to raise")
        let text = ruleMap.required("text", expected: "a text: why")
        let sources = ruleMap.required(
          "sources", expected: "the source ids it rests on ([] when it states no fact)"
        )
        .flatMap { reader.identifiers($0, "\(what) sources") }
        let questions =
          ruleMap["questions"].flatMap { reader.sequence($0, "\(what) questions") } ?? []
        guard let priority, let topic, let title, let text, let sources else { continue }
        if ruleMap["when"] != nil && when == nil { continue }
        rules.append(
          RuleDraft(
            id: ruleID, when: when, priority: priority, topic: topic, title: title, text: text,
            questions: questions,
            sources: sources, node: element))
      }
    }
    let observations =
      map["observations"].flatMap { reader.identifiers($0, "report observations") } ?? []
    return ReportDraft(
      nickname: reference("nickname"), age: reference("age"), sex: reference("sex"),
      respondent: reference("respondent"), medicines: reference("medicines"), factors: factors,
      factorIDs: factorIDs, rules: rules, observations: observations,
      parentQuestions: reference("parent_questions"),
      summary: map["summary"].map(readSummary) ?? [],
      safety: map["safety"].flatMap(readSafety))
  }

  private func readSummary(_ node: YAMLNode) -> [SummaryLineDraft] {
    guard let list = reader.sequence(node, "report summary") else { return [] }
    var lines: [SummaryLineDraft] = []
    var ids: Set<String> = []
    for element in list {
      guard
        let lineMap = MappingReader(
          element, "summary line", keys: ["id", "when", "label", "text", "sources"],
          reader: reader),
        let idNode = lineMap.required("id", expected: "the line's id"),
        let lineID = reader.identifier(idNode, "summary line id")
      else { continue }
      if !ids.insert(lineID).inserted {
        reader.error(idNode, "duplicate summary line '\(lineID)' (expected unique ids)")
      }
      let what = "summary line '\(lineID)'"
      let when = lineMap["when"].flatMap { parseExpression($0, "\(what) when") }
      let label = lineMap.required("label", expected: "a short text").flatMap {
        reader.text($0, "\(what) label")
      }
      let text = lineMap.required("text", expected: "a text: what the line says")
      let sources =
        lineMap["sources"].flatMap { reader.identifiers($0, "\(what) sources") } ?? []
      guard let label, let text else { continue }
      if lineMap["when"] != nil && when == nil { continue }
      lines.append(
        SummaryLineDraft(
          id: lineID, when: when, label: label, text: text, sources: sources, node: element))
    }
    return lines
  }

  private func readSafety(_ node: YAMLNode) -> SafetyDraft? {
    guard
      let safetyMap = MappingReader(
        node, "report safety", keys: ["labels", "open_point"], reader: reader)
    else { return nil }
    var labels: [(item: String, label: LocalizedText, node: YAMLNode)] = []
    if let labelsNode = safetyMap["labels"] {
      if let mapping = labelsNode.mapping {
        for (keyNode, value) in mapping {
          guard let item = reader.identifier(keyNode, "report safety labels"),
            let label = reader.text(value, "safety label '\(item)'")
          else { continue }
          labels.append((item, label, keyNode))
        }
      } else {
        reader.error(
          labelsNode,
          "report safety labels: expected a mapping of item id to a short name, found "
            + NodeReader.describe(labelsNode))
      }
    }
    var point: SafetyPointDraft?
    if let pointNode = safetyMap["open_point"],
      let pointMap = MappingReader(
        pointNode, "report safety open_point", keys: ["title", "text", "questions", "sources"],
        reader: reader)
    {
      let what = "report safety open_point"
      let title = pointMap.required("title", expected: "a text: what to raise").flatMap {
        reader.text($0, "\(what) title")
      }
      let text = pointMap.required("text", expected: "a text: why")
      let sources = pointMap.required(
        "sources", expected: "the source ids it rests on ([] when it states no fact)"
      ).flatMap { reader.identifiers($0, "\(what) sources") }
      let asks = pointMap["questions"].flatMap { reader.sequence($0, "\(what) questions") } ?? []
      guard let title, let text, let sources else { return nil }
      point = SafetyPointDraft(title: title, text: text, questions: asks, sources: sources)
    }
    return SafetyDraft(labels: labels, openPoint: point)
  }
}
