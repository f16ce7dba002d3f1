import FoundationEssentials

/// The report as one self-contained HTML file: inline CSS laid out for A4 paper, no scripts,
/// nothing loaded from elsewhere (no fonts, images or style sheets: WeasyPrint would fetch any
/// URL it finds), every text escaped. Page one is the summary; the detail follows on page two.
public struct HTMLReportRenderer: Sendable {
  public init() {}

  public func render(_ document: ReportDocument) -> String {
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }
    var out = """
      <!DOCTYPE html>
      <html lang="\(escape(language.code))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(word(.title) + " — " + document.runningTitle))</title>
      <style>
      \(Self.style)
      \(Self.pageStyle(language))
      </style>
      </head>
      <body>

      """
    out += pageOne(document)
    out += "<main class=\"detail\">\n"
    out += detail(document)
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  // MARK: Page one

  private func pageOne(_ document: ReportDocument) -> String {
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }
    var out = "<section class=\"page-one\">\n<header>\n"
    // The child's name and the date beside the title: every later page repeats them at its top.
    out += "<h1>\(escape(word(.title))) <span class=\"running\">"
    out += "\(text(document.runningTitle))</span></h1>\n"
    out += "<table class=\"facts\">\n"
    // The short facts two to a row, the status and the questionnaire on rows of their own.
    let facts = document.headerFacts
    let short = facts.dropLast(2)
    for start in stride(from: short.startIndex, to: short.endIndex, by: 2) {
      out += "<tr>"
      for fact in short[start..<min(start + 2, short.endIndex)] {
        out += "<th scope=\"row\">\(text(fact.label))</th><td>\(text(fact.value))</td>"
      }
      out += "</tr>\n"
    }
    for fact in facts.suffix(2) {
      out += "<tr><th scope=\"row\">\(text(fact.label))</th>"
      out += "<td colspan=\"3\">\(text(fact.value))</td></tr>\n"
    }
    out += "</table>\n"
    out += "<p class=\"disclaimer-short\">\(text(document.disclaimerShort))</p>\n"
    if !document.header.notes.isEmpty {
      out += "<ul class=\"notes\">\n"
      for note in document.header.notes { out += "<li>\(text(note))</li>\n" }
      out += "</ul>\n"
    }
    out += "</header>\n"

    if !document.summary.lines.isEmpty {
      out += "<h2>\(escape(word(.atAGlanceHeading)))</h2>\n<table class=\"glance\">\n"
      for line in document.summary.lines {
        out += "<tr><th scope=\"row\">\(text(line.label))</th><td>\(text(line.text))"
        out += cites(line.sources, in: document)
        out += "</td></tr>\n"
      }
      out += "</table>\n"
    }

    out += "<h2>\(escape(word(.discussFirstHeading)))</h2>\n"
    if document.discussFirst.isEmpty {
      out += "<p class=\"none-first\">\(escape(document.nothingFirst))</p>\n"
    } else {
      out += "<ol class=\"first-list\">\n"
      for (offset, point) in document.discussFirst.enumerated() {
        out += "<li><a href=\"#first-\(offset + 1)\">\(text(point.what))</a></li>\n"
      }
      out += "</ol>\n"
    }
    let also = document.alsoDiscussed
    if !also.isEmpty {
      out += "<p class=\"also\"><strong>\(escape(word(.alsoDiscuss)))</strong> "
      out += also.map(text).joined(separator: "; ") + "</p>\n"
    }

    if let heading = document.changesHeading, let changes = document.changes {
      out += "<h2>\(escape(heading))</h2>\n"
      if changes.isEmpty {
        out += "<p>\(escape(word(.noChangedAnswers)))</p>\n"
      } else {
        out += changesTable(
          Array(changes.prefix(ReportDocument.pageOneChanges)), short: true, in: language)
        let more = changes.count - ReportDocument.pageOneChanges
        if more > 0 {
          out += "<p class=\"more\"><a href=\"#changes\">+\(more) "
          out += "\(escape(word(.moreChanges)))</a></p>\n"
        }
      }
    }

