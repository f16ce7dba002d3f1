import IntakeCore
import Testing

/// Display width measures most text without finding character boundaries: printable ASCII a
/// byte a cell, and text of scalars that never join another (Latin, punctuation, arrows, box
/// drawing) scalar by scalar. Both must give what measuring character by character gives.
@Suite struct DisplayWidthFastPathTests {
  static let simple: [Unicode.Scalar] = [
    0..<0x300, 0x2010..<0x2028, 0x2030..<0x205F,
    0x2190..<0x2200, 0x2500..<0x2600,
  ].flatMap { $0 }.compactMap { Unicode.Scalar(UInt32($0)) }

  /// What `DisplayWidth.of` gives, character by character.
  static func reference(_ text: String) -> Int { text.reduce(0) { $0 + DisplayWidth.of($1) } }

  @Test("each such scalar, alone and next to others, is a character of its own of the same width")
  func scalarByScalar() {
    let partners =
      Self.simple.enumerated().filter { $0.offset % 37 == 0 }.map(\.element)
      + ["a", "\r", "\n", "é", "–", "░", "▸"]
    for scalar in Self.simple {
      let alone = String(Character(scalar))
      #expect(DisplayWidth.of(alone) == Self.reference(alone))
      for partner in partners {
        for text in [
          String(String.UnicodeScalarView([scalar, partner])),
          String(String.UnicodeScalarView([partner, scalar])),
        ] {
          let crlf = text.unicodeScalars.elementsEqual(["\r", "\n"])
          #expect(text.count == (crlf ? 1 : 2))
          #expect(DisplayWidth.of(text) == Self.reference(text))
          #expect(DisplayWidth.of(text[...]) == Self.reference(text))
          for cells in 0...4 {
            let prefix = DisplayWidth.prefix(of: text, fitting: cells)
            #expect(prefix == String(text.prefix(prefix.count)))
            #expect(Self.reference(prefix) <= cells)
          }
        }
      }
    }
  }

  @Test("text with other scalars (accents that combine, emoji, wide script) is measured as before")
  func otherText() {
    for text in ["e\u{301}te\u{301}", "👍🏽 ok", "漢字 – ░▸", "🇳🇱", "a\u{200D}b", "➡️ next", "Zoë’s"] {
      #expect(DisplayWidth.of(text) == Self.reference(text))
    }
    #expect(DisplayWidth.of("漢字 – ░▸") == 9)
    #expect(DisplayWidth.prefix(of: "e\u{301}te\u{301}", fitting: 2) == "e\u{301}t")
  }

  @Test("text kept as it is on screen is only text SafeText leaves alone, measured the same")
  func plain() {
    let others: [Unicode.Scalar] = ["\u{202E}", "\u{2066}", "\u{200F}", "\u{2028}", "\u{301}", "漢"]
    for scalar in Self.simple + others {
      for text in [String(Character(scalar)), "ab" + String(Character(scalar)) + "–c"] {
        guard let cells = DisplayWidth.cellsIfPlain(text) else { continue }
        #expect(SafeText.line(text) == text, "\(scalar.value)")
        #expect(cells == Self.reference(text), "\(scalar.value)")
      }
    }
    for text in ["a\u{1B}b", "a\nb", "a\tb", "\u{85}", "x\u{202E}y", "e\u{301}"] {
      #expect(DisplayWidth.cellsIfPlain(text) == nil, "\(text.debugDescription)")
    }
    #expect(DisplayWidth.cellsIfPlain("  (•) 1  Vader ▸ ░░ 1% ·") == 24)
  }

  /// Scalars of one to four UTF-8 bytes: plain, joining, wide, controls and bidi controls.
  static let mixed: [Unicode.Scalar] = [
    "a", "Z", " ", "~", "\u{7F}", "\n", "\t", "\u{1B}", "é", "ë", "\u{85}", "\u{A0}", "·", "ʼ",
    "\u{301}", "–", "—", "’", "…", "\u{200D}", "\u{200F}", "\u{202E}", "\u{2066}", "\u{2028}",
    "▸", "░", "█", "◽", "漢", "가", "\u{1160}", "\u{FE0F}", "👍", "🏽", "🇳", "🇱", "\u{1D11E}",
    "\u{061C}",
  ]

  /// The slow ways, character by character and scalar by scalar, the fast paths must agree with.
  static func referencePrefix(_ text: String, fitting cells: Int) -> String {
    var used = 0
    var prefix = ""
    for character in text {
      used += DisplayWidth.of(character)
      if used > cells { break }
      prefix.append(character)
    }
    return prefix
  }

  static func referenceSafe(_ text: String) -> Bool {
    !text.unicodeScalars.contains(where: SafeText.isUnsafe)
  }

  @Test("SafeText finds every unsafe scalar of up to three bytes by its bytes, as by its value")
  func everyScalarSafety() {
    for value in UInt32(0)..<0x1_0000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "a" + String(Character(scalar)) + "b"
      #expect((SafeText.text(text) == text) == !SafeText.isUnsafe(scalar), "\(value)")
    }
  }

  @Test("over 3,000 strings of mixed scalars, width, prefix and safety agree with the slow ways")
  func mixedText() {
    var generator = SeededGenerator(state: 0x1D7A_4E)
    for round in 0..<3000 {
      let length = Int(generator.next() % 12)
      var scalars = String.UnicodeScalarView()
      for _ in 0..<length {
        scalars.append(Self.mixed[Int(generator.next() % UInt64(Self.mixed.count))])
      }
      let text = String(scalars)
      #expect(DisplayWidth.of(text) == Self.reference(text), "\(round): \(text.debugDescription)")
      let cells = Int(generator.next() % 10)
      #expect(
        DisplayWidth.prefix(of: text, fitting: cells) == Self.referencePrefix(text, fitting: cells),
        "\(round): \(text.debugDescription) in \(cells)")
      // A substring starts part-way into the bytes of its string.
      let tail = text.dropFirst(text.isEmpty ? 0 : 1)
      #expect(DisplayWidth.of(tail) == Self.reference(String(tail)))
      #expect(
        (SafeText.text(text) == text) == Self.referenceSafe(text),
        "\(round): \(text.debugDescription)")
      if let plain = DisplayWidth.cellsIfPlain(text) {
        #expect(plain == Self.reference(text))
        #expect(SafeText.line(text) == text)
      }
    }
  }
}
