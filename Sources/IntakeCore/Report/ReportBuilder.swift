import FoundationEssentials

extension ReportDocument {
  /// Builds the report for `record` as answered to `questionnaire`.
  ///
  /// - Parameters:
  ///   - previous: the assessment `record` follows up (its `followUpOf`), for a neutral "then /
  ///     now" comparison; ignored when it is not the one `record` names.
  ///   - today: the report's date; ages are computed for this day.
  ///   - language: the reader's language; `nil` takes the language the answers were given in.
  ///   - timeZone: turns the records' timestamps into their dates and times.
  public static func build(
    questionnaire: Questionnaire, record: AnswerRecord, previous: AnswerRecord? = nil,
    today: LocalDate, language: Language? = nil, timeZone: TimeZone? = nil
  ) throws(ReportError) -> ReportDocument {
    guard record.questionnaireID == questionnaire.id else {
      throw .otherQuestionnaire(answers: record.questionnaireID, questionnaire: questionnaire.id)
    }
    let language = try chooseLanguage(language, record: record, questionnaire: questionnaire)
    let builder = ReportBuilder(
      questionnaire: questionnaire, record: record, today: today, language: language,
      timeZone: timeZone)
    return builder.build(previous: previous)
  }

  private static func chooseLanguage(
    _ requested: Language?, record: AnswerRecord, questionnaire: Questionnaire
  ) throws(ReportError) -> Language {
    if let requested {
      guard questionnaire.languages.contains(requested) else {
        throw .languageNotOffered(requested, offered: questionnaire.languages)
      }
      return requested
    }
    return questionnaire.languages.contains(record.language)
      ? record.language : questionnaire.languages[0]
  }
}

/// Turns one assessment into a ``ReportDocument``. Every text it places comes from the
/// questionnaire (rendered with its placeholders) or from ``ReportText``.
struct ReportBuilder {
  let questionnaire: Questionnaire
  let record: AnswerRecord
  let assessment: Assessment
  let language: Language
  let timeZone: TimeZone?
  /// Every shown item's number in the appendix ("3.2"), by id.
  let numbers: [String: String]

  init(
    questionnaire: Questionnaire, record: AnswerRecord, today: LocalDate, language: Language,
    timeZone: TimeZone?
  ) {
    self.questionnaire = questionnaire
    self.record = record
    self.language = language
    self.timeZone = timeZone
    let assessment = Engine.assess(questionnaire, answers: record.answerValues, today: today)
    self.assessment = assessment
    var numbers: [String: String] = [:]
    var sectionNumber = 0
    for section in questionnaire.sections where assessment.isVisible(section: section.id) {
      sectionNumber += 1
      var itemNumber = 0
      for item in questionnaire.items(in: section)
      where assessment.isVisible(item: item.id, in: questionnaire) {
        itemNumber += 1
        numbers[item.id] = "\(sectionNumber).\(itemNumber)"
      }
    }
    self.numbers = numbers
  }

