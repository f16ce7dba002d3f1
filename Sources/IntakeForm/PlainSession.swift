import IntakeCore

/// What happens to plain mode: a line the parent typed, the end of input, or the outcome of an
/// effect.
public enum PlainEvent: Equatable, Sendable {
  case line(String)
  /// A line that is not UTF-8: refused, so nothing is saved as text the parent never typed.
  case notText
  /// Standard input closed (or a signal interrupted the read): nothing more will come.
  case endOfInput
  case outcome(Outcome)
}

/// Plain mode: the questionnaire as numbered line-by-line prompts, for screen readers, pipes and
/// terminals without curses. A pure state machine like ``FormState``: an event in, effects out,
/// and a transcript of plain text to print (no escape codes). The same validation, navigation,
/// keys for choices and store effects as the full-screen form; an answer counts only once the
/// store says it is saved.
public struct PlainSession: Sendable {
  public let walk: Walk
  public private(set) var language: Language
  /// The answers as they are on disk, and what the engine makes of them.
  public private(set) var answers = Answers() {
    didSet { assessment = walk.assess(answers) }
  }
  public private(set) var assessment: Assessment
  public private(set) var profile: String?
  /// Everything to print so far, in order; the console prints what it has not printed yet.
  public private(set) var transcript: [String] = []
  /// Answers the store could not write, by item id: the overview shows them, marked.
  public private(set) var unsaved: [String: UnsavedAnswer] = [:]
  private var stage: Stage
  private let context: WelcomeContext
  /// The answer on its way to disk, and where the walk goes once it is saved.
  private var pending: (itemID: String, value: AnswerValue?, origin: Origin)?
  /// The last answer that could not be saved: an empty line tries it again.
  private var failed: (itemID: String, value: AnswerValue?)?
  /// The section whose heading was printed last, so a part is introduced once as it begins.
  private var introduced: String?

  enum Stage: Equatable, Sendable {
    case welcome
    case naming
    case opening
    case question(Int, Origin)
    /// The overview; typing the finish word finishes.
    case review
    /// Questions are open: answer them by number, or type the finish word again.
    case confirmFinish([String])
    /// Waiting for the store (an answer being saved, the report being made).
    case waiting
    case done

    var questionIndex: Int? {
      if case .question(let index, _) = self { return index }
      return nil
    }
  }

  /// Where answering a question leads.
  enum Origin: Equatable, Sendable {
    case walk, review, finish
  }

  var questionnaire: Questionnaire { walk.questionnaire }
  private var text: FormText { FormText(language) }

  public init(walk: Walk, language: Language, welcome context: WelcomeContext) {
    self.walk = walk
    self.language = language
    self.context = context
    assessment = walk.assess(Answers())
    // With nothing to continue or follow up, there is nothing to choose: ask for the name.
    stage = context.unfinished.isEmpty && context.finished.isEmpty ? .naming : .welcome
    say(introduction)
    if !context.unreadable.isEmpty { say(unreadableText) }
  }

  /// A session waiting for an assessment that is being opened straight away (`intake resume`).
  public static func opening(walk: Walk, language: Language) -> PlainSession {
    var session = PlainSession(walk: walk, language: language, welcome: WelcomeContext())
    session.stage = .opening
    return session
  }

  public var isDone: Bool { stage == .done }

  // MARK: Output

  /// The opening lines: what intake is, how to answer.
  private var introduction: String {
    // As on the welcome screen: the questionnaire's own introduction, else intake's.
    let about =
      questionnaire.description.map { [$0.text(in: language)] } ?? [text.whatItIs, text.privacy]
    return (["intake · \(questionnaire.title.text(in: language))"] + about + [text.plainHowTo])
      .joined(separator: "\n") + "\n"
  }

  private var unreadableText: String {
    context.unreadable.map { text.unreadableTitle + "\n" + text.unreadableBody($0) }
      .joined(separator: "\n\n") + "\n"
  }

  /// What to print before reading the next line; `nil` while waiting for the store, or done.
  /// Text from files and typed answers is shown, never sent raw.
  public var prompt: String? { promptText.map(SafeText.text) }

