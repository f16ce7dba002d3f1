import FoundationEssentials

/// The "discuss with your doctor" report as data: every text already in the reader's language,
/// every point with the answers behind it. Renderers only lay it out; the JSON form is this
/// structure itself (documented field by field in docs/report-json.md).
public struct ReportDocument: Codable, Sendable, Equatable {
  /// The schema name and version of the JSON form; bumped when a field changes meaning.
  public static let schemaName = "intake-report/2"

  public var schema: String
  public var language: Language
  public var header: ReportHeader
  /// Page one: the questionnaire's summary lines and the parent's own questions.
  public var summary: ReportSummary
  /// Points of priority `discuss_first`, whatever their topic, in rule order; the point for open
  /// safety questions last.
  public var discussFirst: [ReportPoint]
  public var factors: [ReportFactor]
  /// Present when the assessment follows up an earlier one that was available.
  public var comparison: ReportComparison?
  /// Every answer that differs from the assessment followed up: first the safety questions and
  /// the answers behind a point raised first, then the others, each in questionnaire order;
  /// `nil` when there is no comparison.
  public var changes: [ReportAnswerChange]?
  public var medicines: ReportMedicines
  /// Points on `safety` and `general` that are not discussed first.
  public var otherPoints: [ReportPoint]
  /// Points on `evidence` that are not discussed first.
  public var evidence: [ReportPoint]
  /// The parent's own words, verbatim (only the observation items that were answered).
  public var observations: [ReportAnswer]
  /// Every shown section with every shown item and its answer, numbered: the appendix.
  public var answers: [ReportAnswerSection]
  /// Exactly the sources cited above, numbered in order of first citation.
  public var sources: [ReportSource]
  /// The full disclaimer, shown at the end.
  public var disclaimer: String
  /// The disclaimer in one sentence, shown on page one.
  public var disclaimerShort: String

  public init(
    language: Language, header: ReportHeader, summary: ReportSummary,
    discussFirst: [ReportPoint], factors: [ReportFactor], comparison: ReportComparison?,
    changes: [ReportAnswerChange]?, medicines: ReportMedicines, otherPoints: [ReportPoint],
    evidence: [ReportPoint], observations: [ReportAnswer], answers: [ReportAnswerSection],
    sources: [ReportSource], disclaimer: String, disclaimerShort: String
  ) {
    schema = Self.schemaName
    self.language = language
    self.header = header
    self.summary = summary
    self.discussFirst = discussFirst
    self.factors = factors
    self.comparison = comparison
    self.changes = changes
    self.medicines = medicines
    self.otherPoints = otherPoints
    self.evidence = evidence
    self.observations = observations
    self.answers = answers
    self.sources = sources
    self.disclaimer = disclaimer
    self.disclaimerShort = disclaimerShort
  }

  /// The source with `id`, for turning a point's source ids into numbers.
  public func source(_ id: String) -> ReportSource? { sources.first { $0.id == id } }

  enum CodingKeys: String, CodingKey {
    case schema, language, header, summary, factors, comparison, changes, medicines, evidence
    case observations, answers, sources, disclaimer
    case discussFirst = "discuss_first"
    case otherPoints = "other_points"
    case disclaimerShort = "disclaimer_short"
  }
}

/// Page one's own content besides the header and the points.
public struct ReportSummary: Codable, Sendable, Equatable {
  /// The questionnaire's summary lines whose condition holds, in its order.
  public var lines: [ReportSummaryLine]
  /// The parent's own questions for the doctor, verbatim, when written.
  public var parentQuestions: ReportAnswer?
  /// Whether every safety question was answered; `nil` when the questionnaire names none. While
  /// one is open, `discuss_first` holds the point that lists them.
  public var safetyAnswered: Bool?

  public init(lines: [ReportSummaryLine], parentQuestions: ReportAnswer?, safetyAnswered: Bool?) {
    self.lines = lines
    self.parentQuestions = parentQuestions
    self.safetyAnswered = safetyAnswered
  }

  enum CodingKeys: String, CodingKey {
    case lines
    case parentQuestions = "parent_questions"
    case safetyAnswered = "safety_answered"
  }
}

