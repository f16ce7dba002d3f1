/// What a parent answered to one item.
///
/// "Don't know" and "prefer not to say" are answers in their own right, distinct from a blank
/// (which is simply no `AnswerValue`).
public enum AnswerValue: Hashable, Sendable {
  /// A `choice` or `yes_no` option id.
  case choice(String)
  /// The option ids chosen in a `multi_choice`, in option order.
  case choices([String])
  /// An `integer`, `decimal` or `scale` answer.
  case number(Double)
  case text(String)
  case date(LocalDate)
  case dontKnow
  case preferNotToSay

  /// Whether this is one of the two special answers.
  public var isSpecial: Bool {
    switch self {
    case .dontKnow, .preferNotToSay: true
    default: false
    }
  }
}

extension AnswerValue: Codable {
  // One key per case keeps the JSON readable by hand: {"choice":"yes"}, {"number":7},
  // {"special":"dont_know"}.
  enum CodingKeys: String, CodingKey {
    case choice, choices, number, text, date, special
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    guard container.allKeys.count == 1, let key = container.allKeys.first else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: Self.oneKeyExpected))
    }
    switch key {
    case .choice: self = .choice(try container.decode(String.self, forKey: key))
    case .choices: self = .choices(try container.decode([String].self, forKey: key))
    case .number: self = .number(try container.decode(Double.self, forKey: key))
    case .text: self = .text(try container.decode(String.self, forKey: key))
    case .date: self = .date(try container.decode(LocalDate.self, forKey: key))
    case .special:
      let special = try container.decode(String.self, forKey: key)
      switch special {
      case "dont_know": self = .dontKnow
      case "prefer_not_to_say": self = .preferNotToSay
      default:
        throw DecodingError.dataCorruptedError(
          forKey: key, in: container,
          debugDescription: Self.specialExpected(found: "'\(special)'"))
      }
    }
  }

  static let oneKeyExpected = "expected exactly one of choice, choices, number, text, date, special"

  static func specialExpected(found: String) -> String {
    "expected 'dont_know' or 'prefer_not_to_say', found \(found)"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .choice(let id): try container.encode(id, forKey: .choice)
    case .choices(let ids): try container.encode(ids, forKey: .choices)
    case .number(let number): try container.encode(number, forKey: .number)
    case .text(let text): try container.encode(text, forKey: .text)
    case .date(let date): try container.encode(date, forKey: .date)
    case .dontKnow: try container.encode("dont_know", forKey: .special)
    case .preferNotToSay: try container.encode("prefer_not_to_say", forKey: .special)
    }
  }
}

/// The answers of one assessment, by item id. Answers to items that are hidden stay here (so
/// nothing is lost when a condition flips back) but the engine never counts them.
public struct Answers: Hashable, Sendable, Codable {
  public var values: [String: AnswerValue]

  public init(_ values: [String: AnswerValue] = [:]) { self.values = values }

  public subscript(itemID: String) -> AnswerValue? {
    get { values[itemID] }
    set { values[itemID] = newValue }
  }

  public var isEmpty: Bool { values.isEmpty }
}
