import IntakeCore
import IntakeForm

/// A state machine the walk runs: the full-screen form or plain mode. Every input is an event,
/// effects' results come back as events too.
public protocol Interaction {
  associatedtype Event
  /// The event that carries an effect's outcome.
  static func outcome(_ outcome: Outcome) -> Event
  mutating func update(_ event: Event) -> [FormEffect]
  var isDone: Bool { get }
}

extension FormState: Interaction {
  public static func outcome(_ outcome: Outcome) -> FormEvent { .outcome(outcome) }
}

extension PlainSession: Interaction {
  public static func outcome(_ outcome: Outcome) -> PlainEvent { .outcome(outcome) }
}

/// Where an interaction meets the person: shows the state and reads what they do.
public protocol Console {
  associatedtype State: Interaction
  /// Shows `state` (paints the screen, or prints what the transcript added).
  mutating func show(_ state: State)
  /// Waits for the next event (a key, a line, a resize, the end of input).
  mutating func next(_ state: State) -> State.Event
  /// Whether input is already waiting: showing can then wait until it is handled, so a paste
  /// costs one redraw instead of one per character.
  var hasPendingInput: Bool { get }
  /// The signal that ended the input, if one did.
  var signal: Int32? { get }
  /// Runs `body` with the terminal given back for a moment (another program may use it).
  mutating func suspended<T>(_ body: () -> T) -> T
}

/// The walk's one run loop, for the full-screen form and plain mode alike: show, read an event,
/// update, carry out the effects through the driver, hand their outcomes back, until the state
/// is done or asks to leave.
public enum Walker {
  /// Runs `state` on `console` from `effects` (e.g. opening an assessment straight away);
  /// returns how the walk ended. The driver's assessment is closed on every way out.
  public static func run<C: Console>(
    _ state: inout C.State, on console: inout C, driver: AssessmentDriver,
    startingWith effects: [FormEffect] = []
  ) -> WalkEnding {
    defer { driver.close() }
    var pending = effects
    while true {
      var leaving = false
      while !pending.isEmpty {
        let effect = pending.removeFirst()
        if case .exit = effect {
          leaving = true
          continue
        }
        // Making the report takes a moment: the screen says so first.
        if effect.isSlow { console.show(state) }
        let outcome: Outcome?
        switch effect {
        case .open, .print: outcome = console.suspended { driver.perform(effect) }
        default: outcome = driver.perform(effect)
        }
        if let outcome { pending += state.update(C.State.outcome(outcome)) }
      }
      if leaving || state.isDone { break }
      if !console.hasPendingInput { console.show(state) }
      pending = state.update(console.next(state))
    }
    console.show(state)
    var ending = driver.ending
    ending.signal = console.signal
    return ending
  }

  /// Opens an assessment before anything is shown (`intake resume`): the outcome, or the ending
  /// when it could not be opened (the parent is then told why, and nothing was shown).
  public static func open(_ action: WelcomeAction, language: Language, driver: AssessmentDriver)
    -> Result<Outcome, WalkEnding>
  {
    let outcome = driver.perform(.start(action, language: language))
    if case .opened? = outcome, let outcome { return .success(outcome) }
    driver.close()
    return .failure(driver.ending)
  }
}

extension WalkEnding: Error {}
