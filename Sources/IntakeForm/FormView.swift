import IntakeCore

/// The smallest terminal the form lays itself out in.
public let minimumWidth = 40
public let minimumHeight = 12

extension FormState {
  /// What to show for the current state, laid out for the current size.
  public var screen: Screen {
    guard fits else { return tooSmallScreen }
    var frame = Frame(width: width, height: height)
    let title = titleInputs
    frame.place(chrome.title.flatMap { $0.inputs == title ? $0.line : nil } ?? titleLine, row: 0)
    switch mode {
    case .welcome(let welcome): layoutWelcome(welcome, &frame)
    case .opening: frame.status(text.opening)
    case .question(let question): layoutQuestion(question, &frame)
    case .review(let review): layoutReview(review, &frame)
    case .confirmFinish(let finish): layoutFinish(finish, &frame)
    case .finishing: frame.status(text.makingReport)
    case .report(let viewer): layoutViewer(viewer, &frame)
    case .done: break
    }
    switch overlay {
    case .message(let title, let body, let top)?:
      frame.panel(title: title, body: body, top: top, closing: text.anyKeyToClose)
    case .help(let top)?:
      frame.panel(
        title: text.whyWeAsk, body: helpText + "\n\n" + keysHelp, top: top,
        closing: text.anyKeyToClose)
    case .confirmQuit?:
      frame.box(title: text.quitTitle, body: quitBody, options: [text.quitYes, text.quitNo])
    case nil: break
    }
    return frame.finished()
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

  /// What the stop box says: that everything is saved only when it is.
  private var quitBody: String {
    let plan = leavingPlan
    // What would be lost comes first: on a small screen the box shortens its end.
    var paragraphs = plan.notKept.map { notKept in
      text.quitNotKept(
        question: questionnaire.item(notKept.itemID)?.question.text(in: language) ?? "",
        typed: notKept.text, problem: notKept.problem.message(in: language))
    }
    paragraphs.append(unsaved.isEmpty ? text.quitBody : text.quitBodyUnsaved(unsaved.count))
    // After a failed save, "is saved too" would promise what the disk may not allow.
    if plan.savesUnconfirmed {
      paragraphs.append(text.quitSavesUnconfirmed(failing: !unsaved.isEmpty))
    }
    return paragraphs.joined(separator: "\n\n")
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
      if case .unreadable = row, offset > 0, !welcome.rows[offset - 1].isUnreadable { body.blank() }
      body.choice(
        marker: offset == welcome.highlight ? "▸" : (row.isUnreadable ? "!" : " "), label: label,
        highlighted: offset == welcome.highlight)
    }
    var cursor: ScreenPosition?
    if let field = welcome.naming {
      body.blank()
      body.paragraph(text.nicknamePrompt, style: .question)
      cursor = body.field(field, prefix: "  > ", suffix: "")
    }
    if let problem = welcome.problem { frame.problem(problem) }
    frame.body(body, more: (text.moreAbove, text.moreBelow), cursor: cursor)
    frame.footer(
      welcome.naming == nil
        ? [text.keyChoose, "↑↓", text.keyHelpShort, text.keyLeave]
        : [text.keyNext, text.keyCancel])
  }

  // MARK: Question

  /// The layout of `question`: `previous` itself when it was made for this question, size and
  /// language; made from it when only the highlight moved on a list (an arrow key: two rows
  /// restyled, no text wrapped again); otherwise laid out afresh.
  func questionLayout(_ question: QuestionScreen, after previous: LaidOutQuestion?)
    -> QuestionLayout
  {
    guard let previous else { return questionLayout(question) }
    if previous.fits(question, width: width, height: height, language: language) {
      return previous.layout
    }
    var unmoved = question
    unmoved.highlight = previous.question.highlight
    unmoved.followsFocus = previous.question.followsFocus
    guard questionnaire.items[question.itemIndex].widget != .field,
      previous.fits(unmoved, width: width, height: height, language: language),
      let body = previous.layout.body.movingHighlight(
        from: previous.question.highlight, to: question.highlight)
    else { return questionLayout(question) }
    let layout = previous.layout
    return QuestionLayout(
      body: body, cursor: nil, rows: layout.rows, problemLines: layout.problemLines,
      questionStart: layout.questionStart)
  }

