import FoundationEssentials

/// One value of a parsed JSON file on its way to a typed field, with its key path; every error it
/// throws is located at the value it is about.
///
/// The store reads its files through this rather than through Foundation's `JSONDecoder`, for two
/// reasons the decoder cannot meet: its errors carry a key path but no line and column (a
/// hand-edited file must be fixable in an editor), and its generic containers cost most of the
/// start-up of `intake resume` (the runtime instantiating their types for every file read).
/// Writing still goes through `JSONEncoder`.
struct JSONFieldReader {
  let node: JSONNode
  /// Where `node` is; `nil` at the root.
  private let link: JSONPathLink?
  let located: LocatedDecoding

  init(root: JSONNode, located: LocatedDecoding) {
    self.init(node: root, link: nil, located: located)
  }

  private init(node: JSONNode, link: JSONPathLink?, located: LocatedDecoding) {
    self.node = node
    self.link = link
    self.located = located
  }

  /// The key path from the root to this value, for a message.
  private var path: [JSONPathComponent] { link?.components ?? [] }

  private func child(_ node: JSONNode, _ component: JSONPathComponent) -> JSONFieldReader {
    JSONFieldReader(
      node: node, link: JSONPathLink(parent: link, component: component), located: located)
  }

  // MARK: Members of an object

  /// The member `key`, which must be there (it may be null, which the type check then refuses).
  func required(_ key: String) throws(AnswerStoreError) -> JSONFieldReader {
    let members = try object()
    guard let member = members.last(where: { $0.key == key }) else {
      let place = path.isEmpty ? "" : " in \(JSONPathComponent.describe(path))"
      throw located.error(at: node.position, "missing key '\(key)'\(place)")
    }
    return child(member.value, .key(key))
  }

  /// The member `key`; `nil` when it is absent or null.
  func optional(_ key: String) throws(AnswerStoreError) -> JSONFieldReader? {
    guard let member = try object().last(where: { $0.key == key }) else { return nil }
    if case .null = member.value.kind { return nil }
    return child(member.value, .key(key))
  }

  /// Every member of this object, in file order.
  func members() throws(AnswerStoreError) -> [(key: String, value: JSONFieldReader)] {
    try object().map { ($0.key, child($0.value, .key($0.key))) }
  }

  private func object() throws(AnswerStoreError) -> [JSONNode.Member] {
    guard case .object(let members) = node.kind else { throw mismatch("an object") }
    return members
  }

  // MARK: Values

  func string() throws(AnswerStoreError) -> String {
    guard case .string(let text) = node.kind else { throw mismatch("text") }
    return text
  }

  func int() throws(AnswerStoreError) -> Int {
    guard case .number(let text) = node.kind else { throw mismatch("a whole number") }
    guard let value = Int(text) else {
      throw corrupted("expected a whole number, found \(text)")
    }
    return value
  }

  func double() throws(AnswerStoreError) -> Double {
    // The parser has refused numbers too large for a Double already.
    guard case .number(let text) = node.kind, let value = Double(text) else {
      throw mismatch("a number")
    }
    return value
  }

  /// A list of text, each element checked in turn; `expected` names the list in messages.
  func strings(_ expected: String) throws(AnswerStoreError) -> [String] {
    guard case .array(let elements) = node.kind else { throw mismatch(expected) }
    var strings: [String] = []
    strings.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      strings.append(
        try child(element, .index(index)).string()
      )
    }
    return strings
  }

  /// A moment written as intake writes it (``Timestamp``).
  func timestamp() throws(AnswerStoreError) -> Date {
    let text = try string()
    guard let date = Timestamp.parse(text) else {
      throw corrupted(
        "expected a date and time with a time zone such as 2026-11-25T10:42:07.000Z, "
          + "found \(LocatedDecoding.quote(text))")
    }
    return date
  }

  /// A calendar date, `YYYY-MM-DD`.
  func localDate() throws(AnswerStoreError) -> LocalDate {
    let text = try string()
    guard let date = LocalDate(iso: text) else {
      throw corrupted("expected a date YYYY-MM-DD, found \(LocatedDecoding.quote(text))")
    }
    return date
  }

  /// Text that must be one of `Value`'s raw values.
  func oneOf<Value: RawRepresentable & CaseIterable>(_: Value.Type) throws(AnswerStoreError)
    -> Value
  where Value.RawValue == String {
    let text = try string()
    guard let value = Value(rawValue: text) else {
      let expected = Value.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      throw corrupted("expected one of \(expected), found \(LocatedDecoding.quote(text))")
    }
    return value
  }

  // MARK: Errors

  private var place: String { path.isEmpty ? "" : " at \(JSONPathComponent.describe(path))" }

  /// The value here is of another JSON type than `expected`.
  func mismatch(_ expected: String) -> AnswerStoreError {
    located.error(at: node.position, "expected \(expected)\(place), found \(node.kindName)")
  }

  /// The value here has the right JSON type but not a usable content.
  func corrupted(_ message: String) -> AnswerStoreError {
    located.error(at: node.position, "\(message)\(place)")
  }
}

/// A value's place in its file as a chain to its parent's: reading a field adds one link where a
/// copy of the whole path for every value read cost more than the reading. Spelled out only for
/// a message.
private final class JSONPathLink: Sendable {
  let parent: JSONPathLink?
  let component: JSONPathComponent

  init(parent: JSONPathLink?, component: JSONPathComponent) {
    self.parent = parent
    self.component = component
  }

  var components: [JSONPathComponent] {
    var components: [JSONPathComponent] = []
    var link: JSONPathLink? = self
    while let current = link {
      components.append(current.component)
      link = current.parent
    }
    return components.reversed()
  }
}
