import CNcursesw
import IntakeCore
import IntakeForm

#if canImport(Glibc)
  import Glibc
#endif

/// What the terminal delivers to the run loop.
public enum TerminalInput: Equatable, Sendable {
  case key(FormKey)
  case resize(width: Int, height: Int)
  /// SIGINT, SIGTERM or SIGHUP arrived.
  case signal(Int32)
  /// Standard input closed: nothing more will come.
  case endOfInput
}

/// Why the full-screen terminal could not start.
public struct TerminalError: Error, CustomStringConvertible {
  public let description: String
}

/// The ncurses (wide-character) screen: paints ``Screen`` descriptions and reads keys. The only
/// code that talks to curses; one instance at a time, used from one thread.
public final class CursesTerminal {
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let output: UnsafeMutablePointer<FILE>
  private let input: UnsafeMutablePointer<FILE>
  private let waitMask: sigset_t
  private let palette: Palette
  private var needsFullRepaint = false
  /// The screen as last painted, so a row that did not change is not written again.
  private var painted: Screen?
  private var stopped = false
  /// Keys decoded but not yet handed out (an escape sequence ncurses did not know).
  private var queued: [TerminalInput] = []
  /// Whether the last look at the input found nothing and nothing was read since: the run loop
  /// looks (``hasPendingInput``) just before painting, so waiting can start without looking again.
  private var drained = false
  /// Whether the last ``readKey()`` took anything from the terminal, a key or bytes it ignored.
  private var readAnything = false