  func build(previous: AnswerRecord?) -> ReportDocument {
    var notes: [String] = []
    if record.questionnaireVersion != questionnaire.version {
      notes.append(
        ReportText.otherVersion(
          answers: record.questionnaireVersion, report: questionnaire.version, in: language))
    }
    if record.status == .inProgress {
      notes.append(ReportText.unfinished(in: language))
    }
    if !assessment.missingRequired.isEmpty {
      notes.append(ReportText.missingRequired(assessment.missingRequired.count, in: language))
    }
    let unusableShown = assessment.unusableAnswers.keys.filter {
      assessment.isVisible(item: $0, in: questionnaire)
    }
    if !unusableShown.isEmpty {
      notes.append(ReportText.unusableAnswers(unusableShown.count, in: language))
    }
    var comparison: ReportComparison?
    var changes: [ReportAnswerChange]?
    if let followed = record.followUpOf {
      if let previous, previous.id == followed {
        if previous.questionnaireID == questionnaire.id {
          (comparison, changes) = compare(with: previous)
        } else {
          notes.append(ReportText.previousOtherQuestionnaire(in: language))
        }
      } else {
        notes.append(ReportText.previousMissing(in: language))
      }
    }

    // Each raised point goes to exactly one place: discuss-first wins over its topic.
    let points = assessment.points.enumerated()
      .sorted { ($0.element.rule.priority, $0.offset) < ($1.element.rule.priority, $1.offset) }
      .map { point(for: $0.element) }
    let factorIDs = Set(questionnaire.report.factors.map(\.id))
    var discussFirst = points.filter { $0.priority == .discussFirst }
    if let open = openSafetyPoint() { discussFirst.append(open) }
    let rest = points.filter { $0.priority != .discussFirst }
    let factors = questionnaire.report.factors.map { factor in
      self.factor(factor, points: rest.filter { $0.topic == factor.id })
    }
    let medicines = ReportMedicines(
      title: questionnaire.report.medicinesSectionID
        .flatMap { questionnaire.section($0) }
        .map { $0.title.text(in: language) },
      points: rest.filter { $0.topic == "medicines" })
    let evidence = rest.filter { $0.topic == "evidence" }
    let otherPoints = rest.filter {
      !factorIDs.contains($0.topic) && $0.topic != "medicines" && $0.topic != "evidence"
    }
    let summary = self.summary()

    var cited: [String] = []
    func cite(_ ids: [String]) {
      for id in ids where !cited.contains(id) { cited.append(id) }
    }
    summary.lines.forEach { cite($0.sources) }
    discussFirst.forEach { cite($0.sources) }
    for factor in factors {
      cite(factor.sources)
      factor.points.forEach { cite($0.sources) }
    }
    medicines.points.forEach { cite($0.sources) }
    otherPoints.forEach { cite($0.sources) }
    evidence.forEach { cite($0.sources) }
    let sources = cited.enumerated().compactMap { offset, id -> ReportSource? in
      guard let source = questionnaire.source(id) else { return nil }
      return ReportSource(
        number: offset + 1, id: id, citation: source.citation.text(in: language),
        url: source.url, note: source.note)
    }

    return ReportDocument(
      language: language, header: header(notes: notes), summary: summary,
      discussFirst: discussFirst, factors: factors, comparison: comparison, changes: changes,
      medicines: medicines, otherPoints: otherPoints, evidence: evidence,
      observations: observations(), answers: answerSections(), sources: sources,
      disclaimer: ReportText.disclaimer.text(in: language),
      disclaimerShort: ReportText.disclaimerShort.text(in: language))
  }

  // MARK: Header and page one

  private func header(notes: [String]) -> ReportHeader {
    let unanswered = unansweredItems()
    let safetyNames = unanswered.compactMap(\.safety)
    let unknownSafety = questionnaire.items.compactMap { item -> String? in
      guard assessment.isVisible(item: item.id, in: questionnaire),
        record.answers[item.id]?.value == .dontKnow
      else { return nil }
      return questionnaire.report.safety?.question(item.id)?.label.text(in: language)
    }
    return ReportHeader(
      title: questionnaire.title.text(in: language),
      nickname: questionnaire.report.nicknameItemID.flatMap(answerText),
      age: questionnaire.report.ageID.flatMap(ageText),
      sex: questionnaire.report.sexItemID.flatMap(answerText),
      date: assessment.today,
      lastChangedDate: Timestamp.day(of: record.updated, timeZone: timeZone),
      lastChangedTime: Self.time(of: record.updated, in: timeZone),
      updated: Timestamp.format(record.updated),
      respondent: questionnaire.report.respondentItemID.flatMap(answerText),
      questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
      answersVersion: record.questionnaireVersion, assessmentID: record.id,
      status: record.status,
      statusText: ReportText.statusText(
        record.status, unanswered: unanswered.count, safety: safetyNames,
        unknownSafety: unknownSafety, in: language),
      unanswered: unanswered, notes: notes)
  }

