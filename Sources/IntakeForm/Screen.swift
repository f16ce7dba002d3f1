import IntakeCore

/// A description of one full screen: exactly `height` lines of styled text, each at most `width`
/// cells wide, and where the text cursor is (if a field is being edited). The terminal adapter
/// paints it; tests read it as plain text.
public struct Screen: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public let lines: [ScreenLine]
  /// Row and column (0-based, in cells) of the visible text cursor; `nil` hides it.
  public let cursor: ScreenPosition?

  /// The screen as plain text, one string per line (trailing spaces removed).
  public var text: [String] {
    lines.map { line in
      var text = line.spans.map(\.text).joined()
      while text.last == " " { text.removeLast() }
      return text
    }
  }
}

/// A cell position.
public struct ScreenPosition: Equatable, Sendable {
  public let row: Int
  public let column: Int
}

/// One line: spans of text with a style each; the adapter fills the rest of the line with the
/// style of `fill`.
public struct ScreenLine: Equatable, Sendable {
  public var spans: [Span] {
    get { storedSpans }
    set {
      storedSpans = newValue
      plainCells = Self.plainCells(of: newValue)
    }
  }
  private var storedSpans: [Span]
  public var fill: Style
  /// The cells the spans take when every one is plain text (see `DisplayWidth.cellsIfPlain`),
  /// else `nil`. Measured when the spans are set, so a line kept between keys (the frame, a
  /// question's rows) is not measured again each time the screen is cut to its width.
  private(set) var plainCells: Int?

  public init(_ spans: [Span] = [], fill: Style = .normal) {
    storedSpans = spans
    self.fill = fill
    plainCells = Self.plainCells(of: spans)
  }

  private static func plainCells(of spans: [Span]) -> Int? {
    var cells = 0
    for span in spans {
      guard let spanCells = DisplayWidth.cellsIfPlain(span.text) else { return nil }
      cells += spanCells
    }
    return cells
  }

  /// The same text in `style`: only the styles change, so the width is not measured again.
  func restyled(_ style: Style) -> ScreenLine {
    var line = self
    line.storedSpans = storedSpans.map { Span($0.text, style) }
    return line
  }

  /// Cells used by the spans (measured already when they are plain text).
  public var width: Int { plainCells ?? spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}

/// Text in one style.
public struct Span: Equatable, Sendable {
  public let text: String
  public let style: Style

  public init(_ text: String, _ style: Style = .normal) {
    self.text = text
    self.style = style
  }
}

/// Meanings, not colours: the adapter maps them to colours when the terminal has them and to
/// bold/reverse/underline when it does not (or when NO_COLOR is set).
public enum Style: Equatable, Sendable, CaseIterable {
  case normal
  /// The title bar.
  case title
  /// The question itself.
  case question
  /// Secondary text: help, units, hints.
  case dim
  /// The highlighted row of a list.
  case highlight
  /// An inline problem with the answer.
  case error
  /// Headings inside a screen (section names on the review screen).
  case heading
  /// The key hints at the bottom.
  case footer
  /// A text field being edited.
  case field
  /// Important notices (discuss first, "not a diagnosis").
  case notice
}
