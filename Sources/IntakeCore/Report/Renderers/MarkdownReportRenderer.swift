import FoundationEssentials

/// The report as CommonMark. Every text is escaped, so whatever a parent typed shows as typed
/// and never turns into markup, links or HTML.
public struct MarkdownReportRenderer: Sendable {
  public init() {}

  public func render(_ document: ReportDocument) -> String {
    var out = MarkdownOutput()
    pageOne(document, to: &out)
    out.block("---")
    detail(document, to: &out)
    return out.text
  }

  private func pageOne(_ document: ReportDocument, to out: inout MarkdownOutput) {
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }

    out.block("# " + escape(word(.title)))
    out.block(document.headerFacts.map { "- **\(escape($0.label)):** \(inline($0.value))" })
    out.block("*\(escape(document.disclaimerShort))*")
    for note in document.header.notes { out.block("> " + inline(note, startsLine: true)) }

    if !document.summary.lines.isEmpty {
      out.block("## " + escape(word(.atAGlanceHeading)))
      out.block(
        document.summary.lines.map { line in
          let cites = document.sourceNumbers(line.sources).map { "\\[\($0)\\]" }.joined()
          return "- **\(escape(line.label)):** \(inline(line.text))"
            + (cites.isEmpty ? "" : " " + cites)
        })
    }

    out.block("## " + escape(word(.discussFirstHeading)))
    if document.discussFirst.isEmpty { out.block(escape(document.nothingFirst, startsLine: true)) }
    out.block(
      document.discussFirst.enumerated().map { "\($0.offset + 1). \(inline($0.element.what))" })
    let also = document.alsoDiscussed
    if !also.isEmpty {
      out.block(
        "**\(escape(word(.alsoDiscuss)))** " + also.map { inline($0) }.joined(separator: "; "))
    }

    if let heading = document.changesHeading, let changes = document.changes {
      out.block("## " + escape(heading))
      if changes.isEmpty { out.block(escape(word(.noChangedAnswers), startsLine: true)) }
      var lines = changes.prefix(ReportDocument.pageOneChanges).map {
        "- \(inline($0.question)) — \(inline(SafeText.quoted($0.then, limit: 40))) → "
          + inline(SafeText.quoted($0.now, limit: 40))
      }
      let more = changes.count - ReportDocument.pageOneChanges
      if more > 0 { lines.append("- +\(more) \(escape(word(.moreChanges)))") }
      out.block(lines)
    }