/// One line of page one: "ADHD medication: Methylphenidate".
public struct ReportSummaryLine: Codable, Sendable, Equatable {
  /// The line's id in the questionnaire.
  public var id: String
  public var label: String
  public var text: String
  /// Ids of the sources of the reference values it states.
  public var sources: [String]

  public init(id: String, label: String, text: String, sources: [String]) {
    self.id = id
    self.label = label
    self.text = text
    self.sources = sources
  }
}

/// Who, when and what the report is about.
public struct ReportHeader: Codable, Sendable, Equatable {
  /// The questionnaire's title.
  public var title: String
  /// The child's nickname as typed, when the questionnaire asks for one and it was answered.
  public var nickname: String?
  /// The child's age in words ("9 years", "under 1 year"), when the questionnaire names an age.
  public var age: String?
  /// The child's sex as given ("Boy", "Prefer not to say"), when the questionnaire asks it.
  public var sex: String?
  /// The day the report was made; ages are computed for this day.
  public var date: LocalDate
  /// The local day and time the answers were last changed (`HH:MM`): the date the report
  /// shows. For `intake report` it is also ``date``.
  public var lastChangedDate: LocalDate
  public var lastChangedTime: String
  /// The moment the answers were last changed, as in the answers file (UTC).
  public var updated: String
  /// Who filled the questionnaire in, as answered.
  public var respondent: String?
  public var questionnaireID: String
  /// The version of the questionnaire this report was made with.
  public var questionnaireVersion: String
  /// The version the answers were given to (differs after an update).
  public var answersVersion: String
  public var assessmentID: String
  public var status: AnswerRecord.Status
  /// The status in words: complete, or finished with N unanswered and which safety questions are
  /// among them.
  public var statusText: String
  /// Shown questions without an answer, in questionnaire order, as the answers show them now (not
  /// only as the answers file lists them).
  public var unanswered: [ReportUnanswered]
  /// Things the reader must know about the report itself (unfinished, another version…).
  public var notes: [String]

  public init(
    title: String, nickname: String?, age: String?, sex: String?, date: LocalDate,
    lastChangedDate: LocalDate, lastChangedTime: String, updated: String, respondent: String?,
    questionnaireID: String, questionnaireVersion: String,
    answersVersion: String, assessmentID: String, status: AnswerRecord.Status,
    statusText: String, unanswered: [ReportUnanswered], notes: [String]
  ) {
    self.title = title
    self.nickname = nickname
    self.age = age
    self.sex = sex
    self.date = date
    self.lastChangedDate = lastChangedDate
    self.lastChangedTime = lastChangedTime
    self.updated = updated
    self.respondent = respondent
    self.questionnaireID = questionnaireID
    self.questionnaireVersion = questionnaireVersion
    self.answersVersion = answersVersion
    self.assessmentID = assessmentID
    self.status = status
    self.statusText = statusText
    self.unanswered = unanswered
    self.notes = notes
  }

  enum CodingKeys: String, CodingKey {
    case title, nickname, age, sex, date, updated, respondent, status, unanswered, notes
    case lastChangedDate = "last_changed_date"
    case lastChangedTime = "last_changed_time"
    case questionnaireID = "questionnaire_id"
    case questionnaireVersion = "questionnaire_version"
    case answersVersion = "answers_version"
    case assessmentID = "assessment_id"
    case statusText = "status_text"
  }
}

/// A shown question without an answer.
public struct ReportUnanswered: Codable, Sendable, Equatable {
  public var itemID: String
  /// Its number in the appendix ("8.2").
  public var number: String?
  public var question: String
  /// The safety question's short name, when it is one.
  public var safety: String?

  public init(itemID: String, number: String?, question: String, safety: String?) {
    self.itemID = itemID
    self.number = number
    self.question = question
    self.safety = safety
  }

  enum CodingKeys: String, CodingKey {
    case number, question, safety
    case itemID = "item_id"
  }
}

