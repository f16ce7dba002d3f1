// libyaml, the system library (CYAML). The loader composes its own lean node tree from libyaml's
// events instead of a YAML library's Swift layer: a class-backed node, deeply hashed to find
// duplicate keys, made composing the slowest part of loading, and the loader needs neither
// implicit tags nor Codable. Parsing itself stays libyaml's.
internal import CYAML

/// Why a YAML text could not be composed.
package struct YAMLError: Error {
  let mark: YAMLMark
  let message: String
}

/// Composes one YAML document into a ``YAMLNode`` tree with libyaml's event parser.
package enum YAMLComposer {
  /// Most alias uses (`*name`) in one file. Aliases share one node, but everything after the
  /// composer walks the expanded tree: without limits a small file ("billion laughs") makes
  /// validation take minutes and gigabytes and print millions of errors.
  package static let maximumAliases = 10_000
  /// Most nodes that aliases may add in all, counting what aliases inside an anchored node add.
  package static let maximumAliasedNodes = 200_000

  /// The root node, or `nil` when the text holds no document (empty, or only comments).
  package static func compose(_ text: String) throws(YAMLError) -> YAMLNode? {
    var bytes = Array(text.utf8)
    if bytes.isEmpty { bytes.append(0) }
    return try bytes.withUnsafeBufferPointer { buffer throws(YAMLError) -> YAMLNode? in
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else {
        throw YAMLError(mark: YAMLMark(line: 1, column: 1), message: "YAML: out of memory")
      }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, buffer.baseAddress, text.utf8.count)
      var composer = EventComposer()
      return try composer.run(&parser)
    }
  }
}

/// Builds nodes from the event stream with an explicit stack (no recursion, so deep nesting
/// cannot overflow).
private struct EventComposer {
  /// An open sequence or mapping. A struct mutated in place, so appending never copies the
  /// children gathered so far.
  private struct Frame {
    let isMapping: Bool
    let mark: YAMLMark
    let anchor: String?
    var nodes: [YAMLNode] = []
    var pairs: [(key: YAMLNode, value: YAMLNode)] = []
    /// Nodes in it so far, itself included, aliases counted as what they stand for.
    var size = 1
    var pendingKey: YAMLNode?
    /// The keys so far, checked for one written twice.
    var keys = RepeatedKeyCheck()
  }

  private var stack: [Frame] = []
  /// Anchored nodes and their sizes (see ``Frame/size``).
  private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
  private var root: YAMLNode?
  private var documents = 0
  private var aliases = 0
  private var aliasedNodes = 0

  mutating func run(_ parser: inout yaml_parser_t) throws(YAMLError) -> YAMLNode? {
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else { throw Self.parserError(parser) }
      defer { yaml_event_delete(&event) }
      let mark = YAMLMark(
        line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return root
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        if documents > 1 {
          throw YAMLError(
            mark: mark,
            message: "a second YAML document ('---') (expected one questionnaire per file)")
        }
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let text = String(
          decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        let style: YAMLScalar.Style
        switch scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        try add(
          .scalar(YAMLScalar(string: text, style: style, mark: mark)), size: 1,
          anchor: Self.string(scalar.anchor))
      case YAML_ALIAS_EVENT:
        let name = Self.string(event.data.alias.anchor) ?? ""
        guard let (node, size) = anchors[name] else {
          throw YAMLError(
            mark: mark,
            message: "alias '*\(name)' names no anchor (expected '&\(name)' earlier in the file)")
        }
        aliases += 1
        aliasedNodes += size
        if aliases > YAMLComposer.maximumAliases {
          throw YAMLError(
            mark: mark,
            message:
              "more than \(YAMLComposer.maximumAliases) aliases (expected at most "
              + "\(YAMLComposer.maximumAliases) uses of '*name' in one file)")
        }
        if aliasedNodes > YAMLComposer.maximumAliasedNodes {
          throw YAMLError(
            mark: mark,
            message:
              "alias '*\(name)' makes the file too large: its aliases stand for more than "
              + "\(YAMLComposer.maximumAliasedNodes) values in all (expected shared parts to be "
              + "used fewer times, or written out)")
        }
        try add(node, size: size, anchor: nil)
      case YAML_SEQUENCE_START_EVENT:
        stack.append(
          Frame(isMapping: false, mark: mark, anchor: Self.string(event.data.sequence_start.anchor))
        )
      case YAML_MAPPING_START_EVENT:
        stack.append(
          Frame(isMapping: true, mark: mark, anchor: Self.string(event.data.mapping_start.anchor)))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let frame = stack.popLast() else { break }
        let node: YAMLNode =
          frame.isMapping
          ? .mapping(YAMLMapping(pairs: frame.pairs, mark: frame.mark))
          : .sequence(YAMLSequence(nodes: frame.nodes, mark: frame.mark))
        try add(node, size: frame.size, anchor: frame.anchor)
      default:
        break
      }
    }
  }

  private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) throws(YAMLError) {
    if let anchor { anchors[anchor] = (node, size) }
    guard !stack.isEmpty else {
      root = node
      return
    }
    let top = stack.count - 1
    stack[top].size += size
    guard stack[top].isMapping else {
      stack[top].nodes.append(node)
      return
    }
    if let key = stack[top].pendingKey {
      stack[top].pairs.append((key, node))
      stack[top].pendingKey = nil
    } else {
      // A questionnaire's keys are names; a list or mapping as a key (`[a, b]: x`, `? {a: 1}`)
      // would otherwise be skipped by every reader without a word.
      guard let text = node.string else {
        throw YAMLError(
          mark: node.mark,
          message:
            "\(NodeReader.describe(node)) as a key (expected a name such as 'id' before ':')")
      }
      if Self.isRepeated(text, in: &stack[top]) {
        throw YAMLError(
          mark: node.mark,
          message: "duplicate key '\(text)' in the same mapping (expected each key once)")
      }
      stack[top].pendingKey = node
    }
  }

  /// Whether `key` is already a key of the open mapping `frame`.
  private static func isRepeated(_ key: String, in frame: inout Frame) -> Bool {
    frame.keys.isRepeated(key, after: frame.pairs.count) { frame.pairs[$0].key.string }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }

  /// libyaml's error, worded as "problem (context at line N)" at the problem's place.
  private static func parserError(_ parser: yaml_parser_t) -> YAMLError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
    if parser.error == YAML_READER_ERROR {
      return YAMLError(
        mark: YAMLMark(line: 1, column: 1),
        message: "YAML: \(problem) at byte \(parser.problem_offset)")
    }
    let mark = YAMLMark(
      line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
    var message = "YAML syntax: \(problem)"
    if let context = parser.context.map({ String(cString: $0) }) {
      message += " (\(context) at line \(parser.context_mark.line + 1))"
    }
    return YAMLError(mark: mark, message: message)
  }
}
