/// A line and column in a JSON text (both 1-based, the column counted in Unicode scalars).
struct JSONPosition: Hashable, Sendable {
  let line: Int
  let column: Int
}

/// A JSON value with where it starts. Foundation's decoder reports a key path but no line; this
/// tree turns that path back into a place a person can find in an editor.
struct JSONNode: Sendable {
  struct Member: Sendable {
    let key: String
    let keyPosition: JSONPosition
    let value: JSONNode
  }

  enum Kind: Sendable {
    case object([Member])
    case array([JSONNode])
    case string(String)
    case number(String)
    case bool(Bool)
    case null
  }

  let position: JSONPosition
  let kind: Kind

  /// The member called `key` (the last one, as decoders take it), when this is an object.
  func member(_ key: String) -> Member? {
    guard case .object(let members) = kind else { return nil }
    return members.last { $0.key == key }
  }

  /// A short name of the kind of value, for messages.
  var kindName: String {
    switch kind {
    case .object: "an object"
    case .array: "a list"
    case .string: "text"
    case .number: "a number"
    case .bool: "true or false"
    case .null: "null"
    }
  }
}

/// One step of a path into a JSON document.
enum JSONPathComponent: Hashable, Sendable, CustomStringConvertible {
  case key(String)
  case index(Int)

  var description: String {
    switch self {
    case .key(let key): key
    case .index(let index): "[\(index)]"
    }
  }

  /// `answers.focus.value`, `answers.conditions.value.choices[2]`.
  static func describe(_ path: [JSONPathComponent]) -> String {
    var text = ""
    for component in path {
      switch component {
      case .key(let key): text += text.isEmpty ? key : ".\(key)"
      case .index: text += component.description
      }
    }
    return text
  }
}

/// A JSON syntax error at a place in the text.
struct JSONSyntaxError: Error, Sendable {
  let position: JSONPosition
  let message: String
}

/// A strict JSON parser (RFC 8259) that records where every value and key starts.
struct JSONLocator {
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private static let maximumDepth = 256

  /// Parses `text`; throws the first syntax error with its line and column.
  static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
    var parser = JSONLocator(bytes: bytes)
    if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
    parser.skipWhitespace()
    guard parser.index < parser.bytes.count else {
      throw JSONSyntaxError(
        position: parser.position(), message: "the file is empty (expected a JSON object)")
    }
    let node = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.index == parser.bytes.count else {
      throw JSONSyntaxError(
        position: parser.position(),
        message: "unexpected \(parser.describeCurrent()) after the end of the JSON value")
    }
    return node
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  /// Where the column count last stopped. Positions are asked for in reading order, so counting
  /// on from there keeps a long one-line file linear instead of quadratic.
  private var counted = (index: 0, column: 1)

  private mutating func position() -> JSONPosition {
    if counted.index < lineStart { counted = (lineStart, 1) }
    let end = min(index, bytes.count)
    var column = counted.column
    for byte in bytes[counted.index..<end] where byte & 0xC0 != 0x80 { column += 1 }
    counted = (end, column)
    return JSONPosition(line: line, column: column)
  }

  private func describeCurrent() -> String {
    guard index < bytes.count else { return "end of file" }
    let byte = bytes[index]
    if byte >= 0x20, byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  private mutating func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(position: position(), message: message)
  }

  private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
    guard depth < Self.maximumDepth else {
      throw error("values nested more than \(Self.maximumDepth) deep")
    }
    let start = position()
    guard index < bytes.count else {
      throw error("unexpected end of file (expected a value)")
    }
    switch bytes[index] {
    case UInt8(ascii: "{"): return JSONNode(position: start, kind: try object(depth: depth))
    case UInt8(ascii: "["): return JSONNode(position: start, kind: try array(depth: depth))
    case UInt8(ascii: "\""): return JSONNode(position: start, kind: .string(try string()))
    case UInt8(ascii: "t"):
      try literal("true")
      return JSONNode(position: start, kind: .bool(true))
    case UInt8(ascii: "f"):
      try literal("false")
      return JSONNode(position: start, kind: .bool(false))
    case UInt8(ascii: "n"):
      try literal("null")
      return JSONNode(position: start, kind: .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONNode(position: start, kind: .number(try number()))
    default:
      throw error(
        "unexpected \(describeCurrent()) (expected a value: an object, list, text in double "
          + "quotes, a number, true, false or null)")
    }
  }

  private mutating func literal(_ word: String) throws(JSONSyntaxError) {
    let expected = Array(word.utf8)
    guard bytes[index...].starts(with: expected) else {
      throw error("unexpected \(describeCurrent()) (expected '\(word)')")
    }
    index += expected.count
  }

