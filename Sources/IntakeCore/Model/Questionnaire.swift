/// A loaded, validated questionnaire. Build one with ``QuestionnaireLoader``; every reference in
/// it resolves and every expression in it has been type-checked.
public struct Questionnaire: Sendable, Equatable {
  public let id: String
  public let version: String
  /// Declared languages; the first is the default.
  public let languages: [Language]
  public let title: LocalizedText
  public let description: LocalizedText?
  public let sources: [Source]
  public let sections: [Section]
  /// Every item, in the order asked; `Item.index` is its position here.
  public let items: [Item]
  public let computed: [ComputedValue]
  public let scales: [Scale]
  public let report: ReportSpec
  /// The file it was loaded from, as named by the caller.
  public let file: String

  let itemIndexByID: [String: Int]
  let computedIndexByID: [String: Int]
  let scaleIndexByID: [String: Int]
  let sourceIndexByID: [String: Int]
  /// The positions of each scale's items, in the scale's order: a scale is scored on every
  /// assessment, and looking its items up by id each time hashed every id again.
  let scaleItemIndices: [[Int]]

  init(
    id: String, version: String, languages: [Language], title: LocalizedText,
    description: LocalizedText?, sources: [Source], sections: [Section], items: [Item],
    computed: [ComputedValue], scales: [Scale], report: ReportSpec, file: String
  ) {
    self.id = id
    self.version = version
    self.languages = languages
    self.title = title
    self.description = description
    self.sources = sources
    self.sections = sections
    self.items = items
    self.computed = computed
    self.scales = scales
    self.report = report
    self.file = file
    itemIndexByID = Dictionary(items.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
    computedIndexByID = Dictionary(
      computed.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    scaleIndexByID = Dictionary(
      scales.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    sourceIndexByID = Dictionary(
      sources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let itemIndices = itemIndexByID
    scaleItemIndices = scales.map { $0.itemIDs.compactMap { itemIndices[$0] } }
  }

  public func item(_ id: String) -> Item? { itemIndexByID[id].map { items[$0] } }
  public func computedValue(_ id: String) -> ComputedValue? {
    computedIndexByID[id].map { computed[$0] }
  }
  public func scale(_ id: String) -> Scale? { scaleIndexByID[id].map { scales[$0] } }
  public func source(_ id: String) -> Source? { sourceIndexByID[id].map { sources[$0] } }
  public func section(_ id: String) -> Section? { sections.first { $0.id == id } }
  /// The items of a section, in order.
  public func items(in section: Section) -> ArraySlice<Item> { items[section.itemRange] }
  /// `id@version`, the key answers are stored under.
  public var reference: String { "\(id)@\(version)" }
}

/// A citation that report texts can rest on.
public struct Source: Sendable, Identifiable, Equatable {
  public let id: String
  public let citation: LocalizedText
  public let url: String?
  public let note: String?
}

/// A group of items asked together, with its own title and "why we ask".
public struct Section: Sendable, Identifiable, Equatable {
  public let id: String
  public let title: LocalizedText
  public let intro: LocalizedText?
  public let why: LocalizedText?
  public let condition: Condition?
  /// Positions of the section's items in ``Questionnaire/items``.
  public let itemRange: Range<Int>
  public let location: SourceLocation
}

/// A parsed, type-checked expression together with the text the author wrote.
public struct Condition: Sendable, Equatable {
  public let source: String
  public let location: SourceLocation
  let expression: Expr
}

/// One question.
public struct Item: Sendable, Identifiable, Equatable {
  public let id: String
  /// Position in ``Questionnaire/items``.
  public let index: Int
  public let sectionID: String
  public let kind: ItemKind
  public let question: LocalizedText
  public let help: LocalizedText?
  /// Must be answered when shown ("don't know" and "prefer not to say" count as answers).
  public let isRequired: Bool
  /// A question about the child's safety (kidneys, medicines, magnesium products and amounts):
  /// left open or answered "don't know", it is itself a point for the doctor, and it is listed
  /// first when the parent finishes with questions open.
  public let isSafety: Bool
  public internal(set) var condition: Condition?
  public let allowsDontKnow: Bool
  public let allowsPreferNotToSay: Bool
  public let location: SourceLocation

  /// The options a parent picks from (`choice`, `multi_choice`, `yes_no`), else empty.
  public var options: [AnswerOption] {
    switch kind {
    case .choice(let options), .multiChoice(let options): return options
    case .yesNo(let options): return options
    default: return []
    }
  }

  public func option(_ id: String) -> AnswerOption? { options.first { $0.id == id } }

  /// Whether answers to this item are numbers usable in a scale, and their lowest and highest.
  public var numericRange: ClosedRange<Double>? {
    switch kind {
    case .scale(let points):
      guard let lo = points.first?.value, let hi = points.last?.value else { return nil }
      return lo...hi
    case .yesNo: return 0...1
    case .choice(let options):
      let values = options.compactMap(\.value)
      guard values.count == options.count, let lo = values.min(), let hi = values.max() else {
        return nil
      }
      return lo...hi
    case .integer(let range), .decimal(let range, _):
      guard let lo = range.min, let hi = range.max else { return nil }
      return lo...hi
    default: return nil
    }
  }
}

/// What kind of answer an item takes, with the settings of that kind.
public enum ItemKind: Sendable, Equatable {
  case choice([AnswerOption])
  /// An option marked exclusive ("none of these") cannot be combined with others.
  case multiChoice([AnswerOption])
  /// Options `yes` (value 1) and `no` (value 0), labelled from the interface catalogue.
  case yesNo([AnswerOption])
  /// Labelled points with increasing values.
  case scale([ScalePoint])
  case integer(NumberRange)
  case decimal(NumberRange, decimals: Int)
  case text(maxLength: Int, multiline: Bool)
  case date(DateRange)

  /// The YAML name of the kind.
  public var name: String {
    switch self {
    case .choice: "choice"
    case .multiChoice: "multi_choice"
    case .yesNo: "yes_no"
    case .scale: "scale"
    case .integer: "integer"
    case .decimal: "decimal"
    case .text: "text"
    case .date: "date"
    }
  }
}

/// One option of a choice.
public struct AnswerOption: Sendable, Identifiable, Hashable {
  public let id: String
  public let label: LocalizedText
  public let help: LocalizedText?
  /// Number used by `value()`, `sum()` and scales.
  public let value: Double?
  /// "None of these": excludes every other option of a multiple choice.
  public let isExclusive: Bool

  public init(
    id: String, label: LocalizedText, help: LocalizedText? = nil, value: Double? = nil,
    isExclusive: Bool = false
  ) {
    self.id = id
    self.label = label
    self.help = help
    self.value = value
    self.isExclusive = isExclusive
  }
}

/// One labelled point of a rating scale.
public struct ScalePoint: Sendable, Hashable {
  public let value: Double
  public let label: LocalizedText
}

/// Allowed range and unit of a number item.
public struct NumberRange: Sendable, Hashable {
  public let min: Double?
  public let max: Double?
  public let unit: LocalizedText?
  /// The unit for exactly one ("year" where `unit` is "years"); `unit` when not given.
  public let unitOne: LocalizedText?
}

/// A date bound: a fixed date or one relative to today.
public enum DateBound: Sendable, Hashable {
  case fixed(LocalDate)
  case relative(years: Int, months: Int, days: Int)

  public func resolve(today: LocalDate) -> LocalDate {
    switch self {
    case .fixed(let date): return date
    case .relative(let years, let months, let days):
      return today.adding(years: years, months: months, days: days)
    }
  }
}

/// Allowed range of a date item.
public struct DateRange: Sendable, Hashable {
  public let min: DateBound?
  public let max: DateBound?
}
