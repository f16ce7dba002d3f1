import IntakeForm
import Testing

@testable import IntakeTerminal

@Suite("Keys from the terminal's bytes")
struct KeyBytesTests {
  /// Every key `text` decodes to, with nothing more coming.
  private func keys(_ text: String, strings: [(bytes: [UInt8], key: FormKey)] = []) -> [FormKey] {
    var decoder = KeyBytes(keyStrings: strings)
    decoder.append(Array(text.utf8))
    var found: [FormKey] = []
    while case .key(let key) = decoder.next(final: true) { found.append(key) }
    return found
  }

  @Test("arrows and other keys in the CSI and SS3 forms, with or without a description")
  func sequences() {
    #expect(keys("\u{1B}OA\u{1B}OB\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
    #expect(keys("\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[Z") == [.pageUp, .pageDown, .delete, .backTab])
    #expect(keys("\u{1B}[1;5C\u{1B}OM\u{1B}OP") == [.right, .enter, .help])
  }

  @Test("a key only the terminal's description knows (the Linux console's F1)")
  func described() {
    let linux: [(bytes: [UInt8], key: FormKey)] = [
      (Array("\u{1B}[[A".utf8), .help), (Array("\u{1B}[A".utf8), .up), ([127], .backspace),
    ]
    #expect(keys("\u{1B}[[A\u{1B}[A", strings: linux) == [.help, .up])
    // Without the description the same bytes are not taken for an arrow.
    #expect(keys("\u{1B}[[A") != [.help])
    var decoder = KeyBytes(keyStrings: linux)
    decoder.append(Array("\u{1B}[[".utf8))
    #expect(decoder.next(final: false) == .incomplete)
    decoder.append(Array("A".utf8))
    #expect(decoder.next(final: false) == .key(.help))
  }

  @Test("Esc alone waits for what may follow, then is Esc; a sequence completed later is one key")
  func escape() {
    var decoder = KeyBytes()
    decoder.append([KeyBytes.escape])
    #expect(decoder.next(final: false) == .incomplete)
    #expect(decoder.next(final: true) == .key(.escape))
    #expect(decoder.next(final: true) == .empty)
    #expect(decoder.isEmpty)

    decoder.append(Array("\u{1B}[".utf8))
    #expect(decoder.next(final: false) == .incomplete)
    decoder.append(Array("B".utf8))
    #expect(decoder.next(final: false) == .key(.down))

    // The wait ended inside a sequence: the parent pressed Esc, and the bytes are gone.
    decoder.append(Array("\u{1B}[1;".utf8))
    #expect(decoder.next(final: true) == .key(.escape))
    #expect(decoder.next(final: true) == .empty)
  }

  @Test("a marked paste is pasted text: line ends and tabs are spaces, nothing acts as a key")
  func bracketedPaste() {
    let pasted = keys("a\u{1B}[200~Hi 1\r\nthere\tq\u{1B}[A\u{3}\u{1B}[201~\r")
    #expect(
      pasted
        == [.character("a")] + "Hi 1 there q".map { FormKey.pasted($0) } + [.enter],
      "after the end mark, Enter is Enter again")
    // The end mark split over two reads still ends the paste.
    var decoder = KeyBytes()
    decoder.append(Array("\u{1B}[200~x\u{1B}[20".utf8))
    #expect(decoder.next(final: false) == .key(.pasted("x")))
    #expect(decoder.next(final: false) == .incomplete)
    decoder.append(Array("1~\r".utf8))
    #expect(decoder.next(final: false) == .key(.enter))
    // An end mark that never comes: ending the paste makes keys act again.
    var lost = KeyBytes()
    lost.append(Array("\u{1B}[200~x".utf8))
    #expect(lost.next(final: true) == .key(.pasted("x")))
    #expect(lost.isPasting)
    lost.endPaste()
    lost.append([13])
    #expect(lost.next(final: true) == .key(.enter))
  }

  @Test("Alt plus a key is Esc, then the key")
  func alt() {
    #expect(keys("\u{1B}x") == [.escape, .character("x")])
    #expect(keys("\u{1B}\u{1B}OA") == [.escape, .up])
  }

  @Test("UTF-8 characters, also when split between two reads")
  func characters() {
    #expect(keys("ë漢😀") == [.character("ë"), .character("漢"), .character("😀")])
    var decoder = KeyBytes()
    decoder.append([0xC3])
    #expect(decoder.next(final: false) == .incomplete)
    decoder.append([0xAB])
    #expect(decoder.next(final: false) == .key(.character("ë")))
  }

  @Test("control characters, broken UTF-8 and unknown sequences are passed over")
  func ignored() {
    var decoder = KeyBytes()
    decoder.append([0x01, 0xFF, 0xC3, 0x28] + Array("\u{1B}[2~x".utf8))
    #expect(decoder.next(final: true) == .key(.character("(")))
    #expect(decoder.next(final: true) == .key(.character("x")))
    #expect(decoder.next(final: true) == .empty)
    // A character cut off with nothing more coming is dropped, not waited for.
    decoder.append([0xE6, 0xBC])
    #expect(decoder.next(final: true) == .empty)
  }

  @Test("a paste is every key of it, in order, Enter and Tab included")
  func paste() {
    let text = String(repeating: "ab\t", count: 1_000) + "\r"
    let found = keys(text)
    #expect(found.count == 3_001)
    #expect(Array(found.prefix(3)) == [.character("a"), .character("b"), .tab])
    #expect(found.last == .enter)
  }

  @Test("bytes split anywhere between reads give the same keys as read at once")
  func splitAnywhere() {
    // Pieces a terminal sends: keys, sequences, UTF-8, Esc and Alt, control characters.
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("ë".utf8), Array("漢".utf8), Array("😀".utf8), Array("\u{1B}OA".utf8),
      Array("\u{1B}[B".utf8), Array("\u{1B}[1;5C".utf8), Array("\u{1B}[3~".utf8),
      Array("\u{1B}[[A".utf8), Array("\u{1B}x".utf8), [0x01], [0x0D], [0x7F], [0xFF],
    ]
    let strings: [(bytes: [UInt8], key: FormKey)] = [(Array("\u{1B}[[A".utf8), .help)]
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func random(_ bound: Int) -> Int {
      seed ^= seed << 13
      seed ^= seed >> 7
      seed ^= seed << 17
      return Int(seed % UInt64(bound))
    }
    for _ in 0..<500 {
      let bytes = (0..<(1 + random(12))).flatMap { _ in pieces[random(pieces.count)] }
      var whole = KeyBytes(keyStrings: strings)
      whole.append(bytes)
      var expected: [FormKey] = []
      while case .key(let key) = whole.next(final: true) { expected.append(key) }

      var split = KeyBytes(keyStrings: strings)
      var found: [FormKey] = []
      var start = 0
      while start < bytes.count {
        let end = min(bytes.count, start + 1 + random(4))
        split.append(bytes[start..<end])
        start = end
        // More is on its way until the last piece: nothing may be taken for a shorter key.
        while case .key(let key) = split.next(final: end == bytes.count) { found.append(key) }
      }
      while case .key(let key) = split.next(final: true) { found.append(key) }
      #expect(found == expected, "bytes \(bytes)")
    }
  }
}