/// One raised report rule: what to raise, why, and the answers that raised it.
public struct ReportPoint: Codable, Sendable, Equatable {
  /// The rule's id.
  public var id: String
  public var priority: Priority
  /// A factor id, or `safety`, `medicines`, `evidence`, `general`.
  public var topic: String
  /// What to raise, one line.
  public var what: String
  /// Why, one or two sentences.
  public var why: String
  public var questions: [String]
  /// The answers (and worked-out values) that raised it; empty for a point in every report.
  public var basis: [ReportBasis]
  /// Ids of the sources it rests on; see ``ReportDocument/sources``.
  public var sources: [String]

  public init(
    id: String, priority: Priority, topic: String, what: String, why: String,
    questions: [String], basis: [ReportBasis], sources: [String]
  ) {
    self.id = id
    self.priority = priority
    self.topic = topic
    self.what = what
    self.why = why
    self.questions = questions
    self.basis = basis
    self.sources = sources
  }
}

/// One line of a trail: an answer, or a value worked out from answers.
public struct ReportBasis: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable {
    /// An answer to an item; `label` is the question.
    case answer
    /// A computed value with a label; its own answers are listed too.
    case computed
    /// A scale's score; its own answers are listed too.
    case score
  }
  public var kind: Kind
  /// The item, computed value or scale id.
  public var id: String
  /// The question, or the value's label.
  public var label: String
  /// The answer or value as the parent reads it.
  public var value: String
  /// Answers only: the answer's number in the appendix ("3.2"); `nil` for a hidden item.
  public var number: String?

  public init(kind: Kind, id: String, label: String, value: String, number: String? = nil) {
    self.kind = kind
    self.id = id
    self.label = label
    self.value = value
    self.number = number
  }
}

/// One factor (severity, comorbidities, diet and lifestyle, genetics…).
public struct ReportFactor: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  /// The questionnaire's explanation of the factor.
  public var text: String
  /// Its score or computed value, when the factor has one.
  public var score: ReportScore?
  public var questions: [String]
  /// The answers behind the score.
  public var basis: [ReportBasis]
  /// Ids of the sources the factor's texts rest on.
  public var sources: [String]
  /// Raised points on this factor that are not discussed first.
  public var points: [ReportPoint]

  public init(
    id: String, title: String, text: String, score: ReportScore?, questions: [String],
    basis: [ReportBasis], sources: [String], points: [ReportPoint]
  ) {
    self.id = id
    self.title = title
    self.text = text
    self.score = score
    self.questions = questions
    self.basis = basis
    self.sources = sources
    self.points = points
  }
}

/// A scale score or computed value with its band.
public struct ReportScore: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable {
    case scale, computed
  }
  public var kind: Kind
  public var id: String
  public var label: String
  /// The number, `nil` when the answers do not determine it.
  public var number: Double?
  /// The result in words: "1.7 on a scale from 0 to 3, …", "120 mg/day", or why it is unknown.
  public var display: String
  public var band: ReportBand?
  /// Scales only: lowest and highest possible score.
  public var lowest: Double?
  public var highest: Double?
  /// Scales only: shown items answered with a number, shown items, and how many are needed.
  public var answered: Int?
  public var shown: Int?
  public var needed: Int?

  public init(
    kind: Kind, id: String, label: String, number: Double?, display: String, band: ReportBand?,
    lowest: Double? = nil, highest: Double? = nil, answered: Int? = nil, shown: Int? = nil,
    needed: Int? = nil
  ) {
    self.kind = kind
    self.id = id
    self.label = label
    self.number = number
    self.display = display
    self.band = band
    self.lowest = lowest
    self.highest = highest
    self.answered = answered
    self.shown = shown
    self.needed = needed
  }
}

/// The band a number falls in.
public struct ReportBand: Codable, Sendable, Equatable {
  public var id: String
  public var label: String
  /// The band's report text, when it has one.
  public var text: String?

  public init(id: String, label: String, text: String?) {
    self.id = id
    self.label = label
    self.text = text
  }
}

/// The points on medicines and supplements (the answers themselves are on page one and in the
/// appendix).
public struct ReportMedicines: Codable, Sendable, Equatable {
  /// The section's title; `nil` when the questionnaire names no medicines section.
  public var title: String?
  /// Points on `medicines` that are not discussed first.
  public var points: [ReportPoint]

