import FoundationEssentials

/// An expression as written, parsed but not yet type-checked.
struct ParsedExpression {
  let source: String
  let node: YAMLNode
  let syntax: Syntax
}

struct SectionDraft {
  let id: String
  let title: LocalizedText
  let intro: LocalizedText?
  let why: LocalizedText?
  let when: ParsedExpression?
  let itemRange: Range<Int>
  let location: SourceLocation
  let node: YAMLNode
}

struct ItemDraft {
  var item: Item
  let when: ParsedExpression?
  let node: YAMLNode
  let idNode: YAMLNode
}

/// Builds a ``Questionnaire`` from a composed YAML tree in passes: shape (with drafts holding
/// parsed expressions), then names, types and order, then reachability.
final class QuestionnaireBuilder {
  let yaml: String
  /// The file's lines, split only when an error inside a literal block needs them.
  lazy var yamlLines: [Substring] = yaml.split(separator: "\n", omittingEmptySubsequences: false)
  let diagnostics: DiagnosticCollector
  var reader: NodeReader
  let today: LocalDate

  var id = ""
  var version = ""
  var languages: [Language] = []
  var sources: [Source] = []
  var sourceNodes: [String: YAMLNode] = [:]
  var sections: [SectionDraft] = []
  var items: [ItemDraft] = []
  var computed: [ComputedDraft] = []
  var scales: [ScaleDraft] = []
  var report: ReportDraft?
  /// Where each id of the shared namespace was declared, to report duplicates.
  var declared: [String: (kind: String, location: SourceLocation)] = [:]
  /// Ids whose declaration has an error already reported: references to them stay silent, so
  /// one mistake gives one message.
  var brokenIDs: Set<String> = []

  /// Whether to run the checks that only matter to an author (see ``QuestionnaireLoader/Checks``).
  let authoringChecks: Bool

  init(
    yaml: String, diagnostics: DiagnosticCollector, today: LocalDate, authoringChecks: Bool = true
  ) {
    self.authoringChecks = authoringChecks
    self.yaml = yaml
    self.diagnostics = diagnostics
    reader = NodeReader(diagnostics: diagnostics)
    self.today = today
  }

  static let topLevelKeys = [
    "id", "version", "languages", "title", "description", "sources", "sections", "computed",
    "scales", "report",
  ]

  func build(_ root: YAMLNode) -> Questionnaire? {
    guard let top = MappingReader(root, "questionnaire", keys: Self.topLevelKeys, reader: reader)
    else { return nil }
    if let node = top.required("id", expected: "the questionnaire's id, e.g. adhd-magnesium"),
      let text = reader.string(node, "id")
    {
      if !Pattern.isQuestionnaireID(text) {
        reader.error(
          node,
          "id: '\(text)' is not a valid questionnaire id (expected lower-case letters, digits, '-' and '_')"
        )
      }
      id = text
    }
    if let node = top.required("version", expected: "a version such as 1.0.0"),
      let text = reader.string(node, "version")
    {
      if !Pattern.isVersion(text) {
        reader.error(node, "version: '\(text)' is not a version (expected numbers such as 1.0.0)")
      }
      version = text
    }
    readLanguages(top.required("languages", expected: "a list of language codes, e.g. [nl, en]"))
    reader.languages = languages
    let title = top.required("title", expected: "a text").flatMap { reader.text($0, "title") }
    let description = top["description"].flatMap { reader.text($0, "description") }
    if let node = top["sources"] { readSources(node) }
    if let node = top.required("sections", expected: "a list of sections") { readSections(node) }
    if let node = top["computed"] { readComputed(node) }
    if let node = top["scales"] { readScales(node) }
    if let node = top["report"] { report = readReport(node) }

    // Names, types and order need everything above; skip them when the shape is broken, so one
    // mistake does not cascade into many.
    let shapeErrors = diagnostics.diagnostics.count
    let resolved = resolve()
    guard diagnostics.diagnostics.count == shapeErrors, let resolved else { return nil }
    let questionnaire = Questionnaire(
      id: id, version: version, languages: languages, title: title ?? LocalizedText([:]),
      description: description, sources: sources, sections: resolved.sections,
      items: resolved.items,
      computed: resolved.computed, scales: resolved.scales, report: resolved.report,
      file: diagnostics.file)
    if authoringChecks { checkReachability(questionnaire) }
    return diagnostics.diagnostics.isEmpty ? questionnaire : nil
  }