  private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONNode.Kind {
    index += 1
    var members: [JSONNode.Member] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("unexpected \(describeCurrent()) (expected a key in double quotes)")
      }
      let keyPosition = position()
      let key = try string()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("unexpected \(describeCurrent()) (expected ':' after the key \"\(key)\")")
      }
      index += 1
      skipWhitespace()
      let value = try value(depth: depth + 1)
      members.append(JSONNode.Member(key: key, keyPosition: keyPosition, value: value))
      skipWhitespace()
      guard index < bytes.count else {
        throw error("unexpected end of file (expected ',' or '}')")
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(members)
      }
      throw error("unexpected \(describeCurrent()) (expected ',' or '}')")
    }
  }

  private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONNode.Kind {
    index += 1
    var elements: [JSONNode] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try value(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else {
        throw error("unexpected end of file (expected ',' or ']')")
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      }
      throw error("unexpected \(describeCurrent()) (expected ',' or ']')")
    }
  }

  private mutating func string() throws(JSONSyntaxError) -> String {
    let opening = position()
    index += 1
    var text = ""
    var runStart = index
    func flush(_ end: Int) -> Bool {
      guard runStart < end else { return true }
      let encoded = bytes[runStart..<end]
      let run: String
      // ASCII is UTF-8 as it is, and most of a file is ASCII: checked here, where the standard
      // library's validation takes its unspecialized generic path for every text.
      if encoded.allSatisfy({ $0 < 0x80 }) {
        run = String(decoding: encoded, as: UTF8.self)
      } else {
        guard let valid = String(validating: encoded, as: UTF8.self) else { return false }
        run = valid
      }
      // Joined as strings, not scalar by scalar; a text without escapes is the run itself.
      if text.isEmpty { text = run } else { text += run }
      return true
    }
    while true {
      guard index < bytes.count else {
        throw JSONSyntaxError(
          position: opening, message: "this text in double quotes is never closed")
      }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        guard flush(index) else { throw error("the text is not valid UTF-8") }
        index += 1
        return text
      }
      if byte < 0x20 {
        throw error(
          byte == 0x0A
            ? "text in double quotes is not closed on this line"
            : "a control character inside text (write it as an escape such as \\t)")
      }
      if byte == UInt8(ascii: "\\") {
        guard flush(index) else { throw error("the text is not valid UTF-8") }
        index += 1
        guard index < bytes.count else {
          throw JSONSyntaxError(
            position: opening, message: "this text in double quotes is never closed")
        }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): text.unicodeScalars.append("\"")
        case UInt8(ascii: "\\"): text.unicodeScalars.append("\\")
        case UInt8(ascii: "/"): text.unicodeScalars.append("/")
        case UInt8(ascii: "b"): text.unicodeScalars.append("\u{8}")
        case UInt8(ascii: "f"): text.unicodeScalars.append("\u{C}")
        case UInt8(ascii: "n"): text.unicodeScalars.append("\n")
        case UInt8(ascii: "r"): text.unicodeScalars.append("\r")
        case UInt8(ascii: "t"): text.unicodeScalars.append("\t")
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800..<0xDC00).contains(code) {
            guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
              throw error("a \\u escape of a high surrogate without its low surrogate")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else {
              throw error("a \\u escape of a high surrogate without its low surrogate")
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = UnicodeScalar(code) else {
            throw error("a \\u escape of a lone surrogate")
          }
          text.unicodeScalars.append(scalar)
        default:
          index -= 2
          throw error("an unknown escape '\\\(Character(UnicodeScalar(escape)))' in text")
        }
        runStart = index
        continue
      }
      index += 1
    }
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
    var value: UInt32 = 0
    for byte in bytes[index..<index + 4] {
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("a \\u escape needs four hex digits")
      }
      value = value * 16 + digit
    }
    index += 4
    return value
  }

  private mutating func number() throws(JSONSyntaxError) -> String {
    let start = index
    func digits() -> Int {
      let from = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        index += 1
      }
      return index - from
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    let integerDigits = digits()
    guard integerDigits > 0 else { throw error("a number needs digits after '-'") }
    if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
      index = integerStart
      throw error("a number cannot start with 0 (write 7, not 07)")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw error("a number needs digits after the decimal point") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      guard digits() > 0 else { throw error("a number needs digits in its exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    // Valid JSON, but no number intake can hold (Foundation's decoder would refuse it without
    // saying where).
    guard let value = Double(text), value.isFinite else {
      index = start
      throw error(
        "the number \(text.count > 40 ? String(text.prefix(40)) + "…" : text) is too large "
          + "(expected a number such as 31.5)")
    }
    return text
  }
}
