/// A questionnaire compiled at build time: the model the loader built from the YAML, written out
/// so the binary loads it in what it costs to read it, without parsing YAML or checking it again.
///
/// Why a compact serialized form and not generated Swift source: Swift builds any non-trivial
/// `let` (arrays, dictionaries, strings over 15 bytes) at run time anyway, so generated source
/// would run as much code as a reader while being far larger to compile (a questionnaire is
/// thousands of nested values, which the type checker handles slowly); and the model keeps its
/// internals (expression trees, index tables) internal instead of exposing initializers for a
/// generated file in another module. The bytes are text (see ``CompactWriter``), kept as a
/// string literal in the binary and read in place. Tests prove that what comes back equals what
/// the loader builds from the YAML.
public enum CompiledQuestionnaire {
  /// The compact form of `questionnaire`.
  public static func encode(_ questionnaire: Questionnaire) -> [UInt8] {
    var writer = CompactWriter()
    questionnaire.write(to: &writer)
    return writer.finished()
  }

  /// The questionnaire ``encode(_:)`` wrote into `bytes`.
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Questionnaire {
    var reader = try CompactReader(bytes)
    let questionnaire = try Questionnaire(compact: &reader)
    guard reader.isAtEnd else {
      throw CompactFormatError(offset: bytes.count, expected: "the end of the form")
    }
    return questionnaire
  }

  /// The questionnaire compiled into `text` (a string literal in the binary).
  public static func decode(_ text: StaticString) throws -> Questionnaire {
    try decode(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// `bytes` as the body of a Swift string literal (between the quotes): `"` and `\` escaped,
  /// control characters as `\u{…}`, everything else (UTF-8 of any script) as it is.
  public static func swiftLiteral(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        out += [UInt8(ascii: "\\"), byte]
      case 0..<0x20, 0x7F:
        out += Array("\\u{\(String(byte, radix: 16))}".utf8)
      default:
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

typealias Reading<T> = (inout CompactReader) throws(CompactFormatError) -> T

// MARK: - Writing and reading each part of the model, field by field in declaration order.

extension Questionnaire {
  func write(to w: inout CompactWriter) {
    w.string(id)
    w.string(version)
    w.array(languages) { $0.string($1.code) }
    title.write(to: &w)
    w.optional(description) { $1.write(to: &$0) }
    w.array(sources) { $1.write(to: &$0) }
    w.array(sections) { $1.write(to: &$0) }
    w.array(items) { $1.write(to: &$0) }
    w.array(computed) { $1.write(to: &$0) }
    w.array(scales) { $1.write(to: &$0) }
    report.write(to: &w)
    w.string(file)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      id: try r.string(), version: try r.string(),
      languages: try r.array { r throws(CompactFormatError) in Language(lowercased: try r.string())
      },
      title: try LocalizedText(compact: &r),
      description: try r.optional(LocalizedText.init(compact:)),
      sources: try r.array(Source.init(compact:)), sections: try r.array(Section.init(compact:)),
      items: try r.array(Item.init(compact:)),
      computed: try r.array(ComputedValue.init(compact:)),
      scales: try r.array(Scale.init(compact:)), report: try ReportSpec(compact: &r),
      file: try r.string())
  }
}

extension LocalizedText {
  func write(to w: inout CompactWriter) {
    w.array(entries) { w, entry in
      w.string(entry.language.code)
      w.string(entry.text)
    }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    let entries = try r.array { r throws(CompactFormatError) in
      Translation(language: Language(lowercased: try r.string()), text: try r.string())
    }
    try r.checkSorted(entries.lazy.map(\.language))
    self.init(sorted: entries)
  }
}

extension SourceLocation {
  func write(to w: inout CompactWriter) {
    w.string(file)
    w.int(line)
    w.int(column)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(file: try r.string(), line: try r.int(), column: try r.int())
  }
}

extension Source {
  func write(to w: inout CompactWriter) {
    w.string(id)
    citation.write(to: &w)
    w.optional(url) { $0.string($1) }
    w.optional(note) { $0.string($1) }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      id: try r.string(), citation: try LocalizedText(compact: &r),
      url: try r.optional { r throws(CompactFormatError) in try r.string() },
      note: try r.optional { r throws(CompactFormatError) in try r.string() })
  }
}

extension Section {
  func write(to w: inout CompactWriter) {
    w.string(id)
    title.write(to: &w)
    w.optional(intro) { $1.write(to: &$0) }
    w.optional(why) { $1.write(to: &$0) }
    w.optional(condition) { $1.write(to: &$0) }
    w.int(itemRange.lowerBound)
    w.int(itemRange.upperBound)
    location.write(to: &w)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    let id = try r.string()
    let title = try LocalizedText(compact: &r)
    let intro = try r.optional(LocalizedText.init(compact:))
    let why = try r.optional(LocalizedText.init(compact:))
    let condition = try r.optional(Condition.init(compact:))
    let lower = try r.int()
    let upper = try r.int()
    guard lower <= upper else { throw CompactFormatError(offset: 0, expected: "a range") }
    self.init(
      id: id, title: title, intro: intro, why: why, condition: condition,
      itemRange: lower..<upper, location: try SourceLocation(compact: &r))
  }
}

extension Condition {
  func write(to w: inout CompactWriter) {
    w.string(source)
    location.write(to: &w)
    expression.write(to: &w)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      source: try r.string(), location: try SourceLocation(compact: &r),
      expression: try Expr(compact: &r))
  }
}

extension Item {
  func write(to w: inout CompactWriter) {
    w.string(id)
    w.int(index)
    w.string(sectionID)
    kind.write(to: &w)
    question.write(to: &w)
    w.optional(help) { $1.write(to: &$0) }
    w.bool(isRequired)
    w.bool(isSafety)
    w.optional(condition) { $1.write(to: &$0) }
    w.bool(allowsDontKnow)
    w.bool(allowsPreferNotToSay)
    location.write(to: &w)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      id: try r.string(), index: try r.int(), sectionID: try r.string(),
      kind: try ItemKind(compact: &r), question: try LocalizedText(compact: &r),
      help: try r.optional(LocalizedText.init(compact:)), isRequired: try r.bool(),
      isSafety: try r.bool(), condition: try r.optional(Condition.init(compact:)),
      allowsDontKnow: try r.bool(), allowsPreferNotToSay: try r.bool(),
      location: try SourceLocation(compact: &r))
  }
}

