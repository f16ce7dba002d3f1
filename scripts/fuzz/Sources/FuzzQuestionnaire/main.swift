import FuzzSupport
import IntakeCore

// Every input is a questionnaire file: composed, built, type-checked and, when valid, checked
// for reachability (all of `intake validate`) and assessed with no answers. Any error is a
// fine result; a crash, a hang, a leak or a sanitizer report is a finding.
runFuzzer { data, size in
  guard let data else { return 0 }
  let yaml = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let today = LocalDate(year: 2026, month: 11, day: 25)!
  if let questionnaire = try? QuestionnaireLoader.load(yaml: yaml, file: "fuzz.yaml", today: today)
  {
    _ = Engine.assess(questionnaire, answers: Answers(), today: today)
  }
  return 0
}
