import Testing

@testable import IntakeForm

/// A line knows its width once its spans are set; cutting a screen to its width relies on that
/// instead of measuring every line on every key, so the width must follow every change.
@Suite("Screen lines: measured once")
struct ScreenLineTests {
  @Test("plain spans are measured when set, and again when changed")
  func measured() {
    var line = ScreenLine([Span("Vraag 1 "), Span("(x)", .highlight)])
    #expect(line.plainCells == 11)
    line.spans.append(Span("→ é", .dim))
    #expect(line.plainCells == 14)
    line.spans = [Span("a\u{7}b")]
    #expect(line.plainCells == nil, "a control character is not plain")
    line.spans = []
    #expect(line.plainCells == 0)
  }

  @Test("restyling keeps the text and its width")
  func restyled() {
    let line = ScreenLine([Span("  ( ) 1  Soms"), Span("  ")], fill: .highlight)
    let moved = line.restyled(.normal)
    #expect(moved.spans == [Span("  ( ) 1  Soms", .normal), Span("  ", .normal)])
    #expect(moved.plainCells == line.plainCells)
    #expect(moved.fill == .highlight)
    #expect(moved == ScreenLine(moved.spans, fill: .highlight))
  }

  @Test("a plain line that fits is passed on as it is; any other is cut and made safe")
  func clipped() {
    let fitting = ScreenLine([Span("twelve cells")])
    #expect(Frame.clip(fitting, width: 12) == fitting)
    let long = Frame.clip(ScreenLine([Span("thirteen cell")]), width: 12)
    #expect(long.spans.map(\.text).joined() == "thirteen cel")
    let control = Frame.clip(ScreenLine([Span("a\u{1B}[2Jb")]), width: 40)
    #expect(!control.spans.map(\.text).joined().contains("\u{1B}"))
    #expect(control.plainCells != nil, "what is left is plain text")
  }
}
