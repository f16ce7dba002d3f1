import FoundationEssentials

/// The names intake gives things in FHIR: its canonical URLs, resource ids, code systems and
/// FHIRPath variable names, and the URLs of the standard extensions it uses. Documented in
/// docs/fhir.md.
enum FHIRNames {
  /// intake's own namespace. `.invalid` is reserved (RFC 2606) and never resolves, so no system
  /// tries to fetch these identifiers: they name, they do not locate.
  static let base = "https://intake.invalid/fhir"

  /// The canonical URL of a questionnaire; its version goes in `version` (and after `|` in a
  /// response's `questionnaire`).
  static func questionnaireURL(_ questionnaire: Questionnaire) -> String {
    "\(base)/Questionnaire/\(questionnaire.id)"
  }

  /// `url|version`, what a response points at.
  static func questionnaireCanonical(_ questionnaire: Questionnaire) -> String {
    "\(questionnaireURL(questionnaire))|\(questionnaire.version)"
  }

  /// The code system of one item's options: option ids are unique within an item only.
  static func codeSystem(_ questionnaire: Questionnaire, item: Item) -> String {
    "\(base)/CodeSystem/\(questionnaire.id)/\(item.id)"
  }

  /// A FHIR `id` (`[A-Za-z0-9-.]{1,64}`) made from `text`: other characters become `-`.
  static func resourceID(_ text: String) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
    let mapped = String(text.map { allowed.contains($0) ? $0 : "-" }.prefix(64))
    return mapped.isEmpty ? "-" : mapped
  }

  static func questionnaireResourceID(_ questionnaire: Questionnaire) -> String {
    resourceID("\(questionnaire.id)-\(questionnaire.version)")
  }

  /// `Questionnaire.name`, a name for code generators (`[A-Z][A-Za-z0-9_]*`): `adhd-magnesium`
  /// → `AdhdMagnesium`.
  static func computerName(_ id: String) -> String {
    id.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { part in
      part.prefix(1).uppercased() + part.dropFirst()
    }.joined()
  }

  /// The FHIRPath variable of a computed value or scale. FHIR's `Expression.name` is an `id`,
  /// which has no `_`, so `age_years` becomes `ageYears`; `_` before anything but a letter, and
  /// `_q`, are written `Q` and `Qq`, so two ids never share a name. intake's ids start with a
  /// lower-case letter, so they never meet the helper variables below, which start upper-case.
  static func variableName(_ id: String) -> String {
    var out = ""
    var pendingUnderscore = false
    for character in id {
      if pendingUnderscore {
        pendingUnderscore = false
        if character == "q" {
          out += "Qq"
          continue
        }
        if character.isLowercase, character.isASCII {
          out += character.uppercased()
          continue
        }
        out += "Q"
      }
      if character == "_" {
        pendingUnderscore = true
      } else {
        out.append(character)
      }
    }
    if pendingUnderscore { out += "Q" }
    // FHIRPath's own environment variables and words cannot be a variable's name.
    if reservedVariableNames.contains(out) {
      return "Intake" + out.prefix(1).uppercased() + out.dropFirst()
    }
    return out
  }

  private static let reservedVariableNames: Set<String> = [
    "resource", "rootResource", "context", "questionnaire", "qitem", "ucum", "sct", "loinc",
    "factory", "terminologies", "server", "and", "or", "xor", "implies", "not", "div", "mod",
    "in", "contains", "is", "as", "true", "false",
  ]

  // Helper variables for ages: the day the answers count as given, as a date and in parts.
  static let todayVariable = "IntakeToday"
  static let todayMonthsVariable = "IntakeTodayMonths"
  static let todayDayVariable = "IntakeTodayDay"
  static let todayIsMonthEndVariable = "IntakeTodayIsMonthEnd"

  /// The helper variable holding the numbers a scale is worked out from.
  static func scaleValuesVariable(_ scaleID: String) -> String {
    let name = variableName(scaleID)
    return "IntakeValuesOf" + name.prefix(1).uppercased() + name.dropFirst()
  }

  // Standard extensions (FHIR R4 core, the FHIR extensions pack, SDC).
  static let translation = "http://hl7.org/fhir/StructureDefinition/translation"
  static let variable = "http://hl7.org/fhir/StructureDefinition/variable"
  static let ordinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
  static let itemWeight = "http://hl7.org/fhir/StructureDefinition/itemWeight"
  static let optionExclusive =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
  static let minValue = "http://hl7.org/fhir/StructureDefinition/minValue"
  static let maxValue = "http://hl7.org/fhir/StructureDefinition/maxValue"
  static let maxDecimalPlaces = "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces"
  static let unit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
  static let itemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
  static let itemControlSystem = "http://hl7.org/fhir/questionnaire-item-control"
  static let constraint = "http://hl7.org/fhir/StructureDefinition/questionnaire-constraint"
  static let dataAbsentReason = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
  static let enableWhenExpression =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
  static let answerAssessment =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-item-answerAssessment"

  // intake's own extensions (docs/fhir.md describes each).
  /// On a Questionnaire item: a special answer the item accepts (`asked-unknown`,
  /// `asked-declined`).
  static let specialAnswer = "\(base)/StructureDefinition/special-answer"
  /// On a QuestionnaireResponse: one point the report raises, with the answers, values and
  /// sources behind it.
  static let reportPoint = "\(base)/StructureDefinition/report-point"
  /// On a response item: the rule id of a point that item's answer helped raise.
  static let raisesReportPoint = "\(base)/StructureDefinition/raises-report-point"
}

extension AnswerValue {
  /// The `data-absent-reason` code of a special answer.
  var dataAbsentReason: String? {
    switch self {
    case .dontKnow: "asked-unknown"
    case .preferNotToSay: "asked-declined"
    default: nil
    }
  }
}