  // MARK: Locations

  func location(_ node: YAMLNode) -> SourceLocation { reader.location(node) }

  /// The location of scalar offset `offset` inside an expression written in `node`.
  func location(of expression: ParsedExpression, offset: Int) -> SourceLocation {
    let start = location(expression.node)
    guard case .scalar(let scalar) = expression.node else { return start }
    let before = expression.source.unicodeScalars.prefix(offset)
    let newlines = before.filter { $0 == "\n" }.count
    switch scalar.style {
    case .plain:
      return newlines == 0
        ? diagnostics.location(line: start.line, column: start.column + offset) : start
    case .singleQuoted, .doubleQuoted:
      return newlines == 0
        ? diagnostics.location(line: start.line, column: start.column + 1 + offset) : start
    case .literal:
      // The text starts on the line after the `|` indicator; the block's indentation is that of
      // its first line (deeper lines keep their extra spaces in the text).
      let line = start.line + 1 + newlines
      guard start.line < yamlLines.count, line - 1 < yamlLines.count else { return start }
      let indent = yamlLines[start.line].prefix { $0 == " " }.count
      let lineStart =
        before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0
      return diagnostics.location(line: line, column: indent + 1 + (offset - lineStart))
    case .folded:
      return start
    }
  }

  func parseExpression(_ node: YAMLNode, _ what: String) -> ParsedExpression? {
    guard let source = reader.string(node, what) else { return nil }
    do {
      let syntax = try ExpressionParser.parse(source)
      return ParsedExpression(source: source, node: node, syntax: syntax)
    } catch {
      let draft = ParsedExpression(source: source, node: node, syntax: .bool(false, at: 0))
      diagnostics.error(at: location(of: draft, offset: error.offset), "\(what): \(error.message)")
      return nil
    }
  }

  /// Registers an id of the shared namespace (sections, items, computed values, scales).
  func declare(_ id: String, kind: String, at node: YAMLNode) -> Bool {
    if let previous = declared[id] {
      reader.error(
        node,
        "duplicate id '\(id)': already used by the \(previous.kind) at line \(previous.location.line) (expected unique ids)"
      )
      return false
    }
    declared[id] = (kind, location(node))
    return true
  }

  // MARK: Top level

  private func readLanguages(_ node: YAMLNode?) {
    guard let node, let list = reader.sequence(node, "languages") else { return }
    var result: [Language] = []
    for element in list {
      guard let code = reader.string(element, "languages") else { continue }
      guard code.count == 2, code.unicodeScalars.allSatisfy(Pattern.isLowercaseLetter) else {
        reader.error(
          element,
          "languages: '\(code)' is not a language code (expected two lower-case letters, e.g. nl)")
        continue
      }
      if result.contains(Language(code)) {
        reader.error(element, "languages: '\(code)' is listed twice")
        continue
      }
      result.append(Language(code))
    }
    if result.isEmpty && list.isEmpty {
      reader.error(node, "languages: the list is empty (expected at least one language)")
    }
    languages = result
  }

  private func readSources(_ node: YAMLNode) {
    guard let list = reader.sequence(node, "sources") else { return }
    for element in list {
      guard
        let map = MappingReader(
          element, "source", keys: ["id", "citation", "url", "note"], reader: reader)
      else { continue }
      guard let idNode = map.required("id", expected: "an id that report rules cite"),
        let sourceID = reader.identifier(idNode, "source id")
      else { continue }
      let what = "source '\(sourceID)'"
      if sourceNodes[sourceID] != nil {
        reader.error(idNode, "duplicate source id '\(sourceID)' (expected unique ids)")
        continue
      }
      sourceNodes[sourceID] = idNode
      guard let citationNode = map.required("citation", expected: "the citation text") else {
        continue
      }
      let citation: LocalizedText?
      if case .scalar(let scalar) = citationNode {
        citation = LocalizedText(
          Dictionary(
            uniqueKeysWithValues: (languages.isEmpty ? [.english] : languages).map {
              ($0, scalar.string)
            }))
      } else {
        citation = reader.text(citationNode, "\(what) citation")
      }
      let url = map["url"].flatMap { reader.string($0, "\(what) url") }
      if let url, let urlNode = map["url"], !(url.hasPrefix("https://") || url.hasPrefix("http://"))
      {
        reader.error(urlNode, "\(what) url: '\(url)' is not a web address (expected https://…)")
      }
      let note = map["note"].flatMap { reader.string($0, "\(what) note") }
      if let citation {
        sources.append(Source(id: sourceID, citation: citation, url: url, note: note))
      }
    }
  }

