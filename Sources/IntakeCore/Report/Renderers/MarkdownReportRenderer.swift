import Foundation

/// The report as CommonMark. Every text is escaped, so whatever a parent typed shows as typed
/// and never turns into markup, links or HTML.
public struct MarkdownReportRenderer: Sendable {
  public init() {}

  public func render(_ document: ReportDocument) -> String {
    var out = MarkdownOutput()
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }

    out.block("# " + escape(word(.title)))
    out.block(document.headerFacts.map { "- **\(escape($0.label)):** \(inline($0.value))" })
    for note in document.header.notes { out.block("> " + inline(note, startsLine: true)) }

    out.block("## " + escape(word(.discussFirstHeading)))
    if document.discussFirst.isEmpty {
      out.block(escape(word(.nothingDiscussFirst), startsLine: true))
    }
    for (offset, point) in document.discussFirst.enumerated() {
      self.point(point, heading: "### \(offset + 1)\\. ", in: document, to: &out)
    }

    if !document.factors.isEmpty {
      out.block("## " + escape(word(.factorsHeading)))
      for factor in document.factors { self.factor(factor, in: document, to: &out) }
    }

    if let comparison = document.comparison {
      out.block(
        "## "
          + escape(
            ReportText.comparedWith(
              DateText.format(comparison.previousDate, in: language), in: language)))
      for change in comparison.factors {
        out.block("### " + escape(change.title))
        out.block([
          "- \(escape(word(.then))): \(inline(change.then.summary))",
          "- \(escape(word(.now))): \(inline(change.now.summary))",
        ])
      }
      out.block("### " + escape(word(.changedAnswersHeading)))
      if comparison.changedAnswers.isEmpty {
        out.block(escape(word(.noChangedAnswers), startsLine: true))
      }
      out.block(
        comparison.changedAnswers.map {
          "- \(inline($0.question)) — \(escape(word(.then))): \(inline($0.then)); "
            + "\(escape(word(.now))): \(inline($0.now))"
        })
    }

    out.block("## " + escape(document.medicines.title ?? word(.medicinesHeading)))
    if document.medicines.answers.isEmpty {
      out.block(escape(word(.nothingEntered), startsLine: true))
    }
    out.block(document.medicines.answers.map { answerLine($0, in: language) })
    for point in document.medicines.points {
      self.point(point, heading: "### ", in: document, to: &out)
    }

    if !document.otherPoints.isEmpty {
      out.block("## " + escape(word(.otherPointsHeading)))
      for point in document.otherPoints {
        self.point(point, heading: "### ", in: document, to: &out)
      }
    }

    out.block("## " + escape(word(.evidenceHeading)))
    if document.evidence.isEmpty { out.block(escape(word(.noEvidencePoints), startsLine: true)) }
    for point in document.evidence { self.point(point, heading: "### ", in: document, to: &out) }

    out.block("## " + escape(word(.observationsHeading)))
    if document.observations.isEmpty { out.block(escape(word(.nothingWritten), startsLine: true)) }
    for observation in document.observations {
      out.block("**\(inline(observation.question))**")
      out.block(inline(observation.shownAnswer(in: language), startsLine: true))
    }

    out.block("## " + escape(word(.answersHeading)))
    for section in document.answers {
      out.block("### " + escape(section.title))
      out.block(section.answers.map { answerLine($0, in: language) })
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
    return out.text
  }

  private func answerLine(_ answer: ReportAnswer, in language: Language) -> String {
    "- \(inline(answer.question)) — **\(inline(answer.shownAnswer(in: language)))**"
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
    basis(factor.basis, language: language, to: &out)
    list(ReportText.questionsToAsk.text(in: language), factor.questions, to: &out)
    sources(factor.sources, in: document, to: &out)
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
    if point.basis.isEmpty {
      out.block("*\(escape(ReportText.everyReport.text(in: language)))*")
    } else {
      basis(point.basis, language: language, to: &out)
    }
    list(ReportText.questionsToAsk.text(in: language), point.questions, to: &out)
    sources(point.sources, in: document, to: &out)
  }

  private func basis(_ lines: [ReportBasis], language: Language, to out: inout MarkdownOutput) {
    guard !lines.isEmpty else { return }
    out.block("**\(escape(ReportText.basedOn.text(in: language)))**")
    out.block(
      lines.map { line in
        let label =
          line.kind == .answer
          ? inline(line.label)
          : "\(inline(line.label)) (\(escape(ReportText.workedOut.text(in: language))))"
        return "- \(label) — **\(inline(line.value))**"
      })
  }

  private func list(_ title: String, _ items: [String], to out: inout MarkdownOutput) {
    guard !items.isEmpty else { return }
    out.block("**\(escape(title))**")
    out.block(items.map { "- " + inline($0) })
  }

  private func sources(_ ids: [String], in document: ReportDocument, to out: inout MarkdownOutput) {
    let numbers = document.sourceNumbers(ids)
    guard !numbers.isEmpty else { return }
    out.block(
      escape(ReportText.sourcesLabel.text(in: document.language)) + " "
        + numbers.map { "\\[\($0)\\]" }.joined(separator: " "))
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
  func inline(_ text: String, startsLine: Bool = false) -> String {
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: true
    )
    .enumerated()
    .map { escape(String($1), startsLine: startsLine || $0 > 0) }
    .filter { !$0.isEmpty }
    return lines.joined(separator: "\\\n  ")
  }

  /// One line of text with every character CommonMark (or GitHub's flavour) could read as
  /// markup escaped; when it `startsLine`, also what would open a block there (a list, a setext
  /// underline).
  func escape(_ line: String, startsLine: Bool = false) -> String {
    // Leading spaces would make an indented code block; trailing ones a hard break or a broken
    // emphasis around the text.
    let characters = Array(
      line.trimmingCharacters(in: .whitespaces).filter { !$0.isControlCharacter || $0 == "\t" })
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
