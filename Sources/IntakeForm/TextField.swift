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

  public mutating func insert(_ character: Character, limit: Int = .max) {
    guard characters.count < limit else { return }
    characters.insert(character, at: cursor)
    cursor += 1
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