  // MARK: Sections and items

  private func readSections(_ node: YAMLNode) {
    guard let list = reader.sequence(node, "sections") else { return }
    if list.isEmpty {
      reader.error(node, "sections: the list is empty (expected at least one section)")
    }
    for element in list {
      guard
        let map = MappingReader(
          element, "section", keys: ["id", "title", "intro", "why", "when", "items"], reader: reader
        )
      else { continue }
      let idNode = map.required("id", expected: "the section's id")
      let sectionID = idNode.flatMap { reader.identifier($0, "section id") } ?? "?"
      if let idNode, sectionID != "?" { _ = declare(sectionID, kind: "section", at: idNode) }
      let what = "section '\(sectionID)'"
      let title = map.required("title", expected: "a text").flatMap {
        reader.text($0, "\(what) title")
      }
      let intro = map["intro"].flatMap { reader.text($0, "\(what) intro") }
      let why = map["why"].flatMap { reader.text($0, "\(what) why") }
      let when = map["when"].flatMap { parseExpression($0, "\(what) when") }
      let first = items.count
      if let itemsNode = map.required("items", expected: "a list of items"),
        let itemNodes = reader.sequence(itemsNode, "\(what) items")
      {
        if itemNodes.isEmpty {
          reader.error(itemsNode, "\(what) items: the list is empty (expected at least one item)")
        }
        for itemNode in itemNodes { readItem(itemNode, sectionID: sectionID) }
      }
      sections.append(
        SectionDraft(
          id: sectionID, title: title ?? LocalizedText([:]), intro: intro, why: why, when: when,
          itemRange: first..<items.count, location: location(element), node: element))
    }
  }

  static let commonItemKeys = [
    "id", "type", "question", "help", "required", "safety", "when", "dont_know",
    "prefer_not_to_say",
  ]
  static let itemKeysByType: [String: [String]] = [
    "choice": ["options"], "multi_choice": ["options"], "yes_no": [], "scale": ["points"],
    "integer": ["min", "max", "unit", "unit_one"],
    "decimal": ["min", "max", "unit", "unit_one", "decimals"],
    "text": ["max_length", "multiline"], "date": ["min", "max"],
  ]
  static let allTypeKeys = Set(itemKeysByType.values.joined())
  static let itemTypes = [
    "choice", "multi_choice", "yes_no", "scale", "integer", "decimal", "text", "date",
  ]

  private func readItem(_ node: YAMLNode, sectionID: String) {
    // The type decides which keys are allowed, so read it before checking the others.
    let typeNode = node.mapping?["type"]
    // A list or mapping (`type: [choice]`) is an error of its own, or the item would vanish.
    var type = typeNode.flatMap { reader.string($0, "item type") }
    if let typeNode, let text = type, !Self.itemTypes.contains(text) {
      let hint =
        MappingReader.suggestion(for: text, among: Self.itemTypes).map { "; did you mean '\($0)'?" }
        ?? " (expected one of: \(Self.itemTypes.joined(separator: ", ")))"
      reader.error(typeNode, "item type '\(text)' is not known\(hint)")
      type = nil
    }
    let typeKeys = type.map { Self.itemKeysByType[$0]! } ?? Self.allTypeKeys.sorted()
    let misplaced = { (key: String) -> String? in
      guard let type, Self.allTypeKeys.contains(key) else { return nil }
      return
        "does not apply to an item of type \(type) (expected one of: \((Self.commonItemKeys + typeKeys).joined(separator: ", ")))"
    }
    let provisionalID = node.mapping?["id"]?.string ?? "?"
    guard
      let map = MappingReader(
        node, "item '\(provisionalID)'", keys: Self.commonItemKeys + typeKeys, misplaced: misplaced,
        reader: reader)
    else { return }
    guard let idNode = map.required("id", expected: "the item's id") else { return }
    guard let itemID = reader.identifier(idNode, "item id") else {
      brokenIDs.insert(provisionalID.lowercased())
      return
    }
    _ = declare(itemID, kind: "item", at: idNode)
    let what = "item '\(itemID)'"
    if typeNode == nil {
      _ = map.required("type", expected: "one of: \(Self.itemTypes.joined(separator: ", "))")
    }
    let question = map.required("question", expected: "a text").flatMap {
      reader.text($0, "\(what) question")
    }
    let help = map["help"].flatMap { reader.text($0, "\(what) help") }
    let required = map["required"].flatMap { reader.bool($0, "\(what) required") } ?? false
    let safety = map["safety"].flatMap { reader.bool($0, "\(what) safety") } ?? false
    let when = map["when"].flatMap { parseExpression($0, "\(what) when") }
    let dontKnow =
      map["dont_know"].flatMap { reader.bool($0, "\(what) dont_know") } ?? (type == "yes_no")
    let preferNot =
      map["prefer_not_to_say"].flatMap { reader.bool($0, "\(what) prefer_not_to_say") } ?? false
    guard let type, let kind = readKind(type, map, what) else {
      brokenIDs.insert(itemID)
      return
    }
    let item = Item(
      id: itemID, index: items.count, sectionID: sectionID, kind: kind,
      question: question ?? LocalizedText([:]),
      help: help, isRequired: required, isSafety: safety, condition: nil,
      allowsDontKnow: dontKnow,
      allowsPreferNotToSay: preferNot,
      location: location(node))
    items.append(ItemDraft(item: item, when: when, node: node, idNode: idNode))
  }

