import FoundationEssentials

/// One assessment as a FHIR R4 `QuestionnaireResponse`, with the report's trail.
struct FHIRResponseMapping {
  let questionnaire: Questionnaire
  let record: AnswerRecord
  let assessment: Assessment
  /// Whether the child's name goes in: as `subject.display` and as the answer to the item the
  /// report names the child by. Left out by default.
  let includeName: Bool
  let timeZone: TimeZone?

  /// The language the answers were given in (the questionnaire's first when it has no longer
  /// got that one): the response's texts are the ones the parent read.
  var language: Language {
    questionnaire.languages.contains(record.language) ? record.language : questionnaire.languages[0]
  }

  func resource() -> FHIRQuestionnaireResponse {
    let raised = raisedPoints()
    var response = FHIRQuestionnaireResponse(
      id: FHIRNames.resourceID(record.id),
      extension: raised.isEmpty ? nil : raised.map(pointExtension),
      language: language.code, questionnaire: FHIRNames.questionnaireCanonical(questionnaire),
      // "Finished with unanswered questions" is finished: FHIR lets a completed response leave
      // questions out, and the open ones are simply absent.
      status: record.status.isFinished ? "completed" : "in-progress",
      authored: FHIRDateTime.text(record.updated, timeZone: timeZone))
    if includeName, let name = childName { response.subject = FHIRReference(display: name) }
    let groups = questionnaire.sections.compactMap { group($0, raised: raised) }
    response.item = groups.isEmpty ? nil : groups
    return response
  }

  // MARK: Answers

  /// The item whose answer names the child, unless names are asked for.
  private var withheldItemID: String? {
    includeName ? nil : questionnaire.report.nicknameItemID
  }

  private var childName: String? {
    if let id = questionnaire.report.nicknameItemID, case .text(let name)? = assessment.answers[id]
    {
      return name
    }
    return record.profileName
  }

  private func group(_ section: Section, raised: [RaisedTrail]) -> FHIRResponseItem? {
    guard assessment.isVisible(section: section.id) else { return nil }
    var children: [FHIRResponseItem] = []
    // The assessment's answers are those to shown items that fit them: answers kept for hidden
    // items, or no longer fitting, are never exported.
    for item in questionnaire.items(in: section) where item.id != withheldItemID {
      guard assessment.isVisible(item: item.id, in: questionnaire),
        let answer = assessment.answers[item.id]
      else { continue }
      var out = FHIRResponseItem(linkId: item.id, text: item.question.text(in: language))
      out.answer = answers(answer, of: item)
      out.extension = trail(of: item, raised: raised)
      children.append(out)
    }
    guard !children.isEmpty else { return nil }
    var out = FHIRResponseItem(linkId: section.id, text: section.title.text(in: language))
    out.item = children
    return out
  }

  private func answers(_ answer: AnswerValue, of item: Item) -> [FHIRResponseAnswer] {
    var out = FHIRResponseAnswer()
    switch answer {
    case .dontKnow, .preferNotToSay:
      out.extension = [.code(FHIRNames.dataAbsentReason, answer.dataAbsentReason ?? "")]
    case .choice(let id):
      out.valueCoding = coding(item, id)
    case .choices(let ids):
      return ids.map { id in
        var one = FHIRResponseAnswer()
        one.valueCoding = coding(item, id)
        return one
      }
    case .number(let number):
      switch item.kind {
      case .scale(let points):
        var coding = FHIRCoding(
          system: FHIRNames.codeSystem(questionnaire, item: item), code: FHIRNumber.text(number),
          display: points.first { $0.value == number }?.label.text(in: language))
        coding.extension = [weight(number)]
        out.valueCoding = coding
      case .integer: out.valueInteger = Int(number)
      default: out.valueDecimal = number
      }
    case .text(let text): out.valueString = text
    case .date(let date): out.valueDate = date.iso
    }
    return [out]
  }

  private func coding(_ item: Item, _ id: String) -> FHIRCoding {
    let option = item.option(id)
    var coding = FHIRCoding(
      system: FHIRNames.codeSystem(questionnaire, item: item), code: id,
      display: option?.label.text(in: language))
    if let value = option?.value { coding.extension = [weight(value)] }
    return coding
  }

  /// The points an answer scores, where they count (`ordinalValue` in the questionnaire).
  private func weight(_ value: Double) -> FHIRExtension {
    var ext = FHIRExtension(url: FHIRNames.itemWeight)
    ext.valueDecimal = value
    return ext
  }

  // MARK: The trail

  /// A raised point with everything behind it, as the engine traced it.
  struct RaisedTrail {
    let point: RaisedPoint
    /// The items behind it, in questionnaire order (answered or not: "not answered" can raise a
    /// point).
    let items: [String]
    /// The computed values and scales it was worked out through, in questionnaire order.
    let values: [String]
  }

  private func raisedPoints() -> [RaisedTrail] {
    assessment.points.map { point in
      let behind = assessment.references(behind: point.trail)
      let values =
        questionnaire.scales.map(\.id).filter { behind.contains(.scale($0)) }
        + questionnaire.computed.map(\.id).filter { behind.contains(.computed($0)) }
      return RaisedTrail(
        point: point, items: assessment.items(behind: point.trail, in: questionnaire),
        values: values)
    }
  }

