/// Word wrapping by display width, for the terminal form and the printable text report.
public enum TextWrap {
  /// `text` broken into lines of at most `width` cells: on spaces where possible, hard inside a
  /// word longer than a line. A line break in `text` starts a new line; runs of spaces between
  /// words collapse to one where a line is broken; control characters are dropped.
  public static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines += wrapParagraph(paragraph, width: width)
    }
    return lines
  }

  /// One pass over the paragraph: each character is measured once, so the time is linear in
  /// its length, also for one unbroken word of hundreds of thousands of characters (measuring
  /// the rest of such a word again after every line made wrapping quadratic).
  private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
    DisplayWidth.isPrintableASCII(paragraph)
      ? wrapPrintableASCII(paragraph, width: width)
      : wrapByCharacters(paragraph, width: width)
  }

  /// What ``wrapByCharacters(_:width:)`` gives, for printable ASCII, on its bytes: a cell a
  /// byte, nothing to drop, no character boundaries to find. The form wraps its texts again on
  /// every key.
  package static func wrapPrintableASCII(_ paragraph: Substring, width: Int) -> [String] {
    let space = UInt8(ascii: " ")
    var lines: [String] = []
    var line: [UInt8] = []
    var anyWord = false
    for word in paragraph.utf8.split(separator: space, omittingEmptySubsequences: true) {
      anyWord = true
      if !line.isEmpty, line.count + 1 + word.count <= width {
        line.append(space)
        line += word
        continue
      }
      if !line.isEmpty {
        lines.append(String(decoding: line, as: UTF8.self))
        line = []
      }
      // Longer than a line: pieces of `width`, the last one left to go on.
      var rest = word[...]
      while rest.count > width {
        lines.append(String(decoding: rest.prefix(width), as: UTF8.self))
        rest = rest.dropFirst(width)
      }
      line = Array(rest)
    }
    guard anyWord else { return [""] }
    lines.append(String(decoding: line, as: UTF8.self))
    return lines
  }

  /// The paragraph wrapped character by character (any text).
  package static func wrapByCharacters(_ paragraph: Substring, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
    if words.isEmpty { return [""] }
    for word in words {
      var clean = ""
      var wordWidth = 0
      if DisplayWidth.isPrintableASCII(word) {
        // No control characters to drop, one cell a byte.
        clean = String(word)
        wordWidth = word.utf8.count
      } else {
        for character in word where !character.isControlCharacter {
          clean.append(character)
          wordWidth += DisplayWidth.of(character)
        }
      }
      if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
        line += " "
        line += clean
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      guard wordWidth > width else {
        line = clean
        lineWidth = wordWidth
        continue
      }
      // Longer than a line: cut it into pieces that fit, in the same single pass.
      for character in clean {
        let cells = DisplayWidth.of(character)
        // A character wider than the whole line still has to go somewhere: alone on a line.
        if lineWidth > 0, lineWidth + cells > width {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        line.append(character)
        lineWidth += cells
      }
    }
    lines.append(line)
    return lines
  }
}

extension Character {
  /// C0 and C1 control characters (line breaks are handled before this is asked).
  var isControlCharacter: Bool {
    unicodeScalars.allSatisfy { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }
  }
}
