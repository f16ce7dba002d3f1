import Testing

@testable import IntakeCore

/// The numbers of the compiled form: groups of five bits in printable characters.
@Suite struct CompactNumberTests {
  static let numbers: [Int] = [
    0, 1, -1, 15, 16, -16, -17, 31, 32, 1023, 1024, -1024, 1_000_000, .max, .min, .max - 1,
    .min + 1,
    Int(bitPattern: UInt(Double(31.5).bitPattern)), Int(bitPattern: UInt(Double(-0.0).bitPattern)),
  ]

  @Test("every number comes back, and its characters are printable ASCII", arguments: numbers)
  func roundTrip(_ number: Int) throws {
    var writer = CompactWriter()
    writer.int(number)
    let bytes = writer.finished()
    #expect(bytes.allSatisfy { (0x21...0x7E).contains($0) })
    try bytes.withUnsafeBufferPointer { buffer in
      var reader = try CompactReader(buffer)
      #expect(try reader.int() == number)
      #expect(reader.isAtEnd)
    }
  }

  @Test("small numbers take one character, either sign")
  func short() {
    for number in -16...15 {
      var writer = CompactWriter()
      writer.int(number)
      #expect(writer.bytes.count == 1, "\(number)")
    }
  }

  @Test("a number cut short, or longer than 64 bits, is refused")
  func refused() throws {
    var writer = CompactWriter()
    writer.int(.min)
    let whole = writer.finished()
    // Without its last group, the more-groups run into the end of the bytes.
    try Array(whole.dropLast()).withUnsafeBufferPointer { buffer in
      var reader = try CompactReader(buffer)
      #expect(throws: CompactFormatError.self) { try reader.int() }
    }
    // A fourteenth group: more than 64 bits.
    var longer = Array(whole.dropLast())
    longer += [CompactFormat.moreGroup + 15, CompactFormat.lastGroup]
    try longer.withUnsafeBufferPointer { buffer in
      var reader = try CompactReader(buffer)
      #expect(throws: CompactFormatError.self) { try reader.int() }
    }
    // The thirteenth group may hold four bits, not five.
    var wide = Array(whole.dropLast())
    wide.append(CompactFormat.lastGroup + 16)
    try wide.withUnsafeBufferPointer { buffer in
      var reader = try CompactReader(buffer)
      #expect(throws: CompactFormatError.self) { try reader.int() }
    }
  }
}