  private func readKind(_ type: String, _ map: MappingReader, _ what: String) -> ItemKind? {
    switch type {
    case "choice", "multi_choice":
      guard let node = map.required("options", expected: "a list of options"),
        let options = readOptions(node, what, multiple: type == "multi_choice")
      else { return nil }
      return type == "choice" ? .choice(options) : .multiChoice(options)
    case "yes_no":
      return .yesNo([
        AnswerOption(id: "yes", label: interfaceText(.yes), value: 1),
        AnswerOption(id: "no", label: interfaceText(.no), value: 0),
      ])
    case "scale":
      guard let node = map.required("points", expected: "a list of labelled points"),
        let points = readPoints(node, what)
      else { return nil }
      return .scale(points)
    case "integer", "decimal":
      let minimum = map["min"].flatMap { readNumber($0, "\(what) min", whole: type == "integer") }
      let maximum = map["max"].flatMap { readNumber($0, "\(what) max", whole: type == "integer") }
      if let minimum, let maximum, minimum > maximum, let node = map["min"] {
        reader.error(
          node,
          "\(what): min \(Value.number(minimum)) is above max \(Value.number(maximum)) (expected min ≤ max)"
        )
        return nil
      }
      let unit = map["unit"].flatMap { reader.text($0, "\(what) unit") }
      let unitOne = map["unit_one"].flatMap { reader.text($0, "\(what) unit_one") }
      let range = NumberRange(min: minimum, max: maximum, unit: unit, unitOne: unitOne)
      if type == "integer" { return .integer(range) }
      let decimals =
        map["decimals"].flatMap {
          reader.integer($0, "\(what) decimals", in: 0...NumberText.maximumDecimals)
        } ?? 1
      return .decimal(range, decimals: decimals)
    case "text":
      let maxLength =
        map["max_length"].flatMap { reader.integer($0, "\(what) max_length", in: 1...Int.max) }
        ?? 500
      let multiline = map["multiline"].flatMap { reader.bool($0, "\(what) multiline") } ?? false
      return .text(maxLength: maxLength, multiline: multiline)
    case "date":
      let minimum = map["min"].flatMap { readDateBound($0, "\(what) min") }
      let maximum = map["max"].flatMap { readDateBound($0, "\(what) max") }
      if let minimum, let maximum, minimum.resolve(today: today) > maximum.resolve(today: today),
        let node = map["min"]
      {
        reader.error(node, "\(what): min is after max (expected min ≤ max)")
        return nil
      }
      return .date(DateRange(min: minimum, max: maximum))
    default:
      return nil
    }
  }

  private func readNumber(_ node: YAMLNode, _ what: String, whole: Bool) -> Double? {
    guard let value = reader.number(node, what) else { return nil }
    if whole && value != value.rounded() {
      reader.error(
        node, "\(what): expected a whole number for an integer item, found \(Value.number(value))")
      return nil
    }
    return value
  }

