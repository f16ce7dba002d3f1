import IntakeCore
import IntakeForm
import IntakeRuntime

/// The full-screen form on the ncurses terminal: paints the form's screens, hands it keys and
/// resizes. A signal (SIGINT, SIGTERM, SIGHUP) or a vanished terminal reaches the form as
/// Ctrl-C, so a half-typed answer is saved before leaving.
public struct CursesConsole: Console {
  private let terminal: CursesTerminal
  public private(set) var signal: Int32?

  public init(_ terminal: CursesTerminal) {
    self.terminal = terminal
  }

  public var width: Int { terminal.width }
  public var height: Int { terminal.height }

  public mutating func show(_ state: FormState) {
    terminal.paint(state.screen)
  }

  public mutating func next(_ state: FormState) -> FormEvent {
    switch terminal.next() {
    case .key(let key): return .key(key)
    case .resize(let width, let height): return .resize(width: width, height: height)
    case .signal(let number):
      signal = number
      return .key(.interrupt)
    case .endOfInput: return .key(.interrupt)
    }
  }

  public var hasPendingInput: Bool { terminal.hasPendingInput }

  public mutating func suspended<T>(_ body: () -> T) -> T { terminal.suspended(body) }
}