    if let questions = document.summary.parentQuestions {
      out.block("## " + escape(word(.ownQuestionsHeading)))
      out.block("> " + inline(questions.shownAnswer(in: language), startsLine: true, quoted: true))
    }
    out.block(escape(word(.detailFollows), startsLine: true))
  }

  private func detail(_ document: ReportDocument, to out: inout MarkdownOutput) {
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }
    out.block("*\(escape(word(.numbersReferToAppendix)))*")

    if !document.discussFirst.isEmpty {
      out.block("## " + escape(word(.discussFirstHeading)))
      for (offset, point) in document.discussFirst.enumerated() {
        self.point(point, heading: "### \(offset + 1)\\. ", in: document, to: &out)
      }
    }

    if let heading = document.changesHeading, let comparison = document.comparison {
      out.block("## " + escape(heading))
      if !comparison.factors.isEmpty {
        out.block("### " + escape(word(.factorChangesHeading)))
        out.block(
          comparison.factors.map {
            "- \(inline($0.title)) — \(escape(word(.then))): \(inline($0.then.summary)); "
              + "\(escape(word(.now))): \(inline($0.now.summary))"
          })
      }
      let changes = document.changes ?? []
      if changes.isEmpty { out.block(escape(word(.noChangedAnswers), startsLine: true)) }
      out.block(
        changes.map {
          let number = $0.number.map { "\(escape($0)) " } ?? ""
          return "- \(number)\(inline($0.question)) — \(escape(word(.then))): \(inline($0.then)); "
            + "\(escape(word(.now))): \(inline($0.now))"
        })
    }

    if !document.factors.isEmpty {
      out.block("## " + escape(word(.factorsHeading)))
      for factor in document.factors { self.factor(factor, in: document, to: &out) }
    }

    if !document.medicines.points.isEmpty {
      out.block("## " + escape(document.medicines.title ?? word(.medicinesHeading)))
      for point in document.medicines.points {
        self.point(point, heading: "### ", in: document, to: &out)
      }
    }

    if !document.otherPoints.isEmpty {
      out.block("## " + escape(word(.otherPointsHeading)))
      for point in document.otherPoints {
        self.point(point, heading: "### ", in: document, to: &out)
      }
    }

    out.block("## " + escape(word(.evidenceHeading)))
    if document.evidence.isEmpty { out.block(escape(word(.noEvidencePoints), startsLine: true)) }
    for (offset, point) in document.evidence.enumerated() {
      if offset == document.firstGeneralEvidence {
        out.block("*\(escape(word(.everyReportSection)))*")
      }
      self.point(point, heading: "### ", in: document, to: &out)
    }

    let ownWords = document.ownWords
    if !ownWords.isEmpty {
      out.block("## " + escape(word(.observationsHeading)))
      for observation in ownWords {
        out.block("**\(inline(observation.numberedQuestion))**")
        out.block(
          "> " + inline(observation.shownAnswer(in: language), startsLine: true, quoted: true))
      }
    }

    out.block("## " + escape(word(.answersHeading)))
    for section in document.appendix {
      out.block("### \(section.number)\\. " + escape(section.title))
      out.block(
        section.answers.map {
          let number = $0.number.map { "\(escape($0)) " } ?? ""
          return "- \(number)\(inline($0.question)) — **\(inline(document.appendixText($0)))**"
        })
    }

    if !document.sources.isEmpty {
      out.block("## " + escape(word(.sourcesHeading)))
      out.block(
        document.sources.map { source in
          var line = "\(source.number). \(inline(source.citation))"
          if let url = source.url { line += " " + link(url) }
          return line
        })
    }

    out.block("## " + escape(word(.disclaimerHeading)))
    out.block(inline(document.disclaimer, startsLine: true))
  }

  private func factor(
    _ factor: ReportFactor, in document: ReportDocument, to out: inout MarkdownOutput
  ) {
    let language = document.language
    out.block("### " + escape(factor.title))
    if let score = factor.score {
      out.block("**\(escape(ReportText.scoreLabel.text(in: language)))** \(inline(score.summary))")
      if let text = score.band?.text { out.block(inline(text, startsLine: true)) }
    }
    out.block(inline(factor.text, startsLine: true))
    trail(factor.basis, sources: factor.sources, in: document, to: &out)
    questions(factor.questions, language: language, to: &out)
    for point in factor.points { self.point(point, heading: "#### ", in: document, to: &out) }
  }

  private func point(
    _ point: ReportPoint, heading: String, in document: ReportDocument,
    to out: inout MarkdownOutput
  ) {
    let language = document.language
    var title = heading + escape(point.what)
    if point.priority == .goodToKnow {
      title += " *(\(escape(ReportText.goodToKnow.text(in: language))))*"
    }
    out.block(title)
    out.block("**\(escape(ReportText.why.text(in: language)))** \(inline(point.why))")
    if point.saysEveryReport {
      out.block("*\(escape(ReportText.everyReport.text(in: language)))*")
    } else {
      out.block(
        point.inlineBasis.map { line in
          let label =
            line.kind == .answer
            ? inline(line.label)
            : "\(inline(line.label)) (\(escape(ReportText.workedOut.text(in: language))))"
          return "- \(label) — **\(inline(line.value))**"
        })
    }
    trail(point.basis, sources: point.sources, in: document, to: &out)
    questions(point.questions, language: language, to: &out)
  }

  /// "**Based on your answers:** 3.1–3.3 · **Sources:** \\[1\\]", either part when there is one.
  private func trail(
    _ lines: [ReportBasis], sources ids: [String], in document: ReportDocument,
    to out: inout MarkdownOutput
  ) {
    let language = document.language
    var parts: [String] = []
    if let numbers = lines.answerNumbers {
      parts.append("**\(escape(ReportText.basedOn.text(in: language)))** \(escape(numbers))")
    }
    let sources = document.sourceNumbers(ids)
    if !sources.isEmpty {
      parts.append(
        "**\(escape(ReportText.sourcesLabel.text(in: language)))** "
          + sources.map { "\\[\($0)\\]" }.joined(separator: " "))
    }
    if !parts.isEmpty { out.block(parts.joined(separator: " · ")) }
  }

  /// One question on the line of its label, more as a list.
  private func questions(_ items: [String], language: Language, to out: inout MarkdownOutput) {
    guard !items.isEmpty else { return }
    if items.count == 1 {
      out.block("**\(escape(ReportText.questionToAsk.text(in: language)))** \(inline(items[0]))")
      return
    }
    out.block("**\(escape(ReportText.questionsToAsk.text(in: language)))**")
    out.block(items.map { "- " + inline($0) })
  }

  /// A URL as an autolink when it can be one, else as escaped text.
  private func link(_ url: String) -> String {
    let safe = url.unicodeScalars.allSatisfy {
      $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">"
    }
    return safe ? "<\(url)>" : escape(url)
  }

  /// Text that may span lines, inside a paragraph or list item: every line escaped, line breaks
  /// kept as hard breaks, indented so a list item continues. `startsLine`: the text begins a line
  /// (a paragraph of its own), where a `-` or `1.` would start a list.
  func inline(_ text: String, startsLine: Bool = false, quoted: Bool = false) -> String {
    let lines = text.replacingAll("\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: true
    )
    .enumerated()
    .map { escape(String($1), startsLine: startsLine || $0 > 0) }
    .filter { !$0.isEmpty }
    // Inside a block quote every continued line carries the quote marker too.
    return lines.joined(separator: quoted ? "\\\n> " : "\\\n  ")
  }

  /// One line of text with every character CommonMark (or GitHub's flavour) could read as
  /// markup escaped; when it `startsLine`, also what would open a block there (a list, a setext
  /// underline).
  func escape(_ line: String, startsLine: Bool = false) -> String {
    // Leading spaces would make an indented code block; trailing ones a hard break or a broken
    // emphasis around the text.
    // A control character or a bidi override is shown as <U+XXXX>, never passed on.
    let characters = Array(SafeText.line(line).trimmingWhitespace())
    var out = ""
    for (index, character) in characters.enumerated() {
      if character == "\t" {
        out.append(" ")
        continue
      }
      if Self.alwaysEscaped.contains(character) {
        out.append("\\")
      } else if startsLine, index == 0, Self.blockStarters.contains(character) {
        out.append("\\")
      } else if startsLine, index > 0, character == "." || character == ")",
        characters[..<index].allSatisfy({ $0.isASCII && $0.isNumber }),
        index + 1 == characters.count || characters[index + 1] == " "
      {
        // "1. " or "2) " at the start of a line opens an ordered list.
        out.append("\\")
      }
      out.append(character)
    }
    return out
  }

  private static let alwaysEscaped: Set<Character> = [
    "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&",
  ]
  private static let blockStarters: Set<Character> = ["-", "+", "="]
}

/// Markdown blocks separated by one blank line.
private struct MarkdownOutput {
  private var blocks: [String] = []

  var text: String { blocks.joined(separator: "\n\n") + "\n" }

  mutating func block(_ text: String) { blocks.append(text) }

  /// Lines of one block (a list); nothing when empty.
  mutating func block(_ lines: [String]) {
    if !lines.isEmpty { blocks.append(lines.joined(separator: "\n")) }
  }
}