  private var promptText: String? {
    switch stage {
    case .welcome:
      var lines = [text.plainChoose]
      for (offset, choice) in context.choices.enumerated() {
        lines.append("  \(offset + 1)) \(choice.label(in: language))")
      }
      lines.append(text.plainChoicePrompt(context.choices.count) + ":")
      return lines.joined(separator: "\n")
    case .naming:
      return text.nicknamePrompt + "\n" + text.plainNamePrompt
    case .question(let index, _):
      return questionPrompt(index)
    case .review:
      return reviewText() + "\n" + text.plainReviewPrompt
    case .confirmFinish(let open):
      return finishText(open)
    case .opening, .waiting, .done:
      return nil
    }
  }

  private func questionPrompt(_ index: Int) -> String {
    let item = questionnaire.items[index]
    let progress = walk.progress(at: index, in: assessment)
    var lines: [String] = []
    lines.append("")
    lines.append(
      text.plainQuestionNumber(
        part: progress.part, of: progress.parts, position: progress.position,
        count: progress.sectionCount))
    lines.append(item.question.text(in: language))
    if let help = item.help { lines.append(help.text(in: language)) }
    for row in item.rows(in: language) {
      guard let key = shortcut(of: row, in: item) else { continue }
      lines.append("  \(key)) \(row.label)")
    }
    if let answer = answers[item.id] {
      lines.append(text.plainCurrent(item.displayText(answer, in: language)))
    }
    if let failed, failed.itemID == item.id {
      lines.append(text.plainRetry)
    }
    lines.append(inputHint(item))
    return lines.joined(separator: "\n")
  }

  /// The key that chooses `row` here: its shortcut on screen, or for a special answer under a
  /// field, its letter.
  private func shortcut(of row: ChoiceRow, in item: Item) -> Character? {
    if let shortcut = row.shortcut { return shortcut }
    switch row.value {
    case .special(.dontKnow): return text.dontKnowLetter
    case .special: return text.declineLetter
    default: return nil
    }
  }

  /// How to answer this item, as the prompt line.
  private func inputHint(_ item: Item) -> String {
    // The letters of the special answers ("p: prefer not to say") are named too: the numbers
    // alone read as if nothing else could be typed.
    let letters = text.orLetters(
      item.rows(in: language).compactMap { shortcut(of: $0, in: item) }.filter { !$0.isNumber })
    let optional = letters + (item.isRequired ? "" : " " + text.plainOptional)
    let keys = item.rows(in: language).compactMap(\.shortcut).filter(\.isNumber)
    let range = keys.first.map { first in (first, keys.last ?? first) }
    switch item.kind {
    case .choice, .yesNo, .scale:
      return text.plainKeyPrompt(range, multiple: false) + optional + ":"
    case .multiChoice: return text.plainKeyPrompt(range, multiple: true) + optional + ":"
    case .integer(let range), .decimal(let range, _):
      let unit = range.unit.map { " (\($0.text(in: language)))" } ?? ""
      var bounds = ""
      if let low = range.min, let high = range.max {
        bounds =
          " "
          + text.between(
            NumberText.format(low, in: language), NumberText.format(high, in: language))
      }
      return text.plainNumberPrompt + bounds + unit + optional + ":"
    case .date: return text.plainDatePrompt(text.dateFormat) + optional + ":"
    case .text(let maxLength, _): return text.plainTextPrompt(maxLength) + optional + ":"
    }
  }

  /// Every shown answer, numbered as in the questions, section by section.
  func reviewText() -> String {
    var lines = ["", "== \(text.reviewTitle) =="]
    var number = 0
    for (section, items) in walk.overview(of: assessment) {
      lines.append(section.title.text(in: language))
      for item in items {
        number += 1
        var answer =
          assessment.unusableAnswers[item.id] != nil
          ? text.answerAgain : item.displayText(answers[item.id], in: language)
        if let given = unsaved[item.id] {
          answer = text.notSavedMark + " " + item.displayText(given.value, in: language)
        }
        let missing = assessment.missingRequired.contains(item.id) ? " !" : ""
        lines.append("  \(number). \(item.question.text(in: language)) — \(answer)\(missing)")
      }
    }
    if !assessment.missingRequired.isEmpty {
      lines.append(text.missing(assessment.missingRequired.count))
    }
    return lines.joined(separator: "\n")
  }

