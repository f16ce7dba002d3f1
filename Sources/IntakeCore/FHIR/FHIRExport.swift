import FoundationEssentials

/// Why an assessment cannot be written as FHIR.
public enum FHIRExportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The answers belong to another questionnaire.
  case otherQuestionnaire(answers: String, questionnaire: String)
  /// The answers were given to another version than the one at hand: the Bundle must carry the
  /// version they were given in.
  case otherVersion(answers: String, questionnaire: String)

  public var description: String {
    switch self {
    case .otherQuestionnaire(let answers, let questionnaire):
      "the answers belong to questionnaire '\(answers)', not '\(questionnaire)'"
    case .otherVersion(let answers, let questionnaire):
      "the answers were given to version \(answers) of the questionnaire, and this one is "
        + "version \(questionnaire) (name the file of version \(answers) with --questionnaire)"
    }
  }
}

/// HL7 FHIR R4 for the doctor's systems: the questionnaire as a `Questionnaire`, one assessment
/// as a `Bundle` of that Questionnaire and its `QuestionnaireResponse` with the report's trail.
/// docs/fhir.md describes the mapping and what it cannot carry.
public enum FHIRExport {
  /// The Bundle (type `collection`) of `record`'s answers to `questionnaire`, as JSON.
  ///
  /// Conditions, scores and the report's points are worked out as of the day the answers were
  /// last changed, as `intake report` does.
  /// - Parameters:
  ///   - includeName: put the child's name in (`subject.display` and the answer to the item the
  ///     report names the child by); left out by default.
  ///   - timeZone: the zone `authored` is written in, and whose calendar day the answers count
  ///     as given on.
  public static func bundle(
    record: AnswerRecord, questionnaire: Questionnaire, includeName: Bool = false,
    timeZone: TimeZone? = nil
  ) throws(FHIRExportError) -> Data {
    guard record.questionnaireID == questionnaire.id else {
      throw .otherQuestionnaire(answers: record.questionnaireID, questionnaire: questionnaire.id)
    }
    guard record.questionnaireVersion == questionnaire.version else {
      throw .otherVersion(
        answers: record.questionnaireVersion, questionnaire: questionnaire.version)
    }
    let today = AssessmentHistory.day(of: record, timeZone: timeZone)
    let assessment = Engine.assess(questionnaire, answers: record.answerValues, today: today)
    let response = FHIRResponseMapping(
      questionnaire: questionnaire, record: record, assessment: assessment,
      includeName: includeName, timeZone: timeZone
    ).resource()
    let definition = FHIRQuestionnaireMapping(questionnaire: questionnaire).resource()
    let bundle = FHIRBundle(
      id: FHIRNames.resourceID(record.id),
      entry: [
        FHIRBundleEntry(
          fullUrl: "\(FHIRNames.base)/Questionnaire/\(definition.id)",
          resource: .questionnaire(definition)),
        FHIRBundleEntry(
          fullUrl: "\(FHIRNames.base)/QuestionnaireResponse/\(response.id)",
          resource: .questionnaireResponse(response)),
      ])
    return encode(bundle)
  }

  /// `questionnaire` alone as a FHIR `Questionnaire`, as JSON: the same resource the Bundles
  /// of its answers carry.
  public static func questionnaire(_ questionnaire: Questionnaire) -> Data {
    encode(FHIRQuestionnaireMapping(questionnaire: questionnaire).resource())
  }

  /// Writes exported JSON to `path` as the store writes answers: atomically, readable only by
  /// the parent (it is health information about a child). An existing file is replaced only
  /// when `replacing`.
  public static func write(_ data: Data, to path: String, replacing: Bool = false)
    throws(AnswerStoreError)
  {
    switch FileSystem.kind(path) {
    case .missing: break
    case .file: if !replacing { throw .alreadyExists(file: path) }
    case .folder, .other: throw .cannotWrite(file: path, reason: "it is not a regular file")
    }
    try FileSystem.writeAtomically(data, to: path)
  }

  /// Sorted keys, so the same answers always give the same bytes.
  private static func encode(_ value: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return try encoder.encode(value) + Data("\n".utf8)
    } catch {
      // Only finite numbers and strings are encoded; nothing here can fail.
      preconditionFailure("FHIR JSON could not be encoded: \(error)")
    }
  }
}
