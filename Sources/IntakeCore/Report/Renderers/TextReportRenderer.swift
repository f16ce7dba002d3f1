import Foundation

/// The report as plain text, wrapped on words to a fixed number of terminal cells (wide
/// characters counted as two): for the terminal viewer and for `lp`.
public struct TextReportRenderer: Sendable {
  /// Cells per line; no line is wider.
  public let width: Int

  public init(width: Int = 80) { self.width = max(20, width) }

  public func render(_ document: ReportDocument) -> String {
    var out = TextLayout(width: width)
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }

    out.heading(word(.title), underline: "=")
    let labelWidth = document.headerFacts.map { DisplayWidth.of($0.label) + 1 }.max() ?? 0
    for fact in document.headerFacts {
      out.paragraph(fact.value, first: fact.label + ":", hang: labelWidth + 2)
    }
    for note in document.header.notes {
      out.blank()
      out.paragraph(note, first: "! ")
    }

    out.section(word(.discussFirstHeading))
    if document.discussFirst.isEmpty { out.paragraph(word(.nothingDiscussFirst)) }
    for (offset, point) in document.discussFirst.enumerated() {
      out.blank()
      self.point(point, marker: "\(offset + 1). ", indent: 0, in: document, to: &out)
    }

    if !document.factors.isEmpty {
      out.section(word(.factorsHeading))
      for factor in document.factors {
        out.blank()
        self.factor(factor, in: document, to: &out)
      }
    }

    if let comparison = document.comparison {
      out.section(
        ReportText.comparedWith(
          DateText.format(comparison.previousDate, in: language), in: language))
      for change in comparison.factors {
        out.blank()
        out.paragraph(change.title)
        thenAndNow(change.then.summary, change.now.summary, indent: 2, language: language, to: &out)
      }
      out.blank()
      out.paragraph(word(.changedAnswersHeading))
      if comparison.changedAnswers.isEmpty { out.paragraph(word(.noChangedAnswers), indent: 2) }
      for change in comparison.changedAnswers {
        out.paragraph(change.question, first: "- ")
        thenAndNow(change.then, change.now, indent: 2, language: language, to: &out)
      }
    }

    out.section(document.medicines.title ?? word(.medicinesHeading))
    if document.medicines.answers.isEmpty { out.paragraph(word(.nothingEntered)) }
    for answer in document.medicines.answers {
      out.paragraph(line(answer, in: language), first: "- ")
    }
    for point in document.medicines.points {
      out.blank()
      self.point(point, marker: "* ", indent: 0, in: document, to: &out)
    }

    if !document.otherPoints.isEmpty {
      out.section(word(.otherPointsHeading))
      for point in document.otherPoints {
        out.blank()
        self.point(point, marker: "* ", indent: 0, in: document, to: &out)
      }
    }

    out.section(word(.evidenceHeading))
    if document.evidence.isEmpty { out.paragraph(word(.noEvidencePoints)) }
    for point in document.evidence {
      out.blank()
      self.point(point, marker: "* ", indent: 0, in: document, to: &out)
    }

    out.section(word(.observationsHeading))
    if document.observations.isEmpty { out.paragraph(word(.nothingWritten)) }
    for observation in document.observations {
      out.blank()
      out.paragraph(observation.question)
      out.paragraph(observation.shownAnswer(in: language), indent: 4)
    }

    out.section(word(.answersHeading))
    for section in document.answers {
      out.blank()
      out.paragraph(section.title)
      for answer in section.answers {
        out.paragraph(line(answer, in: language), indent: 2, first: "- ")
      }
    }

    if !document.sources.isEmpty {
      out.section(word(.sourcesHeading))
      for source in document.sources {
        let marker = "[\(source.number)] "
        out.paragraph(source.citation, first: marker)
        if let url = source.url { out.paragraph(url, indent: DisplayWidth.of(marker)) }
      }
    }

