import FoundationEssentials

/// The report as plain text, wrapped on words to a fixed number of terminal cells (wide
/// characters counted as two): for the terminal viewer and for `lp`. Page one's summary comes
/// first, then a rule, then the detail behind it.
public struct TextReportRenderer: Sendable {
  /// Cells per line; no line is wider.
  public let width: Int

  public init(width: Int = 80) { self.width = max(20, width) }

  public func render(_ document: ReportDocument) -> String {
    var out = TextLayout(width: width)
    pageOne(document, to: &out)
    out.blank()
    out.rule("=")
    detail(document, to: &out)
    return out.text
  }

  // MARK: Page one

  private func pageOne(_ document: ReportDocument, to out: inout TextLayout) {
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }

    out.heading(word(.title), underline: "=")
    facts(document.headerFacts, to: &out)
    out.blank()
    out.paragraph(document.disclaimerShort)
    for note in document.header.notes {
      out.blank()
      out.paragraph(note, first: "! ")
    }

    if !document.summary.lines.isEmpty {
      out.section(word(.atAGlanceHeading))
      let lines = document.summary.lines.map { line in
        let numbers = document.sourceNumbers(line.sources)
        let cites = numbers.isEmpty ? "" : " " + numbers.map { "[\($0)]" }.joined()
        return (label: line.label, value: line.text + cites)
      }
      facts(lines, to: &out)
    }

    out.section(word(.discussFirstHeading))
    if document.discussFirst.isEmpty { out.paragraph(document.nothingFirst) }
    for (offset, point) in document.discussFirst.enumerated() {
      out.paragraph(point.what, first: "\(offset + 1). ")
    }
    let also = document.alsoDiscussed
    if !also.isEmpty {
      out.blank()
      out.paragraph(also.joined(separator: "; "), first: word(.alsoDiscuss) + " ")
    }

    if let heading = document.changesHeading, let changes = document.changes {
      out.section(heading)
      if changes.isEmpty { out.paragraph(word(.noChangedAnswers)) }
      for change in changes.prefix(ReportDocument.pageOneChanges) {
        out.paragraph(
          "\(change.question) — \(SafeText.quoted(change.then, limit: 40)) → "
            + SafeText.quoted(change.now, limit: 40), first: "- ")
      }
      let more = changes.count - ReportDocument.pageOneChanges
      if more > 0 { out.paragraph("+\(more) \(word(.moreChanges))", first: "- ") }
    }

