import IntakeCore
import Testing

/// Printable ASCII is wrapped on its bytes; it must come out as wrapping by characters does.
@Suite struct TextWrapFastPathTests {
  @Test("ASCII paragraphs wrap on bytes exactly as by characters, at every width")
  func sameAsByCharacters() {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["a", "bb", "word", "  ", " ", "longerword", "x", "supercalifragilistic", "."]
    var samples = [
      "", " ", "   ", "a", "a b", " lead", "trail ", "a  b", String(repeating: "y", count: 45),
    ]
    for _ in 0..<300 {
      let count = Int.random(in: 0...14, using: &generator)
      samples.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
    }
    for text in samples {
      for width in 1...24 {
        #expect(
          TextWrap.wrapPrintableASCII(text[...], width: width)
            == TextWrap.wrapByCharacters(text[...], width: width), "\(text) at \(width)")
      }
    }
  }
}