  /// `HH:MM` of `date` in `timeZone`.
  static func time(of date: Date, in timeZone: TimeZone?) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone.at(date)
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    func two(_ value: Int?) -> String {
      let text = String(value ?? 0)
      return text.count < 2 ? "0" + text : text
    }
    return "\(two(parts.hour)):\(two(parts.minute))"
  }

  /// Shown items with nothing stored, as the engine sees them now: the answers file's own list
  /// is not trusted alone (a questionnaire update can show new questions).
  private func unansweredItems() -> [ReportUnanswered] {
    questionnaire.items.compactMap { item in
      guard assessment.isVisible(item: item.id, in: questionnaire),
        record.answers[item.id]?.value == nil
      else { return nil }
      return ReportUnanswered(
        itemID: item.id, number: numbers[item.id], question: item.question.text(in: language),
        safety: questionnaire.report.safety?.question(item.id)?.label.text(in: language))
    }
  }

  private func summary() -> ReportSummary {
    // Conditions are evaluated as a rule's would be, against the answers the engine used.
    let context = EvaluationContext(
      questionnaire: questionnaire, answers: questionnaire.items.map { assessment.answers[$0.id] },
      today: assessment.today)
    context.visibility = assessment.itemVisible.map { $0 }
    let lines = questionnaire.report.summary.compactMap { line -> ReportSummaryLine? in
      if let condition = line.condition, !context.evaluate(condition.expression).isTrue {
        return nil
      }
      return ReportSummaryLine(
        id: line.id, label: line.label.text(in: language), text: render(line.text),
        sources: line.sourceIDs)
    }
    let questions = questionnaire.report.parentQuestionsItemID.flatMap { id in
      observations().first { $0.itemID == id }
    }
    return ReportSummary(
      lines: lines, parentQuestions: questions,
      safetyAnswered: questionnaire.report.safety.map { _ in openSafetyQuestions().isEmpty })
  }

  // MARK: Points and factors

  private func render(_ template: TextTemplate) -> String {
    questionnaire.render(template, for: assessment, in: language)
  }

  private func point(for raised: RaisedPoint) -> ReportPoint {
    let rule = raised.rule
    return ReportPoint(
      id: rule.id, priority: rule.priority, topic: rule.topic, what: render(rule.title),
      why: render(rule.text), questions: rule.questions.map(render),
      basis: basis(of: raised.trail), sources: rule.sourceIDs)
  }

  /// The safety questions that are shown but have no usable, definite answer, in questionnaire
  /// order.
  private func openSafetyQuestions() -> [(item: Item, label: String)] {
    guard let safety = questionnaire.report.safety else { return [] }
    return questionnaire.items.compactMap { item in
      guard let question = safety.question(item.id),
        assessment.isVisible(item: item.id, in: questionnaire)
      else { return nil }
      switch assessment.answers[item.id] {
      case nil, .dontKnow?, .preferNotToSay?: return (item, question.label.text(in: language))
      default: return nil
      }
    }
  }

  /// The discuss-first point for open safety questions; `nil` when every one is answered.
  private func openSafetyPoint() -> ReportPoint? {
    guard let safety = questionnaire.report.safety else { return nil }
    let open = openSafetyQuestions()
    guard !open.isEmpty else { return nil }
    let point = safety.openPoint
    return ReportPoint(
      id: SafetySpec.openPointID, priority: .discussFirst, topic: "safety",
      what: point.title.text(in: language) + ": " + open.map(\.label).joined(separator: ", "),
      why: render(point.text), questions: point.questions.map(render),
      basis: basis(of: open.map { .item($0.item.id) }), sources: point.sourceIDs)
  }

  private func factor(_ factor: Factor, points: [ReportPoint]) -> ReportFactor {
    let result = factor.scoreID.flatMap { self.score(of: $0, in: assessment) }
    var trail: [TrailReference] = []
    if let id = factor.scoreID {
      trail.append(questionnaire.scale(id) != nil ? .scale(id) : .computed(id))
    }
    return ReportFactor(
      id: factor.id, title: factor.title.text(in: language), text: render(factor.text),
      score: result, questions: factor.questions.map(render),
      // The score itself is shown above the basis, so only the answers behind it are listed.
      basis: basis(of: trail).filter { $0.kind == .answer }, sources: factor.sourceIDs,
      points: points)
  }

  /// A scale's or computed value's result with its band, as of `assessment`.
  private func score(of id: String, in assessment: Assessment) -> ReportScore? {
    let format = { (value: Double) in NumberText.format(value, decimals: 2, in: language) }
    if let scale = questionnaire.scale(id), let outcome = assessment.scales[id] {
      let display: String
      if let score = outcome.score {
        display = ReportText.scaleScore(
          NumberText.format(score, decimals: 1, in: language),
          lowest: format(scale.range.lowerBound), highest: format(scale.range.upperBound),
          answered: outcome.answeredCount, shown: outcome.shownCount, in: language)
      } else {
        display = ReportText.scaleUnknown(
          answered: outcome.answeredCount, shown: outcome.shownCount,
          needed: outcome.neededCount, in: language)
      }
      return ReportScore(
        kind: .scale, id: id, label: scale.label.text(in: language), number: outcome.score,
        display: display, band: outcome.band.map { band(of: $0, in: assessment) },
        lowest: scale.range.lowerBound, highest: scale.range.upperBound,
        answered: outcome.answeredCount, shown: outcome.shownCount,
        needed: outcome.neededCount)
    }
    if let value = questionnaire.computedValue(id), let outcome = assessment.computed[id] {
      let known = outcome.value != nil
      return ReportScore(
        kind: .computed, id: id, label: (value.label ?? LocalizedText([:])).text(in: language),
        number: outcome.value?.number,
        display: known
          ? questionnaire.placeholderText(id, in: assessment, language: language)
          : ReportText.notEnoughAnswers.text(in: language),
        band: outcome.band.map { band(of: $0, in: assessment) })
    }
    return nil
  }

  private func band(of band: Band, in assessment: Assessment) -> ReportBand {
    ReportBand(
      id: band.id, label: band.label.text(in: language),
      text: band.text.map { questionnaire.render($0, for: assessment, in: language) })
  }

  /// The trail as lines a parent can check: the labelled values and scores it was worked out
  /// through first (in questionnaire order), then every answer behind them with its number in
  /// the appendix.
  private func basis(of trail: [TrailReference]) -> [ReportBasis] {
    let behind = assessment.references(behind: trail)

    var lines: [ReportBasis] = []
    // Unlabelled computed values are the questionnaire's own arithmetic; the answers behind them
    // say more to a parent than an internal number.
    for value in questionnaire.computed where behind.contains(.computed(value.id)) {
      guard let label = value.label else { continue }
      lines.append(
        ReportBasis(
          kind: .computed, id: value.id, label: label.text(in: language),
          value: questionnaire.placeholderText(value.id, in: assessment, language: language)))
    }
    for scale in questionnaire.scales where behind.contains(.scale(scale.id)) {
      lines.append(
        ReportBasis(
          kind: .score, id: scale.id, label: scale.label.text(in: language),
          value: questionnaire.placeholderText(scale.id, in: assessment, language: language)))
    }
    for item in questionnaire.items where behind.contains(.item(item.id)) {
      lines.append(
        ReportBasis(
          kind: .answer, id: item.id, label: item.question.text(in: language),
          value: item.displayText(assessment.answers[item.id], in: language),
          number: numbers[item.id]))
    }
    return lines
  }

  // MARK: Answers

  /// The answer to a shown item as a header line; `nil` when hidden or not answered.
  private func answerText(_ itemID: String) -> String? {
    guard assessment.isVisible(item: itemID, in: questionnaire),
      let item = questionnaire.item(itemID), let answer = assessment.answers[itemID]
    else { return nil }
    return item.displayText(answer, in: language)
  }

  private func ageText(_ id: String) -> String? {
    guard questionnaire.item(id) != nil else {
      // A computed age reads as every text that names it does ("under 1 year", not "0 years").
      guard assessment.computed[id]?.value != nil else { return nil }
      return questionnaire.placeholderText(id, in: assessment, language: language)
    }
    guard case .number(let value)? = assessment.answers[id],
      assessment.isVisible(item: id, in: questionnaire), value < 1
    else { return answerText(id) }
    // "0 years" is what the questionnaire asks a parent to enter for a baby, not how to say it.
    return UIText.underOneYear.text(in: language)
  }

  /// A shown item's stored answer exactly as given, usable or not.
  private func answer(_ item: Item) -> ReportAnswer {
    let question = item.question.text(in: language)
    let number = numbers[item.id]
    guard let stored = record.answers[item.id]?.value else {
      return ReportAnswer(
        itemID: item.id, number: number, question: question,
        answer: item.displayText(nil, in: language), value: nil, state: .notAnswered)
    }
    let shown = item.displayText(stored, in: language)
    if let problem = assessment.unusableAnswers[item.id] {
      return ReportAnswer(
        itemID: item.id, number: number, question: question, answer: shown, value: stored,
        state: .notUsable, problem: problem.message(in: language))
    }
    let state: ReportAnswer.State =
      switch stored {
      case .dontKnow: .dontKnow
      case .preferNotToSay: .preferNotToSay
      default: .answered
      }
    return ReportAnswer(
      itemID: item.id, number: number, question: question, answer: shown, value: stored,
      state: state)
  }

  private func visibleItems(in section: Section) -> [Item] {
    questionnaire.items(in: section).filter {
      assessment.isVisible(item: $0.id, in: questionnaire)
    }
  }

  private func answerSections() -> [ReportAnswerSection] {
    questionnaire.sections.filter { assessment.isVisible(section: $0.id) }.enumerated().map {
      offset, section in
      ReportAnswerSection(
        id: section.id, number: offset + 1, title: section.title.text(in: language),
        answers: visibleItems(in: section).map(answer))
    }
  }

  private func observations() -> [ReportAnswer] {
    questionnaire.report.observationItemIDs.compactMap { id in
      guard assessment.isVisible(item: id, in: questionnaire), let item = questionnaire.item(id)
      else { return nil }
      let line = answer(item)
      return line.state == .notAnswered ? nil : line
    }
  }

  // MARK: Follow-up

  private func compare(with previous: AnswerRecord) -> (
    ReportComparison, [ReportAnswerChange]
  ) {
    // The same day `intake history` shows for it, so the two never disagree.
    let previousDate = AssessmentHistory.day(of: previous, timeZone: timeZone)
    let earlier = Engine.assess(
      questionnaire, answers: previous.answerValues, today: previousDate)
    var factors: [ReportFactorChange] = []
    for factor in questionnaire.report.factors {
      guard let id = factor.scoreID, let now = score(of: id, in: assessment),
        let then = score(of: id, in: earlier)
      else { continue }
      factors.append(
        ReportFactorChange(
          id: factor.id, title: factor.title.text(in: language), then: then, now: now))
    }
    let notAsked = ReportText.notAsked.text(in: language)
    // Safety-relevant: a safety question, or an answer behind a point raised first now (the
    // stomach complaints behind "complaints while magnesium is given").
    var first = Set(questionnaire.items.filter(\.isSafety).map(\.id))
    for point in assessment.points where point.rule.priority == .discussFirst {
      first.formUnion(assessment.items(behind: point.trail, in: questionnaire))
    }
    var safetyChanges: [ReportAnswerChange] = []
    var otherChanges: [ReportAnswerChange] = []
    for item in questionnaire.items {
      let wasShown = earlier.isVisible(item: item.id, in: questionnaire)
      let isShown = assessment.isVisible(item: item.id, in: questionnaire)
      guard wasShown || isShown else { continue }
      let before = wasShown ? previous.answers[item.id]?.value : nil
      let after = isShown ? record.answers[item.id]?.value : nil
      guard before != after else { continue }
      let safety = questionnaire.report.safety?.question(item.id)?.label.text(in: language)
      let change = ReportAnswerChange(
        itemID: item.id, number: numbers[item.id], question: item.question.text(in: language),
        then: wasShown ? item.displayText(before, in: language) : notAsked,
        now: isShown ? item.displayText(after, in: language) : notAsked, safety: safety)
      if first.contains(item.id) {
        safetyChanges.append(change)
      } else {
        otherChanges.append(change)
      }
    }
    let comparison = ReportComparison(
      previousID: previous.id, previousDate: previousDate,
      previousTime: Self.time(of: previous.updated, in: timeZone), factors: factors)
    return (comparison, safetyChanges + otherChanges)
  }
}