  /// The question's body and what the frame leaves for it, shared by the screen and by
  /// ``update(_:)``, which keeps the focus in view.
  func questionLayout(_ question: QuestionScreen) -> QuestionLayout {
    let item = questionnaire.items[question.itemIndex]
    var body = Body(width: width)
    if question.showsIntro, let intro = questionnaire.section(item.sectionID)?.intro {
      body.paragraph(intro.text(in: language), style: .dim)
      body.blank()
    }
    let questionStart = body.lines.count
    body.paragraph(item.question.text(in: language), style: .question)
    if let help = item.help { body.paragraph(help.text(in: language), style: .dim) }
    body.blank()

    let rows = item.rows(in: language)
    var cursor: ScreenPosition?
    for (offset, row) in rows.enumerated() {
      let highlighted = offset == question.highlight
      if row.isSpecial, offset > 0, !rows[offset - 1].isSpecial { body.blank() }
      let marked = question.chosen.contains(row.key)
      switch (item.widget, row.value) {
      case (.field, .field):
        let (prefix, suffix) = fieldDecoration(item)
        if case .text(_, multiline: true) = item.kind {
          // A longer text is read back whole as it is typed, over several lines.
          cursor = body.wrappedField(
            question.field, prefix: prefix, focused: highlighted, rows: max(2, (height - 8) / 2))
        } else {
          cursor = body.field(
            question.field, prefix: prefix, suffix: suffix, focused: highlighted,
            cells: fieldCells(item))
        }
        if let hint = fieldHint(item, question.field) { body.line([Span("    " + hint, .dim)]) }
      case (.multiple, _):
        body.choice(
          marker: marked ? "[x]" : "[ ]", shortcut: row.shortcut, label: row.label,
          highlighted: highlighted)
      default:
        body.choice(
          marker: marked ? "(•)" : "( )", shortcut: row.shortcut, label: row.label,
          highlighted: highlighted)
      }
    }
    let problems = questionProblems(question)
    let problemLines = Frame.problemLines(problems, width: width, height: height)
    return QuestionLayout(
      body: body, cursor: question.highlight == 0 ? cursor : nil,
      rows: Frame.bodyHeight(height: height, problemLines: problemLines.count),
      problemLines: problemLines, questionStart: questionStart)
  }

  /// What stands under a question: why the answer was not saved, or what is wrong with it.
  private func questionProblems(_ question: QuestionScreen) -> [String] {
    var lines: [String] = []
    if let failure = question.failure { lines.append("! " + text.couldNotSave(failure)) }
    if let problem = question.problem { lines.append("! " + problem.message(in: language)) }
    return lines
  }

  private func layoutQuestion(_ question: QuestionScreen, _ frame: inout Frame) {
    let inputs = questionInputs(question)
    let lines =
      chrome.question.flatMap {
        $0.inputs == inputs ? (progress: $0.progress, footer: $0.footer) : nil
      }
      ?? questionChrome(inputs)
    frame.place(lines.progress, row: 1)
    let layout = questionLayout(question, after: laidOut)
    frame.problemLines = layout.problemLines
    frame.body(
      layout.body, top: layout.top(keeping: question.top, followingFocus: question.followsFocus),
      more: (text.moreAbove, text.moreBelow),
      cursor: layout.cursor)
    frame.placeFooter(lines.footer)
  }

