/// How many terminal cells text takes: `String.count` is not screen width ("漢" takes two cells,
/// a combining accent none). Matches glibc's `wcwidth` for the scripts a parent is likely to type,
/// without touching the terminal, so layout can be computed and tested in pure code.
public enum DisplayWidth {
  /// Cells taken by `character` (a grapheme cluster): 0, 1 or 2.
  public static func of(_ character: Character) -> Int {
    // Most text is ASCII: no Unicode property lookups for it.
    if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    // An emoji shown as a picture (by default, or asked for with VS16) is two cells wide.
    if first.properties.isEmojiPresentation { return 2 }
    if first.properties.isEmoji, scalars.contains("\u{FE0F}"), first.value > 0xFF { return 2 }
    var width = 0
    for scalar in scalars {
      width = max(width, of(scalar))
      if width == 2 { break }
    }
    return width
  }

  /// Cells taken by one scalar, as `wcwidth` counts it (control characters count as 0 here;
  /// callers must not print them).
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
    return isWide(value) ? 2 : 1
  }

  /// Cells taken by `text`.
  public static func of(_ text: some StringProtocol) -> Int { width(of: text) }
  // `String` and `Substring` apart: a generic public function called from another module runs
  // unspecialized, through witness tables, and the form measures every line on every key.
  /// Cells taken by `text`.
  public static func of(_ text: String) -> Int { width(of: text) }
  /// Cells taken by `text`.
  public static func of(_ text: Substring) -> Int { width(of: text) }

  private static func width<Text: StringProtocol>(of text: Text) -> Int {
    simpleCells(of: text, controls: true) ?? text.reduce(0) { $0 + of($1) }
  }

  /// The cells of `text` measured scalar by scalar, when every scalar is one that never joins
  /// another (see simpleWidth) and, unless `controls`, none is a control character; `nil`
  /// otherwise.
  private static func simpleCells<Text: StringProtocol>(of text: Text, controls: Bool) -> Int? {
    // Printable ASCII is one cell a byte, and no such byte joins a grapheme cluster with
    // another: the screen is mostly such text.
    if isPrintableASCII(text) { return text.utf8.count }
    var cells = 0
    let simple = UTF8Scalars.withBytes(of: text) { bytes in
      UTF8Scalars.forEach(in: bytes) { value, _ in
        let isControl = value < 0x20 || (0x7F..<0xA0).contains(value)
        guard let width = simpleWidth(value), controls || !isControl else { return false }
        cells += width
        return true
      }
    }
    return simple ? cells : nil
  }

  /// The cells of `scalar` when it is one that never joins another in a grapheme cluster (no
  /// combining mark, joiner, variation selector, regional indicator, Hangul jamo or Indic
  /// prepend among them: controls, Latin, general punctuation, arrows, box drawing and blocks),
  /// so that text made only of such scalars can be measured scalar by scalar, as `of(_:)`
  /// measures each of its characters, without finding the characters' boundaries. `nil` for
  /// any other scalar.
  private static func simpleWidth(_ value: UInt32) -> Int? {
    switch value {
    case 0x20..<0x7F: return 1
    // Controls: no cells. A carriage return and line feed are one character of no cells too.
    case 0..<0x20, 0x7F..<0xA0: return 0
    // What `of(_:)` gives for them, without its Unicode property lookups (the progress bar and
    // the list markers are such scalars, measured on every key): none is a mark or a format
    // character, and only ◽ and ◾ are wide (emoji presentation). DisplayWidthFastPathTests
    // holds every one of them to `of(_:)`.
    case 0x25FD, 0x25FE: return 2
    case 0xA0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x2500...0x25FF:
      return 1
    default: return nil
    }
  }

  /// The cells of `text` when it can go to the screen as it is: every scalar printable and one
  /// that never joins another (see simpleWidth), so none is a control, a line break or a bidi
  /// control that ``SafeText`` would show as a code. `nil` for any other text.
  package static func cellsIfPlain(_ text: String) -> Int? {
    simpleCells(of: text, controls: false)
  }

  /// Whether every byte of `text` is printable ASCII (space to tilde).
  static func isPrintableASCII<Text: StringProtocol>(_ text: Text) -> Bool {
    func printable(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }
    return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(printable) }
      ?? text.utf8.allSatisfy(printable)
  }

  /// East Asian Wide and Fullwidth ranges (Unicode 15), as glibc counts them.
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
      0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
      0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
      0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
      0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E,
      0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF,
      0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
      0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// The longest prefix of `text` that fits in `cells`.
  public static func prefix(of text: String, fitting cells: Int) -> String {
    let end = prefixEnd(of: text, fitting: cells)
    // The screen clips every line on every key, and most lines fit: no copy for them.
    return end == text.endIndex ? text : String(text[..<end])
  }

  /// The longest prefix of `text` that fits in `cells`.
  public static func prefix(of text: Substring, fitting cells: Int) -> String {
    String(text[..<prefixEnd(of: text, fitting: cells)])
  }

  /// The longest prefix of `text` that fits in `cells`.
  public static func prefix(of text: some StringProtocol, fitting cells: Int) -> String {
    String(text[..<prefixEnd(of: text, fitting: cells)])
  }

  /// Where the longest prefix of `text` that fits in `cells` ends.
  private static func prefixEnd<Text: StringProtocol>(of text: Text, fitting cells: Int)
    -> String.Index
  {
    if isPrintableASCII(text) {
      let count = text.utf8.count
      return count <= cells
        ? text.endIndex : text.utf8.index(text.utf8.startIndex, offsetBy: max(0, cells))
    }
    // Scalar by scalar while every scalar is a character of its own (see simpleWidth); from the
    // first one that may join another, character by character.
    var used = 0
    var end = 0
    var full = false
    let simple = UTF8Scalars.withBytes(of: text) { bytes in
      UTF8Scalars.forEach(in: bytes) { value, after in
        guard let width = simpleWidth(value) else { return false }
        if used + width > cells {
          full = true
          return false
        }
        used += width
        end = after
        return true
      }
    }
    guard simple || full else { return characterPrefixEnd(of: text, fitting: cells) }
    return text.utf8.index(text.utf8.startIndex, offsetBy: end)
  }

  private static func characterPrefixEnd<Text: StringProtocol>(of text: Text, fitting cells: Int)
    -> String.Index
  {
    var used = 0
    var index = text.startIndex
    while index < text.endIndex {
      let width = of(text[index])
      if used + width > cells { return index }
      used += width
      text.formIndex(after: &index)
    }
    return text.endIndex
  }
}
