import FoundationEssentials

/// Strict reading of a composed YAML tree: every value is checked for its kind, every mapping for
/// unknown and missing keys, and every problem is recorded with its location.
struct NodeReader {
  let diagnostics: DiagnosticCollector
  /// Languages every text must have; empty while `languages` itself is unknown.
  var languages: [Language] = []

  func location(_ node: YAMLNode) -> SourceLocation {
    diagnostics.location(line: node.mark.line, column: node.mark.column)
  }

  func error(_ node: YAMLNode, _ message: String) {
    diagnostics.error(at: location(node), message)
  }

  static func describe(_ node: YAMLNode) -> String {
    switch node {
    case .scalar(let scalar):
      let text = scalar.string
      return text.isEmpty
        ? "an empty value" : "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    }
  }

  // MARK: Scalars

  func string(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
    guard case .scalar(let scalar) = node else {
      error(node, "\(what()): expected a single value, found \(NodeReader.describe(node))")
      return nil
    }
    return scalar.string
  }

  func identifier(_ node: YAMLNode, _ what: @autoclosure () -> String) -> String? {
    guard let text = string(node, what()) else { return nil }
    guard Identifier.isValid(text) else {
      error(
        node,
        "\(what()): '\(text)' is not a valid id (expected lower-case letters, digits and '_', starting with a letter)"
      )
      return nil
    }
    if Identifier.reserved.contains(text) {
      error(node, "\(what()): '\(text)' is a reserved word in expressions (expected another id)")
      return nil
    }
    return text
  }

  func number(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Double? {
    guard let text = string(node, what()) else { return nil }
    guard let value = Double(text), value.isFinite, !text.hasPrefix("+"),
      !text.lowercased().contains("e") || text.count > 1
    else {
      error(node, "\(what()): expected a number, found \(NodeReader.describe(node))")
      return nil
    }
    return value
  }

  func integer(_ node: YAMLNode, _ what: @autoclosure () -> String, in range: ClosedRange<Int>)
    -> Int?
  {
    guard let text = string(node, what()) else { return nil }
    guard let value = Int(text) else {
      error(node, "\(what()): expected a whole number, found \(NodeReader.describe(node))")
      return nil
    }
    guard range.contains(value) else {
      let expected =
        range.upperBound == Int.max
        ? "of at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
      error(node, "\(what()): expected a whole number \(expected), found \(value)")
      return nil
    }
    return value
  }

  func bool(_ node: YAMLNode, _ what: @autoclosure () -> String) -> Bool? {
    guard let text = string(node, what()) else { return nil }
    switch text {
    case "true": return true
    case "false": return false
    default:
      error(node, "\(what()): expected true or false, found \(NodeReader.describe(node))")
      return nil
    }
  }

  func sequence(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [YAMLNode]? {
    guard case .sequence(let sequence) = node else {
      error(node, "\(what()): expected a list, found \(NodeReader.describe(node))")
      return nil
    }
    return sequence.nodes
  }

  func identifiers(_ node: YAMLNode, _ what: @autoclosure () -> String) -> [(String, YAMLNode)]? {
    guard let nodes = sequence(node, what()) else { return nil }
    return nodes.compactMap { element in identifier(element, what()).map { ($0, element) } }
  }

  // MARK: Texts

  /// A text in every declared language: a mapping `nl: …, en: …` (or a plain string when only one
  /// language is declared).
  func text(_ node: YAMLNode, _ what: @autoclosure () -> String) -> LocalizedText? {
    switch node {
    case .scalar(let scalar):
      if languages.count <= 1 {
        guard !scalar.string.isBlank else {
          error(node, "\(what()): the text is empty (expected some words)")
          return nil
        }
        return LocalizedText(
          languages.first.map { [$0: scalar.string] } ?? [.english: scalar.string])
      }
      let list = languages.map(\.code).joined(separator: ", ")
      error(
        node,
        "\(what()): expected a text in each language (\(list)) as a mapping like '\(languages[0].code): …', found a plain string"
      )
      return nil
    case .mapping(let mapping):
      var translations: [Language: String] = [:]
      for (key, value) in mapping {
        guard let code = string(key, "\(what()): language") else { continue }
        let language = Language(code)
        if !languages.isEmpty && !languages.contains(language) {
          error(
            key,
            "\(what()): language '\(code)' is not declared (expected one of: \(languages.map(\.code).joined(separator: ", ")))"
          )
          continue
        }
        guard let text = string(value, "\(what()) (\(code))") else { continue }
        if text.isBlank {
          error(value, "\(what()) (\(code)): the text is empty (expected some words)")
          continue
        }
        translations[language] = text
      }
      let absent = languages.filter { language in
        !mapping.pairs.contains { Language($0.key.string ?? "") == language }
      }
      if !absent.isEmpty {
        error(
          node,
          "\(what()): missing the \(absent.map(\.code).joined(separator: ", ")) text (every text needs \(languages.map(\.code).joined(separator: ", ")))"
        )
        return nil
      }
      return translations.count == languages.count || languages.isEmpty
        ? LocalizedText(translations) : nil
    default:
      error(node, "\(what()): expected a text, found \(NodeReader.describe(node))")
      return nil
    }
  }
}

/// Reads one mapping, reporting unknown keys (with a suggestion) and missing required keys.
struct MappingReader {
  let node: YAMLNode
  /// Names the mapping in messages; worked out only for a message, not for every valid file.
  let what: () -> String
  /// The allowed keys and their values, in file order (a list: mappings are small).
  private let values: [(key: String, value: YAMLNode)]
  private let reader: NodeReader
  /// Allowed keys suggested for misspelt ones: not reported again as missing.
  private let suggested: Set<String>

  /// Returns `nil` (after recording an error) when `node` is not a mapping.
  /// `misplaced` words why a key that is known elsewhere does not belong here; it is asked only
  /// for keys that are not allowed, so its messages cost nothing on a valid file.
  init?(
    _ node: YAMLNode, _ what: @autoclosure @escaping () -> String, keys allowed: [String],
    misplaced: (String) -> String? = { _ in nil },
    reader: NodeReader
  ) {
    guard case .mapping(let mapping) = node else {
      reader.error(
        node, "\(what()): expected a mapping (key: value), found \(NodeReader.describe(node))")
      return nil
    }
    self.node = node
    self.what = what
    self.reader = reader
    var values: [(key: String, value: YAMLNode)] = []
    var suggested: Set<String> = []
    for (keyNode, value) in mapping {
      guard let key = keyNode.string else { continue }
      if allowed.contains(key) {
        values.append((key, value))
      } else if let reason = misplaced(key) {
        reader.error(keyNode, "\(what()): '\(key)' \(reason)")
      } else if let suggestion = MappingReader.suggestion(for: key, among: allowed) {
        suggested.insert(suggestion)
        reader.error(keyNode, "\(what()): unknown key '\(key)'; did you mean '\(suggestion)'?")
      } else {
        reader.error(
          keyNode,
          "\(what()): unknown key '\(key)' (expected one of: \(allowed.joined(separator: ", ")))")
      }
    }
    self.values = values
    self.suggested = suggested
  }

  subscript(key: String) -> YAMLNode? { values.first { $0.key == key }?.value }

  /// The value of a required key; records "missing" when absent.
  func required(_ key: String, expected: String) -> YAMLNode? {
    if let value = self[key] { return value }
    if suggested.contains(key) { return nil }
    reader.error(node, "\(what()): missing '\(key)' (expected \(expected))")
    return nil
  }

  static func suggestion(for key: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(key.lowercased(), $0)) }.filter {
      $0.1 <= max(1, $0.0.count / 3)
    }
    return scored.min { $0.1 < $1.1 }?.0
  }

  /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
  /// neighbours each cost 1, so `optoins` is one step from `options`.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var twoBack = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], twoBack[j - 2] + 1)
        }
      }
      twoBack = previous
      previous = current
    }
    return previous[b.count]
  }
}

extension String {
  /// Empty or only white space (a cheap check, without Foundation's character sets).
  var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}

extension Identifier {
  /// Words an id may not be, since expressions would read them as operators or literals.
  static let reserved: Set<String> = ["and", "or", "not", "in", "true", "false"]
}