  private func finishText(_ open: [String]) -> String {
    var lines = ["", "== \(text.finishTitle(open.count)) ==", text.finishExplanation]
    let unknown = walk.unknownSafetyQuestions(in: assessment)
    if !unknown.isEmpty { lines.append(text.finishUnknownSafety(unknown.count)) }
    let safetyCount = open.prefix { questionnaire.item($0)?.isSafety == true }.count
    for (offset, itemID) in open.enumerated() {
      if offset == 0 || offset == safetyCount {
        lines.append(offset < safetyCount ? text.finishSafetyHeading : text.finishOtherHeading)
      }
      let question = questionnaire.item(itemID)?.question.text(in: language) ?? itemID
      lines.append("  \(offset + 1)) \(question)")
    }
    lines.append(text.plainFinishPrompt(open.count))
    return lines.joined(separator: "\n")
  }

  /// Adds text to the transcript; text from files and typed answers is shown, never sent raw.
  private mutating func say(_ output: String) {
    guard !output.isEmpty else { return }
    transcript.append(SafeText.text(output))
  }

  // MARK: Events

  public mutating func update(_ event: PlainEvent) -> [FormEffect] {
    switch event {
    case .line(let line): return handle(line)
    case .notText:
      say(text.plainNotText)
      return []
    case .endOfInput:
      guard stage != .done else { return [] }
      stage = .done
      say("\n" + stopped)
      return retries + [.exit]
    case .outcome(let outcome): return receive(outcome)
    }
  }

  /// Answers that could not be saved, tried once more on stopping (the disk may have room now).
  private var retries: [FormEffect] {
    unsaved.sorted {
      (questionnaire.item($0.key)?.index ?? 0) < (questionnaire.item($1.key)?.index ?? 0)
    }
    .map { .record(itemID: $0.key, value: $0.value.value) }
  }

  private var stopped: String {
    // Before an assessment is open there is nothing saved to speak of (opening may have failed).
    guard profile != nil else { return text.plainStoppedNothingOpen }
    return unsaved.isEmpty ? text.plainStopped : text.quitBodyUnsaved(unsaved.count)
  }

  private mutating func handle(_ line: String) -> [FormEffect] {
    let input = line.trimmingWhitespaceAndNewlines()
    if text.isStopCommand(input) {
      stage = .done
      say(stopped)
      return retries + [.exit]
    }
    switch stage {
    case .welcome:
      guard let number = Int(input), (1...context.choices.count).contains(number) else {
        say(text.plainChoicePrompt(context.choices.count) + ".")
        return []
      }
      guard let action = context.choices[number - 1].action else {
        stage = .naming
        return []
      }
      stage = .opening
      return [.start(action, language: language)]
    case .naming:
      guard !input.isEmpty else {
        say(text.nicknameEmpty)
        return []
      }
      // Refused, not cut: a cut name would be saved as one the parent never typed.
      guard input.count <= WelcomeAction.nameLimit else {
        say(AnswerProblem.tooLong(maxLength: WelcomeAction.nameLimit).message(in: language))
        return []
      }
      stage = .opening
      return [.start(.new(profile: input), language: language)]
    case .question(let index, let origin):
      return answer(input, for: index, origin: origin)
    case .review:
      return review(input)
    case .confirmFinish(let open):
      return confirmFinish(input, open: open)
    case .opening, .waiting, .done:
      return []
    }
  }