    if let questions = document.summary.parentQuestions {
      out += "<h2>\(escape(word(.ownQuestionsHeading)))</h2>\n"
      out += "<blockquote>\(text(questions.shownAnswer(in: language)))</blockquote>\n"
    }
    out += "<p class=\"next\">\(escape(word(.detailFollows)))</p>\n"
    return out + "</section>\n"
  }

  private func changesTable(
    _ changes: [ReportAnswerChange], short: Bool, in language: Language
  ) -> String {
    func word(_ text: ReportText) -> String { text.text(in: language) }
    var out = "<table class=\"changes\">\n<thead><tr><th scope=\"col\">"
    out += "\(escape(word(.question)))</th><th scope=\"col\">\(escape(word(.then)))</th>"
    out += "<th scope=\"col\">\(escape(word(.now)))</th></tr></thead>\n<tbody>\n"
    for change in changes {
      let number =
        short ? "" : change.number.map { "<span class=\"num\">\(escape($0))</span> " } ?? ""
      let then = short ? SafeText.quoted(change.then, limit: 60) : change.then
      let now = short ? SafeText.quoted(change.now, limit: 60) : change.now
      let safety = change.safety == nil ? "" : " class=\"safety\""
      out += "<tr\(safety)><th scope=\"row\">\(number)\(text(change.question))</th>"
      out += "<td>\(text(then))</td><td>\(text(now))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  // MARK: Detail

  private func detail(_ document: ReportDocument) -> String {
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }
    var out = "<p class=\"refs-note\">\(escape(word(.numbersReferToAppendix)))</p>\n"

    if !document.discussFirst.isEmpty {
      out += "<section class=\"discuss-first\">\n"
      out += "<h2>\(escape(word(.discussFirstHeading)))</h2>\n"
      for (offset, point) in document.discussFirst.enumerated() {
        out += self.point(point, level: 3, number: offset + 1, in: document)
      }
      out += "</section>\n"
    }

    if let heading = document.changesHeading, let comparison = document.comparison {
      out += "<section class=\"comparison\" id=\"changes\">\n<h2>\(escape(heading))</h2>\n"
      if !comparison.factors.isEmpty {
        out += "<table class=\"then-now\">\n<thead><tr><th scope=\"col\"></th>"
        out += "<th scope=\"col\">\(escape(word(.then)))</th>"
        out += "<th scope=\"col\">\(escape(word(.now)))</th></tr></thead>\n<tbody>\n"
        for change in comparison.factors {
          out += "<tr><th scope=\"row\">\(text(change.title))</th>"
          out += "<td>\(text(change.then.summary))</td><td>\(text(change.now.summary))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
      }
      let changes = document.changes ?? []
      if changes.isEmpty {
        out += "<p>\(escape(word(.noChangedAnswers)))</p>\n"
      } else {
        out += changesTable(changes, short: false, in: language)
      }
      out += "</section>\n"
    }

    if !document.factors.isEmpty {
      out += "<section class=\"factors\">\n<h2>\(escape(word(.factorsHeading)))</h2>\n"
      for factor in document.factors { out += self.factor(factor, in: document) }
      out += "</section>\n"
    }

    if !document.medicines.points.isEmpty {
      out += "<section class=\"medicines\">\n"
      out += "<h2>\(text(document.medicines.title ?? word(.medicinesHeading)))</h2>\n"
      for point in document.medicines.points { out += self.point(point, level: 3, in: document) }
      out += "</section>\n"
    }

    if !document.otherPoints.isEmpty {
      out += "<section class=\"other\">\n<h2>\(escape(word(.otherPointsHeading)))</h2>\n"
      for point in document.otherPoints { out += self.point(point, level: 3, in: document) }
      out += "</section>\n"
    }

    out += "<section class=\"evidence\">\n<h2>\(escape(word(.evidenceHeading)))</h2>\n"
    if document.evidence.isEmpty { out += "<p>\(escape(word(.noEvidencePoints)))</p>\n" }
    for (offset, point) in document.evidence.enumerated() {
      if offset == document.firstGeneralEvidence {
        out += "<p class=\"basis-note\">\(escape(word(.everyReportSection)))</p>\n"
      }
      out += self.point(point, level: 3, in: document)
    }
    out += "</section>\n"

    let ownWords = document.ownWords
    if !ownWords.isEmpty {
      out += "<section class=\"observations\">\n<h2>\(escape(word(.observationsHeading)))</h2>\n"
      for observation in ownWords {
        out += "<div class=\"observation\">\n"
        out += "<p class=\"question\">\(text(observation.numberedQuestion))</p>\n"
        out += "<blockquote>\(text(observation.shownAnswer(in: language)))</blockquote>\n"
        out += "</div>\n"
      }
      out += "</section>\n"
    }

    out += "<section class=\"answers\" id=\"answers\">\n<h2>\(escape(word(.answersHeading)))</h2>\n"
    out += "<div class=\"answer-columns\">\n"
    for section in document.appendix {
      out += "<h3>\(section.number). \(text(section.title))</h3>\n"
      for answer in section.answers {
        let state = answer.state.rawValue.replacingAll("_", with: "-")
        let number = answer.number.map { escape($0) } ?? ""
        out += "<p class=\"answer \(state)\" id=\"answer-\(number)\"><span class=\"num\">"
        out += "\(number)</span> \(text(answer.question)) "
        out += "<strong>\(text(document.appendixText(answer)))</strong></p>\n"
      }
    }
    out += "</div>\n</section>\n"

    if !document.sources.isEmpty {
      out += "<section class=\"sources\">\n<h2>\(escape(word(.sourcesHeading)))</h2>\n<ol>\n"
      for source in document.sources {
        // No space after the number: its box is as wide as the hanging indent, and a space
        // would push the first line one space past the lines under it.
        out += "<li id=\"source-\(source.number)\"><span class=\"number\">[\(source.number)]</span>"
        out += text(source.citation)
        if let url = source.url { out += " " + link(url) }
        out += "</li>\n"
      }
      out += "</ol>\n</section>\n"
    }

    out += "<section class=\"disclaimer\">\n<h2>\(escape(word(.disclaimerHeading)))</h2>\n"
    out += "<p>\(text(document.disclaimer))</p>\n</section>\n"
    return out
  }

  private func factor(_ factor: ReportFactor, in document: ReportDocument) -> String {
    let language = document.language
    var out = "<div class=\"factor\">\n"
    out += "<h3>\(text(factor.title))</h3>\n"
    if let score = factor.score {
      out +=
        "<p class=\"score\"><strong>\(escape(ReportText.scoreLabel.text(in: language)))</strong> "
      out += "\(text(score.display))"
      if let band = score.band { out += " — <strong>\(text(band.label))</strong>." }
      // The band's explanation runs on after the result it explains.
      if let bandText = score.band?.text { out += " \(text(bandText))" }
      out += "</p>\n"
    }
    out += "<p>\(text(factor.text))\(cites(factor.sources, in: document))"
    out += references(factor.basis, language: language) + "</p>\n"
    out += questions(factor.questions, in: language)
    for point in factor.points { out += self.point(point, level: 4, in: document) }
    return out + "</div>\n"
  }

  private func point(
    _ point: ReportPoint, level: Int, number: Int? = nil, in document: ReportDocument
  ) -> String {
    let language = document.language
    let kind = point.priority.rawValue.replacingAll("_", with: "-")
    let anchor = number.map { " id=\"first-\($0)\"" } ?? ""
    if point.priority == .goodToKnow, point.basis.isEmpty {
      // Background in every report: one paragraph, its title leading.
      var out = "<article class=\"point \(kind) brief\"\(anchor)>\n<p><strong>"
      out += "\(text(point.what)).</strong> \(text(point.why))\(cites(point.sources, in: document))"
      out += "</p>\n" + questions(point.questions, in: language)
      return out + "</article>\n"
    }
    var out = "<article class=\"point \(kind)\"\(anchor)>\n<h\(level)>"
    if let number { out += "\(number). " }
    out += text(point.what)
    if point.priority == .goodToKnow {
      out += " <span class=\"tag\">\(escape(ReportText.goodToKnow.text(in: language)))</span>"
    }
    out += "</h\(level)>\n"
    out += "<p>\(text(point.why))\(cites(point.sources, in: document))"
    out += references(point.basis, language: language) + "</p>\n"
    if point.saysEveryReport {
      out += "<p class=\"basis-note\">\(escape(ReportText.everyReport.text(in: language)))</p>\n"
    }
    let inline = point.inlineBasis
    if !inline.isEmpty {
      out += "<ul class=\"basis\">\n"
      for line in inline {
        out += "<li>\(text(line.label)) — <strong>\(text(line.value))</strong></li>\n"
      }
      out += "</ul>\n"
    }
    out += questions(point.questions, in: language)
    return out + "</article>\n"
  }

  /// " · Based on your answers: 3.1–3.3, 7.2", at the end of a paragraph.
  private func references(_ lines: [ReportBasis], language: Language) -> String {
    guard let numbers = lines.answerNumbers else { return "" }
    return " <span class=\"refs\">· \(escape(ReportText.basedOn.text(in: language))) "
      + "<a href=\"#answers\">\(escape(numbers))</a></span>"
  }

  /// The questions to ask: one on a line with its label, more as a list.
  private func questions(_ items: [String], in language: Language) -> String {
    guard !items.isEmpty else { return "" }
    if items.count == 1 {
      return "<p class=\"ask\"><strong>\(escape(ReportText.questionToAsk.text(in: language)))"
        + "</strong> \(text(items[0]))</p>\n"
    }
    var out = "<div class=\"ask\"><p class=\"label\">"
    out += "\(escape(ReportText.questionsToAsk.text(in: language)))</p>\n<ul>\n"
    for item in items { out += "<li>\(text(item))</li>\n" }
    return out + "</ul>\n</div>\n"
  }

  /// ` [1] [3]` after a text, linked to the sources.
  private func cites(_ ids: [String], in document: ReportDocument) -> String {
    let numbers = document.sourceNumbers(ids)
    guard !numbers.isEmpty else { return "" }
    return " <span class=\"cites\">"
      + numbers.map { "<a href=\"#source-\($0)\">[\($0)]</a>" }.joined(separator: " ")
      + "</span>"
  }

  /// A source's address as a link the reader may follow (http and https only; nothing is
  /// fetched when the page is shown or printed), else as text.
  private func link(_ url: String) -> String {
    let lower = url.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
      return "<span class=\"url\">\(text(url))</span>"
    }
    return "<a class=\"url\" href=\"\(escape(url))\">\(text(url))</a>"
  }

  /// Escaped text whose line breaks (a parent's own paragraphs) are kept.
  private func text(_ value: String) -> String {
    escape(value.replacingAll("\r\n", with: "\n"))
      .split(separator: "\n", omittingEmptySubsequences: false)
      .joined(separator: "<br>\n")
  }

  /// `& < > " '` as entities; a control character or a bidi override is shown as `<U+XXXX>`
  /// (``SafeText``) instead of being passed on.
  func escape(_ value: String) -> String {
    let safe = SafeText.text(value)
    var out = ""
    out.reserveCapacity(safe.utf8.count)
    for scalar in safe.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A text inside a CSS string.
  static func cssString(_ value: String) -> String {
    var out = "\""
    for scalar in SafeText.line(value).unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "<": out += "\\3C "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// What every printed page carries: the child's name and the date at the top (from page two;
  /// page one has them in its header), and "page N of M" at the bottom.
  static func pageStyle(_ language: Language) -> String {
    let page = cssString(ReportText.page.text(in: language) + " ")
    let of = cssString(" " + ReportText.pageOf.text(in: language) + " ")
    let title = cssString(ReportText.title.text(in: language))
    return """
      @page {
        @top-left { content: string(running); font-size: 8pt; color: #444; }
        @top-right { content: \(title); font-size: 8pt; color: #444; }
        @bottom-right { content: \(page) counter(page) \(of) counter(pages); font-size: 8pt;
          color: #444; }
      }
      @page :first { @top-left { content: none; } @top-right { content: none; } }
      """
  }

  /// Readable on screen, and on A4 paper: page one on a page of its own, small units kept whole,
  /// a heading kept with what follows it, a long word wrapped instead of running off. Only what
  /// WeasyPrint understands (no grid).
  static let style = """
    @page { size: A4; margin: 14mm 13mm 13mm 13mm; }
    html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
      font-size: 8.6pt; line-height: 1.24; color: #111; background: #fff; }
    body { max-width: 48em; margin: 1.5em auto; padding: 0 1em; }
    h1 { font-size: 17pt; margin: 0 0 .1em; }
    h2 { font-size: 12pt; margin: .8em 0 .3em; padding-bottom: .1em;
      border-bottom: 1.2px solid #555; break-after: avoid; page-break-after: avoid; }
    h3 { font-size: 10pt; margin: .55em 0 .15em; break-after: avoid; page-break-after: avoid; }
    h4 { font-size: 9.5pt; margin: .5em 0 .15em; break-after: avoid; page-break-after: avoid; }
    p { margin: .2em 0; orphans: 2; widows: 2; }
    ul, ol { margin: .15em 0 .3em; padding-left: 1.3em; }
    p, li, td, th, blockquote, h1, h2, h3, h4 { overflow-wrap: anywhere; }
    .running { string-set: running content(); font-size: 10pt; font-weight: normal; color: #333;
      margin-left: .6em; white-space: nowrap; }
    table { border-collapse: collapse; width: 100%; margin: .2em 0 .4em; }
    th, td { text-align: left; vertical-align: top; padding: .15em .5em .15em 0;
      border-bottom: .5px solid #bbb; }
    th { font-weight: normal; }
    .glance th { font-weight: bold; width: 27%; }
    .facts th { font-weight: bold; width: 16%; }
    .facts td { width: 34%; }
    .facts td, .facts th { border: none; padding: .05em .5em .05em 0; }
    .disclaimer-short { font-size: 8.5pt; border: 1px solid #777; padding: .25em .5em;
      margin: .5em 0; }
    .notes { border: 1px solid #b36b00; background: #fff7e6; padding: .3em .6em .3em 1.8em; }
    .first-list li { margin: .1em 0; font-weight: bold; }
    .first-list a { text-decoration: none; }
    .none-first { font-weight: bold; }
    .also { margin-top: .4em; }
    .changes th[scope=col], .then-now th[scope=col] { font-weight: bold; }
    .changes th[scope=row] { width: 44%; }
    .changes tr.safety th[scope=row] { font-weight: bold; }
    .then-now th[scope=row] { width: 30%; }
    .page-one { break-after: page; page-break-after: always; font-size: 9.2pt; }
    .page-one .changes { font-size: 8.5pt; }
    .page-one h2 { margin-top: .7em; }
    .page-one blockquote { font-size: 10pt; }
    .next { font-size: 8.5pt; color: #444; margin-top: .8em; }
    .point, li, tr, .score, .observation, .answer, .disclaimer {
      break-inside: avoid; page-break-inside: avoid; }
    .point { margin: .3em 0 .45em; }
    .discuss-first .point { border-left: 3px solid #a00; padding-left: .6em; }
    .factor { margin-bottom: .5em; }
    .factor .point { margin-left: .8em; }
    .label { font-weight: bold; margin: .2em 0 0; }
    .ask ul { margin-top: 0; }
    .ask { margin: .15em 0; }
    .basis { font-size: 9pt; margin: .1em 0; }
    .refs, .basis-note, .refs-note { font-size: 8pt; color: #333; }
    .refs-note { margin: 0; }
    .basis-note { font-style: italic; }
    .cites { font-size: 8pt; color: #333; white-space: nowrap; }
    .brief { margin: .2em 0 .4em; }
    .brief .ask { font-size: 8.5pt; }
    .tag { font-size: 7.5pt; font-weight: normal; border: .5px solid #777; border-radius: 3px;
      padding: 0 .3em; white-space: nowrap; }
    .answer-columns { columns: 2; column-gap: 5mm; font-size: 7.2pt; line-height: 1.15; }
    .answer-columns h3 { font-size: 8pt; margin: .4em 0 .05em; }
    .answer { margin: 0 0 .08em; }
    .num { display: inline-block; min-width: 2.2em; color: #333; }
    .answer.not-answered strong, .answer.not-usable strong { font-style: italic; color: #555; }
    .sources ol { list-style: none; padding-left: 0; font-size: 7.2pt; line-height: 1.13;
      columns: 2; column-gap: 5mm; }
    .sources li { padding-left: 2.4em; text-indent: -2.4em; margin-bottom: .1em;
      overflow-wrap: anywhere; }
    .sources .number { display: inline-block; width: 2.4em; text-indent: 0; }
    blockquote { margin: .2em 0 .5em; padding: .25em .7em; border-left: 3px solid #888;
      background: #f4f4f4; }
    .observation .question { font-weight: bold; }
    .disclaimer { border: 1.2px solid #555; padding: .1em .7em .3em; margin-top: .7em;
      break-before: avoid; }
    .disclaimer h2 { border: none; margin: .2em 0 .1em; font-size: 10pt; }
    a { color: inherit; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; }
    }
    """
}
