/// intake's questionnaire as a FHIR R4 `Questionnaire` (docs/fhir.md has the whole mapping).
struct FHIRQuestionnaireMapping {
  let questionnaire: Questionnaire

  private var writer: FHIRPathWriter { FHIRPathWriter(questionnaire: questionnaire) }
  /// The questionnaire's first language; the others ride along as `translation` extensions.
  var language: Language { questionnaire.languages[0] }

  func resource() -> FHIRQuestionnaire {
    let title = localized(questionnaire.title)
    let description = questionnaire.description.map(localized)
    let variables = self.variables()
    return FHIRQuestionnaire(
      id: FHIRNames.questionnaireResourceID(questionnaire),
      extension: variables.isEmpty ? nil : variables,
      url: FHIRNames.questionnaireURL(questionnaire), version: questionnaire.version,
      name: FHIRNames.computerName(questionnaire.id), title: title.text,
      titleExtras: title.extras, language: language.code, description: description?.text,
      descriptionExtras: description?.extras,
      item: questionnaire.sections.map(group))
  }

  // MARK: Texts

  /// A text in the questionnaire's first language, with the other languages as `translation`
  /// extensions on the element.
  func localized(_ text: LocalizedText) -> (text: String, extras: FHIRPrimitiveExtras?) {
    let translations = questionnaire.languages.dropFirst().compactMap {
      other -> FHIRExtension? in
      guard let translated = text.translation(in: other) else { return nil }
      return .complex(
        FHIRNames.translation,
        [.code("lang", other.code), .string("content", translated)])
    }
    return (
      text.text(in: language),
      translations.isEmpty ? nil : FHIRPrimitiveExtras(extension: translations)
    )
  }

  private func display(_ linkID: String, _ text: LocalizedText, control: String? = nil)
    -> FHIRQuestionnaireItem
  {
    var item = FHIRQuestionnaireItem(linkId: linkID, type: .display)
    (item.text, item.textExtras) = localized(text)
    if let control {
      var ext = FHIRExtension(url: FHIRNames.itemControl)
      ext.valueCodeableConcept = FHIRCodeableConcept(coding: [
        FHIRCoding(system: FHIRNames.itemControlSystem, code: control)
      ])
      item.extension = [ext]
    }
    return item
  }

  // MARK: Items

  /// A section: a group with its introduction and "why we ask" as display items first.
  private func group(_ section: Section) -> FHIRQuestionnaireItem {
    var group = FHIRQuestionnaireItem(linkId: section.id, type: .group)
    (group.text, group.textExtras) = localized(section.title)
    var children: [FHIRQuestionnaireItem] = []
    // intake's ids have no '.', so these never meet an item's linkId.
    if let intro = section.intro { children.append(display("\(section.id).intro", intro)) }
    if let why = section.why { children.append(display("\(section.id).why", why, control: "help")) }
    children += questionnaire.items(in: section).map(question)
    group.item = children
    if let condition = section.condition { apply(condition, to: &group) }
    return group
  }

  private func apply(_ condition: Condition, to item: inout FHIRQuestionnaireItem) {
    switch FHIRCondition.of(condition, in: questionnaire) {
    case .enableWhen(let tests, let behavior):
      item.enableWhen = tests
      item.enableBehavior = behavior
    case .expression(let expression):
      var ext = FHIRExtension(url: FHIRNames.enableWhenExpression)
      ext.valueExpression = FHIRExpression(expression: expression)
      item.extension = (item.extension ?? []) + [ext]
    }
  }