  private func readOptions(_ node: YAMLNode, _ what: String, multiple: Bool) -> [AnswerOption]? {
    guard let list = reader.sequence(node, "\(what) options") else { return nil }
    var options: [AnswerOption] = []
    var seen: Set<String> = []
    var ok = true
    for element in list {
      let keys =
        multiple
        ? ["id", "label", "help", "value", "exclusive"] : ["id", "label", "help", "value"]
      let misplaced = { (key: String) -> String? in
        !multiple && key == "exclusive"
          ? "applies only to multi_choice options (a choice has one answer anyway)" : nil
      }
      guard
        let map = MappingReader(
          element, "\(what) option", keys: keys, misplaced: misplaced, reader: reader)
      else {
        ok = false
        continue
      }
      guard let idNode = map.required("id", expected: "the option's id"),
        let optionID = reader.identifier(idNode, "\(what) option id")
      else {
        ok = false
        continue
      }
      if !seen.insert(optionID).inserted {
        reader.error(idNode, "\(what): duplicate option '\(optionID)' (expected unique option ids)")
        ok = false
      }
      if ["dont_know", "prefer_not_to_say"].contains(optionID) {
        reader.error(
          idNode,
          "\(what): option id '\(optionID)' is reserved (expected \(optionID): true on the item instead)"
        )
        ok = false
      }
      let label = map.required("label", expected: "a text").flatMap {
        reader.text($0, "\(what) option '\(optionID)' label")
      }
      let help = map["help"].flatMap { reader.text($0, "\(what) option '\(optionID)' help") }
      let value = map["value"].flatMap { reader.number($0, "\(what) option '\(optionID)' value") }
      let exclusive =
        map["exclusive"].flatMap { reader.bool($0, "\(what) option '\(optionID)' exclusive") }
        ?? false
      guard let label else {
        ok = false
        continue
      }
      options.append(
        AnswerOption(id: optionID, label: label, help: help, value: value, isExclusive: exclusive))
    }
    if list.isEmpty {
      reader.error(node, "\(what) options: the list is empty (expected at least two options)")
      return nil
    }
    if multiple && !options.isEmpty && options.allSatisfy(\.isExclusive) {
      reader.error(
        node,
        "\(what): every option is exclusive (expected at least one option that can be combined)")
      return nil
    }
    if !multiple && ok && options.count < 2 {
      reader.error(node, "\(what) options: only one option (expected at least two to choose from)")
      return nil
    }
    return ok ? options : nil
  }

  private func readPoints(_ node: YAMLNode, _ what: String) -> [ScalePoint]? {
    guard let list = reader.sequence(node, "\(what) points") else { return nil }
    var points: [ScalePoint] = []
    var ok = true
    for element in list {
      guard
        let map = MappingReader(
          element, "\(what) point", keys: ["value", "label"], reader: reader),
        let valueNode = map.required("value", expected: "a number"),
        let value = reader.number(valueNode, "\(what) point value"),
        let label = map.required("label", expected: "a text").flatMap({
          reader.text($0, "\(what) point \(Value.number(value)) label")
        })
      else {
        ok = false
        continue
      }
      if let previous = points.last, value <= previous.value {
        reader.error(
          valueNode,
          "\(what): point values must increase, but \(Value.number(value)) follows \(Value.number(previous.value))"
        )
        ok = false
      }
      points.append(ScalePoint(value: value, label: label))
    }
    if ok && points.count < 2 {
      reader.error(
        node,
        "\(what) points: \(points.count) point\(points.count == 1 ? "" : "s") (expected at least two)"
      )
      return nil
    }
    return ok ? points : nil
  }

  private func readDateBound(_ node: YAMLNode, _ what: String) -> DateBound? {
    guard let text = reader.string(node, what)?.trimmingWhitespace() else {
      return nil
    }
    if let date = LocalDate(iso: text) { return .fixed(date) }
    if text == "today" { return .relative(years: 0, months: 0, days: 0) }
    if let bound = Pattern.relativeDate(text) { return bound }
    reader.error(
      node,
      "\(what): '\(text)' is not a date (expected YYYY-MM-DD, today, or e.g. 'today - 18 years')")
    return nil
  }

  /// A text from intake's own catalogue in every declared language.
  func interfaceText(_ key: UIText) -> LocalizedText {
    let langs = languages.isEmpty ? Language.interfaceLanguages : languages
    return LocalizedText(Dictionary(uniqueKeysWithValues: langs.map { ($0, key.text(in: $0)) }))
  }
}
