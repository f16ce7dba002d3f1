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
  /// Whether the terminal marks pastes (bracketed paste, `ESC [ ? 2004 h`): turned on with the
  /// first paint after taking the terminal over, off whenever it is given back.
  private var marksPastes = false
  /// The screen as last painted, so a row that did not change is not written again.
  private var painted: Screen?
  private var stopped = false
  /// A key decoded to find out whether one is waiting, not yet handed out.
  private var queued: TerminalInput?
  /// Bytes read from the terminal and not yet handed out as keys.
  private var keys: KeyBytes
  /// Where a read from the terminal lands: a paste arrives in pieces of up to this size.
  private let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
  /// How long the rest of an escape sequence may take to arrive before an Esc is taken as the
  /// Esc key (ncurses' ESCDELAY, as short as the terminals it serves allow).
  private static let escapeDelay = 25
  /// How long a paste may pause (in ms) before it is taken to be over without its end mark.
  private static let pasteIdle = 500

  /// Takes over the terminal: alternate screen, no echo, keys one at a time, Esc after 25 ms.
  public init(environment: [String: String]) throws {
    // Handlers before newterm, so no signal can slip between them, and ncurses (which puts its
    // own only over default handlers) leaves SIGWINCH to intake.
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
    // Keypad mode: the keys send what the description lists (read below), as ncurses expects.
    keypad(window, true)
    keys = KeyBytes(keyStrings: KeyDecoder.keyStrings())
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
    reportedSize = (width, height)
  }

  deinit {
    stop()
    readBuffer.deallocate()
  }

  /// Gives the terminal back: normal screen, cursor, echo. Safe to call twice.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    markPastes(false)
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
      for span in line.spans where !span.text.isEmpty {
        setStyle(span.style)
        // withCString hands over the string's own UTF-8, where passing the String made a copy.
        span.text.withCString { _ = waddstr(window, $0) }
      }
      // Measured only for a filled line, and then nearly always known from when it was made.
      if line.fill != .normal {
        let used = line.width
        // The bottom-right cell cannot be written without scrolling; leave it.
        let last = row == rows - 1 ? screen.width - 1 : screen.width
        if last > used {
          setStyle(line.fill)
          waddstr(window, String(repeating: " ", count: last - used))
        }
      }
    }
    painted = screen
    setStyle(.normal)
    if let cursor = screen.cursor {
      leaveok(window, false)
      wmove(window, Int32(cursor.row), Int32(cursor.column))
      curs_set(1)
    } else {
      // A hidden cursor can stay where the last change left it: ncurses then skips the move
      // back to the window's cursor, which costs it a search of cursor motions every paint.
      leaveok(window, true)
      curs_set(0)
    }
    wnoutrefresh(window)
    doupdate()
    if !marksPastes { markPastes(true) }
  }

  /// Asks the terminal to mark pasted text, or to stop: a marked paste is text for the field,
  /// where unmarked its line ends would be Enter and its spaces and digits would choose options.
  /// Written straight to the terminal, after ncurses has written what it holds.
  private func markPastes(_ on: Bool) {
    marksPastes = on
    fflush(output)
    let sequence = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
    sequence.utf8CString.withUnsafeBufferPointer { _ = write(1, $0.baseAddress, $0.count - 1) }
  }

  private func setStyle(_ style: Style) {
    let (attributes, pair) = palette.attributes(for: style)
    wattr_set(window, attributes, pair, nil)
  }

  /// Whether a key (or resize) is already waiting to be read: the next ``next()`` will not
  /// block. What is read to find out is kept for it.
  public var hasPendingInput: Bool {
    if queued != nil { return true }
    var decoded = keys.next(final: false)
    // Nothing decoded is left: only the terminal can say (a paste still arriving).
    if decoded == .empty, readWaiting(timeout: 0) { decoded = keys.next(final: false) }
    switch decoded {
    case .key(let key):
      queued = .key(key)
      return true
    case .incomplete: return true
    case .empty: return false
    }
  }

  /// Gives the terminal back while `body` runs (another program may use it), then takes it
  /// over again and repaints everything.
  public func suspended<T>(_ body: () -> T) -> T {
    markPastes(false)
    def_prog_mode()
    endwin()
    defer {
      reset_prog_mode()
      needsFullRepaint = true
    }
    return body()
  }

  /// Waits for the next key, resize, signal or end of input.
  public func next() -> TerminalInput {
    if let input = queued {
      queued = nil
      return input
    }
    var final = false
    while true {
      // Keys typed before a signal come first, so nothing typed just before Ctrl-C is lost.
      switch keys.next(final: final) {
      case .key(let key): return .key(key)
      case .incomplete:
        // The rest of a sequence is on its way, or the parent pressed Esc.
        final = !readWaiting(timeout: Self.escapeDelay)
        continue
      case .empty:
        final = false
        // A paste's end mark lost on the way would leave every key pasted text: when nothing
        // more comes for a moment, the paste is over.
        if keys.isPasting, !readWaiting(timeout: Self.pasteIdle) { keys.endPaste() }
        if !keys.isEmpty { continue }
      }
      if let signal = ExitSignals.take() { return .signal(signal) }
      // A resize, or a size ncurses took again itself when the program continued after Ctrl-Z.
      if ExitSignals.takeResize() || (width, height) != reportedSize { return resized() }
      if endOfInput { return .endOfInput }
      // Nothing buffered: wait for input with the exit signals and resizes deliverable.
      _ = readWaiting(timeout: -1)
    }
  }

  /// Set once the terminal is gone or standard input has closed.
  private var endOfInput = false

  /// Reads what the terminal has sent, waiting up to `timeout` ms for it (-1: until something
  /// comes or a signal arrives); whether anything was read. A terminal that is readable with
  /// nothing to read, or gone (EIO), has ended: waiting again would spin at full speed.
  private func readWaiting(timeout: Int) -> Bool {
    guard !endOfInput else { return false }
    var mask = waitMask
    let ready = intake_wait_readable(0, timeout, &mask)
    if ready < 0, errno != EINTR { endOfInput = true }
    guard ready == 1 else { return false }
    let count = read(0, readBuffer.baseAddress, readBuffer.count)
    if count > 0 {
      keys.append(UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
      return true
    }
    if count == 0 || errno != EINTR && errno != EAGAIN { endOfInput = true }
    return false
  }

  /// The size the form was last told of (or started with).
  private var reportedSize = (width: 0, height: 0)

  /// Tells ncurses the terminal's new size and repaints everything.
  private func resized() -> TerminalInput {
    var rows: Int32 = 0
    var columns: Int32 = 0
    if intake_window_size(1, &rows, &columns) == 1 || intake_window_size(0, &rows, &columns) == 1 {
      resizeterm(rows, columns)
    }
    needsFullRepaint = true
    reportedSize = (width, height)
    return .resize(width: width, height: height)
  }
}

/// What the terminal's bytes and descriptions mean as form keys.
enum KeyDecoder {
  /// The terminal description's key capabilities and what each key means here.
  static let capabilities: [(name: String, key: FormKey)] = [
    ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right), ("khome", .home),
    ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown), ("kent", .enter), ("kdch1", .delete),
    ("kcbt", .backTab), ("kbs", .backspace), ("kf1", .help),
  ]

  /// The bytes each key sends on this terminal, from its description (after `newterm`).
  static func keyStrings() -> [(bytes: [UInt8], key: FormKey)] {
    capabilities.compactMap { capability in
      guard let value = intake_capability_string(capability.name) else { return nil }
      return (Array(String(cString: value).utf8), capability.key)
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
