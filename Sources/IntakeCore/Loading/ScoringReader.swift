struct ComputedDraft {
  let id: String
  let expression: ParsedExpression?
  let label: LocalizedText?
  let unit: LocalizedText?
  let unitOne: LocalizedText?
  let decimals: Int
  let bands: [BandDraft]?
  let bandsNode: YAMLNode?
  let location: SourceLocation
  let idNode: YAMLNode
}

struct ScaleDraft {
  let id: String
  let label: LocalizedText?
  let items: [(String, YAMLNode)]
  let method: ScaleMethod
  let minAnswered: Int?
  let minAnsweredNode: YAMLNode?
  let bands: [BandDraft]?
  let bandsNode: YAMLNode?
  let location: SourceLocation
  let idNode: YAMLNode
}

struct BandDraft {
  let id: String
  let from: Double?
  let to: Double?
  let label: LocalizedText
  let text: YAMLNode?
  let node: YAMLNode
}

extension QuestionnaireBuilder {
  func readComputed(_ node: YAMLNode) {
    guard let list = reader.sequence(node, "computed") else { return }
    for element in list {
      guard
        let map = MappingReader(
          element, "computed value",
          keys: ["id", "expr", "label", "unit", "unit_one", "decimals", "bands"],
          reader: reader),
        let idNode = map.required("id", expected: "the computed value's id"),
        let valueID = reader.identifier(idNode, "computed id")
      else { continue }
      _ = declare(valueID, kind: "computed value", at: idNode)
      let what = "computed value '\(valueID)'"
      let expression = map.required("expr", expected: "an expression").flatMap {
        parseExpression($0, "\(what) expr")
      }
      let label = map["label"].flatMap { reader.text($0, "\(what) label") }
      let unit = map["unit"].flatMap { reader.text($0, "\(what) unit") }
      let unitOne = map["unit_one"].flatMap { reader.text($0, "\(what) unit_one") }
      let decimals =
        map["decimals"].flatMap {
          reader.integer($0, "\(what) decimals", in: 0...NumberText.maximumDecimals)
        } ?? 0
      let bands = map["bands"].flatMap { readBands($0, what, openEnds: true) }
      computed.append(
        ComputedDraft(
          id: valueID, expression: expression, label: label, unit: unit, unitOne: unitOne,
          decimals: decimals,
          bands: bands,
          bandsNode: map["bands"], location: location(element), idNode: idNode))
    }
  }

  func readScales(_ node: YAMLNode) {
    guard let list = reader.sequence(node, "scales") else { return }
    for element in list {
      guard
        let map = MappingReader(
          element, "scale", keys: ["id", "label", "items", "method", "min_answered", "bands"],
          reader: reader),
        let idNode = map.required("id", expected: "the scale's id"),
        let scaleID = reader.identifier(idNode, "scale id")
      else { continue }
      _ = declare(scaleID, kind: "scale", at: idNode)
      let what = "scale '\(scaleID)'"
      let label = map.required("label", expected: "a text").flatMap {
        reader.text($0, "\(what) label")
      }
      let itemList =
        map.required("items", expected: "a list of item ids").flatMap {
          reader.identifiers($0, "\(what) items")
        } ?? []
      if let itemsNode = map["items"], itemList.isEmpty, itemsNode.sequence?.isEmpty == true {
        reader.error(
          itemsNode, "\(what) items: the list is empty (expected the items the scale adds up)")
      }
      var method = ScaleMethod.sum
      if let methodNode = map.required("method", expected: "sum or mean"),
        let text = reader.string(methodNode, "\(what) method")
      {
        if let parsed = ScaleMethod(rawValue: text) {
          method = parsed
        } else {
          reader.error(
            methodNode, "\(what) method: '\(text)' is not a method (expected sum or mean)")
        }
      }
      let minAnswered = map["min_answered"].flatMap {
        reader.integer($0, "\(what) min_answered", in: 1...Int.max)
      }
      if let minAnswered, let minNode = map["min_answered"], minAnswered > itemList.count,
        !itemList.isEmpty
      {
        reader.error(
          minNode, "\(what) min_answered: \(minAnswered) is more than its \(itemList.count) items")
      }
      let bands = map["bands"].flatMap { readBands($0, what, openEnds: false) }
      scales.append(
        ScaleDraft(
          id: scaleID, label: label, items: itemList, method: method, minAnswered: minAnswered,
          minAnsweredNode: map["min_answered"], bands: bands, bandsNode: map["bands"],
          location: location(element),
          idNode: idNode))
    }
  }

  /// Reads bands and checks their order, gaps and overlaps; coverage of a scale's range is
  /// checked once the range is known.
  func readBands(_ node: YAMLNode, _ what: String, openEnds: Bool) -> [BandDraft]? {
    guard let list = reader.sequence(node, "\(what) bands") else { return nil }
    if list.isEmpty {
      reader.error(
        node, "\(what) bands: the list is empty (expected at least one band, or no 'bands' key)")
      return nil
    }
    var bands: [BandDraft] = []
    var seen: Set<String> = []
    var ok = true
    for (offset, element) in list.enumerated() {
      guard
        let map = MappingReader(
          element, "\(what) band", keys: ["id", "from", "to", "label", "text"], reader: reader),
        let idNode = map.required("id", expected: "the band's id"),
        let bandID = reader.identifier(idNode, "\(what) band id")
      else {
        ok = false
        continue
      }
      if !seen.insert(bandID).inserted {
        reader.error(idNode, "\(what): duplicate band '\(bandID)' (expected unique band ids)")
        ok = false
      }
      let bandWhat = "\(what) band '\(bandID)'"
      let isFirst = offset == 0
      let isLast = offset == list.count - 1
      let fromNode =
        openEnds && isFirst
        ? map["from"] : map.required("from", expected: "the lowest score in the band")
      let toNode =
        openEnds && isLast
        ? map["to"] : map.required("to", expected: "the score where the next band starts")
      let from = fromNode.flatMap { reader.number($0, "\(bandWhat) from") }
      let to = toNode.flatMap { reader.number($0, "\(bandWhat) to") }
      if (fromNode != nil && from == nil) || (toNode != nil && to == nil) { ok = false }
      if !openEnds && (from == nil || to == nil) { ok = false }
      let label = map.required("label", expected: "a text").flatMap {
        reader.text($0, "\(bandWhat) label")
      }
      if let from, let to, from >= to {
        reader.error(
          element,
          "\(bandWhat): from \(Value.number(from)) is not below to \(Value.number(to)) (expected from < to)"
        )
        ok = false
      }
      guard let label else {
        ok = false
        continue
      }
      bands.append(
        BandDraft(id: bandID, from: from, to: to, label: label, text: map["text"], node: element))
    }
    guard ok else { return nil }
    for (previous, next) in zip(bands, bands.dropFirst()) {
      guard let end = previous.to, let start = next.from else { continue }
      if end < start {
        reader.error(
          next.node,
          "\(what): gap between band '\(previous.id)' (to \(Value.number(end))) and band '\(next.id)' (from \(Value.number(start))): scores in between fall in no band (expected from: \(Value.number(end)))"
        )
        ok = false
      } else if end > start {
        reader.error(
          next.node,
          "\(what): band '\(next.id)' (from \(Value.number(start))) overlaps band '\(previous.id)' (to \(Value.number(end))) (expected from: \(Value.number(end)))"
        )
        ok = false
      }
    }
    return ok ? bands : nil
  }
}
