import Foundation
import FuzzSupport
import IntakeCore

// Every input is an answers file: decoded strictly (JSON with positions, keys, values) and, when
// valid, checked against the built-in questionnaire, assessed and turned into the text report,
// as `intake report` does. Any error is a fine result; a crash, a hang or a sanitizer report is
// a finding. INTAKE_FUZZ_QUESTIONNAIRE names the questionnaire (scripts/fuzz.sh sets it).
let today = LocalDate(year: 2026, month: 11, day: 25)!
nonisolated(unsafe) let questionnaire: Questionnaire? = ProcessInfo.processInfo.environment[
  "INTAKE_FUZZ_QUESTIONNAIRE"
].flatMap { try? QuestionnaireLoader.load(contentsOf: $0, today: today) }

runFuzzer { data, size in
  guard let data else { return 0 }
  let bytes = Data(UnsafeBufferPointer(start: data, count: size))
  guard let record = try? AnswerFile.decode(bytes, file: "fuzz.json") else { return 0 }
  _ = try? AnswerFile.encode(record)
  guard let questionnaire, record.questionnaireID == questionnaire.id,
    let document = try? ReportDocument.build(
      questionnaire: questionnaire, record: record, previous: nil, today: today, language: nil)
  else { return 0 }
  for format in ReportFormat.allCases { _ = try? format.render(document) }
  return 0
}
