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

  private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
    if words.isEmpty { return [""] }
    for word in words {
      let clean = String(word.filter { !$0.isControlCharacter })
      var wordWidth = DisplayWidth.of(clean)
      if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
        line += " " + clean
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      var rest = Substring(clean)
      while wordWidth > width {
        let piece = DisplayWidth.prefix(of: rest, fitting: width)
        // A character wider than the whole line still has to go somewhere.
        let taken = piece.isEmpty ? String(rest.prefix(1)) : piece
        lines.append(taken)
        rest = rest.dropFirst(taken.count)
        wordWidth = DisplayWidth.of(rest)
      }
      line = String(rest)
      lineWidth = wordWidth
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
