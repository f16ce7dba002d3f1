/// The byte form of a compiled questionnaire (see ``CompiledQuestionnaire``): a table of the
/// distinct strings, then the model, field by field in declaration order.
///
/// Every byte is printable text or part of a string's own UTF-8, so the whole form fits in a Swift
/// string literal (a `StaticString` in the binary, read in place, never copied or validated as a
/// whole). A number is written in groups of five bits, lowest first, each group one printable
/// character (``CompactFormat/lastGroup`` ends it; most numbers are one or two characters, read
/// with a shift and an add each); a string is its index in the table; a `Double` is its bit
/// pattern, so every value comes back exactly.
struct CompactWriter {
  private(set) var bytes: [UInt8] = []
  private var strings: [String] = []
  /// Keyed by the exact bytes: `String` equality is canonical equivalence, and "é" typed one way
  /// must not come back typed the other.
  private var stringIndex: [[UInt8]: Int] = [:]

  /// The finished form: magic, string table, body.
  func finished() -> [UInt8] {
    var head = CompactWriter()
    head.bytes = Array(CompactFormat.magic.utf8)
    head.int(strings.count)
    for string in strings {
      head.int(string.utf8.count)
      head.bytes += string.utf8
    }
    return head.bytes + bytes
  }

  mutating func int(_ value: Int) {
    // Zigzag: small negative numbers stay short too.
    var rest = UInt(bitPattern: (value << 1) ^ (value >> (Int.bitWidth - 1)))
    while rest >= 32 {
      bytes.append(CompactFormat.moreGroup + UInt8(rest & 31))
      rest >>= 5
    }
    bytes.append(CompactFormat.lastGroup + UInt8(rest))
  }

  mutating func bool(_ value: Bool) { bytes.append(UInt8(ascii: value ? "T" : "F")) }

  mutating func double(_ value: Double) { int(Int(bitPattern: UInt(value.bitPattern))) }

  mutating func string(_ value: String) {
    let key = Array(value.utf8)
    if let index = stringIndex[key] { return int(index) }
    stringIndex[key] = strings.count
    int(strings.count)
    strings.append(value)
  }

  mutating func optional<T>(_ value: T?, _ write: (inout CompactWriter, T) -> Void) {
    guard let value else { return bytes.append(UInt8(ascii: "-")) }
    bytes.append(UInt8(ascii: "+"))
    write(&self, value)
  }

  mutating func array<T>(_ values: [T], _ write: (inout CompactWriter, T) -> Void) {
    int(values.count)
    for value in values { write(&self, value) }
  }
}

/// Why compiled bytes could not be read: they were not written by this build's
/// ``CompactWriter`` (a programming error, as the form never leaves the binary).
struct CompactFormatError: Error, CustomStringConvertible {
  let offset: Int
  let expected: String
  var description: String { "compiled questionnaire: expected \(expected) at byte \(offset)" }
}

enum CompactFormat {
  /// Changes with any change to the form, so old bytes are refused rather than misread.
  static let magic = "intake-compiled-questionnaire-2;"
  /// The first of the 32 characters of a number's last group of bits: `0`…`O`.
  static let lastGroup = UInt8(ascii: "0")
  /// The first of the 32 characters of a group with more to come: `P`…`o`.
  static let moreGroup = UInt8(ascii: "P")
}

/// Reads what ``CompactWriter`` wrote, from bytes it does not own.
struct CompactReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var offset = 0
  private var strings: [String] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>) throws(CompactFormatError) {
    self.bytes = bytes
    let magic = Array(CompactFormat.magic.utf8)
    guard bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic) else {
      throw CompactFormatError(offset: 0, expected: "'\(CompactFormat.magic)'")
    }
    offset = magic.count
    let count = try int()
    strings.reserveCapacity(count)
    for _ in 0..<count {
      let length = try int()
      guard length >= 0, offset + length <= bytes.count else {
        throw CompactFormatError(offset: offset, expected: "\(length) bytes of text")
      }
      strings.append(
        String(
          decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self))
      offset += length
    }
  }

  /// Whether everything has been read.
  var isAtEnd: Bool { offset == bytes.count }

  mutating func int() throws(CompactFormatError) -> Int {
    var bits: UInt = 0
    var shift = 0
    // Thirteen groups at most: the last holds the top four of 64 bits.
    while offset < bytes.count {
      let last = bytes[offset] &- CompactFormat.lastGroup
      let more = bytes[offset] &- CompactFormat.moreGroup
      if last < 32 {
        guard shift < 60 || last < 16 else { break }
        offset += 1
        bits |= UInt(last) << shift
        return Int(bitPattern: bits >> 1) ^ -Int(bitPattern: bits & 1)
      }
      guard more < 32, shift < 60 else { break }
      offset += 1
      bits |= UInt(more) << shift
      shift += 5
    }
    throw CompactFormatError(offset: offset, expected: "a number")
  }

  mutating func bool() throws(CompactFormatError) -> Bool {
    guard offset < bytes.count else { throw CompactFormatError(offset: offset, expected: "T or F") }
    defer { offset += 1 }
    switch bytes[offset] {
    case UInt8(ascii: "T"): return true
    case UInt8(ascii: "F"): return false
    default: throw CompactFormatError(offset: offset, expected: "T or F")
    }
  }

  mutating func double() throws(CompactFormatError) -> Double {
    Double(bitPattern: UInt64(UInt(bitPattern: try int())))
  }

  mutating func string() throws(CompactFormatError) -> String {
    let index = try int()
    guard strings.indices.contains(index) else {
      throw CompactFormatError(offset: offset, expected: "a string's index")
    }
    return strings[index]
  }

  mutating func optional<T>(_ read: (inout CompactReader) throws(CompactFormatError) -> T)
    throws(CompactFormatError) -> T?
  {
    guard offset < bytes.count else { throw CompactFormatError(offset: offset, expected: "+ or -") }
    let mark = bytes[offset]
    offset += 1
    switch mark {
    case UInt8(ascii: "-"): return nil
    case UInt8(ascii: "+"): return try read(&self)
    default: throw CompactFormatError(offset: offset - 1, expected: "+ or -")
    }
  }

  mutating func array<T>(_ read: (inout CompactReader) throws(CompactFormatError) -> T)
    throws(CompactFormatError) -> [T]
  {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else {
      throw CompactFormatError(offset: offset, expected: "a count")
    }
    var values: [T] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try read(&self)) }
    return values
  }

  /// Texts keep their languages sorted, each once, as the writer wrote them: lookups rely on it.
  func checkSorted(_ languages: some Sequence<Language>) throws(CompactFormatError) {
    var previous: Language?
    for language in languages {
      if let previous, !(previous < language) {
        throw CompactFormatError(offset: offset, expected: "languages in order, each once")
      }
      previous = language
    }
  }

  /// A case number of an enum, within `0..<count`.
  mutating func tag(below count: Int) throws(CompactFormatError) -> Int {
    let tag = try int()
    guard (0..<count).contains(tag) else {
      throw CompactFormatError(offset: offset, expected: "a case below \(count)")
    }
    return tag
  }
}
