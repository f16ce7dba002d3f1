import Foundation
import IntakeCore
import IntakeForm

/// Plain mode: prompts on standard output, answers from standard input, one line each. Works
/// with screen readers, pipes and scripts; writes no escape codes.
struct PlainFront {
  let driver: AssessmentDriver
  let walk: Walk
  let language: Language
  let startWith: WelcomeAction?

  func run() {
    defer { driver.close() }
    let context = startWith == nil ? driver.welcomeContext() : WelcomeContext()
    var session = PlainSession(walk: walk, language: language, welcome: context)
    write(session.introduction)
    var effects: [FormEffect] = []
    if let startWith { effects = [.start(startWith, language: language)] }
    while true {
      var pending = effects
      effects = []
      while !pending.isEmpty {
        let effect = pending.removeFirst()
        pending += perform(effect, on: &session)
      }
      if session.isDone { return }
      if !session.isWaiting { write(session.prompt + " ") }
      guard let line = readLine(strippingNewline: true) else {
        let (output, more) = session.endOfInput()
        write("\n" + output + "\n")
        effects = more
        continue
      }
      let (output, more) = session.handle(line)
      if !output.isEmpty { write(output + "\n") }
      effects = more
    }
  }

  private func perform(_ effect: FormEffect, on session: inout PlainSession) -> [FormEffect] {
    let text = FrontText(session.language)
    switch effect {
    case .record(let itemID, let value):
      do { try driver.record(value, for: itemID) } catch {
        write(text.couldNotSave("\(error)") + "\n")
      }
    case .position(let itemID):
      driver.position(itemID)
    case .start(let action, let language):
      do {
        let opened = try driver.start(action, language: language)
        if let migration = opened.migration,
          let message = text.migrated(migration, questionnaire: walk.questionnaire)
        {
          write("\n== \(message.title) ==\n\(message.body)\n")
        }
        return session.opened(
          answers: opened.answers, position: opened.position, profile: opened.profile)
      } catch {
        write(text.couldNotOpen(error) + "\n")
        session.stop()
      }
    case .complete:
      let result = driver.complete(language: session.language)
      if let problem = result.problem {
        write(text.couldNotFinish(problem) + "\n")
        session.stop()
        return []
      }
      write(session.finished(report: result.text, savedPath: result.savedPath) + "\n")
    case .exit:
      break
    }
    return []
  }

  private func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