  private func title(of point: RaisedPoint) -> String {
    questionnaire.render(point.rule.title, for: assessment, in: language)
  }

  /// One raised point on the response: which rule, how urgent, its title as the report words it,
  /// the answers and values behind it and the sources it rests on.
  private func pointExtension(_ raised: RaisedTrail) -> FHIRExtension {
    let rule = raised.point.rule
    var parts: [FHIRExtension] = [
      .code("rule", rule.id), .code("priority", rule.priority.rawValue),
      .code("topic", rule.topic), .string("title", title(of: raised.point)),
    ]
    parts += raised.items.map { .string("item", $0) }
    parts += raised.values.map { .code("value", $0) }
    for id in rule.sourceIDs {
      guard let source = questionnaire.source(id) else { continue }
      var sourceParts: [FHIRExtension] = [
        .code("id", id), .string("citation", source.citation.text(in: language)),
      ]
      if let url = source.url {
        var link = FHIRExtension(url: "url")
        link.valueUri = url
        sourceParts.append(link)
      }
      parts.append(.complex("source", sourceParts))
    }
    return .complex(FHIRNames.reportPoint, parts)
  }

  /// On an answered item: the points its answer helped raise, by rule id (intake's extension)
  /// and in words (SDC `answerAssessment`).
  private func trail(of item: Item, raised: [RaisedTrail]) -> [FHIRExtension]? {
    let points = raised.filter { $0.items.contains(item.id) }
    guard !points.isEmpty else { return nil }
    var extensions = points.map {
      FHIRExtension.code(FHIRNames.raisesReportPoint, $0.point.rule.id)
    }
    var lines = [FHIRText.raisedHeading.text(in: language)]
    for raised in points {
      let citations = raised.point.rule.sourceIDs.compactMap { questionnaire.source($0) }
        .map { FHIRText.markdownEscaped($0.citation.text(in: language)) }
      var line = "- **\(FHIRText.markdownEscaped(title(of: raised.point)))**"
      if !citations.isEmpty {
        line += " (\(FHIRText.sources.text(in: language)): \(citations.joined(separator: "; ")))"
      }
      lines.append(line)
    }
    var assessmentText = FHIRExtension(url: FHIRNames.answerAssessment)
    assessmentText.valueMarkdown = lines.joined(separator: "\n")
    extensions.append(assessmentText)
    return extensions
  }
}

/// The few words the FHIR export writes itself.
enum FHIRText {
  case raisedHeading
  case sources

  func text(in language: Language) -> String {
    switch (self, language == .dutch) {
    case (.raisedHeading, true): "Dit antwoord droeg bij aan deze punten in het verslag:"
    case (.raisedHeading, false): "This answer helped raise these points in the report:"
    case (.sources, true): "bronnen"
    case (.sources, false): "sources"
    }
  }

  /// "On or after today − 19 years", the human side of a relative date bound.
  static func dateBound(
    isMinimum: Bool, years: Int, months: Int, days: Int, in language: Language
  ) -> String {
    let dutch = language == .dutch
    var text =
      dutch
      ? (isMinimum ? "Op of na vandaag" : "Op of voor vandaag")
      : (isMinimum ? "On or after today" : "On or before today")
    let totalMonths = years * 12 + months
    var parts: [(Int, String, String)] = []
    if totalMonths != 0 {
      parts.append(
        totalMonths % 12 == 0
          ? (totalMonths / 12, dutch ? "jaar" : "year", dutch ? "jaar" : "years")
          : (totalMonths, dutch ? "maand" : "month", dutch ? "maanden" : "months"))
    }
    if days != 0 { parts.append((days, dutch ? "dag" : "day", dutch ? "dagen" : "days")) }
    for (amount, one, many) in parts {
      text += " \(amount < 0 ? "−" : "+") \(abs(amount)) \(abs(amount) == 1 ? one : many)"
    }
    return text
  }

  /// `text` with the characters that mean something inside a Markdown line escaped (emphasis,
  /// code, links, HTML, tables, strike-through), so it reads as written. The text never starts a
  /// line, so `#`, `-` and `1.` need nothing.
  static func markdownEscaped(_ text: String) -> String {
    var out = ""
    for character in text {
      if "\\`*_[]<>|~".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }
}

/// FHIR `dateTime`s with the offset of the zone they were given in: `2026-11-25T11:42:07+01:00`.
enum FHIRDateTime {
  static func text(_ date: Date, timeZone: TimeZone?) -> String {
    let timeZone = timeZone.at(date)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    let milliseconds = Int(
      ((date.timeIntervalSince1970 - whole.timeIntervalSince1970) * 1000).rounded())
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second], from: whole)
    func two(_ n: Int?) -> String { String(n ?? 0).leftPadded(to: 2) }
    var text =
      "\(String(parts.year ?? 0).leftPadded(to: 4))-\(two(parts.month))-\(two(parts.day))"
      + "T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    if milliseconds > 0 && milliseconds < 1000 {
      text += ".\(String(milliseconds).leftPadded(to: 3))"
    }
    let offset = timeZone.secondsFromGMT(for: date) / 60
    let sign = offset < 0 ? "-" : "+"
    return text + "\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
  }
}
