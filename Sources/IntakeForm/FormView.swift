import IntakeCore

/// The smallest terminal the form lays itself out in.
public let minimumWidth = 40
public let minimumHeight = 12

extension FormState {
  /// What to show for the current state, laid out for the current size.
  public var screen: Screen {
    guard width >= minimumWidth, height >= minimumHeight else { return tooSmallScreen }
    var frame = Frame(width: width, height: height)
    frame.title(
      left: "intake · \(questionnaire.title.text(in: language))", right: profile ?? "")
    switch mode {
    case .welcome(let welcome): layoutWelcome(welcome, &frame)
    case .opening: frame.status(text.opening)
    case .question(let question): layoutQuestion(question, &frame)
    case .review(let review): layoutReview(review, &frame)
    case .finishing: frame.status(text.makingReport)
    case .report(let viewer): layoutViewer(viewer, &frame)
    case .done: break
    }
    if let notice { frame.problem(notice) }
    switch overlay {
    case .message(let title, let body, let top)?:
      frame.panel(title: title, body: body, top: top, closing: text.anyKeyToClose)
    case .help(let top)?:
      frame.panel(
        title: text.whyWeAsk, body: helpText + "\n\n" + keysHelp, top: top,
        closing: text.anyKeyToClose)
    case .confirmQuit?:
      frame.box(
        title: text.quitTitle, body: text.quitBody, closing: "\(text.quitYes)    \(text.quitNo)")
    case nil: break
    }
    return frame.screen
  }

  private var tooSmallScreen: Screen {
    let lines = [
      text.tooSmall, text.needAtLeast(minimumWidth, minimumHeight), "(\(width)×\(height))",
    ]
    var rows: [ScreenLine] = []
    for row in 0..<max(0, height) {
      let index = row - max(0, height / 2 - 1)
      let line =
        lines.indices.contains(index) ? DisplayWidth.prefix(of: lines[index], fitting: width) : ""
      rows.append(ScreenLine([Span(line, index == 0 ? .notice : .normal)]))
    }
    return Screen(width: width, height: height, lines: rows, cursor: nil)
  }

  /// Every key, for the help panel (the footer shows only what fits).
  private var keysHelp: String {
    text.keysTitle + "\n" + text.keyList.joined(separator: "\n")
  }

  /// The "why we ask" text for the current screen: the section's reason and the item's help.
  var helpText: String {
    guard case .question(let question) = mode else { return text.whatItIs }
    let item = questionnaire.items[question.itemIndex]
    let section = questionnaire.section(item.sectionID)
    let parts = [section?.why?.text(in: language), item.help?.text(in: language)].compactMap { $0 }
    return parts.isEmpty ? text.noHelp : parts.joined(separator: "\n\n")
  }

  // MARK: Welcome

  private func layoutWelcome(_ welcome: WelcomeScreen, _ frame: inout Frame) {
    frame.subtitle(text.welcomeTitle)
    var body = Body(width: width)
    // The questionnaire's own introduction speaks to the parent best; intake's words stand in
    // for a questionnaire without one.
    if let description = questionnaire.description {
      body.paragraph(description.text(in: language), style: .normal)
    } else {
      body.paragraph(text.whatItIs, style: .normal)
      body.paragraph(text.privacy, style: .dim)
    }
    body.blank()
    for (offset, row) in welcome.rows.enumerated() {
      let label = row.label(in: language)
      body.choice(
        marker: offset == welcome.highlight ? "▸" : " ", label: label,
        highlighted: offset == welcome.highlight)
    }
    var cursor: ScreenPosition?
    if let field = welcome.naming {
      body.blank()
      body.paragraph(text.nicknamePrompt, style: .question)
      cursor = body.field(field, prefix: "  > ", suffix: "")
      if let problem = welcome.problem { frame.problem(problem) }
    }
    frame.body(body, more: (text.moreAbove, text.moreBelow), cursor: cursor)
    frame.footer(
      welcome.naming == nil
        ? [text.keyChoose, "↑↓", text.keyHelpShort, text.keyLeave]
        : [text.keyNext, text.keyCancel])
  }

  // MARK: Question

