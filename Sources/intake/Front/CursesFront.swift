import Foundation
import IntakeCore
import IntakeForm
import IntakeTerminal

/// The full-screen form: paints the state, feeds it keys, carries out its effects, until the
/// parent leaves. The terminal is given back on every way out, signals included.
struct CursesFront {
  let driver: AssessmentDriver
  let walk: Walk
  let language: Language
  let environment: [String: String]
  /// Skip the welcome screen and open this right away (`intake resume`).
  let startWith: WelcomeAction?

  /// Runs the form; returns the signal that ended it, if one did.
  func run() throws -> Int32? {
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal(environment: environment)
    } catch {
      throw CLIError("\(error)", exitCode: .software)
    }
    defer {
      terminal.stop()
      driver.close()
    }
    // Going straight to an assessment needs no list of what else is stored.
    let context = startWith == nil ? driver.welcomeContext() : WelcomeContext()
    var state = FormState(
      walk: walk, language: language, welcome: context, width: terminal.width,
      height: terminal.height)
    var running = true
    var endedBy: Int32?
    var effects: [FormEffect] = []
    if let startWith { effects = [.start(startWith, language: language)] }
    while running {
      var pending = effects
      effects = []
      while !pending.isEmpty {
        let effect = pending.removeFirst()
        if case .complete = effect {
          // Building the report takes a moment: show that it is happening.
          terminal.paint(state.screen)
        }
        pending += perform(effect, on: &state, running: &running)
      }
      guard running else { break }
      terminal.paint(state.screen)
      switch terminal.next() {
      case .key(let key): effects = state.update(.key(key))
      case .resize(let width, let height):
        effects = state.update(.resize(width: width, height: height))
      case .signal(let signal):
        endedBy = signal
        effects = state.update(.key(.interrupt))
      case .endOfInput: effects = state.update(.key(.interrupt))
      }
    }
    return endedBy
  }

  /// Does one effect; returns the effects the form asks for in response.
  private func perform(_ effect: FormEffect, on state: inout FormState, running: inout Bool)
    -> [FormEffect]
  {
    let text = FrontText(state.language)
    switch effect {
    case .record(let itemID, let value):
      do { try driver.record(value, for: itemID) } catch {
        _ = state.update(.failure(text.couldNotSave("\(error)")))
      }
    case .position(let itemID):
      driver.position(itemID)
    case .start(let action, let language):
      do {
        let opened = try driver.start(action, language: language)
        let more = state.opened(
          answers: opened.answers, position: opened.position, profile: opened.profile)
        if let migration = opened.migration,
          let message = text.migrated(migration, questionnaire: walk.questionnaire)
        {
          state.inform(title: message.title, body: message.body)
        }
        return more
      } catch {
        state.openFailed(text.couldNotOpen(error), welcome: driver.welcomeContext())
      }
    case .complete:
      let result = driver.complete(language: state.language)
      if let problem = result.problem {
        _ = state.update(.failure(text.couldNotFinish(problem)))
      } else {
        if let document = result.document {
          _ = state.update(.reportReady(document, savedPath: result.savedPath))
        }
      }
    case .exit:
      running = false
    }
    return []
  }
}
