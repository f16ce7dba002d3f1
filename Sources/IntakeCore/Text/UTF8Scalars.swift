/// The Unicode scalars of valid UTF-8, decoded by hand from a contiguous buffer.
///
/// Written here rather than taken from the standard library's `unicodeScalars` view because the
/// screen measures and checks every line on every key: the view costs several times as much per
/// scalar as these few shifts, and most text (Dutch and English, with a `·`, `—` or `ë`) is one
/// to three bytes a scalar. The bytes of a `String` or `Substring` are valid UTF-8, so only the
/// lead byte is looked at to find the length; a sequence cut off at the end of the buffer ends
/// the walk rather than reading past it.
enum UTF8Scalars {
  /// `body` over the UTF-8 of `text` in one buffer: its own storage, or a copy for text that is
  /// not kept as UTF-8 (none that intake makes).
  @inline(__always)
  static func withBytes<Text: StringProtocol, Result>(
    of text: Text, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = String(text)
    return copy.withUTF8(body)
  }

  /// Calls `body` with each scalar's value and the offset of the byte after it, in order, until
  /// `body` returns `false`; returns whether every scalar was visited.
  @inline(__always)
  static func forEach(
    in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ value: UInt32, _ end: Int) -> Bool
  ) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      let value: UInt32
      let length: Int
      if lead < 0x80 {
        value = UInt32(lead)
        length = 1
      } else if lead < 0xE0 {
        guard index + 1 < count else { return false }
        value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        length = 2
      } else if lead < 0xF0 {
        guard index + 2 < count else { return false }
        value =
          UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
          | UInt32(bytes[index + 2] & 0x3F)
        length = 3
      } else {
        guard index + 3 < count else { return false }
        value =
          UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
          | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        length = 4
      }
      index += length
      guard body(value, index) else { return false }
    }
    return true
  }
}