  private func layoutQuestion(_ question: QuestionScreen, _ frame: inout Frame) {
    let item = questionnaire.items[question.itemIndex]
    let progress = walk.progress(at: question.itemIndex, in: assessment)
    let sectionTitle = questionnaire.section(item.sectionID)?.title.text(in: language) ?? ""
    frame.progress(
      text.progress(
        section: sectionTitle, position: progress.position, count: progress.sectionCount),
      percent: progress.percent)

    var body = Body(width: width)
    if progress.position == 1, let intro = questionnaire.section(item.sectionID)?.intro {
      body.paragraph(intro.text(in: language), style: .dim)
      body.blank()
    }
    body.paragraph(item.question.text(in: language), style: .question)
    if let help = item.help { body.paragraph(help.text(in: language), style: .dim) }
    body.blank()

    let rows = item.rows(in: language)
    let answer = answers[item.id]
    var cursor: ScreenPosition?
    for (offset, row) in rows.enumerated() {
      let highlighted = offset == question.highlight
      if row.isSpecial, offset > 0, !rows[offset - 1].isSpecial { body.blank() }
      switch (item.widget, row.value) {
      case (.field, .field):
        let (prefix, suffix) = fieldDecoration(item)
        cursor = body.field(
          question.field, prefix: prefix, suffix: suffix, focused: highlighted,
          cells: fieldCells(item))
        if let hint = fieldHint(item, question.field) { body.line([Span("    " + hint, .dim)]) }
      case (.multiple, _):
        let ticked = question.chosen.contains(row.key)
        body.choice(
          marker: ticked ? "[x]" : "[ ]", shortcut: row.shortcut, label: row.label,
          highlighted: highlighted)
      default:
        let chosen = row.value.matches(answer)
        body.choice(
          marker: chosen ? "(•)" : "( )", shortcut: row.shortcut, label: row.label,
          highlighted: highlighted)
      }
    }
    if let problem = question.problem { frame.problem("! " + problem.message(in: language)) }
    frame.body(
      body, more: (text.moreAbove, text.moreBelow), cursor: question.highlight == 0 ? cursor : nil)

    var keys: [String]
    switch item.widget {
    case .multiple: keys = [text.keyToggle, text.keyDone]
    default: keys = [text.keyNext]
    }
    // Most needed first: what fits on a narrow line is what a parent cannot do without ("why
    // we ask" is also where every key is explained).
    keys += [text.keyBack, text.keyQuit, text.keyHelp]
    if !item.isRequired && item.widget != .multiple { keys.append(text.keySkip) }
    keys.append(text.keyOverview)
    frame.footer(keys)
  }

  /// How wide a field is drawn: numbers and dates need little room; text takes the line.
  private func fieldCells(_ item: Item) -> Int? {
    switch item.kind {
    case .integer, .decimal: 12
    case .date: 12
    default: nil
    }
  }

  /// What stands before and after a field: the prompt and the unit.
  private func fieldDecoration(_ item: Item) -> (String, String) {
    switch item.kind {
    case .integer(let range), .decimal(let range, _):
      return ("  > ", range.unit.map { " " + $0.text(in: language) } ?? "")
    case .date: return ("  > ", "  (\(text.dateFormat))")
    default: return ("  > ", "")
    }
  }

  /// A line under a field: the allowed range, the date as understood, or characters left.
  private func fieldHint(_ item: Item, _ field: TextField) -> String? {
    switch item.kind {
    case .integer(let range), .decimal(let range, _):
      guard let low = range.min, let high = range.max else { return nil }
      return text.between(
        NumberText.format(low, in: language), NumberText.format(high, in: language))
    case .date:
      return DateText.parse(field.text).map { DateText.format($0, in: language) }
    case .text(let maxLength, _):
      let left = maxLength - field.characters.count
      return left <= max(10, maxLength / 5) ? text.charactersLeft(left) : nil
    default:
      return nil
    }
  }

  // MARK: Review