    if let questions = document.summary.parentQuestions {
      out.section(word(.ownQuestionsHeading))
      out.paragraph(questions.shownAnswer(in: language), indent: 4)
    }
    out.blank()
    out.paragraph(word(.detailFollows))
  }

  /// Label–value lines, the values lined up.
  private func facts(_ facts: [(label: String, value: String)], to out: inout TextLayout) {
    let labelWidth = min(28, facts.map { DisplayWidth.of($0.label) + 1 }.max() ?? 0)
    // On a narrow screen (the viewer at 40 columns) a column of labels would leave the values a
    // few cells each, breaking their words: every label then stands above its value.
    let hang = width < 60 ? 2 : labelWidth + 2
    for fact in facts {
      let label = fact.label + ":"
      if DisplayWidth.of(SafeText.line(label)) + 1 > hang {
        // A label wider than the column: its value starts under it, in the column, instead of
        // running on from the colon with no space.
        out.paragraph(label)
        out.paragraph(fact.value, indent: hang)
      } else {
        out.paragraph(fact.value, first: label, hang: hang)
      }
    }
  }

  // MARK: Detail

  private func detail(_ document: ReportDocument, to out: inout TextLayout) {
    let language = document.language
    func word(_ text: ReportText) -> String { text.text(in: language) }
    out.blank()
    out.paragraph(word(.numbersReferToAppendix))

    if !document.discussFirst.isEmpty {
      out.section(word(.discussFirstHeading))
      for (offset, point) in document.discussFirst.enumerated() {
        out.blank()
        self.point(point, marker: "\(offset + 1). ", indent: 0, in: document, to: &out)
      }
    }

    if let heading = document.changesHeading, let comparison = document.comparison {
      out.section(heading)
      if !comparison.factors.isEmpty {
        out.paragraph(word(.factorChangesHeading))
        for change in comparison.factors {
          out.paragraph(change.title, first: "- ")
          thenAndNow(
            change.then.summary, change.now.summary, indent: 4, language: language, to: &out)
        }
        out.blank()
      }
      // Each change in full, with its number in the appendix (page one shortens long answers).
      let changes = document.changes ?? []
      if changes.isEmpty { out.paragraph(word(.noChangedAnswers)) }
      for change in changes {
        let number = change.number.map { "\($0) " } ?? ""
        if change.then.containsScalar("\n") || change.now.containsScalar("\n") {
          out.paragraph(number + change.question, first: "- ")
          thenAndNow(change.then, change.now, indent: 4, language: language, to: &out)
        } else {
          out.paragraph(
            "\(number)\(change.question) — \(change.then) → \(change.now)", first: "- ")
        }
      }
    }

    if !document.factors.isEmpty {
      out.section(word(.factorsHeading))
      for factor in document.factors {
        out.blank()
        self.factor(factor, in: document, to: &out)
      }
    }

    if !document.medicines.points.isEmpty {
      out.section(document.medicines.title ?? word(.medicinesHeading))
      for point in document.medicines.points {
        out.blank()
        self.point(point, marker: "* ", indent: 0, in: document, to: &out)
      }
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
    for (offset, point) in document.evidence.enumerated() {
      out.blank()
      if offset == document.firstGeneralEvidence {
        out.paragraph(word(.everyReportSection))
        out.blank()
      }
      self.point(point, marker: "* ", indent: 0, in: document, to: &out)
    }

    let ownWords = document.ownWords
    if !ownWords.isEmpty {
      out.section(word(.observationsHeading))
      for observation in ownWords {
        out.blank()
        out.paragraph(observation.numberedQuestion)
        out.paragraph(observation.shownAnswer(in: language), indent: 4)
      }
    }

    out.section(word(.answersHeading))
    for section in document.appendix {
      out.blank()
      out.paragraph("\(section.number). \(section.title)")
      for answer in section.answers {
        let number = answer.number ?? "-"
        out.paragraph(
          "\(answer.question) — \(document.appendixText(answer))", indent: 2,
          first: number + " ")
      }
    }

    if !document.sources.isEmpty {
      out.section(word(.sourcesHeading))
      for source in document.sources {
        let marker = "[\(source.number)] "
        out.paragraph(source.citation + (source.url.map { " " + $0 } ?? ""), first: marker)
      }
    }

    out.section(word(.disclaimerHeading))
    out.paragraph(document.disclaimer)
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
    trail(factor.basis, sources: factor.sources, indent: 2, in: document, to: &out)
    questions(factor.questions, indent: 2, language: language, to: &out)
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
    if point.saysEveryReport {
      out.paragraph(ReportText.everyReport.text(in: language), indent: inner)
    } else {
      for line in point.inlineBasis {
        let label =
          line.kind == .answer
          ? line.label : "\(line.label) (\(ReportText.workedOut.text(in: language)))"
        out.paragraph("\(label) — \(line.value)", indent: inner, first: "- ")
      }
    }
    trail(point.basis, sources: point.sources, indent: inner, in: document, to: &out)
    questions(point.questions, indent: inner, language: language, to: &out)
  }

  /// "Based on your answers: 3.1–3.3, 7.2 · Sources: [1] [4]", either part when there is one.
  private func trail(
    _ lines: [ReportBasis], sources ids: [String], indent: Int, in document: ReportDocument,
    to out: inout TextLayout
  ) {
    let language = document.language
    var parts: [String] = []
    if let numbers = lines.answerNumbers {
      parts.append("\(ReportText.basedOn.text(in: language)) \(numbers)")
    }
    let sources = document.sourceNumbers(ids)
    if !sources.isEmpty {
      parts.append(
        ReportText.sourcesLabel.text(in: language) + " "
          + sources.map { "[\($0)]" }.joined(separator: " "))
    }
    guard !parts.isEmpty else { return }
    out.paragraph(parts.joined(separator: " · "), indent: indent)
  }

  /// One question on the line of its label, more as a list.
  private func questions(
    _ items: [String], indent: Int, language: Language, to out: inout TextLayout
  ) {
    guard !items.isEmpty else { return }
    if items.count == 1 {
      out.paragraph(
        items[0], indent: indent, first: ReportText.questionToAsk.text(in: language) + " ")
      return
    }
    out.paragraph(ReportText.questionsToAsk.text(in: language), indent: indent)
    for item in items { out.paragraph(item, indent: indent, first: "- ") }
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

  /// A line across the page, between page one and the detail.
  mutating func rule(_ character: Character) {
    lines.append(String(repeating: character, count: width))
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
  /// others line up under the text after `first` (or at `hang` cells, when given). Every text
  /// goes through ``SafeText``: a control character or a bidi override is shown as `<U+XXXX>`.
  mutating func paragraph(_ text: String, indent: Int = 0, first: String = "", hang: Int? = nil) {
    let first = SafeText.line(first)
    let lead = indent + DisplayWidth.of(first)
    let hanging = max(hang ?? lead, lead)
    let available = max(1, width - hanging)
    // A line ending typed on Windows is a line break; a tab is a space; anything else unsafe
    // is shown, not passed on.
    var clean = text.utf8Offset(of: "\r\n") != nil ? text.replacingAll("\r\n", with: "\n") : text
    clean = SafeText.text(clean)
    if clean.containsScalar("\t") { clean = clean.replacingAll("\t", with: " ") }
    let wrapped = TextWrap.wrap(clean, width: available)
    for (offset, body) in wrapped.enumerated() {
      if offset == 0 {
        let pad = String(repeating: " ", count: hanging - lead)
        lines.append(
          trimmed(String(repeating: " ", count: indent) + first + pad + body))
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
