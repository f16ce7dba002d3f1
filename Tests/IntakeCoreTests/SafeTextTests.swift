import IntakeCore
import Testing

@Suite("Safe text: nothing from a file reaches a terminal or a report raw")
struct SafeTextTests {
  @Test("escape sequences, C1 controls and bidi overrides are shown, not passed on")
  func unsafe() {
    #expect(
      SafeText.text("done\u{1B}]0;pwned\u{07}\u{1B}[2J")
        == "done<U+001B>]0;pwned<U+0007><U+001B>[2J")
    #expect(SafeText.text("a\u{9B}31m") == "a<U+009B>31m")
    #expect(SafeText.text("Zoë \u{202E}321\u{202C}") == "Zoë <U+202E>321<U+202C>")
    #expect(SafeText.text("x\u{2066}y\u{2069}\u{7F}") == "x<U+2066>y<U+2069><U+007F>")
    #expect(SafeText.text("one\r\ntwo") == "one<U+000D>\ntwo")
  }

  @Test("ordinary text, line feeds and tabs are kept as they are")
  func safe() {
    for text in ["", "Zoë slaapt slecht", "日本 🙂 naïve", "two\nlines\tand a tab"] {
      #expect(SafeText.text(text) == text)
    }
  }

  @Test("one line: line feeds and tabs become spaces; quoted values are cut with …")
  func oneLine() {
    #expect(SafeText.line("two\nlines\tx\u{1B}") == "two lines x<U+001B>")
    #expect(SafeText.quoted(String(repeating: "a", count: 100), limit: 10) == "aaaaaaaaa…")
    #expect(SafeText.quoted("short") == "short")
  }
}