  private func layoutReview(_ review: ReviewScreen, _ frame: inout Frame) {
    let rows = reviewRows()
    let selection = review.selection(in: rows)
    frame.subtitle(text.reviewTitle)
    var body = Body(width: width)
    body.paragraph(text.reviewHint, style: .dim)
    if review.showMissing, !assessment.missingRequired.isEmpty {
      body.paragraph(text.missing(assessment.missingRequired.count), style: .error)
    }
    for (offset, row) in rows.enumerated() {
      let highlighted = offset == selection
      switch row {
      case .heading(let title):
        body.blank()
        body.line([Span(" " + title, .heading)])
      case .item(_, let question, let answer, let missing):
        body.reviewItem(
          question: question, answer: answer, marker: missing && review.showMissing ? "!" : " ",
          highlighted: highlighted)
      case .finish:
        body.blank()
        body.choice(marker: "▸", label: text.finish, highlighted: highlighted)
      }
    }
    frame.body(body, more: (text.moreAbove, text.moreBelow), cursor: nil)
    frame.footer([text.keyEdit, text.keyQuit, "↑↓ PgUp PgDn", text.keyHelpShort])
  }

  // MARK: Report

  private func layoutViewer(_ viewer: ReportViewer, _ frame: inout Frame) {
    frame.subtitle(text.reportTitle)
    var body = Body(width: width)
    for (offset, line) in viewer.lines.dropFirst(viewer.top).prefix(viewer.rows).enumerated() {
      body.line([Span(" " + line, viewer.top + offset < viewer.leadingLocation ? .notice : .normal)]
      )
    }
    if !viewer.pinnedLocation.isEmpty {
      while body.lines.count < viewer.rows { body.blank() }
      for line in viewer.pinnedLocation { body.line([Span(" " + line, .notice)]) }
    }
    frame.body(body, more: (text.moreAbove, text.moreBelow), cursor: nil)
    frame.footer([text.keyScroll, "Home End", text.keyClose])
  }

}

/// Lines of a screen's middle part, with the line the parent's attention is on.
struct Body {
  let width: Int
  private(set) var lines: [ScreenLine] = []
  /// The line to keep in view when the body is taller than the screen.
  private(set) var focus: Int?

  init(width: Int) { self.width = width }

  mutating func blank() { lines.append(ScreenLine()) }

  mutating func line(_ spans: [Span], fill: Style = .normal) {
    lines.append(ScreenLine(spans, fill: fill))
  }

  /// Wrapped text, one cell in from the left.
  mutating func paragraph(_ text: String, style: Style) {
    for line in TextWrap.wrap(text, width: width - 2) {
      lines.append(ScreenLine([Span(" " + line, style)]))
    }
  }

  /// A list row: marker, shortcut key and a label wrapped with a hanging indent.
  mutating func choice(marker: String, shortcut: Character? = nil, label: String, highlighted: Bool)
  {
    let head = "  \(marker) " + (shortcut.map { "\($0)  " } ?? "")
    let indent = DisplayWidth.of(head)
    let wrapped = TextWrap.wrap(label, width: max(8, width - indent - 1))
    if highlighted { focus = lines.count }
    for (offset, part) in wrapped.enumerated() {
      let lead = offset == 0 ? head : String(repeating: " ", count: indent)
      let style: Style = highlighted ? .highlight : .normal
      lines.append(ScreenLine([Span(lead, style), Span(part + " ", style)]))
    }
  }

  /// A review line: the question (shortened) and the answer.
  mutating func reviewItem(question: String, answer: String, marker: String, highlighted: Bool) {
    if highlighted { focus = lines.count }
    let style: Style = highlighted ? .highlight : .normal
    let answerStyle: Style = highlighted ? .highlight : (marker == "!" ? .error : .dim)
    if width >= 60 {
      let questionCells = (width - 6) * 3 / 5
      let shortened = Self.shorten(question, to: questionCells)
      let pad = String(
        repeating: " ", count: max(1, questionCells - DisplayWidth.of(shortened) + 1))
      let answerText = Self.shorten(answer, to: width - 6 - questionCells - 1)
      lines.append(
        ScreenLine([
          Span("  \(marker) " + shortened + pad, style), Span(answerText + " ", answerStyle),
        ]))
    } else {
      lines.append(
        ScreenLine([Span("  \(marker) " + Self.shorten(question, to: width - 5), style)]))
      lines.append(ScreenLine([Span("      " + Self.shorten(answer, to: width - 7), answerStyle)]))
    }
  }