extension ItemKind {
  func write(to w: inout CompactWriter) {
    switch self {
    case .choice(let options):
      w.int(0)
      w.array(options) { $1.write(to: &$0) }
    case .multiChoice(let options):
      w.int(1)
      w.array(options) { $1.write(to: &$0) }
    case .yesNo(let options):
      w.int(2)
      w.array(options) { $1.write(to: &$0) }
    case .scale(let points):
      w.int(3)
      w.array(points) { $1.write(to: &$0) }
    case .integer(let range):
      w.int(4)
      range.write(to: &w)
    case .decimal(let range, let decimals):
      w.int(5)
      range.write(to: &w)
      w.int(decimals)
    case .text(let maxLength, let multiline):
      w.int(6)
      w.int(maxLength)
      w.bool(multiline)
    case .date(let range):
      w.int(7)
      range.write(to: &w)
    }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    switch try r.tag(below: 8) {
    case 0: self = .choice(try r.array(AnswerOption.init(compact:)))
    case 1: self = .multiChoice(try r.array(AnswerOption.init(compact:)))
    case 2: self = .yesNo(try r.array(AnswerOption.init(compact:)))
    case 3: self = .scale(try r.array(ScalePoint.init(compact:)))
    case 4: self = .integer(try NumberRange(compact: &r))
    case 5: self = .decimal(try NumberRange(compact: &r), decimals: try r.int())
    case 6: self = .text(maxLength: try r.int(), multiline: try r.bool())
    default: self = .date(try DateRange(compact: &r))
    }
  }
}

