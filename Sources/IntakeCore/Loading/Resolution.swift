struct ResolvedParts {
  let sections: [Section]
  let items: [Item]
  let computed: [ComputedValue]
  let scales: [Scale]
  let report: ReportSpec
}

extension QuestionnaireBuilder {
  /// Resolves names, checks types, cycles and order, and assembles the model.
  func resolve() -> ResolvedParts? {
    var baseItems = items.map(\.item)
    let itemIndex = Dictionary(baseItems.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
    let computedIndex = Dictionary(
      computed.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let scaleIndex = Dictionary(
      scales.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let lookup: (String) -> Symbol? = { name in
      if let i = itemIndex[name] { return .item(i) }
      if let i = computedIndex[name] { return .computed(i) }
      if let i = scaleIndex[name] { return .scale(i) }
      return self.brokenIDs.contains(name) ? .broken : nil
    }

    // Scales first: computed values and conditions may use them.
    var scaleModels: [Scale?] = []
    var scaleDependency: [Int?] = []
    for draft in scales {
      let (scale, dependency) = resolveScale(
        draft, itemIndex: itemIndex, items: baseItems, lookup: lookup)
      scaleModels.append(scale)
      scaleDependency.append(dependency)
    }

    // Computed values, in dependency order; a cycle is reported once per cycle.
    let order = computedOrder(lookup: lookup)
    var computedTypes = [ValueType?](repeating: nil, count: computed.count)
    var computedDependency = [Int?](repeating: nil, count: computed.count)
    var computedExprs = [Expr?](repeating: nil, count: computed.count)
    for index in order {
      let draft = computed[index]
      guard let expression = draft.expression else { continue }
      // The checker holds the arrays it was given; it is gone (in this closure) before they
      // change below, so they are not copied once per computed value.
      let (expr, type, dependency): (Expr?, ValueType, Int?) = {
        let (expr, type, checker) = check(
          expression, "computed value '\(draft.id)'", items: baseItems, lookup: lookup,
          types: computedTypes,
          computedDependency: computedDependency, scaleDependency: scaleDependency,
          onlyBefore: nil)
        let dependencies =
          checker.usedItems.map(Optional.some)
          + checker.usedComputed.map { computedDependency[$0] }
          + checker.usedScales.map { scaleDependency[$0] }
        return (expr, type, dependencies.compactMap { $0 }.max())
      }()
      guard let expr else { continue }
      guard type == .number || type == .bool else {
        reader.error(
          expression.node,
          "computed value '\(draft.id)': the expression gives \(type) (expected a number or true/false)"
        )
        continue
      }
      if draft.bands != nil && type != .number, let node = draft.bandsNode {
        reader.error(
          node,
          "computed value '\(draft.id)': bands need a number, but the expression gives true/false")
      }
      computedTypes[index] = type
      computedExprs[index] = expr
      computedDependency[index] = dependency
    }

    // Conditions on sections and items: only earlier answers.
    var sectionModels: [Section] = []
    for draft in sections {
      var condition: Condition?
      if let when = draft.when {
        let (expr, type, _) = check(
          when, "section '\(draft.id)'", items: baseItems, lookup: lookup, types: computedTypes,
          computedDependency: computedDependency, scaleDependency: scaleDependency,
          onlyBefore: draft.itemRange.lowerBound)
        if let expr {
          condition = conditionOf(when, expr, type, what: "section '\(draft.id)' when")
        }
      }
      sectionModels.append(
        Section(
          id: draft.id, title: draft.title, intro: draft.intro, why: draft.why,
          condition: condition,
          itemRange: draft.itemRange, location: draft.location))
    }
    for (index, draft) in items.enumerated() {
      guard let when = draft.when else { continue }
      let (expr, type, _) = check(
        when, "item '\(draft.item.id)'", items: baseItems, lookup: lookup, types: computedTypes,
        computedDependency: computedDependency, scaleDependency: scaleDependency, onlyBefore: index)
      if let expr {
        baseItems[index].condition = conditionOf(
          when, expr, type, what: "item '\(draft.item.id)' when")
      }
    }

    var computedModels: [ComputedValue] = []
    for (index, draft) in computed.enumerated() {
      guard let expression = draft.expression, let expr = computedExprs[index] else { continue }
      let bands = draft.bands.map { resolveBands($0, lookup: lookup) } ?? []
      computedModels.append(
        ComputedValue(
          id: draft.id,
          expression: Condition(
            source: expression.source, location: location(expression.node), expression: expr),
          label: draft.label, unit: draft.unit, unitOne: draft.unitOne, decimals: draft.decimals,
          bands: bands,
          isNumeric: computedTypes[index] == .number,
          location: draft.location))
    }

    let reportSpec =
      report.map {
        resolveReport(
          $0, items: baseItems, lookup: lookup, computedTypes: computedTypes,
          computedDependency: computedDependency,
          scaleDependency: scaleDependency, scales: scaleModels)
      } ?? .empty
    guard computedModels.count == computed.count, scaleModels.allSatisfy({ $0 != nil }) else {
      return nil
    }
    return ResolvedParts(
      sections: sectionModels, items: baseItems, computed: computedModels,
      scales: scaleModels.compactMap { $0 },
      report: reportSpec)
  }

  /// Type-checks one expression, recording its errors at their columns.
  func check(
    _ expression: ParsedExpression, _ contextName: String, items: [Item],
    lookup: @escaping (String) -> Symbol?,
    types: [ValueType?], computedDependency: [Int?], scaleDependency: [Int?], onlyBefore: Int?
  ) -> (Expr?, ValueType, TypeChecker) {
    var checker = TypeChecker(
      items: items, lookup: lookup, computedType: { types[$0] },
      computedDependency: { computedDependency[$0] },
      scaleDependency: { scaleDependency[$0] }, onlyBefore: onlyBefore, contextName: contextName)
    let (expr, type) = checker.check(expression.syntax)
    for error in checker.errors {
      diagnostics.error(
        at: location(of: expression, offset: error.offset), "\(contextName): \(error.message)")
    }
    let usable = checker.errors.isEmpty && !checker.hasSilentError
    return (usable ? expr : nil, type, checker)
  }

  private func conditionOf(
    _ parsed: ParsedExpression, _ expr: Expr, _ type: ValueType, what: String
  ) -> Condition? {
    guard type == .bool else {
      reader.error(
        parsed.node, "\(what): the condition gives \(type) (expected true/false, e.g. x == \"yes\")"
      )
      return nil
    }
    return Condition(
      source: parsed.source, location: location(parsed.node), expression: expr)
  }

  /// Computed values ordered so each comes after those it uses; reports cycles. A depth-first
  /// walk on a stack of its own, not recursion: a chain of computed values can be thousands long.
  private func computedOrder(lookup: (String) -> Symbol?) -> [Int] {
    let uses: [[Int]] = computed.map { draft in
      (draft.expression?.syntax.names ?? []).compactMap { name in
        if case .computed(let next) = lookup(name) { return next }
        return nil
      }
    }
    var state = [UInt8](repeating: 0, count: computed.count)  // 0 new, 1 visiting, 2 done
    var order: [Int] = []
    var reported: Set<Int> = []
    for root in computed.indices where state[root] == 0 {
      // The path from `root` to where the walk is, each with the next of its uses to visit.
      var path: [(index: Int, next: Int)] = [(root, 0)]
      state[root] = 1
      while let (index, next) = path.last {
        guard next < uses[index].count else {
          path.removeLast()
          state[index] = 2
          if !reported.contains(index) { order.append(index) }
          continue
        }
        path[path.count - 1].next += 1
        let used = uses[index][next]
        switch state[used] {
        case 0:
          state[used] = 1
          path.append((used, 0))
        case 1:
          let start = path.firstIndex { $0.index == used } ?? 0
          let cycle = path[start...].map(\.index) + [used]
          if reported.isDisjoint(with: cycle) {
            reported.formUnion(cycle)
            let names = cycle.map { computed[$0].id }.joined(separator: " → ")
            reader.error(
              computed[used].idNode,
              "computed value '\(computed[used].id)' depends on itself: \(names) (expected no cycles)"
            )
          }
        default:
          break
        }
      }
    }
    return order.filter { !reported.contains($0) }
  }

  private func resolveScale(
    _ draft: ScaleDraft, itemIndex: [String: Int], items: [Item], lookup: (String) -> Symbol?
  ) -> (Scale?, Int?) {
    var ranges: [ClosedRange<Double>] = []
    var ok = true
    var seen: Set<String> = []
    var dependency: Int?
    for (itemID, node) in draft.items {
      guard let index = itemIndex[itemID] else {
        ok = false
        if brokenIDs.contains(itemID) { continue }
        let hint =
          MappingReader.suggestion(for: itemID, among: Array(itemIndex.keys)).map {
            "; did you mean '\($0)'?"
          } ?? " (expected an item id)"
        reader.error(node, "scale '\(draft.id)': unknown item '\(itemID)'\(hint)")
        continue
      }
      if !seen.insert(itemID).inserted {
        reader.error(node, "scale '\(draft.id)': item '\(itemID)' is listed twice")
        ok = false
      }
      dependency = max(dependency ?? index, index)
      let item = items[index]
      guard let range = item.numericRange else {
        let reason: String
        switch item.kind {
        case .choice: reason = "a choice whose options do not all have a value"
        case .integer, .decimal: reason = "a number item without both min and max"
        default: reason = "a \(item.kind.name) item"
        }
        reader.error(
          node,
          "scale '\(draft.id)': item '\(itemID)' is \(reason) (expected items with numbers: scale, yes_no, integer/decimal with min and max, choice with values)"
        )
        ok = false
        continue
      }
      ranges.append(range)
    }
    guard ok, !ranges.isEmpty, let label = draft.label else { return (nil, dependency) }
    let range: ClosedRange<Double> =
      draft.method == .sum
      ? ranges.map(\.lowerBound).reduce(0, +)...ranges.map(\.upperBound).reduce(0, +)
      : ranges.map(\.lowerBound).min()!...ranges.map(\.upperBound).max()!
    var bands: [Band] = []
    if let drafts = draft.bands {
      bands = resolveBands(drafts, lookup: lookup)
      if let first = drafts.first, let from = first.from, from > range.lowerBound {
        reader.error(
          first.node,
          "scale '\(draft.id)': band '\(first.id)' starts at \(Value.number(from)), but the lowest possible score is \(Value.number(range.lowerBound)) (expected from: \(Value.number(range.lowerBound)))"
        )
      }
      if let last = drafts.last, let to = last.to, to < range.upperBound {
        reader.error(
          last.node,
          "scale '\(draft.id)': band '\(last.id)' ends at \(Value.number(to)), but the highest possible score is \(Value.number(range.upperBound)) (expected to: \(Value.number(range.upperBound)))"
        )
      }
    }
    let scale = Scale(
      id: draft.id, label: label, itemIDs: draft.items.map(\.0), method: draft.method,
      minAnswered: draft.minAnswered,
      bands: bands, range: range, location: draft.location)
    return (scale, dependency)
  }

  func resolveBands(_ drafts: [BandDraft], lookup: (String) -> Symbol?) -> [Band] {
    drafts.map { draft in
      Band(
        id: draft.id, lowerBound: draft.from, upperBound: draft.to, label: draft.label,
        text: draft.text.flatMap { template($0, "band '\(draft.id)' text", lookup: lookup) },
        location: location(draft.node))
    }
  }

  /// Reads a text and parses its `{placeholders}`, checking every name.
  func template(_ node: YAMLNode, _ what: String, lookup: (String) -> Symbol?) -> TextTemplate? {
    guard let text = reader.text(node, what) else { return nil }
    var pieces: [Language: [TextTemplate.Piece]] = [:]
    var ok = true
    for (language, translation) in text.entries.map({ ($0.language, $0.text) }) {
      // Point at the translation itself, and inside it where the text is on one line.
      let valueNode =
        node.mapping?.first(where: { Language($0.key.string ?? "") == language })?.value ?? node
      let textAt = { (offset: Int) in
        self.location(
          of: ParsedExpression(source: translation, node: valueNode, syntax: .bool(false, at: 0)),
          offset: offset)
      }
      switch TextTemplate.parse(translation) {
      case .failure(let error):
        diagnostics.error(at: textAt(error.offset), "\(what) (\(language)): \(error.message)")
        ok = false
      case .success(let parsed):
        var offset = 0
        for piece in parsed {
          switch piece {
          case .literal(let literal):
            // `{{` and `}}` are one scalar in the literal but two in the source.
            offset +=
              literal.unicodeScalars.count
              + literal.unicodeScalars.filter { $0 == "{" || $0 == "}" }.count
          case .placeholder(let name):
            if lookup(name) == nil {
              let hint =
                MappingReader.suggestion(for: name, among: Array(declared.keys)).map {
                  "; did you mean '\($0)'?"
                } ?? " (expected an item, computed value or scale id)"
              diagnostics.error(
                at: textAt(offset), "\(what) (\(language)): unknown placeholder '{\(name)}'\(hint)")
              ok = false
            }
            offset += name.unicodeScalars.count + 2
          }
        }
        pieces[language] = parsed
      }
    }
    return ok ? TextTemplate(pieces: pieces, raw: text) : nil
  }
}