  /// The progress line and key footer of the question `inputs` names, cut to the screen.
  func questionChrome(_ inputs: FrameChrome.QuestionInputs) -> (
    progress: ScreenLine, footer: ScreenLine
  ) {
    let item = questionnaire.items[inputs.itemIndex]
    let progress = walk.progress(at: inputs.itemIndex, in: assessment)
    let sectionTitle = questionnaire.section(item.sectionID)?.title.text(in: language) ?? ""
    // On a narrow screen the numbers come first, so they are never cut off; on a wide one a
    // long part title is shortened (with "…") rather than the question's number cut.
    var progressText: String
    if width >= 60 {
      progressText = text.progress(
        part: progress.part, of: progress.parts, section: sectionTitle,
        position: progress.position, count: progress.sectionCount)
      let over =
        DisplayWidth.of(" " + progressText)
        - Frame.progressRoom(percent: progress.percent, width: width)
      if over > 0 {
        let shortened =
          DisplayWidth.prefix(
            of: sectionTitle, fitting: max(1, DisplayWidth.of(sectionTitle) - over - 1)) + "…"
        progressText = text.progress(
          part: progress.part, of: progress.parts, section: shortened,
          position: progress.position, count: progress.sectionCount)
      }
    } else {
      progressText = text.shortProgress(
        part: progress.part, of: progress.parts, section: sectionTitle,
        position: progress.position, count: progress.sectionCount)
    }
    let progressLine = Frame.progressLine(progressText, percent: progress.percent, width: width)

    let rows = choiceRows(of: inputs.itemIndex)
    var keys: [String] = []
    switch item.widget {
    case .single, .multiple:
      let shortcuts = rows.compactMap(\.shortcut).filter(\.isNumber)
      if let first = shortcuts.first, let last = shortcuts.last {
        keys.append(text.keyChooseRange(first, last, multiple: item.widget == .multiple))
      }
      keys.append(text.keyNext)
    case .field:
      keys.append(text.keyNext)
    }
    // Most needed first: what fits on a narrow line is what a parent cannot do without ("why
    // we ask" is also where every key is explained).
    keys += [text.keyBack]
    if !item.isRequired { keys.append(text.keySkip) }
    keys += [text.keyQuit, text.keyHelp, text.keyOverview]
    return (progressLine, Frame.footerLine(keys, width: width))
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
      let left = maxLength - field.count
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
    // Why finishing stopped, where it stays in view: the overview scrolls to the first open
    // required question, and a line above the list scrolled away with it.
    if review.showMissing, !assessment.missingRequired.isEmpty, review.problem == nil {
      frame.problem(text.missing(assessment.missingRequired.count))
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
    if let problem = review.problem { frame.problem(problem) }
    frame.body(body, more: (text.moreAbove, text.moreBelow), cursor: nil)
    frame.footer([text.keyEdit, text.keyReturn, text.keyQuit, "↑↓ PgUp PgDn", text.keyHelpShort])
  }

  // MARK: Finishing with questions open

  private func layoutFinish(_ finish: FinishScreen, _ frame: inout Frame) {
    frame.subtitle(text.finishTitle(finish.open.count))
    var body = Body(width: width)
    body.paragraph(
      finish.open.isEmpty ? text.finishNothingOpen : text.finishExplanation, style: .normal)
    if !finish.unknownSafety.isEmpty {
      body.paragraph(text.finishUnknownSafety(finish.unknownSafety.count), style: .notice)
    }
    let safetyCount = finish.open.prefix { questionnaire.item($0)?.isSafety == true }.count
    for (offset, itemID) in finish.open.enumerated() {
      if offset == 0 || offset == safetyCount {
        body.blank()
        body.line([
          Span(
            " " + (offset < safetyCount ? text.finishSafetyHeading : text.finishOtherHeading),
            .heading)
        ])
      }
      let question = questionnaire.item(itemID)?.question.text(in: language) ?? itemID
      body.choice(
        marker: " ", shortcut: offset < 9 ? Character(String(offset + 1)) : nil, label: question,
        highlighted: offset == finish.highlight)
    }
    body.blank()
    body.choice(
      marker: "▸",
      label: finish.open.isEmpty ? text.finish : text.finishAnyway(finish.open.count),
      highlighted: finish.highlight == finish.open.count)
    frame.body(body, more: (text.moreAbove, text.moreBelow), cursor: nil)
    let onFinish = finish.highlight == finish.open.count
    frame.footer([
      onFinish ? text.keyFinish : text.keyAnswerIt, text.keyReturn, text.keyQuit,
      text.keyHelpShort,
    ])
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
    if let notice { frame.problem(notice, style: .notice) }
    frame.body(body, top: 0, more: (text.moreAbove, text.moreBelow), cursor: nil)
    // How to leave comes before printing: at 40 columns the footer holds three of the four.
    var keys = [text.keyScroll]
    if viewer.finished.files.toOpen != nil { keys.append(text.keyOpen) }
    keys.append(text.keyClose)
    if viewer.finished.files.toPrint != nil { keys.append(text.keyPrint) }
    frame.footer(keys)
  }
}

extension WelcomeRow {
  var isUnreadable: Bool {
    if case .unreadable = self { return true }
    return false
  }
}

/// A question's body, laid out, with the rows the screen has for it.
struct QuestionLayout: Equatable, Sendable {
  let body: Body
  let cursor: ScreenPosition?
  /// Body rows on screen.
  let rows: Int
  let problemLines: [ScreenLine]
  /// The body line the question itself starts on (after a section's introduction).
  let questionStart: Int

