extension ReportScore {
  /// The result and its band in one phrase: "1.7 on a scale from 0 to 3, … — Moderate".
  var summary: String {
    band.map { "\(display) — \($0.label)" } ?? display
  }
}

extension ReportDocument {
  /// The numbers of the sources `ids` name, ascending: `[1, 3]`.
  func sourceNumbers(_ ids: [String]) -> [Int] {
    Set(ids.compactMap { source($0)?.number }).sorted()
  }

  /// The header as label–value pairs, in the order every format shows them.
  var headerFacts: [(label: String, value: String)] {
    let language = self.language
    func label(_ text: ReportText) -> String { text.text(in: language) }
    var facts: [(String, String)] = []
    if let nickname = header.nickname { facts.append((label(.childLabel), nickname)) }
    if let age = header.age { facts.append((label(.ageLabel), age)) }
    facts.append((label(.dateLabel), DateText.format(header.date, in: language)))
    if let respondent = header.respondent { facts.append((label(.respondentLabel), respondent)) }
    facts.append(
      (
        label(.questionnaireLabel),
        "\(header.title) (\(header.questionnaireID), \(label(.version)) \(header.questionnaireVersion))"
      ))
    facts.append((label(.languageLabel), ReportText.languageName(language, in: language)))
    facts.append(
      (
        label(.statusLabel),
        label(ReportText.status(header.status))
      ))
    return facts
  }
}

extension ReportAnswer {
  /// The answer, followed by why it is not used when it is not.
  func shownAnswer(in language: Language) -> String {
    guard state == .notUsable else { return answer }
    let reason = problem.map { ": \($0)" } ?? ""
    return "\(answer) (\(ReportText.notUsed.text(in: language))\(reason))"
  }
}