extension AnswerOption {
  func write(to w: inout CompactWriter) {
    w.string(id)
    label.write(to: &w)
    w.optional(help) { $1.write(to: &$0) }
    w.optional(value) { $0.double($1) }
    w.bool(isExclusive)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      id: try r.string(), label: try LocalizedText(compact: &r),
      help: try r.optional(LocalizedText.init(compact:)),
      value: try r.optional { r throws(CompactFormatError) in try r.double() },
      isExclusive: try r.bool())
  }
}

extension ScalePoint {
  func write(to w: inout CompactWriter) {
    w.double(value)
    label.write(to: &w)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(value: try r.double(), label: try LocalizedText(compact: &r))
  }
}

extension NumberRange {
  func write(to w: inout CompactWriter) {
    w.optional(min) { $0.double($1) }
    w.optional(max) { $0.double($1) }
    w.optional(unit) { $1.write(to: &$0) }
    w.optional(unitOne) { $1.write(to: &$0) }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      min: try r.optional { r throws(CompactFormatError) in try r.double() },
      max: try r.optional { r throws(CompactFormatError) in try r.double() },
      unit: try r.optional(LocalizedText.init(compact:)),
      unitOne: try r.optional(LocalizedText.init(compact:)))
  }
}

extension LocalDate {
  func write(to w: inout CompactWriter) {
    w.int(year)
    w.int(month)
    w.int(day)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    guard let date = LocalDate(year: try r.int(), month: try r.int(), day: try r.int()) else {
      throw CompactFormatError(offset: 0, expected: "a date")
    }
    self = date
  }
}

extension DateBound {
  func write(to w: inout CompactWriter) {
    switch self {
    case .fixed(let date):
      w.int(0)
      date.write(to: &w)
    case .relative(let years, let months, let days):
      w.int(1)
      w.int(years)
      w.int(months)
      w.int(days)
    }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    switch try r.tag(below: 2) {
    case 0: self = .fixed(try LocalDate(compact: &r))
    default: self = .relative(years: try r.int(), months: try r.int(), days: try r.int())
    }
  }
}

extension DateRange {
  func write(to w: inout CompactWriter) {
    w.optional(min) { $1.write(to: &$0) }
    w.optional(max) { $1.write(to: &$0) }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      min: try r.optional(DateBound.init(compact:)), max: try r.optional(DateBound.init(compact:)))
  }
}

extension ReportSpec {
  func write(to w: inout CompactWriter) {
    for id in [nicknameItemID, ageID, sexItemID, respondentItemID, medicinesSectionID] {
      w.optional(id) { $0.string($1) }
    }
    w.array(factors) { $1.write(to: &$0) }
    w.array(rules) { $1.write(to: &$0) }
    w.array(observationItemIDs) { $0.string($1) }
    w.optional(parentQuestionsItemID) { $0.string($1) }
    w.array(summary) { $1.write(to: &$0) }
    w.optional(safety) { $1.write(to: &$0) }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    let text: Reading<String> = { r throws(CompactFormatError) in try r.string() }
    self.init(
      nicknameItemID: try r.optional(text), ageID: try r.optional(text),
      sexItemID: try r.optional(text), respondentItemID: try r.optional(text),
      medicinesSectionID: try r.optional(text), factors: try r.array(Factor.init(compact:)),
      rules: try r.array(ReportRule.init(compact:)), observationItemIDs: try r.array(text),
      parentQuestionsItemID: try r.optional(text),
      summary: try r.array(SummaryLine.init(compact:)),
      safety: try r.optional(SafetySpec.init(compact:)))
  }
}

extension TextTemplate {
  func write(to w: inout CompactWriter) {
    w.array(translations) { w, translation in
      w.string(translation.language.code)
      w.array(translation.pieces) { w, piece in
        switch piece {
        case .literal(let text):
          w.int(0)
          w.string(text)
        case .placeholder(let name):
          w.int(1)
          w.string(name)
        }
      }
    }
    raw.write(to: &w)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    let translations = try r.array { r throws(CompactFormatError) in
      Translation(
        language: Language(lowercased: try r.string()),
        pieces: try r.array { r throws(CompactFormatError) -> Piece in
          try r.tag(below: 2) == 0 ? .literal(try r.string()) : .placeholder(try r.string())
        })
    }
    try r.checkSorted(translations.lazy.map(\.language))
    self.init(sorted: translations, raw: try LocalizedText(compact: &r))
  }
}