  /// Where a question opens: at the top, unless the section's introduction would push the
  /// question out of view; then at the question, the introduction a line above it.
  var openingTop: Int {
    guard questionStart > 0, body.lines.count > rows else { return 0 }
    let firstRow = body.focus?.upperBound ?? (cursor.map { $0.row + 1 } ?? body.lines.count)
    guard firstRow > rows - 1 else { return 0 }
    return min(questionStart - 1, body.lines.count - rows)
  }

  /// The first line to show: as close to `previous` as keeps the focus (the highlighted row, or
  /// the field) in view, so the question itself shows first and the view moves only as far as
  /// the parent does.
  func top(keeping previous: Int, followingFocus: Bool = true) -> Int {
    let total = body.lines.count
    guard total > rows else { return 0 }
    var top = min(max(0, previous), total - rows)
    guard followingFocus, let focus = cursor.map({ $0.row..<$0.row + 1 }) ?? body.focus else {
      return top
    }
    // The first and last rows become "more" marks when there is more that way.
    for _ in 0..<2 {
      let firstShown = top + (top > 0 ? 1 : 0)
      let lastShown = top + rows - (top + rows < total ? 1 : 0)
      if focus.lowerBound < firstShown {
        top = max(0, focus.lowerBound - (focus.lowerBound > 0 ? 1 : 0))
      } else if focus.upperBound > lastShown {
        top = min(total - rows, focus.upperBound - rows + (focus.upperBound < total ? 1 : 0))
      }
    }
    return top
  }
}

/// Lines of a screen's middle part, with the lines the parent's attention is on.
struct Body: Equatable, Sendable {
  let width: Int
  private(set) var lines: [ScreenLine] = []
  /// The lines to keep in view when the body is taller than the screen.
  private(set) var focus: Range<Int>?
  /// The lines of each list row, in the order they were added.
  private(set) var choiceLines: [Range<Int>] = []

  init(width: Int) { self.width = width }

  /// The body with the highlight moved from list row `from` to list row `to`: only their
  /// styles change, so nothing is wrapped again. `nil` when either is not a list row.
  func movingHighlight(from: Int, to: Int) -> Body? {
    guard choiceLines.indices.contains(from), choiceLines.indices.contains(to) else { return nil }
    var moved = self
    for (range, style) in [(choiceLines[from], Style.normal), (choiceLines[to], .highlight)] {
      for index in range {
        moved.lines[index] = lines[index].restyled(style)
      }
    }
    moved.focus = choiceLines[to]
    return moved
  }

  mutating func blank() { lines.append(ScreenLine()) }

  mutating func line(_ spans: [Span], fill: Style = .normal) {
    lines.append(ScreenLine(spans, fill: fill))
  }

  /// Wrapped text, one cell in from the left.
  mutating func paragraph(_ text: String, style: Style) {
    for line in TextWrap.wrap(SafeText.text(text), width: width - 2) {
      lines.append(ScreenLine([Span(" " + line, style)]))
    }
  }

  /// A list row: marker, shortcut key and a label wrapped with a hanging indent.
  mutating func choice(marker: String, shortcut: Character? = nil, label: String, highlighted: Bool)
  {
    let head = "  \(marker) " + (shortcut.map { "\($0)  " } ?? "")
    let indent = DisplayWidth.of(head)
    let wrapped = TextWrap.wrap(SafeText.text(label), width: max(8, width - indent - 1))
    let start = lines.count
    for (offset, part) in wrapped.enumerated() {
      let lead = offset == 0 ? head : String(repeating: " ", count: indent)
      let style: Style = highlighted ? .highlight : .normal
      lines.append(ScreenLine([Span(lead, style), Span(part + " ", style)]))
    }
    if highlighted { focus = start..<lines.count }
    choiceLines.append(start..<lines.count)
  }

  /// A review line: the question (shortened) and the answer.
  mutating func reviewItem(question: String, answer: String, marker: String, highlighted: Bool) {
    let start = lines.count
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
    if highlighted { focus = start..<lines.count }
  }

