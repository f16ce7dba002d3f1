import IntakeCore

/// An editable line of text with a cursor, counted in characters (grapheme clusters), so "ë"
/// typed as one key is one step for the arrow keys.
public struct TextField: Equatable, Sendable {
  public private(set) var characters: [Character]
  /// 0...characters.count
  public private(set) var cursor: Int

  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  public var text: String { String(characters) }
  public var isEmpty: Bool { characters.isEmpty }
  /// Characters in the field.
  public var count: Int { characters.count }

  /// The text wrapped into lines at most `cells` wide, breaking after a space where there is one
  /// (a word longer than the line is cut), with the line and column of the cursor. One pass over
  /// the text: a pasted essay costs its length, once per screen.
  func wrapped(cells: Int) -> (lines: [String], cursorLine: Int, cursorColumn: Int) {
    let width = max(2, cells)
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    // Where `line` can be broken: after its last space (offset in characters, and the width
    // before it), so the rest moves to the next line.
    var lastSpace: (characters: Int, width: Int)?
    var lineCount = 0
    var cursorLine = 0
    var cursorColumn = 0
    var cursorOffset: Int?  // the cursor's character offset within `line`
    func breakLine() {
      if let space = lastSpace, space.characters < lineCount {
        let head = String(line.prefix(space.characters))
        let tail = String(line.dropFirst(space.characters))
        lines.append(head)
        line = tail
        lineCount -= space.characters
        lineWidth -= space.width
        if let offset = cursorOffset {
          if offset >= space.characters {
            cursorOffset = offset - space.characters
          } else {
            cursorLine = lines.count - 1
            cursorColumn = DisplayWidth.of(head.prefix(offset))
            cursorOffset = nil
          }
        }
      } else {
        lines.append(line)
        if let offset = cursorOffset {
          cursorLine = lines.count - 1
          cursorColumn = DisplayWidth.of(line.prefix(offset))
          cursorOffset = nil
        }
        line = ""
        lineCount = 0
        lineWidth = 0
      }
      lastSpace = nil
    }
    for (index, character) in characters.enumerated() {
      if index == cursor { cursorOffset = lineCount }
      let cells = DisplayWidth.of(character)
      if lineWidth + cells > width - 1 { breakLine() }
      line.append(character)
      lineCount += 1
      lineWidth += cells
      if character == " " { lastSpace = (lineCount, lineWidth) }
    }
    if cursor == characters.count { cursorOffset = lineCount }
    lines.append(line)
    if let offset = cursorOffset {
      cursorLine = lines.count - 1
      cursorColumn = DisplayWidth.of(line.prefix(offset))
    }
    return (lines, cursorLine, cursorColumn)
  }

  /// What of the text shows in a field `cells` wide: the characters before the cursor that fit
  /// (leaving a cell for the cursor itself), then what fits after it, and the cursor's column.
  /// Only the characters around the cursor are looked at, so a long text costs what is shown.
  func window(cells: Int) -> (text: String, cursorColumn: Int) {
    var start = cursor
    var before = 0
    while start > 0 {
      let width = DisplayWidth.of(characters[start - 1])
      if before + width >= cells { break }
      before += width
      start -= 1
    }
    var shown = String(characters[start..<cursor])
    var used = before
    var index = cursor
    while index < characters.count {
      let width = DisplayWidth.of(characters[index])
      if used + width > cells { break }
      shown.append(characters[index])
      used += width
      index += 1
    }
    return (shown, before)
  }

  /// Inserts `character` at the cursor; `false` when the field already holds `limit`.
  @discardableResult
  public mutating func insert(_ character: Character, limit: Int = .max) -> Bool {
    guard characters.count < limit else { return false }
    characters.insert(character, at: cursor)
    cursor += 1
    return true
  }

  /// Removes the character before the cursor; `false` when there is none.
  @discardableResult
  public mutating func backspace() -> Bool {
    guard cursor > 0 else { return false }
    characters.remove(at: cursor - 1)
    cursor -= 1
    return true
  }

  /// Removes the character under the cursor.
  public mutating func delete() {
    guard cursor < characters.count else { return }
    characters.remove(at: cursor)
  }

  /// Moves the cursor; `false` when it is already at that end.
  @discardableResult
  public mutating func move(by offset: Int) -> Bool {
    let target = min(max(0, cursor + offset), characters.count)
    defer { cursor = target }
    return target != cursor
  }

  public mutating func home() { cursor = 0 }
  public mutating func end() { cursor = characters.count }
}
