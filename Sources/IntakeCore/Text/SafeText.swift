/// Text from a file or from the parent, made safe to show: C0 and C1 control characters (ESC
/// among them) and the bidirectional controls that can make text read in another order (U+202E)
/// are shown as `<U+XXXX>` instead of being passed on. An answers file or a questionnaire can
/// hold anything; none of it may move a terminal's cursor, retitle its window or reorder what a
/// doctor reads.
public enum SafeText {
  /// Whether `scalar` is shown as `<U+XXXX>`: controls other than line feed and tab, DEL, C1
  /// controls, the bidi embeddings, overrides and isolates, and the line and paragraph
  /// separators.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { isUnsafe(value: scalar.value) }

  private static func isUnsafe(value: UInt32) -> Bool {
    switch value {
    case 0x0A, 0x09: false
    case 0x00..<0x20, 0x7F..<0xA0: true
    case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0x200E, 0x200F, 0x061C: true
    default: false
    }
  }

  /// `text` with every unsafe scalar shown as `<U+XXXX>`; line feeds and tabs are kept (for text
  /// laid out over several lines).
  public static func text(_ text: String) -> String {
    // Nearly all text is safe: give it back as it is, without building a copy.
    guard hasUnsafe(text) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar) {
        result.append(contentsOf: escape(scalar).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Whether `text` has a scalar ``text(_:)`` would show as a code. Byte by byte, without
  /// decoding: an unsafe scalar of more than one byte starts with 0xC2 (C1 controls), 0xD8
  /// (U+061C) or 0xE2 (the U+20xx marks, embeddings, isolates and separators), which are never
  /// continuation bytes; the next bytes tell which.
  static func hasUnsafe(_ text: String) -> Bool {
    UTF8Scalars.withBytes(of: text) { bytes in
      let count = bytes.count
      for index in 0..<count {
        let byte = bytes[index]
        if byte < 0x80 {
          if byte == 0x7F || (byte < 0x20 && byte != 0x0A && byte != 0x09) { return true }
          continue
        }
        guard byte == 0xC2 || byte == 0xD8 || byte == 0xE2, index + 1 < count else { continue }
        let second = bytes[index + 1]
        switch byte {
        case 0xC2: if second < 0xA0 { return true }
        case 0xD8: if second == 0x9C { return true }
        default:
          guard index + 2 < count else { continue }
          let scalar = 0x2000 | UInt32(second & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
          if isUnsafe(value: scalar) { return true }
        }
      }
      return false
    }
  }

  /// `text` made safe and kept on one line: line feeds and tabs become spaces too.
  public static func line(_ text: String) -> String {
    let safe = Self.text(text)
    // A carriage return is already escaped, so only these two are left to flatten.
    // Byte by byte: a line feed or a tab is always a character of its own (nothing combines with
    // a control character), and this runs for every line on the screen on every key.
    let flat = UTF8Scalars.withBytes(of: safe) { !$0.contains { $0 == 0x0A || $0 == 0x09 } }
    guard !flat else { return safe }
    return String(safe.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
  }

  /// A value for a one-line message: safe, on one line, and cut to about `limit` characters
  /// with "…" so a pasted essay does not fill the screen.
  public static func quoted(_ text: String, limit: Int = 60) -> String {
    let single = line(text)
    guard single.count > limit else { return single }
    return String(single.prefix(max(1, limit - 1))) + "…"
  }

  private static func escape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
  }
}
