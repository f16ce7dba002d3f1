import IntakeForm

/// Keys from the bytes a terminal sends, decoded here rather than by ncurses. ncurses reads its
/// input one byte per system call with a poll before each: six calls for an arrow key, two for
/// every character of a paste. The adapter reads what is waiting in one call and decodes it with
/// the terminal description's own key strings (``init(keyStrings:)``, read from terminfo at
/// start, as ncurses would) and the CSI and SS3 forms terminals send whatever their description
/// says. Written by hand for that speed; the escape timing is ncurses' (``CursesTerminal``
/// waits `escapeDelay` for the rest of a sequence).
struct KeyBytes {
  /// What decoding the bytes so far gives.
  enum Decoded: Equatable {
    case key(FormKey)
    /// The bytes end inside a key (an Esc, a sequence, a UTF-8 character): more may be on the way.
    case incomplete
    /// Nothing left to decode.
    case empty
  }

  /// The description's key strings that start with Esc, longest first, so a longer string is
  /// not taken for a shorter one it begins with.
  private let keyStrings: [(bytes: [UInt8], key: FormKey)]
  private var bytes: [UInt8] = []
  /// Where the bytes not yet decoded start: a paste is decoded from the front without moving
  /// what follows on every key.
  private var start = 0
  /// Inside a marked paste (between `ESC [ 200 ~` and `ESC [ 201 ~`): characters are pasted
  /// text, line ends and tabs spaces, and nothing acts as a key.
  private var pasting = false
  /// The paste had a CR just before: the LF of a CRLF is not a second space.
  private var afterReturn = false

  init(keyStrings: [(bytes: [UInt8], key: FormKey)] = []) {
    self.keyStrings =
      keyStrings
      .filter { $0.bytes.count > 1 && $0.bytes.first == Self.escape }
      .sorted { $0.bytes.count > $1.bytes.count }
  }

  static let escape: UInt8 = 0x1B

  /// Whether every byte read has been decoded.
  var isEmpty: Bool { start == bytes.count }

  /// Whether a marked paste has begun and not ended.
  var isPasting: Bool { pasting }

  /// Ends a paste whose end mark never came (the terminal sent nothing more for a while), so
  /// keys act again.
  mutating func endPaste() { pasting = false }

  /// Adds bytes read from the terminal.
  mutating func append<Bytes: Collection<UInt8>>(_ more: Bytes) {
    if start == bytes.count {
      bytes.removeAll(keepingCapacity: true)
      start = 0
    }
    bytes.append(contentsOf: more)
  }

  /// The next key. `final`: nothing more is coming for now (the wait for the rest of a sequence
  /// is over), so an Esc alone is Escape and the broken start of a character is dropped.
  mutating func next(final: Bool) -> Decoded {
    while start < bytes.count {
      let first = bytes[start]
      if first == Self.escape {
        let wasPasting = pasting
        let decoded = escapeSequence(final: final)
        // Inside a paste an escape sequence is part of what was copied, never a key.
        if wasPasting, case .key = decoded { continue }
        if let decoded { return decoded }
        continue
      }
      var iterator = bytes[start...].makeIterator()
      var parser = Unicode.UTF8.ForwardParser()
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        start += encoded.count
        let value = Unicode.UTF8.decode(encoded).value
        if pasting {
          if let key = pasted(value) { return .key(key) }
          continue
        }
        if let key = KeyDecoder.character(value) {
          return .key(key)
        }
      case .error(let length):
        // Not UTF-8 up to the end of what was read: a character cut off, whose rest is on its
        // way (broken bytes there are dropped once the wait is over).
        if !final, start + length == bytes.count { return .incomplete }
        start += length
      case .emptyInput:
        return .empty
      }
    }
    return .empty
  }

  /// Decodes from an Esc at `start`: a key, `.incomplete`, or `nil` when the bytes were an
  /// unknown sequence, passed over.
  private mutating func escapeSequence(final: Bool) -> Decoded? {
    let available = bytes.count - start
    for entry in keyStrings {
      switch match(entry.bytes) {
      case .whole:
        start += entry.bytes.count
        return .key(entry.key)
      case .prefix where !final: return .incomplete
      case .prefix, .none: continue
      }
    }
    guard available > 1 else {
      if !final { return .incomplete }
      start += 1
      return .key(.escape)
    }
    let introducer = bytes[start + 1]
    guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
      // Alt plus a key: Escape, then the key itself.
      start += 1
      return .key(.escape)
    }
    // Parameters (digits and ';') up to the final character.
    var index = start + 2
    while index < bytes.count, Self.isParameter(bytes[index]) { index += 1 }
    guard index < bytes.count else {
      if !final { return .incomplete }
      // The wait is over and the sequence never ended: the parent pressed Esc.
      start = index
      return .key(.escape)
    }
    let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
    let finalByte = bytes[index]
    start = index + 1
    if introducer == UInt8(ascii: "["), finalByte == UInt8(ascii: "~"),
      parameters == "200" || parameters == "201"
    {
      pasting = parameters == "200"
      afterReturn = false
      return nil
    }
    return KeyDecoder.sequence(parameters: parameters, final: Unicode.Scalar(finalByte)).map {
      .key($0)
    }
  }

  /// A character of a marked paste as the key it is: a line end or a tab is a space (a field is
  /// one line), other control characters are dropped.
  private mutating func pasted(_ value: UInt32) -> FormKey? {
    defer { afterReturn = value == 13 }
    switch value {
    case 10 where afterReturn: return nil
    case 9, 10, 13: return .pasted(" ")
    case 0..<32, 127: return nil
    default: return Unicode.Scalar(value).map { .pasted(Character($0)) }
    }
  }

  private static func isParameter(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ";") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private enum Match { case whole, prefix, none }

  /// How the bytes from `start` on match `string`: all of it, the start of it (they end
  /// before it does), or not.
  private func match(_ string: [UInt8]) -> Match {
    var offset = 0
    while offset < string.count {
      guard start + offset < bytes.count else { return .prefix }
      guard bytes[start + offset] == string[offset] else { return .none }
      offset += 1
    }
    return .whole
  }
}