extension SummaryLine {
  func write(to w: inout CompactWriter) {
    w.string(id)
    w.optional(condition) { $1.write(to: &$0) }
    label.write(to: &w)
    text.write(to: &w)
    w.array(sourceIDs) { $0.string($1) }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      id: try r.string(), condition: try r.optional(Condition.init(compact:)),
      label: try LocalizedText(compact: &r), text: try TextTemplate(compact: &r),
      sourceIDs: try r.array { r throws(CompactFormatError) in try r.string() })
  }
}

extension SafetySpec {
  func write(to w: inout CompactWriter) {
    w.array(questions) { w, question in
      w.string(question.itemID)
      question.label.write(to: &w)
    }
    openPoint.title.write(to: &w)
    openPoint.text.write(to: &w)
    w.array(openPoint.questions) { $1.write(to: &$0) }
    w.array(openPoint.sourceIDs) { $0.string($1) }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    let questions = try r.array { r throws(CompactFormatError) in
      SafetyQuestion(itemID: try r.string(), label: try LocalizedText(compact: &r))
    }
    let point = OpenSafetyPoint(
      title: try LocalizedText(compact: &r), text: try TextTemplate(compact: &r),
      questions: try r.array(TextTemplate.init(compact:)),
      sourceIDs: try r.array { r throws(CompactFormatError) in try r.string() })
    self.init(questions: questions, openPoint: point)
  }
}

extension Factor {
  func write(to w: inout CompactWriter) {
    w.string(id)
    title.write(to: &w)
    text.write(to: &w)
    w.optional(scoreID) { $0.string($1) }
    w.array(questions) { $1.write(to: &$0) }
    w.array(sourceIDs) { $0.string($1) }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      id: try r.string(), title: try LocalizedText(compact: &r),
      text: try TextTemplate(compact: &r),
      scoreID: try r.optional { r throws(CompactFormatError) in try r.string() },
      questions: try r.array(TextTemplate.init(compact:)),
      sourceIDs: try r.array { r throws(CompactFormatError) in try r.string() })
  }
}

extension ReportRule {
  func write(to w: inout CompactWriter) {
    w.string(id)
    w.optional(condition) { $1.write(to: &$0) }
    w.int(Priority.allCases.firstIndex(of: priority) ?? 0)
    w.string(topic)
    title.write(to: &w)
    text.write(to: &w)
    w.array(questions) { $1.write(to: &$0) }
    w.array(sourceIDs) { $0.string($1) }
    location.write(to: &w)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      id: try r.string(), condition: try r.optional(Condition.init(compact:)),
      priority: Priority.allCases[try r.tag(below: Priority.allCases.count)],
      topic: try r.string(), title: try TextTemplate(compact: &r),
      text: try TextTemplate(compact: &r), questions: try r.array(TextTemplate.init(compact:)),
      sourceIDs: try r.array { r throws(CompactFormatError) in try r.string() },
      location: try SourceLocation(compact: &r))
  }
}

extension ComputedValue {
  func write(to w: inout CompactWriter) {
    w.string(id)
    expression.write(to: &w)
    w.optional(label) { $1.write(to: &$0) }
    w.optional(unit) { $1.write(to: &$0) }
    w.optional(unitOne) { $1.write(to: &$0) }
    w.int(decimals)
    w.array(bands) { $1.write(to: &$0) }
    w.bool(isNumeric)
    location.write(to: &w)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      id: try r.string(), expression: try Condition(compact: &r),
      label: try r.optional(LocalizedText.init(compact:)),
      unit: try r.optional(LocalizedText.init(compact:)),
      unitOne: try r.optional(LocalizedText.init(compact:)), decimals: try r.int(),
      bands: try r.array(Band.init(compact:)), isNumeric: try r.bool(),
      location: try SourceLocation(compact: &r))
  }
}