  public init(title: String?, points: [ReportPoint]) {
    self.title = title
    self.points = points
  }
}

/// One question and its answer exactly as given.
public struct ReportAnswer: Codable, Sendable, Equatable {
  public enum State: String, Codable, Sendable {
    case answered
    case dontKnow = "dont_know"
    case preferNotToSay = "prefer_not_to_say"
    case notAnswered = "not_answered"
    /// Stored, but it does not fit this version of the item; kept and shown, not counted.
    case notUsable = "not_usable"
  }
  public var itemID: String
  /// Its number in the appendix: section and question among the shown ones ("3.2").
  public var number: String?
  public var question: String
  /// The answer as the parent reads it ("Daily", "12.5 kg", "Don't know", "Not answered").
  public var answer: String
  /// The stored answer, for tools; `nil` when not answered.
  public var value: AnswerValue?
  public var state: State
  /// Why a stored answer is not used, in the reader's language.
  public var problem: String?

  public init(
    itemID: String, number: String? = nil, question: String, answer: String,
    value: AnswerValue?, state: State, problem: String? = nil
  ) {
    self.itemID = itemID
    self.number = number
    self.question = question
    self.answer = answer
    self.value = value
    self.state = state
    self.problem = problem
  }

  enum CodingKeys: String, CodingKey {
    case number, question, answer, value, state, problem
    case itemID = "item_id"
  }
}

/// One shown section of the questionnaire with its shown items.
public struct ReportAnswerSection: Codable, Sendable, Equatable {
  public var id: String
  /// Its number among the shown sections, from 1.
  public var number: Int
  public var title: String
  public var answers: [ReportAnswer]

  public init(id: String, number: Int, title: String, answers: [ReportAnswer]) {
    self.id = id
    self.number = number
    self.title = title
    self.answers = answers
  }
}

/// A follow-up set beside the assessment it follows, without judging the change.
public struct ReportComparison: Codable, Sendable, Equatable {
  public var previousID: String
  /// The day the earlier answers were last changed.
  public var previousDate: LocalDate
  /// The local time they were last changed, `HH:MM`.
  public var previousTime: String
  public var factors: [ReportFactorChange]

  public init(
    previousID: String, previousDate: LocalDate, previousTime: String,
    factors: [ReportFactorChange]
  ) {
    self.previousID = previousID
    self.previousDate = previousDate
    self.previousTime = previousTime
    self.factors = factors
  }

  enum CodingKeys: String, CodingKey {
    case factors
    case previousID = "previous_id"
    case previousDate = "previous_date"
    case previousTime = "previous_time"
  }
}

/// A factor's result then and now.
public struct ReportFactorChange: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  public var then: ReportScore
  public var now: ReportScore

  public init(id: String, title: String, then: ReportScore, now: ReportScore) {
    self.id = id
    self.title = title
    self.then = then
    self.now = now
  }
}

/// An answer then and now.
public struct ReportAnswerChange: Codable, Sendable, Equatable {
  public var itemID: String
  /// Its number in the appendix, when it is shown now.
  public var number: String?
  public var question: String
  /// The answer as the parent reads it; "not asked" when the question was not shown then.
  public var then: String
  public var now: String
  /// The safety question's short name, when it is one (these come first).
  public var safety: String?

  public init(
    itemID: String, number: String?, question: String, then: String, now: String,
    safety: String?
  ) {
    self.itemID = itemID
    self.number = number
    self.question = question
    self.then = then
    self.now = now
    self.safety = safety
  }

  enum CodingKeys: String, CodingKey {
    case number, question, then, now, safety
    case itemID = "item_id"
  }
}

/// A cited source.
public struct ReportSource: Codable, Sendable, Equatable {
  /// 1-based, in order of first citation; the renderers show it as `[n]`.
  public var number: Int
  public var id: String
  public var citation: String
  public var url: String?
  /// The questionnaire's note on the source (e.g. how it was verified).
  public var note: String?

  public init(number: Int, id: String, citation: String, url: String?, note: String?) {
    self.number = number
    self.id = id
    self.citation = citation
    self.url = url
    self.note = note
  }
}
