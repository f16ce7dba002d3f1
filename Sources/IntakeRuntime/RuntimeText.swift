import IntakeCore
import IntakeForm

/// The runtime's own words: the line the shell shows when the walk ends, in the parent's
/// language.
struct RuntimeText {
  let language: Language

  init(_ language: Language) { self.language = language }

  private var form: FormText { FormText(language) }

  private func t(_ english: String, _ dutch: String) -> String {
    language == .dutch ? dutch : english
  }

  func saved(profile: String, file: String, resume: String) -> String {
    t(
      "Answers for \(profile) saved in \(file). To continue: \(resume)",
      "Antwoorden voor \(profile) bewaard in \(file). Verdergaan: \(resume)")
  }

  func savedFinished(profile: String, file: String) -> String {
    t(
      "Answers for \(profile) saved in \(file); the report is beside it.",
      "Antwoorden voor \(profile) bewaard in \(file); het verslag staat ernaast.")
  }

  func finished(profile: String, report: String, answers: String) -> String {
    t(
      "Report for \(profile): \(report); answers in \(answers). To open it: xdg-open \(FormText.shellQuoted(report))",
      "Verslag voor \(profile): \(report); antwoorden in \(answers). Openen: xdg-open \(FormText.shellQuoted(report))"
    )
  }

  func unsaved(_ count: Int, profile: String, reason: WalkProblem, file: String, resume: String)
    -> String
  {
    t(
      "intake: \(count) answer\(count == 1 ? "" : "s") for \(profile) could not be saved: \(form.problem(reason)) The others are in \(file). To continue: \(resume)",
      "intake: \(count) antwoord\(count == 1 ? "" : "en") voor \(profile) kon\(count == 1 ? "" : "den") niet worden bewaard: \(form.problem(reason)) De andere staan in \(file). Verdergaan: \(resume)"
    )
  }

  func unsavedAnswer(_ unsaved: WalkEnding.Unsaved) -> String {
    t(
      "Not saved: “\(unsaved.question)”: \(unsaved.answer)",
      "Niet bewaard: “\(unsaved.question)”: \(unsaved.answer)")
  }

  func notKept(_ notKept: WalkEnding.NotKeptText) -> String {
    t(
      "Not saved, as it is not a valid answer to “\(notKept.question)”: \(notKept.text) (\(notKept.problem))",
      "Niet bewaard, want het is geen geldig antwoord op “\(notKept.question)”: \(notKept.text) (\(notKept.problem))"
    )
  }

  func refused(_ problem: WalkProblem) -> String {
    "intake: " + form.couldNotOpen(problem)
  }
}
