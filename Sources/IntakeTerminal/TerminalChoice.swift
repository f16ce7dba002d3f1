#if canImport(Glibc)
  import Glibc
#endif

/// Whether the full-screen form can run here, or plain line-by-line mode must.
public enum TerminalChoice: Equatable, Sendable {
  case curses
  case plain(reason: Reason)

  public enum Reason: Equatable, Sendable {
    case requested
    case notATerminal
    case dumbTerminal
  }

  /// Curses needs a terminal on both ends and a TERM it can describe; everything else (pipes,
  /// files, `TERM=dumb`, screen readers that ask for `--plain`) gets plain mode, so intake never
  /// writes escape codes into a pipe or hangs without a terminal.
  public static func decide(
    plainRequested: Bool, environment: [String: String], inputIsTerminal: Bool,
    outputIsTerminal: Bool
  ) -> TerminalChoice {
    if plainRequested { return .plain(reason: .requested) }
    guard inputIsTerminal, outputIsTerminal else { return .plain(reason: .notATerminal) }
    let term = environment["TERM"] ?? ""
    if term.isEmpty || term == "dumb" { return .plain(reason: .dumbTerminal) }
    return .curses
  }

  /// The choice for this process.
  public static func current(plainRequested: Bool, environment: [String: String]) -> TerminalChoice
  {
    decide(
      plainRequested: plainRequested, environment: environment, inputIsTerminal: isatty(0) == 1,
      outputIsTerminal: isatty(1) == 1)
  }
}