extension Scale {
  func write(to w: inout CompactWriter) {
    w.string(id)
    label.write(to: &w)
    w.array(itemIDs) { $0.string($1) }
    w.int(method == .sum ? 0 : 1)
    w.optional(minAnswered) { $0.int($1) }
    w.array(bands) { $1.write(to: &$0) }
    w.double(range.lowerBound)
    w.double(range.upperBound)
    location.write(to: &w)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    let id = try r.string()
    let label = try LocalizedText(compact: &r)
    let itemIDs = try r.array { r throws(CompactFormatError) in try r.string() }
    let method: ScaleMethod = try r.tag(below: 2) == 0 ? .sum : .mean
    let minAnswered = try r.optional { r throws(CompactFormatError) in try r.int() }
    let bands = try r.array(Band.init(compact:))
    let lower = try r.double()
    let upper = try r.double()
    guard lower <= upper else { throw CompactFormatError(offset: 0, expected: "a range") }
    self.init(
      id: id, label: label, itemIDs: itemIDs, method: method, minAnswered: minAnswered,
      bands: bands, range: lower...upper, location: try SourceLocation(compact: &r))
  }
}

extension Band {
  func write(to w: inout CompactWriter) {
    w.string(id)
    w.optional(lowerBound) { $0.double($1) }
    w.optional(upperBound) { $0.double($1) }
    label.write(to: &w)
    w.optional(text) { $1.write(to: &$0) }
    location.write(to: &w)
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    self.init(
      id: try r.string(),
      lowerBound: try r.optional { r throws(CompactFormatError) in try r.double() },
      upperBound: try r.optional { r throws(CompactFormatError) in try r.double() },
      label: try LocalizedText(compact: &r), text: try r.optional(TextTemplate.init(compact:)),
      location: try SourceLocation(compact: &r))
  }
}

extension Value {
  func write(to w: inout CompactWriter) {
    switch self {
    case .number(let number):
      w.int(0)
      w.double(number)
    case .bool(let bool):
      w.int(1)
      w.bool(bool)
    case .string(let string):
      w.int(2)
      w.string(string)
    case .set(let set):
      w.int(3)
      w.array(set.sorted()) { $0.string($1) }
    case .date(let date):
      w.int(4)
      date.write(to: &w)
    }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    switch try r.tag(below: 5) {
    case 0: self = .number(try r.double())
    case 1: self = .bool(try r.bool())
    case 2: self = .string(try r.string())
    case 3: self = .set(Set(try r.array { r throws(CompactFormatError) in try r.string() }))
    default: self = .date(try LocalDate(compact: &r))
    }
  }
}

extension Expr {
  /// Case numbers, in declaration order.
  private enum Tag: Int, CaseIterable {
    case constant, item, computed, scale, not, negate, and, or, equal, order, arithmetic
    case inList, chosen, coalesce, answered, dontKnow, declined, optionValue, countChosen
    case countTrue, sumChosen, age, minimum, maximum, round, conditional
  }

