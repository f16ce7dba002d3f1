import IntakeCore

/// What happens to the form: a key the parent pressed, the terminal changing size, or an answer
/// from the outside world (the store, the report).
public enum FormEvent: Equatable, Sendable {
  case key(FormKey)
  /// The terminal is now `width` × `height` cells.
  case resize(width: Int, height: Int)
  /// The report of the finished assessment, ready to show (laid out for the terminal's width);
  /// `savedPath` is where its text was written.
  case reportReady(ReportDocument, savedPath: String?)
  /// Something outside the form failed (e.g. the answers could not be saved); shown to the parent.
  case failure(String)
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
}

/// What the form asks the outside world to do; the state itself never does I/O.
public enum FormEffect: Equatable, Sendable {
  /// Store this answer (`nil`: remove it) now — autosave after every answer.
  case record(itemID: String, value: AnswerValue?)
  /// Remember where the parent is, so a resumed walk starts there.
  case position(itemID: String)
  /// Start an assessment chosen on the welcome screen.
  case start(WelcomeAction, language: Language)
  /// The parent finished: mark the assessment complete and build the report.
  case complete
  /// Leave the program; everything answered is already stored.
  case exit
}
