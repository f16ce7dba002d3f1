import IntakeCore

/// The welcome screen's own state: the language, continue, follow up or start anew, and the
/// answers files that cannot be read.
public struct WelcomeScreen: Equatable, Sendable {
  let context: WelcomeContext
  var highlight: Int
  /// The name field, while a new profile is being named.
  var naming: TextField?
  /// Why the last choice did not work, or why the name cannot be used.
  var problem: String?

  init(context: WelcomeContext) {
    self.context = context
    // Start on the most likely choice: continuing, else starting anew.
    highlight = context.unfinished.isEmpty ? 1 + context.finished.count : 1
  }

  var rows: [WelcomeRow] { [.language] + context.rows }
}

extension FormState {
  mutating func welcomeKey(_ screen: inout WelcomeScreen, _ key: FormKey) -> Step {
    if var field = screen.naming {
      switch key {
      case .escape:
        screen.naming = nil
        screen.problem = nil
      case .enter:
        let name = field.text.trimmingWhitespace()
        guard !name.isEmpty else {
          screen.problem = text.nicknameEmpty
          return .stay
        }
        return .go(.opening, [.start(.new(profile: name), language: language)])
      default:
        field.edit(key, limit: WelcomeAction.nameLimit)
        screen.naming = field
        screen.problem = nil
      }
      return .stay
    }
    let rows = screen.rows
    switch key {
    case .up: screen.highlight = max(0, screen.highlight - 1)
    case .down: screen.highlight = min(rows.count - 1, screen.highlight + 1)
    case .home: screen.highlight = 0
    case .end: screen.highlight = rows.count - 1
    case .left where rows[screen.highlight] == .language,
      .right where rows[screen.highlight] == .language:
      toggleLanguage()
    case .escape, .character("q"), .character("Q"):
      return .go(.done, [.exit])
    case .help, .character("?"):
      overlay = .help(top: 0)
    case .enter, .character(" "):
      screen.problem = nil
      switch rows[screen.highlight] {
      case .language:
        toggleLanguage()
      case .resume, .followUp:
        let action = rows[screen.highlight].action
        return action.map { .go(.opening, [.start($0, language: language)]) } ?? .stay
      case .new:
        screen.naming = TextField()
      case .unreadable(let unreadable):
        overlay = .message(
          title: text.unreadableTitle, body: text.unreadableBody(unreadable), top: 0)
      }
    default: break
    }
    return .stay
  }

  private mutating func toggleLanguage() {
    let languages = questionnaire.languages
    guard let current = languages.firstIndex(of: language) else {
      language = languages.first ?? language
      return
    }
    language = languages[(current + 1) % languages.count]
  }
}