  /// A field for a longer text: wrapped over at most `rows` lines, scrolled so the cursor's line
  /// shows; returns the cursor place (body row, column).
  mutating func wrappedField(_ field: TextField, prefix: String, focused: Bool, rows: Int)
    -> ScreenPosition
  {
    let prefixWidth = DisplayWidth.of(prefix)
    let room = max(4, width - prefixWidth - 2)
    let wrapped = field.wrapped(cells: room)
    let shown = max(1, min(rows, wrapped.lines.count))
    let first = min(max(0, wrapped.cursorLine - shown + 1), wrapped.lines.count - shown)
    let start = lines.count
    let indent = String(repeating: " ", count: prefixWidth)
    for (offset, text) in wrapped.lines[first..<first + shown].enumerated() {
      let safe = SafeText.line(text)
      let padding = String(repeating: " ", count: max(0, room - DisplayWidth.of(safe)))
      lines.append(
        ScreenLine([
          Span(offset == 0 ? prefix : indent), Span(safe + padding, focused ? .field : .dim),
        ]))
    }
    if focused { focus = start..<lines.count }
    return ScreenPosition(
      row: start + wrapped.cursorLine - first, column: prefixWidth + wrapped.cursorColumn)
  }

  /// A text field: the text, scrolled so the cursor shows; returns the cursor place (body row,
  /// column). Only the characters around the cursor are measured, so a field holding a long
  /// pasted text costs what fits on the line, not its whole length.
  mutating func field(
    _ field: TextField, prefix: String, suffix: String, focused: Bool = true, cells: Int? = nil
  ) -> ScreenPosition {
    let prefixWidth = DisplayWidth.of(prefix)
    let room = min(cells ?? .max, max(4, width - prefixWidth - DisplayWidth.of(suffix) - 2))
    let window = field.window(cells: room)
    let shown = SafeText.line(window.text)
    let used = DisplayWidth.of(shown)
    let padding = String(repeating: " ", count: max(0, room - used))
    let row = lines.count
    lines.append(
      ScreenLine([Span(prefix), Span(shown + padding, focused ? .field : .dim), Span(suffix, .dim)])
    )
    if focused { focus = row..<row + 1 }
    return ScreenPosition(row: row, column: prefixWidth + window.cursorColumn)
  }

  static func shorten(_ text: String, to cells: Int) -> String {
    let single = SafeText.line(text)
    guard DisplayWidth.of(single) > cells else { return single }
    return DisplayWidth.prefix(of: single, fitting: max(1, cells - 1)) + "…"
  }
}

/// A full screen being put together: title bar, a subtitle or progress line, the body, the
/// problem lines and the key footer.
struct Frame {
  let width: Int
  let height: Int
  private var lines: [ScreenLine]
  private var cursor: ScreenPosition?
  /// What is wrong, or what to know, above the footer: wrapped, never cut.
  var problemLines: [ScreenLine] = []
  private var footerLine = ScreenLine(fill: .footer)

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
    // Not `Array(repeating:count:)`: the standard library makes that array's buffer in a
    // function that is not specialized, which looks the buffer's type up in the runtime's
    // metadata cache on every key (a tenth of the code a key ran in the form).
    lines = (0..<max(0, height)).map { _ in ScreenLine() }
  }

  /// Rows for the body: all but the title, the subtitle, the problem lines (at least one row is
  /// kept for them) and the footer.
  static func bodyHeight(height: Int, problemLines: Int) -> Int {
    height - 3 - max(1, problemLines)
  }

  var bodyHeight: Int { Self.bodyHeight(height: height, problemLines: problemLines.count) }

  /// `messages` wrapped to the screen, each line in `style`; at most half the screen, so the
  /// question stays in view (a longer message is cut with "…", which no real one needs).
  static func problemLines(_ messages: [String], width: Int, height: Int, style: Style = .error)
    -> [ScreenLine]
  {
    var lines = messages.flatMap { TextWrap.wrap(SafeText.text($0), width: width - 2) }
    // The whole reason, leaving the body three rows (a long one is cut with "…").
    let most = max(1, height - 6)
    if lines.count > most { lines = Array(lines.prefix(most - 1)) + ["…"] }
    return lines.map { ScreenLine([Span(" " + $0, style)]) }
  }

  /// Puts `line` on `row` (cut to the width when the screen is made; a line that fits, such as
  /// one kept between keys, is passed on as it is).
  mutating func place(_ line: ScreenLine, row: Int) {
    lines[row] = line
  }

