// The FHIR R4 resources and datatypes intake writes, as plain Encodable structs. Only the
// elements intake fills are declared; every optional left `nil` is left out of the JSON.
// Primitive elements that carry extensions (a `translation` on `text`) have a sibling
// `_element`, as FHIR's JSON format asks.

/// An extension: a URL and one value, or nested extensions (a complex extension).
struct FHIRExtension: Encodable, Sendable {
  var url: String
  var valueBoolean: Bool?
  var valueCode: String?
  var valueCodeableConcept: FHIRCodeableConcept?
  var valueCoding: FHIRCoding?
  var valueDate: String?
  var valueDecimal: Double?
  var valueExpression: FHIRExpression?
  var valueInteger: Int?
  var valueMarkdown: String?
  var valueString: String?
  var valueUri: String?
  var `extension`: [FHIRExtension]?

  init(url: String) { self.url = url }

  static func code(_ url: String, _ value: String) -> FHIRExtension {
    var result = FHIRExtension(url: url)
    result.valueCode = value
    return result
  }

  static func string(_ url: String, _ value: String) -> FHIRExtension {
    var result = FHIRExtension(url: url)
    result.valueString = value
    return result
  }

  static func complex(_ url: String, _ parts: [FHIRExtension]) -> FHIRExtension {
    var result = FHIRExtension(url: url)
    result.extension = parts
    return result
  }
}

/// What a primitive element carries besides its value (`_text`, `_title`, `_display`).
struct FHIRPrimitiveExtras: Encodable, Sendable {
  var `extension`: [FHIRExtension]
}

struct FHIRCoding: Encodable, Sendable {
  var system: String?
  var code: String?
  var display: String?
  var displayExtras: FHIRPrimitiveExtras?
  var `extension`: [FHIRExtension]?

  enum CodingKeys: String, CodingKey {
    case system, code, display, `extension`
    case displayExtras = "_display"
  }
}

struct FHIRCodeableConcept: Encodable, Sendable {
  var coding: [FHIRCoding]
}

/// An SDC expression (here always FHIRPath).
struct FHIRExpression: Encodable, Sendable {
  var name: String?
  var language = "text/fhirpath"
  var expression: String
  var description: String?
}

struct FHIRReference: Encodable, Sendable {
  var display: String
}

// MARK: Questionnaire

struct FHIRQuestionnaire: Encodable, Sendable {
  let resourceType = "Questionnaire"
  var id: String
  var `extension`: [FHIRExtension]?
  var url: String
  var version: String
  var name: String
  var title: String
  var titleExtras: FHIRPrimitiveExtras?
  var status = "active"
  var subjectType = ["Patient"]
  var language: String
  var description: String?
  var descriptionExtras: FHIRPrimitiveExtras?
  var item: [FHIRQuestionnaireItem]

  enum CodingKeys: String, CodingKey {
    case resourceType, id, `extension`, url, version, name, title, status, subjectType, language
    case description, item
    case titleExtras = "_title"
    case descriptionExtras = "_description"
  }
}

/// `Questionnaire.item.type`.
enum FHIRItemType: String, Encodable, Sendable {
  case group, display, choice, integer, decimal, string, text, date
}

struct FHIRQuestionnaireItem: Encodable, Sendable {
  var `extension`: [FHIRExtension]?
  var linkId: String
  var text: String?
  var textExtras: FHIRPrimitiveExtras?
  var type: FHIRItemType
  var enableWhen: [FHIREnableWhen]?
  var enableBehavior: String?
  var required: Bool?
  var repeats: Bool?
  var maxLength: Int?
  var answerOption: [FHIRAnswerOption]?
  var item: [FHIRQuestionnaireItem]?

  init(linkId: String, type: FHIRItemType) {
    self.linkId = linkId
    self.type = type
  }

  enum CodingKeys: String, CodingKey {
    case `extension`, linkId, text, type, enableWhen, enableBehavior, required, repeats
    case maxLength, answerOption, item
    case textExtras = "_text"
  }
}

/// The operators of `Questionnaire.item.enableWhen`.
enum FHIREnableWhenOperator: String, Encodable, Sendable, CaseIterable {
  case exists
  case equal = "="
  case notEqual = "!="
  case greater = ">"
  case less = "<"
  case greaterOrEqual = ">="
  case lessOrEqual = "<="
}

struct FHIREnableWhen: Encodable, Sendable {
  var question: String
  var `operator`: FHIREnableWhenOperator
  var answerBoolean: Bool?
  var answerCoding: FHIRCoding?
  var answerDate: String?
  var answerDecimal: Double?
  var answerInteger: Int?
  var answerString: String?

  init(question: String, operator: FHIREnableWhenOperator) {
    self.question = question
    self.operator = `operator`
  }
}

struct FHIRAnswerOption: Encodable, Sendable {
  var `extension`: [FHIRExtension]?
  var valueCoding: FHIRCoding
}

// MARK: QuestionnaireResponse

struct FHIRQuestionnaireResponse: Encodable, Sendable {
  let resourceType = "QuestionnaireResponse"
  var id: String
  var `extension`: [FHIRExtension]?
  var language: String
  var questionnaire: String
  var status: String
  var subject: FHIRReference?
  var authored: String
  var item: [FHIRResponseItem]?
}

struct FHIRResponseItem: Encodable, Sendable {
  var `extension`: [FHIRExtension]?
  var linkId: String
  var text: String?
  var answer: [FHIRResponseAnswer]?
  var item: [FHIRResponseItem]?

  init(linkId: String, text: String?) {
    self.linkId = linkId
    self.text = text
  }
}

struct FHIRResponseAnswer: Encodable, Sendable {
  var `extension`: [FHIRExtension]?
  var valueCoding: FHIRCoding?
  var valueDate: String?
  var valueDecimal: Double?
  var valueInteger: Int?
  var valueString: String?

  init() {}
}

// MARK: Bundle

/// A resource in a bundle entry: encodes as the resource itself.
enum FHIRResource: Encodable, Sendable {
  case questionnaire(FHIRQuestionnaire)
  case questionnaireResponse(FHIRQuestionnaireResponse)

  func encode(to encoder: any Encoder) throws {
    switch self {
    case .questionnaire(let resource): try resource.encode(to: encoder)
    case .questionnaireResponse(let resource): try resource.encode(to: encoder)
    }
  }
}

struct FHIRBundleEntry: Encodable, Sendable {
  var fullUrl: String
  var resource: FHIRResource
}

struct FHIRBundle: Encodable, Sendable {
  let resourceType = "Bundle"
  var id: String
  var type = "collection"
  var entry: [FHIRBundleEntry]
}
