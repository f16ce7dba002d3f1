import Foundation

/// The report as one self-contained HTML file: inline CSS laid out for A4 paper, no scripts,
/// nothing loaded from elsewhere, every text escaped.
public struct HTMLReportRenderer: Sendable {
  public init() {}

  public func render(_ document: ReportDocument) -> String {
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }
    var out = ""
    var titleParts = [word(.title)]
    if let nickname = document.header.nickname { titleParts.append(nickname) }
    titleParts.append(DateText.format(document.header.date, in: language))

    out += """
      <!DOCTYPE html>
      <html lang="\(escape(language.code))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(titleParts.joined(separator: " — ")))</title>
      <style>
      \(Self.style)
      </style>
      </head>
      <body>
      <header>
      <h1>\(escape(word(.title)))</h1>
      <dl class="facts">

      """
    for fact in document.headerFacts {
      out += "<dt>\(escape(fact.label))</dt><dd>\(text(fact.value))</dd>\n"
    }
    out += "</dl>\n"
    if !document.header.notes.isEmpty {
      out += "<ul class=\"notes\">\n"
      for note in document.header.notes { out += "<li>\(text(note))</li>\n" }
      out += "</ul>\n"
    }
    out += "</header>\n"

    out += "<section class=\"discuss-first\">\n<h2>\(escape(word(.discussFirstHeading)))</h2>\n"
    if document.discussFirst.isEmpty { out += "<p>\(escape(word(.nothingDiscussFirst)))</p>\n" }
    for point in document.discussFirst { out += self.point(point, level: 3, in: document) }
    out += "</section>\n"

    if !document.factors.isEmpty {
      out += "<section class=\"factors\">\n<h2>\(escape(word(.factorsHeading)))</h2>\n"
      for factor in document.factors { out += self.factor(factor, in: document) }
      out += "</section>\n"
    }

    if let comparison = document.comparison {
      let heading = ReportText.comparedWith(
        DateText.format(comparison.previousDate, in: language), in: language)
      out += "<section class=\"comparison\">\n<h2>\(escape(heading))</h2>\n"
      if !comparison.factors.isEmpty {
        out += "<table class=\"then-now\">\n"
        for change in comparison.factors {
          out += "<tr><th scope=\"row\">\(text(change.title))</th>"
          out += "<td>\(escape(word(.then))): \(text(change.then.summary))</td>"
          out += "<td>\(escape(word(.now))): \(text(change.now.summary))</td></tr>\n"
        }
        out += "</table>\n"
      }
      out += "<h3>\(escape(word(.changedAnswersHeading)))</h3>\n"
      if comparison.changedAnswers.isEmpty {
        out += "<p>\(escape(word(.noChangedAnswers)))</p>\n"
      } else {
        out += "<table class=\"then-now\">\n"
        for change in comparison.changedAnswers {
          out += "<tr><th scope=\"row\">\(text(change.question))</th>"
          out += "<td>\(escape(word(.then))): \(text(change.then))</td>"
          out += "<td>\(escape(word(.now))): \(text(change.now))</td></tr>\n"
        }
        out += "</table>\n"
      }
      out += "</section>\n"
    }

    out += "<section class=\"medicines\">\n"
    out += "<h2>\(escape(document.medicines.title ?? word(.medicinesHeading)))</h2>\n"
    if document.medicines.answers.isEmpty {
      out += "<p>\(escape(word(.nothingEntered)))</p>\n"
    } else {
      out += answerTable(document.medicines.answers, in: language)
    }
    for point in document.medicines.points { out += self.point(point, level: 3, in: document) }
    out += "</section>\n"

    if !document.otherPoints.isEmpty {
      out += "<section class=\"other\">\n<h2>\(escape(word(.otherPointsHeading)))</h2>\n"
      for point in document.otherPoints { out += self.point(point, level: 3, in: document) }
      out += "</section>\n"
    }

    out += "<section class=\"evidence\">\n<h2>\(escape(word(.evidenceHeading)))</h2>\n"
    if document.evidence.isEmpty { out += "<p>\(escape(word(.noEvidencePoints)))</p>\n" }
    for point in document.evidence { out += self.point(point, level: 3, in: document) }
    out += "</section>\n"

    out += "<section class=\"observations\">\n<h2>\(escape(word(.observationsHeading)))</h2>\n"
    if document.observations.isEmpty { out += "<p>\(escape(word(.nothingWritten)))</p>\n" }
    for observation in document.observations {
      out += "<div class=\"observation\">\n"
      out += "<p class=\"question\">\(text(observation.question))</p>\n"
      out += "<blockquote>\(text(observation.shownAnswer(in: language)))</blockquote>\n"
      out += "</div>\n"
    }
    out += "</section>\n"

