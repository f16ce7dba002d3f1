import IntakeCore

/// Everything that can happen to the full-screen form: a key the parent pressed, the terminal
/// changing size, or what the outside world did with an effect the form asked for.
public enum FormEvent: Equatable, Sendable {
  case key(FormKey)
  /// The terminal is now `width` × `height` cells.
  case resize(width: Int, height: Int)
  /// The result of an effect (an answer saved or not, an assessment opened, the report made).
  /// Boxed: an outcome is rare and large (a whole report), a key is frequent and small, and
  /// unboxed every key event was copied and destroyed as if it might hold a report.
  indirect case outcome(Outcome)
}

/// A key, already decoded from the terminal's bytes by the adapter.
public enum FormKey: Equatable, Sendable {
  case character(Character)
  case up, down, left, right, home, end, pageUp, pageDown
  case enter, tab, backTab, backspace, delete, escape
  /// F1: help ("why we ask").
  case help
  /// Ctrl-C: leave at once (answers are kept).
  case interrupt
  /// A character of text the terminal marked as pasted: text for the field in view, never a key
  /// that acts (unmarked, a pasted line end confirmed the field and the rest chose options).
  case pasted(Character)
}

/// What the form asks the outside world to do; the state itself never does I/O. Each effect's
/// result comes back as an ``Outcome``.
public enum FormEffect: Equatable, Sendable {
  /// Store this answer (`nil`: remove it) now. The form shows it as given only once
  /// ``Outcome/saved(itemID:)`` says it is on disk.
  case record(itemID: String, value: AnswerValue?)
  /// Remember where the parent is, so a resumed walk starts there (no outcome).
  case position(itemID: String)
  /// Open what the parent chose on the welcome screen.
  case start(WelcomeAction, language: Language)
  /// The parent finished: mark the assessment finished (with these shown questions left open)
  /// and make the report.
  case finish(unanswered: [String])
  /// Open a saved report file with the desktop's viewer.
  case open(path: String)
  /// Send a saved report file to the printer.
  case print(path: String)
  /// Tell the parent, once the walk has ended, text that could not be saved because it is not
  /// a valid answer (no outcome).
  case notKept(NotKept)
  /// Leave the program.
  case exit

  /// Whether carrying it out takes long enough that the screen should say so first.
  public var isSlow: Bool {
    if case .finish = self { return true }
    return false
  }
}