  private mutating func receive(_ outcome: Outcome) -> [FormEffect] {
    switch outcome {
    case .opened(let opened):
      answers = opened.answers
      profile = opened.profile
      unsaved = opened.unsaved
      if let migration = opened.migration,
        let message = text.migrated(migration, questionnaire: questionnaire)
      {
        say("\n== \(message.title) ==\n\(message.body)")
      }
      guard let index = walk.start(at: opened.position, in: assessment) else {
        stage = .review
        return []
      }
      return go(to: index, origin: .walk)
    case .openFailed(let problem, _):
      say(text.couldNotOpen(problem))
      stage = context.choices.count > 1 ? .welcome : .naming
      return []
    case .saved(let itemID):
      unsaved[itemID] = nil
      if failed?.itemID == itemID { failed = nil }
      guard let pending, pending.itemID == itemID else { return [] }
      self.pending = nil
      answers[itemID] = pending.value
      guard let index = questionnaire.item(itemID)?.index else { return [] }
      return advance(from: index, origin: pending.origin)
    case .saveFailed(let itemID, let value, let problem):
      unsaved[itemID] = UnsavedAnswer(value: value, problem: problem)
      guard let pending, pending.itemID == itemID else { return [] }
      self.pending = nil
      failed = (itemID, pending.value)
      say(text.couldNotSave(problem))
      if let index = questionnaire.item(itemID)?.index { stage = .question(index, pending.origin) }
      return []
    case .finished(let finished):
      stage = .done
      var output = "\n" + TextReportRenderer(width: 80).render(finished.document)
      output += "\n" + text.reportSaved(finished.files).joined(separator: "\n")
      if let problem = finished.pdfProblem { output += "\n" + text.noPDF(problem) }
      if let toPrint = finished.files.toPrint { output += "\n" + text.printHint(toPrint) }
      say(output)
      return [.exit]
    case .finishFailed(let problem):
      say(text.couldNotFinish(problem))
      stage = .review
      return []
    case .launched(let launch):
      say(text.launched(launch))
      return []
    }
  }

  private mutating func go(to index: Int, origin: Origin) -> [FormEffect] {
    // The heading of a part shows with its first question, and again when the parent comes
    // back to its first question.
    // The heading goes into the transcript once, when the part is entered, not into the prompt:
    // a question asked again (a refused answer, a failed save) does not repeat it.
    let item = questionnaire.items[index]
    if walk.progress(at: index, in: assessment).position == 1 || introduced != item.sectionID,
      let section = questionnaire.section(item.sectionID)
    {
      var heading = "\n== \(section.title.text(in: language)) =="
      if let intro = section.intro { heading += "\n" + intro.text(in: language) }
      say(heading)
    }
    introduced = item.sectionID
    stage = .question(index, origin)
    return [.position(itemID: questionnaire.items[index].id)]
  }

  private mutating func answer(_ input: String, for index: Int, origin: Origin) -> [FormEffect] {
    let item = questionnaire.items[index]
    if text.isHelpCommand(input) {
      let why = questionnaire.section(item.sectionID)?.why?.text(in: language)
      let parts = [why, item.help?.text(in: language)].compactMap { $0 }
      say((parts.isEmpty ? text.noHelp : parts.joined(separator: "\n")) + "\n" + text.plainCommands)
      return []
    }
    if text.isBackCommand(input) {
      guard let previous = walk.previous(before: index, in: assessment) else { return [] }
      return go(to: previous, origin: .walk)
    }
    if text.isOverviewCommand(input) {
      stage = .review
      return []
    }
    // The welcome text lists `finish` among the commands: it works at a question too.
    if text.isFinishCommand(input) { return finishRequested() }
    if input.isEmpty, let failed, failed.itemID == item.id {
      // Enter after a failed save tries the same answer again.
      return record(failed.value, for: item, origin: origin)
    }
    if input.isEmpty || text.isSkipCommand(input) {
      // Enter keeps the current answer; with none, an optional question is skipped.
      if answers[item.id] == nil && item.isRequired {
        say(InputProblem.answer(.required).message(in: language))
        return []
      }
      return advance(from: index, origin: origin)
    }
    switch parse(input, for: item) {
    case .failure(let problem):
      say(problem.message(in: language))
      return []
    case .success(let value):
      if answers[item.id] == value {
        unsaved[item.id] = nil
        return advance(from: index, origin: origin)
      }
      return record(value, for: item, origin: origin)
    }
  }