  /// Puts `line` at the foot.
  mutating func placeFooter(_ line: ScreenLine) {
    footerLine = line
  }

  /// The title bar: `left` cut to leave room for `right`, cut to `width`.
  static func titleLine(left: String, right: String, width: Int) -> ScreenLine {
    let rightText = right.isEmpty ? "" : " \(SafeText.line(right)) "
    let whole = " " + SafeText.line(left)
    let room = width - DisplayWidth.of(rightText) - 1
    // A title cut short says so.
    let leftText =
      DisplayWidth.of(whole) <= room
      ? whole : DisplayWidth.prefix(of: whole, fitting: max(0, room - 1)) + "…"
    let gap = String(
      repeating: " ", count: max(0, width - DisplayWidth.of(leftText) - DisplayWidth.of(rightText)))
    return clip(ScreenLine([Span(leftText + gap + rightText, .title)], fill: .title), width: width)
  }

  mutating func subtitle(_ text: String) {
    place(
      ScreenLine([Span(" " + DisplayWidth.prefix(of: text, fitting: width - 2), .heading)]), row: 1)
  }

  /// The progress line: where the parent is, and the share answered, cut to `width`.
  static func progressLine(_ text: String, percent: Int, width: Int) -> ScreenLine {
    let right = progressRight(percent: percent, width: width)
    let left = DisplayWidth.prefix(of: " " + text, fitting: width - DisplayWidth.of(right) - 1)
    let gap = String(
      repeating: " ", count: max(1, width - DisplayWidth.of(left) - DisplayWidth.of(right)))
    return clip(ScreenLine([Span(left, .heading), Span(gap), Span(right, .dim)]), width: width)
  }

  /// The cells the progress line leaves for where the parent is.
  static func progressRoom(percent: Int, width: Int) -> Int {
    width - DisplayWidth.of(progressRight(percent: percent, width: width)) - 1
  }

  /// The bar and the percentage at the right of the progress line.
  private static func progressRight(percent: Int, width: Int) -> String {
    let barCells = width >= 60 ? 10 : 0
    let filled = barCells * percent / 100
    let bar =
      barCells > 0
      ? String(repeating: "█", count: filled) + String(repeating: "░", count: barCells - filled)
        + " " : ""
    return "\(bar)\(percent)% "
  }

  mutating func status(_ text: String) {
    place(ScreenLine([Span(" " + text, .dim)]), row: 3)
  }

  mutating func problem(_ text: String, style: Style = .error) {
    problemLines = Self.problemLines([text], width: width, height: height, style: style)
  }

  mutating func footer(_ keys: [String]) {
    footerLine = Self.footerLine(keys, width: width)
  }

  /// The keys that fit on the footer line, most needed first.
  static func footerLine(_ keys: [String], width: Int) -> ScreenLine {
    var text = ""
    var cells = 0
    for key in keys {
      let separator = text.isEmpty ? " " : "  "
      let added = separator.utf8.count + DisplayWidth.of(key)
      if cells + added > width - 1 { break }
      text += separator + key
      cells += added
    }
    return clip(ScreenLine([Span(text, .footer)], fill: .footer), width: width)
  }

  /// Places the body from line `top` on (`nil`: scrolled so its focus sits a third of the way
  /// down), with "more" marks where there is more above or below.
  mutating func body(
    _ body: Body, top: Int? = nil, more: (above: String, below: String),
    cursor bodyCursor: ScreenPosition?
  ) {
    let rows = bodyHeight
    var shown = body.lines
    var offset = 0
    if body.lines.count > rows {
      if let top {
        offset = min(max(0, top), body.lines.count - rows)
      } else {
        let focus = bodyCursor?.row ?? body.focus?.lowerBound ?? 0
        // The focus sits a third of the way down, so what comes after it (a wrapped label, an
        // answer under its question) shows too.
        offset = min(max(0, focus - rows / 3), body.lines.count - rows)
      }
      shown = Array(body.lines[offset..<offset + rows])
      if offset > 0 { shown[0] = ScreenLine([Span("   " + more.above, .dim)]) }
      if offset + rows < body.lines.count {
        shown[rows - 1] = ScreenLine([Span("   " + more.below, .dim)])
      }
    }
    for (index, line) in shown.prefix(rows).enumerated() { place(line, row: 2 + index) }
    if let bodyCursor {
      let row = 2 + bodyCursor.row - offset
      if row >= 2 && row < 2 + rows {
        cursor = ScreenPosition(row: row, column: min(bodyCursor.column, width - 1))
      }
    }
  }