    out += "<section class=\"answers\">\n<h2>\(escape(word(.answersHeading)))</h2>\n"
    for section in document.answers {
      out += "<h3>\(text(section.title))</h3>\n"
      out += answerTable(section.answers, in: language)
    }
    out += "</section>\n"

    if !document.sources.isEmpty {
      out += "<section class=\"sources\">\n<h2>\(escape(word(.sourcesHeading)))</h2>\n<ol>\n"
      for source in document.sources {
        out += "<li id=\"source-\(source.number)\"><span class=\"number\">[\(source.number)]</span>"
        out += text(source.citation)
        if let url = source.url {
          // A plain link the reader may follow; nothing is fetched when the page is shown.
          out += "<br><a href=\"\(escape(url))\">\(escape(url))</a>"
        }
        out += "</li>\n"
      }
      out += "</ol>\n</section>\n"
    }

    out += "<section class=\"disclaimer\">\n<h2>\(escape(word(.disclaimerHeading)))</h2>\n"
    out += "<p>\(text(document.disclaimer))</p>\n</section>\n"
    out += "</body>\n</html>\n"
    return out
  }

  private func answerTable(_ answers: [ReportAnswer], in language: Language) -> String {
    var out = "<table class=\"answer-list\">\n"
    for answer in answers {
      let state = answer.state.rawValue.replacingOccurrences(of: "_", with: "-")
      out += "<tr class=\"\(state)\"><th scope=\"row\">\(text(answer.question))</th>"
      out += "<td>\(text(answer.shownAnswer(in: language)))</td></tr>\n"
    }
    return out + "</table>\n"
  }

  private func factor(_ factor: ReportFactor, in document: ReportDocument) -> String {
    let language = document.language
    var out = "<div class=\"factor\">\n<div class=\"factor-summary\">\n"
    out += "<h3>\(text(factor.title))</h3>\n"
    if let score = factor.score {
      out +=
        "<p class=\"score\"><strong>\(escape(ReportText.scoreLabel.text(in: language)))</strong> "
      out += "\(text(score.display))"
      if let band = score.band { out += " — <strong>\(text(band.label))</strong>" }
      out += "</p>\n"
      if let bandText = score.band?.text { out += "<p>\(text(bandText))</p>\n" }
    }
    out += "<p>\(text(factor.text))</p>\n"
    out += basis(factor.basis, language: language)
    out += list(ReportText.questionsToAsk.text(in: language), factor.questions)
    out += sources(factor.sources, in: document)
    out += "</div>\n"
    for point in factor.points { out += self.point(point, level: 4, in: document) }
    return out + "</div>\n"
  }

  private func point(_ point: ReportPoint, level: Int, in document: ReportDocument) -> String {
    let language = document.language
    var out =
      "<article class=\"point \(point.priority.rawValue.replacingOccurrences(of: "_", with: "-"))\">\n"
    out += "<h\(level)>\(text(point.what))"
    if point.priority == .goodToKnow {
      out += " <span class=\"tag\">\(escape(ReportText.goodToKnow.text(in: language)))</span>"
    }
    out += "</h\(level)>\n"
    out +=
      "<p><strong>\(escape(ReportText.why.text(in: language)))</strong> \(text(point.why))</p>\n"
    if point.basis.isEmpty {
      out += "<p class=\"basis-note\">\(escape(ReportText.everyReport.text(in: language)))</p>\n"
    } else {
      out += basis(point.basis, language: language)
    }
    out += list(ReportText.questionsToAsk.text(in: language), point.questions)
    out += sources(point.sources, in: document)
    return out + "</article>\n"
  }

  private func basis(_ lines: [ReportBasis], language: Language) -> String {
    guard !lines.isEmpty else { return "" }
    var out = "<div class=\"basis\">\n<p class=\"label\">"
    out += "\(escape(ReportText.basedOn.text(in: language)))</p>\n<ul>\n"
    for line in lines {
      var label = text(line.label)
      if line.kind != .answer {
        label += " <em>(\(escape(ReportText.workedOut.text(in: language))))</em>"
      }
      out += "<li>\(label) — <strong>\(text(line.value))</strong></li>\n"
    }
    return out + "</ul>\n</div>\n"
  }

  private func list(_ title: String, _ items: [String]) -> String {
    guard !items.isEmpty else { return "" }
    var out = "<div class=\"questions\">\n<p class=\"label\">\(escape(title))</p>\n<ul>\n"
    for item in items { out += "<li>\(text(item))</li>\n" }
    return out + "</ul>\n</div>\n"
  }

  private func sources(_ ids: [String], in document: ReportDocument) -> String {
    let numbers = document.sourceNumbers(ids)
    guard !numbers.isEmpty else { return "" }
    let links = numbers.map { "<a href=\"#source-\($0)\">[\($0)]</a>" }.joined(separator: " ")
    return
      "<p class=\"cites\">\(escape(ReportText.sourcesLabel.text(in: document.language))) \(links)</p>\n"
  }

  /// Escaped text whose line breaks (a parent's own paragraphs) are kept.
  private func text(_ value: String) -> String {
    escape(value.replacingOccurrences(of: "\r\n", with: "\n"))
      .split(separator: "\n", omittingEmptySubsequences: false)
      .joined(separator: "<br>\n")
  }

  /// `& < > " '` as entities, and control characters (which HTML forbids) dropped.
  func escape(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Readable on screen, and on A4 paper: points and table rows are never split across pages,
  /// a heading stays with what follows it, and a long word wraps instead of running off.
  static let style = """
    @page { size: A4; margin: 16mm 16mm 18mm 16mm; }
    html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
      font-size: 11pt; line-height: 1.4; color: #111; background: #fff; }
    body { max-width: 46em; margin: 1.5em auto; padding: 0 1em; }
    h1 { font-size: 19pt; margin: 0 0 .4em; }
    h2 { font-size: 14pt; margin: 1.3em 0 .5em; padding-bottom: .15em;
      border-bottom: 1.5px solid #555; break-after: avoid; page-break-after: avoid; }
    h3 { font-size: 12pt; margin: 1em 0 .3em; break-after: avoid; page-break-after: avoid; }
    h4 { font-size: 11pt; margin: .8em 0 .2em; break-after: avoid; page-break-after: avoid; }
    p { margin: .3em 0; }
    ul, ol { margin: .2em 0 .4em; padding-left: 1.4em; }
    p, li, dd, td, th, blockquote, h1, h2, h3, h4 { overflow-wrap: anywhere; word-break: break-word; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0; }
    .facts dt { font-weight: bold; }
    .facts dd { margin: 0; }
    .notes { border: 1px solid #b36b00; background: #fff7e6; padding: .4em .6em .4em 1.8em; }
    /* Only small units are kept whole; keeping whole factors together left half-empty pages. */
    .point, li, tr, .score, .observation, .disclaimer {
      break-inside: avoid; page-break-inside: avoid; }
    p { orphans: 3; widows: 3; }
    .point { margin: .6em 0 .9em; }
    .discuss-first .point { border-left: 4px solid #a00; padding-left: .7em; }
    .factor { margin-bottom: 1.2em; }
    .factor .point { margin-left: 1em; }
    .label { font-weight: bold; margin-bottom: 0; }
    .basis { font-size: 10pt; }
    .basis .label { font-size: 10pt; margin-top: .3em; }
    .basis ul { margin-top: .1em; }
    .basis-note { font-style: italic; }
    .cites { font-size: 9.5pt; color: #333; }
    .tag { font-size: 8.5pt; font-weight: normal; border: 1px solid #777; border-radius: 3px;
      padding: 0 .3em; white-space: nowrap; }
    table { border-collapse: collapse; width: 100%; margin: .3em 0 .6em; }
    th, td { text-align: left; vertical-align: top; padding: .25em .5em .25em 0;
      border-bottom: 1px solid #ccc; }
    th { font-weight: normal; width: 55%; }
    .then-now th { width: 30%; }
    .then-now td { width: 35%; }
    .sources ol { list-style: none; padding-left: 0; }
    .sources li { padding-left: 2.2em; text-indent: -2.2em; margin-bottom: .2em; }
    .sources .number { display: inline-block; width: 2.2em; text-indent: 0; }
    .answer-list .not-answered td, .answer-list .not-usable td { font-style: italic; color: #555; }
    blockquote { margin: .3em 0 .8em; padding: .3em .8em; border-left: 3px solid #888;
      background: #f4f4f4; }
    .disclaimer { border: 1.5px solid #555; padding: .2em .9em .6em; margin-top: 1.5em; }
    .disclaimer h2 { border: none; margin-top: .4em; }
    a { color: inherit; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; }
      .notes, blockquote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
