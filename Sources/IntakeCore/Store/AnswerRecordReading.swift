import FoundationEssentials

// Reading an answers file's parsed tree into an ``AnswerRecord``, field by field, in the order
// docs/answers-format.md lists them. The key names are the ones `encode(to:)` writes.

extension AnswerRecord {
  /// The record in `fields` (the root object of an answers file), whose keys and format were
  /// checked already.
  init(reading fields: JSONFieldReader) throws(AnswerStoreError) {
    typealias Key = CodingKeys
    format = try fields.required(Key.format.rawValue).int()
    id = try fields.required(Key.id.rawValue).string()
    questionnaireID = try fields.required(Key.questionnaireID.rawValue).string()
    questionnaireVersion = try fields.required(Key.questionnaireVersion.rawValue).string()
    language = Language(try fields.required(Key.language.rawValue).string())
    profile = try fields.required(Key.profile.rawValue).string()
    profileName = try fields.optional(Key.profileName.rawValue)?.string()
    status = try fields.required(Key.status.rawValue).oneOf(Status.self)
    // Absent in format 1 (which had no way to finish early) and whenever nothing was left open.
    unanswered =
      try fields.optional(Key.unanswered.rawValue)?.strings("a list of item ids") ?? []
    created = try fields.required(Key.created.rawValue).timestamp()
    updated = try fields.required(Key.updated.rawValue).timestamp()
    followUpOf = try fields.optional(Key.followUpOf.rawValue)?.string()
    answers = [:]
    for (item, entry) in try fields.required(Key.answers.rawValue).members() {
      answers[item] = try Entry(reading: entry)
    }
    // Absent in files written before any questionnaire change: nothing was retired.
    retired = [:]
    for (item, entry) in try fields.optional(Key.retired.rawValue)?.members() ?? [] {
      retired[item] = try RetiredEntry(reading: entry)
    }
    position = try fields.optional(Key.position.rawValue)?.string()
  }
}

extension AnswerRecord.Entry {
  init(reading fields: JSONFieldReader) throws(AnswerStoreError) {
    typealias Key = CodingKeys
    value = try AnswerValue(reading: fields.required(Key.value.rawValue))
    answeredAt = try fields.required(Key.answeredAt.rawValue).timestamp()
    carriedFrom = try fields.optional(Key.carriedFrom.rawValue)?.string()
  }
}

extension AnswerRecord.RetiredEntry {
  init(reading fields: JSONFieldReader) throws(AnswerStoreError) {
    typealias Key = CodingKeys
    value = try AnswerValue(reading: fields.required(Key.value.rawValue))
    answeredAt = try fields.required(Key.answeredAt.rawValue).timestamp()
    questionnaireVersion = try fields.required(Key.questionnaireVersion.rawValue).string()
  }
}

extension AnswerValue {
  /// An answer as `encode(to:)` writes it: an object with exactly one key, which names the case.
  init(reading fields: JSONFieldReader) throws(AnswerStoreError) {
    let members = try fields.members()
    guard members.count == 1, let (key, value) = members.first else {
      throw fields.corrupted(Self.oneKeyExpected)
    }
    switch CodingKeys(rawValue: key) {
    case .choice: self = .choice(try value.string())
    case .choices: self = .choices(try value.strings("a list of option ids"))
    case .number: self = .number(try value.double())
    case .text: self = .text(try value.string())
    case .date: self = .date(try value.localDate())
    case .special:
      let special = try value.string()
      switch special {
      case "dont_know": self = .dontKnow
      case "prefer_not_to_say": self = .preferNotToSay
      default:
        throw value.corrupted(Self.specialExpected(found: LocatedDecoding.quote(special)))
      }
    case nil:
      throw fields.corrupted(Self.oneKeyExpected)
    }
  }
}