  /// A panel over the whole body: a title, text scrolled from `top`, and how to close it.
  mutating func panel(title: String, body: String, top: Int, closing: String) {
    let lines = TextWrap.wrap(SafeText.text(body), width: width - 4)
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
      place(line, row: 1 + index)
    }
    problemLines = []
    cursor = nil
  }

  /// A bordered box over the middle of the screen.
  /// A box in the middle of the screen: `options` (the keys that close it) on one line when they
  /// fit, else one a line, and never cut off: a box too tall for the screen shortens its body.
  mutating func box(title: String, body: String, options: [String]) {
    // The box is what the parent answers now: the lines under the question (why a save failed)
    // would cover its bottom at 40×12, and the box says what matters of them.
    problemLines = []
    let inner = width - 6
    var content: [ScreenLine] = []
    content.append(
      ScreenLine([Span(" ┌" + String(repeating: "─", count: inner + 2) + "┐", .notice)]))
    func row(_ text: String, _ style: Style) -> ScreenLine {
      let pad = String(repeating: " ", count: max(0, inner - DisplayWidth.of(text)))
      return ScreenLine([Span(" │ ", .notice), Span(text + pad, style), Span(" │", .notice)])
    }
    func add(_ text: String, _ style: Style) { content.append(row(text, style)) }
    let together = options.joined(separator: "    ")
    let closing =
      DisplayWidth.of(together) <= inner
      ? [together] : options.flatMap { TextWrap.wrap($0, width: inner) }
    let bodyLines = TextWrap.wrap(body, width: inner)
    // The empty lines around the body go first when the screen is short.
    let spaced = 5 + bodyLines.count + closing.count <= height - 3
    add(DisplayWidth.prefix(of: title, fitting: inner), .heading)
    if spaced { add("", .normal) }
    for line in bodyLines { add(line, .normal) }
    if spaced { add("", .normal) }
    let bodyEnd = content.count
    for line in closing { add(line, .dim) }
    content.append(
      ScreenLine([Span(" └" + String(repeating: "─", count: inner + 2) + "┘", .notice)]))
    let available = height - 3
    if content.count > available {
      // Too tall: the body is shortened, and says so; the keys stay whole.
      let tail = content.count - bodyEnd
      let kept = max(2, available - tail)
      content = Array(content.prefix(kept - 1)) + [row("…", .normal)] + Array(content.suffix(tail))
    }
    let top = max(1, (height - content.count) / 2)
    for (index, line) in content.enumerated() where top + index < height - 1 {
      place(line, row: top + index)
    }
    cursor = nil
  }

  /// The screen, the frame used up: its lines become the screen's without being copied (a copy
  /// and a second array a key, when this was a property of a frame that lived on).
  consuming func finished() -> Screen {
    var all = lines
    lines = []
    let problems = problemLines.isEmpty ? [ScreenLine()] : problemLines
    let first = height - 1 - problems.count
    for (index, line) in problems.enumerated() where first + index >= 1 {
      all[first + index] = line
    }
    all[height - 1] = footerLine
    for row in all.indices { all[row] = Self.clip(all[row], width: width) }
    return Screen(width: width, height: height, lines: all, cursor: cursor)
  }

  /// Cuts a line to the screen width, so no line can spill onto the next row; a control
  /// character that slipped into a text is shown, never sent to the terminal.
  static func clip(_ line: ScreenLine, width: Int) -> ScreenLine {
    // Nearly every line is plain text that fits: returned as it is, sharing its spans, so no
    // line is copied (and the last screen's copy freed) on every key.
    if let cells = line.plainCells, cells <= width { return line }
    var used = 0
    var spans: [Span] = []
    for span in line.spans {
      let room = width - used
      if room <= 0 { break }
      // Nearly every span is plain text that fits: kept as it is, measured once.
      if let cells = DisplayWidth.cellsIfPlain(span.text), cells <= room {
        used += cells
        spans.append(span)
        continue
      }
      let text = DisplayWidth.prefix(of: SafeText.line(span.text), fitting: room)
      used += DisplayWidth.of(text)
      spans.append(Span(text, span.style))
    }
    return ScreenLine(spans, fill: line.fill)
  }
}
