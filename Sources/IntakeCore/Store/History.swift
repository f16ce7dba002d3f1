import FoundationEssentials

/// The score of one report factor in one assessment: the scale or computed value the factor names
/// (``Factor/scoreID``), with its band.
public struct FactorScore: Sendable {
  public let factorID: String
  /// `nil` when the answers do not determine it.
  public let value: Value?
  public let band: Band?
  /// Digits shown after the decimal separator.
  public let decimals: Int

  /// "1,7 (Matig)", "1.7 (Moderate)", or "onbekend"/"unknown".
  public func text(in language: Language) -> String {
    let shown: String
    switch value {
    case .number(let number)?: shown = NumberText.format(number, decimals: decimals, in: language)
    case .bool(let flag)?: shown = (flag ? UIText.yes : UIText.no).text(in: language)
    case let other?: shown = other.description
    case nil: return UIText.unknown.text(in: language)
    }
    guard let band else { return shown }
    return "\(shown) (\(band.label.text(in: language)))"
  }
}

/// Scores over time: what `intake history` shows and what a follow-up report compares.
public enum AssessmentHistory {
  /// The day an assessment counts as made: the local day it was last changed. Ages are computed
  /// for that day, so an old assessment scores as it did then.
  public static func day(of record: AnswerRecord, timeZone: TimeZone? = nil) -> LocalDate {
    Timestamp.day(of: record.updated, timeZone: timeZone)
  }

  /// The score of every factor of `questionnaire` that names one, for `record`'s answers, in
  /// factor order. Answers to items the questionnaire does not have are ignored, as the engine
  /// does; answers of another questionnaire give no scores (empty).
  public static func factorScores(
    of record: AnswerRecord, in questionnaire: Questionnaire, timeZone: TimeZone? = nil
  ) -> [FactorScore] {
    guard record.questionnaireID == questionnaire.id else { return [] }
    let assessment = Engine.assess(
      questionnaire, answers: record.answerValues, today: day(of: record, timeZone: timeZone))
    return questionnaire.report.factors.compactMap { factor in
      guard let scoreID = factor.scoreID else { return nil }
      if let outcome = assessment.scales[scoreID] {
        return FactorScore(
          factorID: factor.id, value: outcome.score.map(Value.number), band: outcome.band,
          decimals: 1)
      }
      let outcome = assessment.computed[scoreID]
      return FactorScore(
        factorID: factor.id, value: outcome?.value, band: outcome?.band,
        decimals: questionnaire.computedValue(scoreID)?.decimals ?? 1)
    }
  }

  /// A plain, aligned table: one row per assessment (oldest first) with its day, status and the
  /// score of each factor (`intake list` shows the ids). A Version column appears when the rows
  /// differ in version.
  /// - Parameter width: the terminal's width to fit, when printing to one.
  public static func table(
    _ records: [AnswerRecord], questionnaire: Questionnaire, language: Language,
    timeZone: TimeZone? = nil, width: Int? = nil
  ) -> String {
    let sorted = records.sorted { ($0.created, $0.id) < ($1.created, $1.id) }
    let factors = questionnaire.report.factors.filter { $0.scoreID != nil }
    let showVersion = Set(sorted.map(\.questionnaireReference)).count > 1
    var header = [StoreText.date.text(in: language), StoreText.status.text(in: language)]
    if showVersion { header.append(StoreText.version.text(in: language)) }
    header += factors.map { $0.title.text(in: language) }
    var rows: [[String]] = []
    for record in sorted {
      var row = [
        DateText.short(day(of: record, timeZone: timeZone)),
        StoreText.status(record.status).text(in: language),
      ]
      if showVersion { row.append(record.questionnaireReference) }
      let scores = factorScores(of: record, in: questionnaire, timeZone: timeZone)
      if scores.isEmpty {
        row += factors.map { _ in "–" }
      } else {
        row += scores.map { $0.text(in: language) }
      }
      rows.append(row)
    }
    return TextTable.render(header: header, rows: rows, width: width)
  }
}