  /// Sends an answer to the store; the walk goes on when it is saved.
  private mutating func record(_ value: AnswerValue?, for item: Item, origin: Origin)
    -> [FormEffect]
  {
    pending = (item.id, value, origin)
    stage = .waiting
    return [.record(itemID: item.id, value: value)]
  }

  private func parse(_ input: String, for item: Item) -> Result<AnswerValue, InputProblem> {
    let rows = item.rows(in: language)
    let lower = input.lowercased()
    if item.widget == .field {
      if item.allowsDontKnow, lower == String(text.dontKnowLetter) { return .success(.dontKnow) }
      if item.allowsPreferNotToSay, lower == String(text.declineLetter) {
        return .success(.preferNotToSay)
      }
      switch AnswerInput.parse(input, for: item, today: walk.today) {
      case .success(let value?): return .success(value)
      case .success(nil): return .failure(.answer(.empty))
      case .failure(let problem): return .failure(problem)
      }
    }
    let tokens = lower.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
    let chosen = tokens.map { token in
      rows.first { row in
        token.count == 1 && row.shortcut.map { Character($0.lowercased()) } == token.first
      }
    }
    guard !chosen.isEmpty, chosen.allSatisfy({ $0 != nil }) else {
      return .failure(.answer(.unknownOption(input)))
    }
    let picked = chosen.compactMap { $0 }
    if item.widget == .single {
      guard picked.count == 1, let value = picked[0].answer else {
        return .failure(.answer(.unknownOption(input)))
      }
      return AnswerInput.check(value, for: item, today: walk.today)
    }
    if picked.count == 1, case .special(let special) = picked[0].value { return .success(special) }
    if picked.count > 1, let exclusive = picked.first(where: \.isExclusive) {
      return .failure(.answer(.exclusiveCombined(exclusive.localizedLabel(in: item))))
    }
    // Keep the questionnaire's order whatever order the numbers were typed in.
    let ids = rows.filter { row in picked.contains(row) }.map(\.key)
    return AnswerInput.check(.choices(ids), for: item, today: walk.today)
  }

  private mutating func advance(from index: Int, origin: Origin) -> [FormEffect] {
    switch origin {
    case .walk:
      guard let next = walk.next(after: index, in: assessment) else {
        stage = .review
        return []
      }
      return go(to: next, origin: .walk)
    case .review:
      stage = .review
      return []
    case .finish:
      stage = .confirmFinish(openQuestions)
      return []
    }
  }

  private var openQuestions: [String] { walk.openQuestions(in: assessment).map(\.id) }

  /// `finish`, typed at a question or in the overview: a required question still open is asked
  /// first; other open questions are listed before finishing anyway.
  private mutating func finishRequested() -> [FormEffect] {
    let missing = assessment.missingRequired
    if let first = missing.first, let index = questionnaire.item(first)?.index {
      say(text.missing(missing.count))
      return go(to: index, origin: .review)
    }
    let open = openQuestions
    if !open.isEmpty {
      stage = .confirmFinish(open)
      return []
    }
    return finish(unanswered: [])
  }

  private mutating func review(_ input: String) -> [FormEffect] {
    if text.isFinishCommand(input) { return finishRequested() }
    let visible = assessment.visibleItemIndices
    guard let number = Int(input), visible.indices.contains(number - 1) else {
      // A bare Enter never finishes: finishing is a word the parent types.
      say(text.plainReviewPrompt)
      return []
    }
    return go(to: visible[number - 1], origin: .review)
  }

  private mutating func confirmFinish(_ input: String, open: [String]) -> [FormEffect] {
    if text.isFinishCommand(input) { return finish(unanswered: open) }
    if text.isOverviewCommand(input) {
      stage = .review
      return []
    }
    guard let number = Int(input), open.indices.contains(number - 1),
      let index = questionnaire.item(open[number - 1])?.index
    else {
      say(text.plainFinishPrompt(open.count))
      return []
    }
    return go(to: index, origin: .finish)
  }

  private mutating func finish(unanswered: [String]) -> [FormEffect] {
    stage = .waiting
    say(text.makingReport)
    return [.finish(unanswered: unanswered)]
  }
}