  /// Takes over the terminal: alternate screen, no echo, keys one at a time, Esc without delay.
  public init(environment: [String: String]) throws {
    // Handlers before newterm, so no signal can slip between them (NCURSES.md).
    waitMask = ExitSignals.install()
    setlocale(LC_ALL, "")
    if intake_codeset_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
    // Exported sizes would freeze the layout at those numbers.
    unsetenv("LINES")
    unsetenv("COLUMNS")
    guard let output = fdopen(1, "w"), let input = fdopen(0, "r") else {
      throw TerminalError(description: "cannot open the terminal")
    }
    guard let screen = newterm(nil, output, input) else {
      throw TerminalError(
        description:
          "this terminal (TERM=\(environment["TERM"] ?? "")) is not supported; try --plain")
    }
    self.output = output
    self.input = input
    self.screen = screen
    set_term(screen)
    guard let window = intake_stdscr() else {
      throw TerminalError(description: "cannot open the terminal")
    }
    self.window = window
    cbreak()
    // Ctrl-C must not make the terminal driver throw away what was typed just before it.
    noqiflush()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)
    wtimeout(window, 0)
    // ncurses checks for typed-ahead input while it paints, two polls a paint, to give up a
    // paint that a waiting key would replace; the run loop already paints only when no input is
    // waiting.
    typeahead(-1)
    let useColour = environment["NO_COLOR"].map(\.isEmpty) ?? true
    palette = Palette(colour: useColour && has_colors())
    palette.install()
    // Until a screen has been given back once and taken over again, ncurses 6 writes out its
    // buffer at every cursor move (it cannot tell the screen is set up): four writes to the
    // terminal an arrow key, dozens for a first screen. Giving it back now, before anything is
    // painted, makes the first paint take it over again, after which a paint is one write.
    def_prog_mode()
    endwin()
  }

  deinit { stop() }

  /// Gives the terminal back: normal screen, cursor, echo. Safe to call twice.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    curs_set(1)
    endwin()
    delscreen(screen)
  }

  public var width: Int { Int(intake_width(window)) }
  public var height: Int { Int(intake_height(window)) }

  /// Paints `screen`; ncurses sends only the cells that changed.
  public func paint(_ screen: Screen) {
    let rows = min(screen.lines.count, height)
    if needsFullRepaint {
      // After a resize or a suspension, a cleared screen avoids leftovers of the old layout.
      wclear(window)
      needsFullRepaint = false
      painted = nil
    } else if painted.map({ $0.width != screen.width || $0.lines.count != screen.lines.count })
      ?? true
    {
      werase(window)
      painted = nil
    }
    for row in 0..<rows {
      let line = screen.lines[row]
      // ncurses would find an unchanged row unchanged too, but only after each of its
      // characters has been converted and stored again: a key changes two or three rows.
      if painted?.lines[row] == line { continue }
      wmove(window, Int32(row), 0)
      setStyle(.normal)
      wclrtoeol(window)
      var used = 0
      for span in line.spans where !span.text.isEmpty {
        setStyle(span.style)
        // withCString hands over the string's own UTF-8, where passing the String made a copy.
        span.text.withCString { _ = waddstr(window, $0) }
        used += DisplayWidth.of(span.text)
      }
      if line.fill != .normal, used < screen.width {
        setStyle(line.fill)
        // The bottom-right cell cannot be written without scrolling; leave it.
        let last = row == rows - 1 ? screen.width - 1 : screen.width
        if last > used { waddstr(window, String(repeating: " ", count: last - used)) }
      }
    }
    painted = screen
    setStyle(.normal)
    if let cursor = screen.cursor {
      wmove(window, Int32(cursor.row), Int32(cursor.column))
      curs_set(1)
    } else {
      curs_set(0)
    }
    wnoutrefresh(window)
    doupdate()
  }

  private func setStyle(_ style: Style) {
    let (attributes, pair) = palette.attributes(for: style)
    wattr_set(window, attributes, pair, nil)
  }

  /// Whether a key (or resize) is already waiting to be read: the next ``next()`` will not
  /// block. What is read to find out is kept for it.
  public var hasPendingInput: Bool {
    if !queued.isEmpty { return true }
    guard let input = readKey() else { return false }
    queued.append(input)
    return true
  }

  /// Gives the terminal back while `body` runs (another program may use it), then takes it
  /// over again and repaints everything.
  public func suspended<T>(_ body: () -> T) -> T {
    def_prog_mode()
    endwin()
    defer {
      reset_prog_mode()
      needsFullRepaint = true
      drained = false
    }
    return body()
  }

  /// Waits for the next key, resize, signal or end of input.
  public func next() -> TerminalInput {
    while true {
      if let queuedInput = queued.first {
        queued.removeFirst()
        return queuedInput
      }
      // Keys typed before a signal come first, so nothing typed just before Ctrl-C is lost.
      if !drained, let input = readKey() { return input }
      if let signal = ExitSignals.take() { return .signal(signal) }
      // Nothing buffered: wait for input with the exit signals deliverable, then look again.
      var mask = waitMask
      let ready = intake_wait_readable(0, -1, &mask)
      // Woken by input or by a signal (a resize is read as a key): look again either way.
      drained = false
      if ready == 1 {
        if let input = readKey() { return input }
        // Readable with nothing to read, or the terminal is gone (EIO): input has ended. Going
        // round again would spin at full speed.
        if !readAnything, intake_bytes_waiting(0) <= 0 { return .endOfInput }
      }
      if ready < 0, errno != EINTR { return .endOfInput }
    }
  }

  /// One key from ncurses' buffer, or `nil` when none is waiting; what the form has no key for
  /// is passed over.
  private func readKey() -> TerminalInput? {
    readAnything = false
    while true {
      var character: wint_t = 0
      let result = wget_wch(window, &character)
      drained = result == ERR
      if result == ERR { return nil }
      readAnything = true
      if result == KEY_CODE_YES {
        if Int32(character) == KEY_RESIZE {
          needsFullRepaint = true
          return .resize(width: width, height: height)
        }
        if let key = KeyDecoder.functionKey(Int32(character)) { return .key(key) }
        continue
      }
      if character == 27 { return .key(escapeSequence()) }
      if let key = KeyDecoder.character(UInt32(character)) { return .key(key) }
    }
  }

  /// Esc alone, or a sequence this terminal's description lacks: tmux sends keypad Enter as
  /// `Esc O M` and End as `Esc [ 4 ~`, which xterm's terminfo does not list. ncurses already
  /// waited ESCDELAY, so the rest of a sequence is in the buffer.
  private func escapeSequence() -> FormKey {
    var next: wint_t = 0
    guard wget_wch(window, &next) == OK else { return .escape }
    guard next == UInt32(UInt8(ascii: "O")) || next == UInt32(UInt8(ascii: "[")) else {
      // Alt plus a key: the parent meant the key.
      if let key = KeyDecoder.character(UInt32(next)) { queued.append(.key(key)) }
      return .escape
    }
    // Parameters (digits and ';') up to the final character.
    var parameters = ""
    var final: wint_t = 0
    while wget_wch(window, &final) == OK {
      guard let scalar = Unicode.Scalar(UInt32(final)) else { return .escape }
      if ("0"..."9").contains(scalar) || scalar == ";" {
        parameters.unicodeScalars.append(scalar)
        continue
      }
      return KeyDecoder.sequence(parameters: parameters, final: scalar) ?? .escape
    }
    return .escape
  }
}

