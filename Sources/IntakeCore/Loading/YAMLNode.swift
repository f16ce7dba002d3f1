/// A place in a YAML text: 1-based line and column (columns count characters, as libyaml does).
package struct YAMLMark: Hashable, Sendable {
  let line: Int
  let column: Int
}

/// A composed YAML node as the loader reads it. Aliases are already replaced by the node they
/// name; every node keeps where it was written.
package enum YAMLNode: Sendable {
  case scalar(YAMLScalar)
  case mapping(YAMLMapping)
  case sequence(YAMLSequence)

  var mark: YAMLMark {
    switch self {
    case .scalar(let scalar): scalar.mark
    case .mapping(let mapping): mapping.mark
    case .sequence(let sequence): sequence.mark
    }
  }

  /// The text of a scalar; `nil` for a mapping or list.
  var string: String? {
    if case .scalar(let scalar) = self { return scalar.string }
    return nil
  }

  var mapping: YAMLMapping? {
    if case .mapping(let mapping) = self { return mapping }
    return nil
  }

  var sequence: YAMLSequence? {
    if case .sequence(let sequence) = self { return sequence }
    return nil
  }
}

/// A scalar: its text and how it was written (the style matters for locating columns inside it).
package struct YAMLScalar: Sendable {
  enum Style: Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  let string: String
  let style: Style
  let mark: YAMLMark
}

/// A mapping, its pairs in the order written (duplicate keys are rejected while composing).
package struct YAMLMapping: Sequence, Sendable {
  let pairs: [(key: YAMLNode, value: YAMLNode)]
  let mark: YAMLMark

  /// The value of the scalar key `key`.
  subscript(key: String) -> YAMLNode? {
    pairs.first { $0.key.string == key }?.value
  }

  var keys: [YAMLNode] { pairs.map(\.key) }

  package func makeIterator() -> IndexingIterator<[(key: YAMLNode, value: YAMLNode)]> {
    pairs.makeIterator()
  }
}

/// A list.
package struct YAMLSequence: Sequence, Sendable {
  let nodes: [YAMLNode]
  let mark: YAMLMark

  var isEmpty: Bool { nodes.isEmpty }

  package func makeIterator() -> IndexingIterator<[YAMLNode]> { nodes.makeIterator() }
}
