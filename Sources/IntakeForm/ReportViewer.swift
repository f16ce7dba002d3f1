import IntakeCore

/// The finished report, laid out for the terminal when it arrives and after a resize (not on
/// every key), and scrolled; it can be opened in the desktop's viewer and printed from here.
public struct ReportViewer: Equatable, Sendable {
  public let finished: FinishedAssessment
  /// The report's lines at the current width; on a small screen, where it was saved comes first.
  private(set) var lines: [String] = []
  /// How many of `lines` are the saved-where lines at their head.
  private(set) var leadingLocation = 0
  /// Where it was saved, kept in view below the report when the screen has room.
  private(set) var pinnedLocation: [String] = []
  /// Report lines that fit on screen.
  private(set) var rows = 1
  /// The first line shown.
  public internal(set) var top = 0

  init(finished: FinishedAssessment) {
    self.finished = finished
  }

  public var document: ReportDocument { finished.document }

  /// The highest useful `top`: the end of the report on the last screen.
  var lastTop: Int { max(0, lines.count - rows) }

  mutating func layOut(width: Int, height: Int, text: FormText) {
    let report = TextReportRenderer(width: max(1, width - 2)).render(document)
    let reportLines = report.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    let saved =
      text.reportSaved(finished.files) + (finished.pdfProblem.map { [text.noPDF($0)] } ?? [])
    let location = saved.flatMap {
      TextWrap.wrap($0, width: max(1, width - 2))
    }
    // Where the report was saved stays in view when there is room; on a small screen it comes
    // first in the text instead, so the report itself keeps the space.
    let bodyHeight = height - 4
    let pinned = bodyHeight - location.count >= 10
    lines = pinned ? reportLines : location + [""] + reportLines
    leadingLocation = pinned ? 0 : location.count
    pinnedLocation = pinned ? location : []
    rows = max(1, bodyHeight - pinnedLocation.count)
    top = min(top, lastTop)
  }
}

extension FormState {
  mutating func viewerKey(_ viewer: inout ReportViewer, _ key: FormKey) -> Step {
    switch key {
    case .up: viewer.top -= 1
    case .down: viewer.top += 1
    case .pageUp: viewer.top -= viewer.rows
    case .pageDown, .character(" "): viewer.top += viewer.rows
    case .home: viewer.top = 0
    case .end: viewer.top = viewer.lastTop
    case .character("o"), .character("O"):
      if let path = viewer.finished.files.toOpen { return .stay([.open(path: path)]) }
    case .character("p"), .character("P"):
      if let path = viewer.finished.files.toPrint { return .stay([.print(path: path)]) }
    case .help, .character("?"):
      overlay = .help(top: 0)
    case .escape, .enter, .character("q"), .character("Q"):
      return .go(.done, [.exit])
    default: break
    }
    viewer.top = min(max(0, viewer.top), viewer.lastTop)
    return .stay
  }
}