  /// A text field: the text, wrapped or scrolled so the cursor shows; returns the cursor place
  /// (body row, column).
  mutating func field(
    _ field: TextField, prefix: String, suffix: String, focused: Bool = true, cells: Int? = nil
  ) -> ScreenPosition {
    if focused { focus = lines.count }
    let prefixWidth = DisplayWidth.of(prefix)
    let room = min(cells ?? .max, max(4, width - prefixWidth - DisplayWidth.of(suffix) - 2))
    // Scroll horizontally so the cursor stays inside the visible part of the field.
    var start = 0
    while DisplayWidth.of(String(field.characters[start..<field.cursor])) >= room { start += 1 }
    var shown = ""
    var used = 0
    for character in field.characters[start...] {
      let cells = DisplayWidth.of(character)
      if used + cells > room { break }
      shown.append(character)
      used += cells
    }
    let column = prefixWidth + DisplayWidth.of(String(field.characters[start..<field.cursor]))
    let padding = String(repeating: " ", count: max(0, room - used))
    let row = lines.count
    lines.append(
      ScreenLine([Span(prefix), Span(shown + padding, focused ? .field : .dim), Span(suffix, .dim)])
    )
    return ScreenPosition(row: row, column: column)
  }

  static func shorten(_ text: String, to cells: Int) -> String {
    let single = text.replacingOccurrences(of: "\n", with: " ")
    guard DisplayWidth.of(single) > cells else { return single }
    return DisplayWidth.prefix(of: single, fitting: max(1, cells - 1)) + "…"
  }
}

