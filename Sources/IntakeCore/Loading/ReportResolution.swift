extension QuestionnaireBuilder {
  func resolveReport(
    _ draft: ReportDraft, items: [Item], lookup: @escaping (String) -> Symbol?,
    computedTypes: [ValueType?],
    computedDependency: [Int?], scaleDependency: [Int?], scales: [Scale?]
  ) -> ReportSpec {
    let itemIndex = Dictionary(items.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
    func item(_ reference: (String, YAMLNode)?, _ key: String, kinds: [String], expected: String)
      -> String?
    {
      guard let (name, node) = reference else { return nil }
      guard let index = itemIndex[name] else {
        if brokenIDs.contains(name) { return nil }
        reader.error(node, "report \(key): unknown item '\(name)' (expected \(expected))")
        return nil
      }
      guard kinds.contains(items[index].kind.name) else {
        reader.error(
          node,
          "report \(key): '\(name)' is a \(items[index].kind.name) item (expected \(expected))")
        return nil
      }
      return name
    }
    let nickname = item(draft.nickname, "nickname", kinds: ["text"], expected: "a text item")
    let respondent = item(
      draft.respondent, "respondent", kinds: ["choice", "text"], expected: "a choice or text item")
    let sex = item(draft.sex, "sex", kinds: ["choice"], expected: "a choice item")
    var age: String?
    if let (name, node) = draft.age {
      switch lookup(name) {
      case .item(let index) where ["integer", "decimal"].contains(items[index].kind.name):
        age = name
      case .computed(let index) where computedTypes[index] == .number: age = name
      case .broken: break
      case .none:
        reader.error(
          node, "report age: unknown name '\(name)' (expected a number item or computed value)")
      default:
        reader.error(
          node, "report age: '\(name)' is not a number (expected a number item or computed value)")
      }
    }
    var medicines: String?
    if let (name, node) = draft.medicines {
      if sections.contains(where: { $0.id == name }) {
        medicines = name
      } else {
        reader.error(node, "report medicines: unknown section '\(name)' (expected a section id)")
      }
    }
    var observations: [String] = []
    for (name, node) in draft.observations {
      if let id = item((name, node), "observations", kinds: ["text"], expected: "a text item") {
        observations.append(id)
      }
    }

    var parentQuestions: String?
    if let (name, node) = draft.parentQuestions {
      if !observations.contains(name) {
        if item((name, node), "parent_questions", kinds: ["text"], expected: "a text item") != nil {
          reader.error(
            node,
            "report parent_questions: '\(name)' is not one of the observations (expected "
              + "one of: \(observations.joined(separator: ", ")))")
        }
      } else {
        parentQuestions = name
      }
    }

    var summary: [SummaryLine] = []
    for line in draft.summary {
      let what = "summary line '\(line.id)'"
      checkSources(line.sources, what)
      var condition: Condition?
      if let when = line.when {
        guard
          let checked = self.condition(
            when, what, items: items, lookup: lookup,
            computedTypes: computedTypes, computedDependency: computedDependency,
            scaleDependency: scaleDependency)
        else { continue }
        condition = checked
      }
      guard let text = template(line.text, "\(what) text", lookup: lookup) else { continue }
      summary.append(
        SummaryLine(
          id: line.id, condition: condition, label: line.label, text: text,
          sourceIDs: line.sources.map(\.0)))
    }

    // The safety questions are the items marked `safety: true`; the report names them by the
    // short labels given here (else by their question) and raises the open point for them.
    var labels: [String: LocalizedText] = [:]
    for (name, label, node) in draft.safety?.labels ?? [] {
      guard let index = itemIndex[name] else {
        if !brokenIDs.contains(name) {
          reader.error(node, "report safety labels: unknown item '\(name)' (expected an item id)")
        }
        continue
      }
      guard items[index].isSafety else {
        reader.error(
          node,
          "report safety labels: '\(name)' is not a safety question (expected an item with "
            + "'safety: true')")
        continue
      }
      if labels.updateValue(label, forKey: name) != nil {
        reader.error(node, "report safety labels: '\(name)' is named twice (expected once)")
      }
    }
    var safety: SafetySpec?
    let safetyItems = items.filter(\.isSafety)
    if !safetyItems.isEmpty || draft.safety?.openPoint != nil {
      var point = OpenSafetyPoint.standard(languages: languages)
      if let draft = draft.safety?.openPoint {
        let what = "report safety open_point"
        checkSources(draft.sources, what)
        let asks = draft.questions.enumerated().compactMap {
          template($1, "\(what) question \($0 + 1)", lookup: lookup)
        }
        if let text = template(draft.text, "\(what) text", lookup: lookup) {
          point = OpenSafetyPoint(
            title: draft.title, text: text, questions: asks, sourceIDs: draft.sources.map(\.0))
        }
      }
      safety = SafetySpec(
        questions: safetyItems.map {
          SafetyQuestion(itemID: $0.id, label: labels[$0.id] ?? $0.question)
        }, openPoint: point)
    }

    let factorIDs = draft.factorIDs
    var factors: [Factor] = []
    for factor in draft.factors {
      let what = "factor '\(factor.id)'"
      var score: String?
      if let (name, node) = factor.score {
        switch lookup(name) {
        case .scale: score = name
        case .computed(let index) where computedTypes[index] == .number: score = name
        case .broken: break
        case .none:
          reader.error(
            node, "\(what) score: unknown name '\(name)' (expected a scale or computed value)")
        default:
          reader.error(node, "\(what) score: '\(name)' is not a scale or numeric computed value")
        }
      }
      checkSources(factor.sources, what)
      let text = template(factor.text, "\(what) text", lookup: lookup)
      let questions = factor.questions.enumerated().compactMap {
        template($1, "\(what) question \($0 + 1)", lookup: lookup)
      }
      guard let text else { continue }
      factors.append(
        Factor(
          id: factor.id, title: factor.title, text: text, scoreID: score, questions: questions,
          sourceIDs: factor.sources.map(\.0)))
    }

    var rules: [ReportRule] = []
    for rule in draft.rules {
      let what = "rule '\(rule.id)'"
      let (topic, topicNode) = rule.topic
      if !factorIDs.contains(topic) && !ReportRule.builtInTopics.contains(topic) {
        let choices = ReportRule.builtInTopics + factorIDs.sorted()
        let hint =
          MappingReader.suggestion(for: topic, among: choices).map { "; did you mean '\($0)'?" }
          ?? " (expected one of: \(choices.joined(separator: ", ")))"
        reader.error(topicNode, "\(what) topic: unknown topic '\(topic)'\(hint)")
      }
      checkSources(rule.sources, what)
      var condition: Condition?
      if let when = rule.when {
        guard
          let checked = self.condition(
            when, what, items: items, lookup: lookup,
            computedTypes: computedTypes, computedDependency: computedDependency,
            scaleDependency: scaleDependency)
        else { continue }
        condition = checked
      }
      let title = template(rule.title, "\(what) title", lookup: lookup)
      let text = template(rule.text, "\(what) text", lookup: lookup)
      let questions = rule.questions.enumerated().compactMap {
        template($1, "\(what) question \($0 + 1)", lookup: lookup)
      }
      guard let title, let text else { continue }
      rules.append(
        ReportRule(
          id: rule.id, condition: condition, priority: rule.priority, topic: topic, title: title,
          text: text,
          questions: questions, sourceIDs: rule.sources.map(\.0), location: location(rule.node)))
    }
    return ReportSpec(
      nicknameItemID: nickname, ageID: age, sexItemID: sex, respondentItemID: respondent,
      medicinesSectionID: medicines, factors: factors, rules: rules,
      observationItemIDs: observations, parentQuestionsItemID: parentQuestions,
      summary: summary, safety: safety)
  }

  /// A report condition (a rule's or a summary line's `when`): any item may be used, and it must
  /// give true or false.
  private func condition(
    _ when: ParsedExpression, _ what: String, items: [Item], lookup: @escaping (String) -> Symbol?,
    computedTypes: [ValueType?], computedDependency: [Int?], scaleDependency: [Int?]
  ) -> Condition? {
    let (expr, type, _) = check(
      when, what, items: items, lookup: lookup, types: computedTypes,
      computedDependency: computedDependency, scaleDependency: scaleDependency, onlyBefore: nil)
    guard let expr else { return nil }
    guard type == .bool else {
      reader.error(when.node, "\(what) when: the condition gives \(type) (expected true/false)")
      return nil
    }
    return Condition(source: when.source, location: location(when.node), expression: expr)
  }

  private func checkSources(_ sources: [(String, YAMLNode)], _ what: String) {
    for (name, node) in sources where sourceNodes[name] == nil {
      let hint =
        MappingReader.suggestion(for: name, among: Array(sourceNodes.keys)).map {
          "; did you mean '\($0)'?"
        } ?? " (expected an id from 'sources')"
      reader.error(node, "\(what): unknown source '\(name)'\(hint)")
    }
  }
}
