extension ReportScore {
  /// The result and its band in one phrase: "1.7 on a scale from 0 to 3, … — Moderate".
  var summary: String {
    band.map { "\(display) — \($0.label)" } ?? display
  }
}

/// What every format shows the same way: page one's parts, the references from points to the
/// appendix, and which answers the appendix leaves to another section.
extension ReportDocument {
  /// Page one lists at most this many changed answers (safety questions first); the changes
  /// section lists them all.
  static let pageOneChanges = 10

  /// The numbers of the sources `ids` name, ascending: `[1, 3]`.
  func sourceNumbers(_ ids: [String]) -> [Int] {
    Set(ids.compactMap { source($0)?.number }).sorted()
  }

  /// The header as label–value pairs, in the order every format shows them on page one.
  var headerFacts: [(label: String, value: String)] {
    let language = self.language
    func label(_ text: ReportText) -> String { text.text(in: language) }
    var facts: [(String, String)] = []
    if let nickname = header.nickname { facts.append((label(.childLabel), nickname)) }
    if let age = header.age { facts.append((label(.ageLabel), age)) }
    if let sex = header.sex { facts.append((label(.sexLabel), sex)) }
    if let respondent = header.respondent { facts.append((label(.respondentLabel), respondent)) }
    facts.append(
      (
        label(.dateLabel),
        ReportText.dateAndTime(header.lastChangedDate, header.lastChangedTime, in: language)
      ))
    facts.append((label(.statusLabel), header.statusText))
    facts.append(
      (
        label(.questionnaireLabel),
        "\(header.title) (\(header.questionnaireID), \(label(.version)) \(header.questionnaireVersion))"
      ))
    return facts
  }

  /// The running line of every printed page: "Daan · 24 November 2026, 20:15".
  var runningTitle: String {
    let when = ReportText.dateAndTime(header.lastChangedDate, header.lastChangedTime, in: language)
    return header.nickname.map { "\($0) · \(when)" } ?? when
  }

  /// What page one says when no point needs to come first: only when every safety question was
  /// answered does it say so.
  var nothingFirst: String {
    (summary.safetyAnswered == true
      ? ReportText.nothingDiscussFirstAllSafetyAnswered : .nothingDiscussFirst)
      .text(in: language)
  }

  /// Titles of the points to discuss that are not discussed first, for page one.
  var alsoDiscussed: [String] {
    (factors.flatMap(\.points) + medicines.points + otherPoints + evidence)
      .filter { $0.priority == .discuss }.map(\.what)
  }

  /// The heading of the changes section: "Changed since 20 May 2026, 18:40".
  var changesHeading: String? {
    comparison.map {
      ReportText.changedSince(
        ReportText.dateAndTime($0.previousDate, $0.previousTime, in: language), in: language)
    }
  }

  /// The evidence point before which the section says, once, that the points from there on are
  /// in every report (they come after the ones raised by an answer).
  var firstGeneralEvidence: Int? { evidence.firstIndex { $0.basis.isEmpty } }

  /// The observations shown in their own section: all but the parent's questions (page one).
  var ownWords: [ReportAnswer] {
    observations.filter { $0.itemID != summary.parentQuestions?.itemID }
  }

  /// Whether the appendix leaves `answer` out because another section shows it in full: the
  /// parent's own words (so no text is printed twice).
  func shownElsewhere(_ answer: ReportAnswer) -> Bool {
    answer.itemID == summary.parentQuestions?.itemID
      || ownWords.contains { $0.itemID == answer.itemID }
  }

  /// The appendix: every section with the answers it prints (a section left empty is left out).
  var appendix: [ReportAnswerSection] {
    answers.compactMap { section in
      var kept = section
      kept.answers = section.answers.filter { !shownElsewhere($0) }
      return kept.answers.isEmpty ? nil : kept
    }
  }

  /// What the appendix shows for `answer`: the answer, or where it is shown in full when the
  /// parent's own words have a section of their own (so no text is printed twice).
  func appendixText(_ answer: ReportAnswer) -> String {
    if answer.itemID == summary.parentQuestions?.itemID {
      return ReportText.shownUnder(ReportText.ownQuestionsHeading.text(in: language), in: language)
    }
    if ownWords.contains(where: { $0.itemID == answer.itemID }) {
      return ReportText.shownUnder(ReportText.observationsHeading.text(in: language), in: language)
    }
    return answer.shownAnswer(in: language)
  }
}

extension ReportPoint {
  /// Whether the point says on its own that it is in every report: evidence points are in every
  /// report, and their section says so once.
  var saysEveryReport: Bool { basis.isEmpty && topic != "evidence" }

  /// The answers behind the point that the appendix does not list (items hidden now), shown with
  /// the point itself; the others are referred to by number. Worked-out values are left to the
  /// point's text and to the JSON form: printed, they repeated what the text says.
  var inlineBasis: [ReportBasis] { basis.filter { $0.kind == .answer && $0.number == nil } }
}

extension Array where Element == ReportBasis {
  /// The appendix numbers of the answers, runs within a section joined: "3.1–3.3, 7.2".
  var answerNumbers: String? {
    let numbers = compactMap { $0.kind == .answer ? $0.number : nil }
    guard !numbers.isEmpty else { return nil }
    func split(_ number: String) -> (Int, Int)? {
      let parts = number.split(separator: ".")
      guard parts.count == 2, let section = Int(parts[0]), let item = Int(parts[1]) else {
        return nil
      }
      return (section, item)
    }
    var runs: [String] = []
    var start: (String, Int, Int)?
    var last: (String, Int, Int)?
    func close() {
      guard let first = start, let end = last else { return }
      runs.append(first.0 == end.0 ? first.0 : "\(first.0)–\(end.0)")
    }
    for number in numbers {
      guard let (section, item) = split(number) else {
        close()
        start = nil
        last = nil
        runs.append(number)
        continue
      }
      if let previous = last, previous.1 == section, previous.2 + 1 == item {
        last = (number, section, item)
      } else {
        close()
        start = (number, section, item)
        last = start
      }
    }
    close()
    return runs.joined(separator: ", ")
  }
}

extension ReportAnswer {
  /// "9.1 What have you noticed…?": the parent's own words are shown in their own section, not
  /// in the appendix, so they carry their number there.
  var numberedQuestion: String { number.map { "\($0) \(question)" } ?? question }

  /// The answer, followed by why it is not used when it is not.
  func shownAnswer(in language: Language) -> String {
    guard state == .notUsable else { return answer }
    let reason = problem.map { ": \($0)" } ?? ""
    return "\(answer) (\(ReportText.notUsed.text(in: language))\(reason))"
  }
}