  private func question(_ source: Item) -> FHIRQuestionnaireItem {
    var item = FHIRQuestionnaireItem(linkId: source.id, type: .string)
    (item.text, item.textExtras) = localized(source.question)
    var extensions: [FHIRExtension] = []
    switch source.kind {
    case .choice(let options), .yesNo(let options):
      item.type = .choice
      item.answerOption = options.map { answerOption(source, $0) }
    case .multiChoice(let options):
      item.type = .choice
      item.repeats = true
      item.answerOption = options.map { answerOption(source, $0) }
    case .scale(let points):
      item.type = .choice
      item.answerOption = points.map { point in
        let label = localized(point.label)
        var ordinal = FHIRExtension(url: FHIRNames.ordinalValue)
        ordinal.valueDecimal = point.value
        return FHIRAnswerOption(
          extension: [ordinal],
          valueCoding: FHIRCoding(
            system: FHIRNames.codeSystem(questionnaire, item: source),
            code: FHIRNumber.text(point.value), display: label.text, displayExtras: label.extras))
      }
    case .integer(let range):
      item.type = .integer
      extensions += bounds(range, whole: true)
    case .decimal(let range, let decimals):
      item.type = .decimal
      extensions += bounds(range, whole: false)
      var places = FHIRExtension(url: FHIRNames.maxDecimalPlaces)
      places.valueInteger = decimals
      extensions.append(places)
    case .text(let maxLength, let multiline):
      item.type = multiline ? .text : .string
      item.maxLength = maxLength
    case .date(let range):
      item.type = .date
      for (bound, url) in [(range.min, FHIRNames.minValue), (range.max, FHIRNames.maxValue)] {
        guard let bound else { continue }
        var ext = FHIRExtension(url: url)
        switch bound {
        case .fixed(let date):
          ext.valueDate = date.iso
          extensions.append(ext)
        case .relative(let years, let months, let days):
          // Relative to the day it is filled in: a constraint, so the Questionnaire of one
          // version is the same resource whatever the day it is exported on.
          extensions.append(
            dateConstraint(
              source, isMinimum: url == FHIRNames.minValue,
              relative: (years: years, months: months, days: days)))
        }
      }
    }
    if source.allowsDontKnow { extensions.append(.code(FHIRNames.specialAnswer, "asked-unknown")) }
    if source.allowsPreferNotToSay {
      extensions.append(.code(FHIRNames.specialAnswer, "asked-declined"))
    }
    if source.isRequired { item.required = true }
    item.extension = extensions.isEmpty ? nil : extensions
    if let help = source.help { item.item = [display("\(source.id).help", help)] }
    if let condition = source.condition { apply(condition, to: &item) }
    return item
  }

  /// R4's `questionnaire-constraint`: the answer lies on or after (before) a day relative to
  /// today.
  private func dateConstraint(
    _ item: Item, isMinimum: Bool, relative: (years: Int, months: Int, days: Int)
  ) -> FHIRExtension {
    let bound = FHIRPathWriter.relativeDate(
      years: relative.years, months: relative.months, days: relative.days)
    let comparison = isMinimum ? ">=" : "<="
    return .complex(
      FHIRNames.constraint,
      [
        .code("key", FHIRNames.resourceID("\(item.id)-\(isMinimum ? "min" : "max")")),
        .code("severity", "error"),
        .string("expression", "answer.value.empty() or answer.value \(comparison) \(bound)"),
        .string(
          "human",
          FHIRText.dateBound(
            isMinimum: isMinimum, years: relative.years, months: relative.months,
            days: relative.days, in: language)),
      ])
  }

  private func answerOption(_ item: Item, _ option: AnswerOption) -> FHIRAnswerOption {
    let label = localized(option.label)
    var extensions: [FHIRExtension] = []
    if let value = option.value {
      var ordinal = FHIRExtension(url: FHIRNames.ordinalValue)
      ordinal.valueDecimal = value
      extensions.append(ordinal)
    }
    if option.isExclusive {
      var exclusive = FHIRExtension(url: FHIRNames.optionExclusive)
      exclusive.valueBoolean = true
      extensions.append(exclusive)
    }
    return FHIRAnswerOption(
      extension: extensions.isEmpty ? nil : extensions,
      valueCoding: FHIRCoding(
        system: FHIRNames.codeSystem(questionnaire, item: item), code: option.id,
        display: label.text, displayExtras: label.extras))
  }

  private func bounds(_ range: NumberRange, whole: Bool) -> [FHIRExtension] {
    var extensions: [FHIRExtension] = []
    for (bound, url) in [(range.min, FHIRNames.minValue), (range.max, FHIRNames.maxValue)] {
      guard let bound else { continue }
      var ext = FHIRExtension(url: url)
      if whole { ext.valueInteger = Int(bound) } else { ext.valueDecimal = bound }
      extensions.append(ext)
    }
    if let unit = range.unit {
      let text = localized(unit)
      var ext = FHIRExtension(url: FHIRNames.unit)
      ext.valueCoding = FHIRCoding(display: text.text, displayExtras: text.extras)
      extensions.append(ext)
    }
    return extensions
  }

  // MARK: Variables