/// A full screen being put together: title bar, a subtitle or progress line, the body, a
/// problem line and the key footer.
struct Frame {
  let width: Int
  let height: Int
  private var lines: [ScreenLine]
  private var cursor: ScreenPosition?
  private var problemLine: ScreenLine?
  private var footerLine = ScreenLine(fill: .footer)

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
    lines = Array(repeating: ScreenLine(), count: height)
  }

  /// Rows for the body: all but the title, the subtitle, the problem line and the footer.
  var bodyHeight: Int { height - 4 }

  mutating func title(left: String, right: String) {
    let rightText = right.isEmpty ? "" : " \(right) "
    let leftText = DisplayWidth.prefix(
      of: " " + left, fitting: width - DisplayWidth.of(rightText) - 1)
    let gap = String(
      repeating: " ", count: max(0, width - DisplayWidth.of(leftText) - DisplayWidth.of(rightText)))
    lines[0] = ScreenLine([Span(leftText + gap + rightText, .title)], fill: .title)
  }

  mutating func subtitle(_ text: String) {
    lines[1] = ScreenLine([Span(" " + DisplayWidth.prefix(of: text, fitting: width - 2), .heading)])
  }

  mutating func progress(_ text: String, percent: Int) {
    let barCells = width >= 60 ? 10 : 0
    let filled = barCells * percent / 100
    let bar =
      barCells > 0
      ? String(repeating: "█", count: filled) + String(repeating: "░", count: barCells - filled)
        + " " : ""
    let right = "\(bar)\(percent)% "
    let left = DisplayWidth.prefix(of: " " + text, fitting: width - DisplayWidth.of(right) - 1)
    let gap = String(
      repeating: " ", count: max(1, width - DisplayWidth.of(left) - DisplayWidth.of(right)))
    lines[1] = ScreenLine([Span(left, .heading), Span(gap), Span(right, .dim)])
  }

  mutating func status(_ text: String) {
    lines[3] = ScreenLine([Span(" " + text, .dim)])
  }

  mutating func problem(_ text: String, style: Style = .error) {
    problemLine = ScreenLine([Span(" " + DisplayWidth.prefix(of: text, fitting: width - 2), style)])
  }

  mutating func footer(_ keys: [String]) {
    var text = ""
    for key in keys {
      let next = text.isEmpty ? " " + key : text + "  " + key
      if DisplayWidth.of(next) > width - 1 { break }
      text = next
    }
    footerLine = ScreenLine([Span(text, .footer)], fill: .footer)
  }

  /// Places the body, scrolled so its focus (and the cursor) is in view, with "more" marks.
  mutating func body(
    _ body: Body, more: (above: String, below: String), cursor bodyCursor: ScreenPosition?
  ) {
    let rows = bodyHeight
    var shown = body.lines
    var offset = 0
    if body.lines.count > rows {
      let focus = bodyCursor?.row ?? body.focus ?? 0
      // The focus sits a third of the way down, so what comes after it (a wrapped label, an
      // answer under its question) shows too; the first and last rows become "more" marks.
      offset = min(max(0, focus - rows / 3), body.lines.count - rows)
      shown = Array(body.lines[offset..<offset + rows])
      if offset > 0 { shown[0] = ScreenLine([Span("   " + more.above, .dim)]) }
      if offset + rows < body.lines.count {
        shown[rows - 1] = ScreenLine([Span("   " + more.below, .dim)])
      }
    }
    for (index, line) in shown.prefix(rows).enumerated() { lines[2 + index] = line }
    if let bodyCursor {
      let row = 2 + bodyCursor.row - offset
      if row >= 2 && row < 2 + rows {
        cursor = ScreenPosition(row: row, column: min(bodyCursor.column, width - 1))
      }
    }
  }

  /// A panel over the whole body: a title, text scrolled from `top`, and how to close it.
  mutating func panel(title: String, body: String, top: Int, closing: String) {
    let lines = TextWrap.wrap(body, width: width - 4)
    let rows = height - 5
    let start = min(max(0, top), max(0, lines.count - rows))
    var content = [ScreenLine([Span(" " + title, .heading)], fill: .normal)]
    for line in lines.dropFirst(start).prefix(rows) {
      content.append(ScreenLine([Span("  " + line)]))
    }
    while content.count < rows + 1 { content.append(ScreenLine()) }
    let more = start + rows < lines.count ? "↓  " : (start > 0 ? "↑  " : "")
    content.append(ScreenLine([Span(" " + more + closing, .dim)]))
    for (index, line) in content.enumerated() where 1 + index < height - 1 {
      self.lines[1 + index] = line
    }
    problemLine = nil
    cursor = nil
  }

  /// A bordered box over the middle of the screen.
  mutating func box(title: String, body: String, closing: String) {
    let inner = width - 6
    var content: [ScreenLine] = []
    content.append(
      ScreenLine([Span(" ┌" + String(repeating: "─", count: inner + 2) + "┐", .notice)]))
    func add(_ text: String, _ style: Style) {
      let pad = String(repeating: " ", count: max(0, inner - DisplayWidth.of(text)))
      content.append(
        ScreenLine([Span(" │ ", .notice), Span(text + pad, style), Span(" │", .notice)]))
    }
    add(DisplayWidth.prefix(of: title, fitting: inner), .heading)
    add("", .normal)
    for line in TextWrap.wrap(body, width: inner) { add(line, .normal) }
    add("", .normal)
    for line in TextWrap.wrap(closing, width: inner) { add(line, .dim) }
    content.append(
      ScreenLine([Span(" └" + String(repeating: "─", count: inner + 2) + "┘", .notice)]))
    let available = height - 3
    if content.count > available {
      // Too tall: keep the top and the closing lines.
      content = Array(content.prefix(available - 2)) + Array(content.suffix(2))
    }
    let top = max(1, (height - content.count) / 2)
    for (index, line) in content.enumerated() where top + index < height - 1 {
      lines[top + index] = line
    }
    cursor = nil
  }

  var screen: Screen {
    var all = lines
    if let problemLine { all[height - 2] = problemLine }
    all[height - 1] = footerLine
    return Screen(width: width, height: height, lines: all.map { clip($0) }, cursor: cursor)
  }

  /// Cuts a line to the screen width, so no line can spill onto the next row.
  private func clip(_ line: ScreenLine) -> ScreenLine {
    var used = 0
    var spans: [Span] = []
    for span in line.spans {
      let room = width - used
      if room <= 0 { break }
      let text = DisplayWidth.prefix(of: span.text, fitting: room)
      used += DisplayWidth.of(text)
      spans.append(Span(text, span.style))
    }
    return ScreenLine(spans, fill: line.fill)
  }
}