    out.section(word(.disclaimerHeading))
    out.paragraph(document.disclaimer)
    return out.text
  }

  /// "then: …" above "now: …", the two values lined up.
  private func thenAndNow(
    _ then: String, _ now: String, indent: Int, language: Language, to out: inout TextLayout
  ) {
    let labels = [
      ReportText.then.text(in: language) + ":", ReportText.now.text(in: language) + ":",
    ]
    let hang = indent + (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 1
    out.paragraph(then, indent: indent, first: labels[0], hang: hang)
    out.paragraph(now, indent: indent, first: labels[1], hang: hang)
  }

  private func line(_ answer: ReportAnswer, in language: Language) -> String {
    "\(answer.question) — \(answer.shownAnswer(in: language))"
  }

  private func factor(_ factor: ReportFactor, in document: ReportDocument, to out: inout TextLayout)
  {
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }
    out.paragraph(factor.title)
    if let score = factor.score {
      out.paragraph(score.summary, indent: 2, first: word(.scoreLabel) + " ")
      if let text = score.band?.text { out.paragraph(text, indent: 2) }
    }
    out.paragraph(factor.text, indent: 2)
    basis(factor.basis, indent: 2, language: language, to: &out)
    list(word(.questionsToAsk), factor.questions, indent: 2, to: &out)
    sources(factor.sources, indent: 2, in: document, to: &out)
    if !factor.points.isEmpty {
      out.paragraph(word(.pointsForFactor), indent: 2)
      for point in factor.points {
        self.point(point, marker: "* ", indent: 2, in: document, to: &out)
      }
    }
  }

  private func point(
    _ point: ReportPoint, marker: String, indent: Int, in document: ReportDocument,
    to out: inout TextLayout
  ) {
    let language = document.language
    let inner = indent + DisplayWidth.of(marker)
    var what = point.what
    if point.priority == .goodToKnow { what += " [\(ReportText.goodToKnow.text(in: language))]" }
    out.paragraph(what, indent: indent, first: marker)
    out.paragraph(point.why, indent: inner, first: ReportText.why.text(in: language) + " ")
    if point.basis.isEmpty {
      out.paragraph(ReportText.everyReport.text(in: language), indent: inner)
    } else {
      basis(point.basis, indent: inner, language: language, to: &out)
    }
    list(
      ReportText.questionsToAsk.text(in: language), point.questions, indent: inner, to: &out)
    sources(point.sources, indent: inner, in: document, to: &out)
  }

  private func basis(
    _ lines: [ReportBasis], indent: Int, language: Language, to out: inout TextLayout
  ) {
    guard !lines.isEmpty else { return }
    out.paragraph(ReportText.basedOn.text(in: language), indent: indent)
    for line in lines {
      let label =
        line.kind == .answer
        ? line.label : "\(line.label) (\(ReportText.workedOut.text(in: language)))"
      out.paragraph("\(label) — \(line.value)", indent: indent, first: "- ")
    }
  }

  private func list(_ title: String, _ items: [String], indent: Int, to out: inout TextLayout) {
    guard !items.isEmpty else { return }
    out.paragraph(title, indent: indent)
    for item in items { out.paragraph(item, indent: indent, first: "- ") }
  }

  private func sources(
    _ ids: [String], indent: Int, in document: ReportDocument, to out: inout TextLayout
  ) {
    let numbers = document.sourceNumbers(ids)
    guard !numbers.isEmpty else { return }
    out.paragraph(
      numbers.map { "[\($0)]" }.joined(separator: " "), indent: indent,
      first: ReportText.sourcesLabel.text(in: document.language) + " ")
  }
}

/// Lines of text no wider than `width` cells, with hanging indents.
private struct TextLayout {
  let width: Int
  private var lines: [String] = []

  init(width: Int) { self.width = width }

  var text: String { lines.joined(separator: "\n") + "\n" }

  /// One empty line, never two in a row and never at the top.
  mutating func blank() {
    if let last = lines.last, !last.isEmpty { lines.append("") }
  }

  mutating func heading(_ title: String, underline: Character) {
    blank()
    paragraph(title)
    let cells = min(width, lines.last.map { DisplayWidth.of($0) } ?? 0)
    lines.append(String(repeating: underline, count: max(1, cells)))
  }

  mutating func section(_ title: String) {
    blank()
    heading(title, underline: "-")
    blank()
  }

  /// `text` wrapped to the width: the first line starts with `indent` spaces and `first`, the
  /// others line up under the text after `first` (or at `hang` cells, when given).
  mutating func paragraph(_ text: String, indent: Int = 0, first: String = "", hang: Int? = nil) {
    let lead = indent + DisplayWidth.of(first)
    let hanging = max(hang ?? lead, lead)
    let available = max(1, width - hanging)
    // Tabs and carriage returns are not words; control characters are dropped by the wrapper.
    let clean =
      text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0D })
      ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: " ")
      : text
    let wrapped = TextWrap.wrap(clean, width: available)
    for (offset, body) in wrapped.enumerated() {
      if offset == 0 {
        let pad = String(repeating: " ", count: hanging - lead)
        lines.append(trimmed(String(repeating: " ", count: indent) + first + pad + body))
      } else {
        lines.append(trimmed(String(repeating: " ", count: hanging) + body))
      }
    }
  }

  private func trimmed(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }
}
