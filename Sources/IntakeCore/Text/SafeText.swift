/// Text from a file or from the parent, made safe to show: C0 and C1 control characters (ESC
/// among them) and the bidirectional controls that can make text read in another order (U+202E)
/// are shown as `<U+XXXX>` instead of being passed on. An answers file or a questionnaire can
/// hold anything; none of it may move a terminal's cursor, retitle its window or reorder what a
/// doctor reads.
public enum SafeText {
  /// Whether `scalar` is shown as `<U+XXXX>`: controls other than line feed and tab, DEL, C1
  /// controls, the bidi embeddings, overrides and isolates, and the line and paragraph
  /// separators.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
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
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
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

  /// `text` made safe and kept on one line: line feeds and tabs become spaces too.
  public static func line(_ text: String) -> String {
    let safe = Self.text(text)
    // A carriage return is already escaped, so only these two are left to flatten.
    // Byte by byte: a line feed or a tab is always a character of its own (nothing combines with
    // a control character), and this runs for every line on the screen on every key.
    guard safe.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) else { return safe }
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