  /// The SDC `variable`s: the helpers for ages, then every scale, then every computed value,
  /// each after the ones it uses.
  private func variables() -> [FHIRExtension] {
    var result: [FHIRExtension] = []
    func variable(_ name: String, _ expression: String, _ description: LocalizedText? = nil) {
      var ext = FHIRExtension(url: FHIRNames.variable)
      ext.valueExpression = FHIRExpression(
        name: name, expression: expression, description: description?.text(in: language))
      result.append(ext)
    }
    if usesAge {
      let names = FHIRNames.self
      // The day the answers count as given: the date of `authored` (written in the time zone
      // the answers were given in), or today while a form tool fills the questionnaire in.
      variable(
        names.todayVariable,
        "iif(%resource.authored.exists(), %resource.authored.toString().substring(0, 10).toDate(), today())"
      )
      variable(
        names.todayMonthsVariable,
        "%\(names.todayVariable).toString().substring(0, 4).toInteger() * 12 + %\(names.todayVariable).toString().substring(5, 2).toInteger()"
      )
      variable(
        names.todayDayVariable, "%\(names.todayVariable).toString().substring(8, 2).toInteger()")
      variable(
        names.todayIsMonthEndVariable,
        "(%\(names.todayVariable) + 1 day).toString().substring(8, 2) = '01'")
    }
    for node in derivedOrder() {
      switch node {
      case .scale(let index):
        let scale = questionnaire.scales[index]
        let values = FHIRNames.scaleValuesVariable(scale.id)
        variable(values, scaleValues(scale))
        variable(
          FHIRNames.variableName(scale.id), scaleExpression(scale, values: values), scale.label)
      case .computed(let index):
        let value = questionnaire.computed[index]
        variable(
          FHIRNames.variableName(value.id), writer.expression(value.expression), value.label)
      case .item: break
      }
    }
    return result
  }

  /// The numbers of the shown items of `scale` answered with one ("don't know" gives none, and
  /// hidden items have no answers in the response).
  private func scaleValues(_ scale: Scale) -> String {
    let numbers = scale.itemIDs.compactMap { questionnaire.item($0)?.index }.map {
      writer.numericValue($0)
    }
    guard let first = numbers.first else { return "{}" }
    return numbers.dropFirst().reduce("(\(first))") { "\($0).combine(\($1))" }
  }

  private func scaleExpression(_ scale: Scale, values: String) -> String {
    let count = "%\(values).count()"
    let needed: String
    if let minimum = scale.minAnswered {
      needed = String(max(1, minimum))
    } else {
      let shown = scale.itemIDs.compactMap { questionnaire.item($0)?.index }.map { index in
        writer.shown(index).map { "iif(\($0), 1, 0)" } ?? "1"
      }
      needed = "(\(shown.joined(separator: " + "))).select(iif($this < 1, 1, $this))"
    }
    let sum = "%\(values).aggregate($this + $total, 0)"
    let score = scale.method == .sum ? sum : "(\(sum) / \(count))"
    return "iif(\(count) >= \(needed) and \(count) > 0, \(score))"
  }

  /// Scales and computed values in an order where each comes after the values it uses: a
  /// computed value may use any other, and a scale counts its shown items, so it uses what their
  /// conditions use. The file may list them in any order; cycles were refused at load.
  private func derivedOrder() -> [TrailRef] {
    var order: [TrailRef] = []
    var placed = Set<TrailRef>()
    func uses(_ expr: Expr) {
      expr.visit { inner in
        switch inner {
        case .computed(let used): place(.computed(used))
        case .scale(let used): place(.scale(used))
        default: break
        }
      }
    }
    func place(_ node: TrailRef) {
      guard placed.insert(node).inserted else { return }
      switch node {
      case .computed(let index): uses(questionnaire.computed[index].expression.expression)
      case .scale(let index):
        let scale = questionnaire.scales[index]
        if scale.minAnswered == nil {
          for item in scale.itemIDs.compactMap(questionnaire.item) {
            item.condition.map { uses($0.expression) }
            questionnaire.section(item.sectionID)?.condition.map { uses($0.expression) }
          }
        }
      case .item: break
      }
      order.append(node)
    }
    questionnaire.scales.indices.forEach { place(.scale($0)) }
    questionnaire.computed.indices.forEach { place(.computed($0)) }
    return order
  }

  private var usesAge: Bool {
    var found = false
    func look(_ expr: Expr) {
      expr.visit { if case .age = $0 { found = true } }
    }
    questionnaire.computed.forEach { look($0.expression.expression) }
    questionnaire.sections.compactMap(\.condition).forEach { look($0.expression) }
    questionnaire.items.compactMap(\.condition).forEach { look($0.expression) }
    return found
  }
}

extension Expr {
  /// Calls `body` with this expression and every expression inside it.
  func visit(_ body: (Expr) -> Void) {
    body(self)
    switch self {
    case .constant, .item, .computed, .scale, .answered, .dontKnow, .declined, .optionValue,
      .countChosen, .sumChosen:
      break
    case .not(let a), .negate(let a), .inList(let a, _, _), .chosen(_, let a, _),
      .age(let a, _), .round(let a, _):
      a.visit(body)
    case .and(let a, let b), .or(let a, let b), .equal(let a, let b, _), .order(_, let a, let b),
      .arithmetic(_, let a, let b), .coalesce(let a, let b):
      a.visit(body)
      b.visit(body)
    case .countTrue(let list), .minimum(let list), .maximum(let list):
      list.forEach { $0.visit(body) }
    case .conditional(let a, let b, let c):
      a.visit(body)
      b.visit(body)
      c.visit(body)
    }
  }
}
