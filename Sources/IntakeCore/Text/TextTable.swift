/// A plain, aligned table for the terminal (`intake list`, `intake history`): a header, a rule,
/// and rows, columns measured in display cells.
public enum TextTable {
  /// Columns never shrink below this many cells to fit a narrow terminal.
  static let narrowestColumn = 8

  /// The table; with `width`, the widest columns are narrowed until it fits and their cells wrap
  /// onto more lines, so a row never spills into the next line of the terminal.
  public static func render(header: [String], rows: [[String]], width: Int? = nil) -> String {
    // Cells hold names and values from files (a child's nickname, a questionnaire id): shown
    // safe and on one line, whatever they contain.
    let header = header.map(SafeText.line)
    let rows = rows.map { $0.map(SafeText.line) }
    var widths = header.map { DisplayWidth.of($0) }
    for row in rows {
      for (column, cell) in row.enumerated() where column < widths.count {
        widths[column] = max(widths[column], DisplayWidth.of(cell))
      }
    }
    // Columns are two spaces apart; one, when that is what keeps every word whole.
    var gap = 2
    if let width {
      // First narrow columns down to their longest word, so text wraps between words; only
      // when that is not enough are words broken, and only in columns of prose: a column of
      // single tokens (ids, dates) stays whole, so it can be copied.
      let cells = widths.indices.map { column in
        rows.compactMap { column < $0.count ? $0[column] : nil }
      }
      let longestWord = widths.indices.map { column in
        ([header[column]] + cells[column]).flatMap { $0.split(separator: " ") }.map {
          DisplayWidth.of($0)
        }.max() ?? 0
      }
      let between = max(0, widths.count - 1)
      if longestWord.reduce(2 * between, +) > width, longestWord.reduce(between, +) <= width {
        gap = 1
      }
      let gaps = gap * between
      let breakable = widths.indices.map { column in
        cells[column].contains { $0.containsScalar(" ") } ? narrowestColumn : longestWord[column]
      }
      for floor in [longestWord, breakable] {
        while widths.reduce(gaps, +) > width,
          let widest = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: {
            widths[$0] < widths[$1]
          })
        {
          widths[widest] -= 1
        }
      }
    }
    func lines(_ cells: [String]) -> [String] {
      let wrapped = cells.enumerated().map { column, cell in
        column < widths.count ? TextWrap.wrap(cell, width: widths[column]) : [cell]
      }
      let height = wrapped.map(\.count).max() ?? 1
      return (0..<height).map { line in
        var text = ""
        for (column, parts) in wrapped.enumerated() {
          let part = line < parts.count ? parts[line] : ""
          let pad = column == wrapped.count - 1 ? 0 : widths[column] - DisplayWidth.of(part) + gap
          text += part + String(repeating: " ", count: max(0, pad))
        }
        while text.last == " " { text.removeLast() }
        return text
      }
    }
    var output =
      lines(header)
      + [
        widths.map { String(repeating: "-", count: $0) }
          .joined(separator: String(repeating: " ", count: gap))
      ]
    for row in rows { output += lines(row) }
    return output.joined(separator: "\n") + "\n"
  }
}
