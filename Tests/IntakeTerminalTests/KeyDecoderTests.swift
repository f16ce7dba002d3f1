import IntakeForm
import Testing

@testable import IntakeTerminal

@Suite("Terminal keys and terminal choice")
struct KeyDecoderTests {
  @Test(
    "escape sequences a terminal description may lack",
    arguments: [
      ("4", "~", FormKey.end), ("1", "~", .home), ("7", "~", .home), ("8", "~", .end),
      ("3", "~", .delete),
      ("5", "~", .pageUp), ("6", "~", .pageDown), ("", "M", .enter), ("1;5", "C", .right),
      ("1;2", "A", .up),
      ("", "Z", .backTab), ("", "P", .help), ("11", "~", .help),
    ])
  func sequences(parameters: String, final: String, key: FormKey) {
    #expect(KeyDecoder.sequence(parameters: parameters, final: final.unicodeScalars.first!) == key)
  }

  @Test("unknown sequences are not guessed")
  func unknown() {
    #expect(KeyDecoder.sequence(parameters: "2", final: "~") == nil)
    #expect(KeyDecoder.sequence(parameters: "", final: "q") == nil)
  }

  @Test("characters: Enter in all its forms, Backspace, control characters ignored, UTF-8 kept")
  func characters() {
    #expect(KeyDecoder.character(10) == .enter)
    #expect(KeyDecoder.character(13) == .enter)
    #expect(KeyDecoder.character(127) == .backspace)
    #expect(KeyDecoder.character(8) == .backspace)
    #expect(KeyDecoder.character(9) == .tab)
    #expect(KeyDecoder.character(3) == .interrupt)
    #expect(KeyDecoder.character(1) == nil)
    #expect(KeyDecoder.character(0xEB) == .character("ë"))
    #expect(KeyDecoder.character(0x6F22) == .character("漢"))
  }

  @Test("plain mode without a terminal, with TERM=dumb, or when asked for")
  func choice() {
    let term = ["TERM": "xterm-256color"]
    #expect(
      TerminalChoice.decide(
        plainRequested: false, environment: term, inputIsTerminal: true, outputIsTerminal: true)
        == .curses)
    #expect(
      TerminalChoice.decide(
        plainRequested: true, environment: term, inputIsTerminal: true, outputIsTerminal: true)
        == .plain(reason: .requested))
    #expect(
      TerminalChoice.decide(
        plainRequested: false, environment: term, inputIsTerminal: false, outputIsTerminal: true)
        == .plain(reason: .notATerminal))
    #expect(
      TerminalChoice.decide(
        plainRequested: false, environment: term, inputIsTerminal: true, outputIsTerminal: false)
        == .plain(reason: .notATerminal))
    #expect(
      TerminalChoice.decide(
        plainRequested: false, environment: ["TERM": "dumb"], inputIsTerminal: true,
        outputIsTerminal: true) == .plain(reason: .dumbTerminal))
    #expect(
      TerminalChoice.decide(
        plainRequested: false, environment: [:], inputIsTerminal: true, outputIsTerminal: true)
        == .plain(reason: .dumbTerminal))
  }
}