  func write(to w: inout CompactWriter) {
    func tag(_ tag: Tag) { w.int(tag.rawValue) }
    func names(_ set: Set<String>) { w.array(set.sorted()) { $0.string($1) } }
    switch self {
    case .constant(let value):
      tag(.constant)
      value.write(to: &w)
    case .item(let i): tag(.item); w.int(i)
    case .computed(let i): tag(.computed); w.int(i)
    case .scale(let i): tag(.scale); w.int(i)
    case .not(let e): tag(.not); e.write(to: &w)
    case .negate(let e): tag(.negate); e.write(to: &w)
    case .and(let a, let b): tag(.and); a.write(to: &w); b.write(to: &w)
    case .or(let a, let b): tag(.or); a.write(to: &w); b.write(to: &w)
    case .equal(let a, let b, let negated):
      tag(.equal); a.write(to: &w); b.write(to: &w); w.bool(negated)
    case .order(let op, let a, let b):
      tag(.order)
      w.int([.less, .lessOrEqual, .greater, .greaterOrEqual].firstIndex(of: op) ?? 0)
      a.write(to: &w); b.write(to: &w)
    case .arithmetic(let op, let a, let b):
      tag(.arithmetic)
      w.int([.plus, .minus, .times, .divide].firstIndex(of: op) ?? 0)
      a.write(to: &w); b.write(to: &w)
    case .inList(let e, let set, let negated):
      tag(.inList); e.write(to: &w); names(set); w.bool(negated)
    case .chosen(let id, let e, let negated):
      tag(.chosen); w.string(id); e.write(to: &w); w.bool(negated)
    case .coalesce(let a, let b): tag(.coalesce); a.write(to: &w); b.write(to: &w)
    case .answered(let i): tag(.answered); w.int(i)
    case .dontKnow(let i): tag(.dontKnow); w.int(i)
    case .declined(let i): tag(.declined); w.int(i)
    case .optionValue(let i): tag(.optionValue); w.int(i)
    case .countChosen(let i, let only):
      tag(.countChosen); w.int(i)
      w.optional(only) { w, set in w.array(set.sorted()) { $0.string($1) } }
    case .countTrue(let list): tag(.countTrue); w.array(list) { $1.write(to: &$0) }
    case .sumChosen(let i): tag(.sumChosen); w.int(i)
    case .age(let e, let inMonths): tag(.age); e.write(to: &w); w.bool(inMonths)
    case .minimum(let list): tag(.minimum); w.array(list) { $1.write(to: &$0) }
    case .maximum(let list): tag(.maximum); w.array(list) { $1.write(to: &$0) }
    case .round(let e, let decimals): tag(.round); e.write(to: &w); w.int(decimals)
    case .conditional(let a, let b, let c):
      tag(.conditional); a.write(to: &w); b.write(to: &w); c.write(to: &w)
    }
  }

  init(compact r: inout CompactReader) throws(CompactFormatError) {
    func e() throws(CompactFormatError) -> Expr { try Expr(compact: &r) }
    func names() throws(CompactFormatError) -> Set<String> {
      Set(try r.array { r throws(CompactFormatError) in try r.string() })
    }
    let tag = Tag.allCases[try r.tag(below: Tag.allCases.count)]
    switch tag {
    case .constant: self = .constant(try Value(compact: &r))
    case .item: self = .item(try r.int())
    case .computed: self = .computed(try r.int())
    case .scale: self = .scale(try r.int())
    case .not: self = .not(try e())
    case .negate: self = .negate(try e())
    case .and: self = .and(try e(), try e())
    case .or: self = .or(try e(), try e())
    case .equal: self = .equal(try e(), try e(), negated: try r.bool())
    case .order:
      let op: OrderOperator = [.less, .lessOrEqual, .greater, .greaterOrEqual][
        try r.tag(below: 4)]
      self = .order(op, try e(), try e())
    case .arithmetic:
      let op: ArithmeticOperator = [.plus, .minus, .times, .divide][try r.tag(below: 4)]
      self = .arithmetic(op, try e(), try e())
    case .inList: self = .inList(try e(), try names(), negated: try r.bool())
    case .chosen: self = .chosen(try r.string(), in: try e(), negated: try r.bool())
    case .coalesce: self = .coalesce(try e(), try e())
    case .answered: self = .answered(try r.int())
    case .dontKnow: self = .dontKnow(try r.int())
    case .declined: self = .declined(try r.int())
    case .optionValue: self = .optionValue(try r.int())
    case .countChosen:
      let index = try r.int()
      let only = try r.optional { r throws(CompactFormatError) in
        Set(try r.array { r throws(CompactFormatError) in try r.string() })
      }
      self = .countChosen(index, only: only)
    case .countTrue: self = .countTrue(try r.array(Expr.init(compact:)))
    case .sumChosen: self = .sumChosen(try r.int())
    case .age: self = .age(try e(), inMonths: try r.bool())
    case .minimum: self = .minimum(try r.array(Expr.init(compact:)))
    case .maximum: self = .maximum(try r.array(Expr.init(compact:)))
    case .round: self = .round(try e(), decimals: try r.int())
    case .conditional: self = .conditional(try e(), try e(), try e())
    }
  }
}
