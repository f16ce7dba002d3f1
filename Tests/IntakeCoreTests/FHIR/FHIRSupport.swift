import Foundation
import Testing

@testable import IntakeCore

/// The people whose answers the FHIR tests export, between them reaching every item type, both
/// special answers, answers kept for hidden items, a follow-up, an unfinished and a
/// finished-with-open-questions assessment, an age under one (a hidden section) and a birthday
/// on 29 February.
enum FHIRPersonas {
  struct Persona: Sendable {
    let name: String
    let questionnaire: Questionnaire
    let includeName: Bool

    var path: String { Fixtures.path("fhir/\(name).json") }

    func record() throws -> AnswerRecord { try AnswerFile.load(contentsOf: path) }
  }

  /// Answers count as given in this zone (the offset `authored` carries).
  static let timeZone = TimeZone(identifier: "Europe/Amsterdam")!

  static let all: [Persona] = [
    Persona(name: "noor-complete", questionnaire: AdhdMagnesium.questionnaire, includeName: false),
    Persona(name: "mila-unfinished", questionnaire: AdhdMagnesium.questionnaire, includeName: true),
    Persona(name: "daan-follow-up", questionnaire: AdhdMagnesium.questionnaire, includeName: false),
    Persona(
      name: "lotte-under-one", questionnaire: AdhdMagnesium.questionnaire, includeName: false),
    Persona(name: "sam-every-feature", questionnaire: Fixtures.everyFeature, includeName: false),
    Persona(name: "jip-leap-day", questionnaire: Fixtures.everyFeature, includeName: true),
    Persona(name: "kim-just-begun", questionnaire: Fixtures.everyFeature, includeName: false),
  ]

  static func bundle(_ persona: Persona) throws -> Data {
    try FHIRExport.bundle(
      record: try persona.record(), questionnaire: persona.questionnaire,
      includeName: persona.includeName, timeZone: timeZone)
  }

  /// What intake's own engine concludes for `persona`, for the checker to hold the export to.
  static func expected(_ persona: Persona) throws -> [String: Any] {
    let record = try persona.record()
    let questionnaire = persona.questionnaire
    let assessment = Engine.assess(
      questionnaire, answers: record.answerValues,
      today: AssessmentHistory.day(of: record, timeZone: timeZone))
    let withheld =
      persona.includeName ? [] : [questionnaire.report.nicknameItemID].compactMap { $0 }
    let answered = questionnaire.items.map(\.id).filter {
      assessment.answers[$0] != nil && !withheld.contains($0)
    }
    var special: [String: String] = [:]
    for id in answered {
      if let reason = assessment.answers[id]?.dataAbsentReason { special[id] = reason }
    }
    var values: [String: Any] = [:]
    for value in questionnaire.computed {
      values[FHIRNames.variableName(value.id)] = json(assessment.computed[value.id]?.value)
    }
    for scale in questionnaire.scales {
      values[FHIRNames.variableName(scale.id)] =
        assessment.scales[scale.id]?.score.map { $0 as Any } ?? NSNull()
    }
    var subject: Any = NSNull()
    if persona.includeName {
      if let id = questionnaire.report.nicknameItemID,
        case .text(let name)? = assessment.answers[id]
      {
        subject = name
      } else if let name = record.profileName {
        subject = name
      }
    }
    return [
      "persona": persona.name,
      "status": record.status.isFinished ? "completed" : "in-progress",
      "visibleItems": assessment.visibleItemIDs(in: questionnaire),
      "visibleSections": questionnaire.sections.map(\.id).filter {
        assessment.isVisible(section: $0)
      },
      "hiddenWithAnswers": assessment.hiddenAnswerIDs,
      "withheld": withheld,
      "answered": answered,
      "special": special,
      "values": values,
      "subject": subject,
      "points": assessment.points.map { point in
        [
          "rule": point.rule.id,
          "items": assessment.items(behind: point.trail, in: questionnaire),
        ] as [String: Any]
      },
    ]
  }

  private static func json(_ value: Value?) -> Any {
    switch value {
    case .number(let number)?: number
    case .bool(let flag)?: flag
    case nil: NSNull()
    case let other?: "\(other)"
    }
  }

  /// Writes `bundles` (name → Bundle, expected) into a new folder for the checker.
  static func folder(_ bundles: [(String, Data, [String: Any])]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "intake-fhir-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, bundle, expected) in bundles {
      try bundle.write(to: folder.appending(path: "\(name).bundle.json"))
      try JSONSerialization.data(withJSONObject: expected, options: [.sortedKeys, .prettyPrinted])
        .write(to: folder.appending(path: "\(name).expected.json"))
    }
    return folder
  }
}

/// Runs Tests/fhir-check/check_fhir.py in the Python environment scripts/python-tools.sh makes
/// (making it when it is missing): the tools must be there, or the test fails.
enum FHIRChecker {
  struct Result {
    let status: Int32
    /// Standard output alone.
    let standardOutput: String
    /// Standard output, then standard error.
    let output: String
  }

  static func run(_ folder: URL) throws -> Result {
    let python = try setUp()
    return try execute(
      python,
      [Fixtures.repository.appending(path: "Tests/fhir-check/check_fhir.py").path, folder.path])
  }

  private static func setUp() throws -> String {
    let script = Fixtures.repository.appending(path: "scripts/python-tools.sh").path
    let result = try execute("/bin/bash", [script])
    guard result.status == 0,
      let python = result.standardOutput.split(separator: "\n").last.map(String.init),
      FileManager.default.isExecutableFile(atPath: python)
    else {
      throw SetUpError(
        message: "the FHIR tools could not be set up (scripts/python-tools.sh exited "
          + "\(result.status)):\n\(result.output)")
    }
    return python
  }

  struct SetUpError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }

  private static func execute(_ executable: String, _ arguments: [String]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read both before waiting: pip's output can fill a pipe.
    let errorData = PipeReader(errors.fileHandleForReading)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let standardError = String(decoding: errorData.wait(), as: UTF8.self)
    let text = String(decoding: outputData, as: UTF8.self)
    return Result(
      status: process.terminationStatus, standardOutput: text, output: text + standardError)
  }

  /// Reads a pipe to its end on another thread.
  private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
      Thread.detachNewThread { [self] in
        data = handle.readDataToEndOfFile()
        done.signal()
      }
    }

    func wait() -> Data {
      done.wait()
      return data
    }
  }
}