/// Turns what ncurses reads into form keys.
enum KeyDecoder {
  static func functionKey(_ code: Int32) -> FormKey? {
    switch code {
    case KEY_UP: .up
    case KEY_DOWN: .down
    case KEY_LEFT: .left
    case KEY_RIGHT: .right
    case KEY_HOME: .home
    case KEY_END: .end
    case KEY_PPAGE: .pageUp
    case KEY_NPAGE: .pageDown
    case KEY_ENTER: .enter
    case KEY_BACKSPACE: .backspace
    case KEY_DC: .delete
    case KEY_BTAB: .backTab
    case intake_key_f1(): .help
    default: nil
    }
  }

  /// A CSI or SS3 sequence by its parameters and final character: `[4~` End, `[1;5C` Ctrl-→
  /// (read as →), `OM` keypad Enter.
  static func sequence(parameters: String, final: Unicode.Scalar) -> FormKey? {
    switch final {
    case "A": return .up
    case "B": return .down
    case "C": return .right
    case "D": return .left
    case "H": return .home
    case "F": return .end
    case "M": return .enter
    case "Z": return .backTab
    case "P" where parameters.isEmpty: return .help
    case "~":
      switch parameters.split(separator: ";").first {
      case "1", "7": return .home
      case "4", "8": return .end
      case "3": return .delete
      case "5": return .pageUp
      case "6": return .pageDown
      case "11": return .help
      default: return nil
      }
    default: return nil
    }
  }

  static func character(_ value: UInt32) -> FormKey? {
    switch value {
    case 10, 13: return .enter
    case 9: return .tab
    case 8, 127: return .backspace
    case 3: return .interrupt
    case 27: return .escape
    case 0..<32: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }
}

/// How each style looks: colours when the terminal has them (and NO_COLOR is not set), else
/// bold, reverse and underline only.
struct Palette {
  let colour: Bool

  private static let order: [Style] = Style.allCases

  func install() {
    guard colour else { return }
    start_color()
    use_default_colors()
    for (index, style) in Self.order.enumerated() {
      let (foreground, background) = Self.colours(style)
      init_pair(Int16(index + 1), foreground, background)
    }
  }

  private static func colours(_ style: Style) -> (Int16, Int16) {
    switch style {
    case .title: (Int16(COLOR_WHITE), Int16(COLOR_BLUE))
    case .highlight: (Int16(COLOR_BLACK), Int16(COLOR_CYAN))
    case .error: (Int16(COLOR_RED), -1)
    case .heading: (Int16(COLOR_CYAN), -1)
    case .footer: (Int16(COLOR_BLACK), Int16(COLOR_WHITE))
    case .field: (Int16(COLOR_BLACK), Int16(COLOR_WHITE))
    case .notice: (Int16(COLOR_YELLOW), -1)
    case .normal, .question, .dim: (-1, -1)
    }
  }

  func attributes(for style: Style) -> (attr_t, Int16) {
    let bold = intake_a_bold()
    if colour {
      let pair = Int16((Self.order.firstIndex(of: style) ?? 0) + 1)
      switch style {
      case .question, .heading, .error, .title: return (bold, pair)
      case .dim: return (intake_a_dim(), 0)
      case .normal: return (intake_a_normal(), 0)
      default: return (intake_a_normal(), pair)
      }
    }
    switch style {
    case .normal: return (intake_a_normal(), 0)
    case .title, .footer, .highlight: return (intake_a_reverse(), 0)
    case .question, .heading, .error, .notice: return (bold, 0)
    case .dim: return (intake_a_dim(), 0)
    case .field: return (intake_a_underline(), 0)
    }
  }
}
