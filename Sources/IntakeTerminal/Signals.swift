import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The last of SIGINT, SIGTERM or SIGHUP that arrived (0: none). A signal handler may only touch
/// global state; an atomic needs no locking there.
let pendingSignal = Atomic<Int32>(0)

/// Whether the terminal changed size since the run loop last looked (SIGWINCH), set by the
/// handler: intake tells ncurses the new size itself, as it reads the keys itself.
let pendingResize = Atomic<Bool>(false)

/// Signals that end the program: handled by setting `pendingSignal`, so the run loop can save
/// and restore the terminal itself (ncurses' own SIGINT handler would `_exit` without our save).
enum ExitSignals {
  static let all: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// The terminal's signals: resize (handled here), suspend and continue (handled by ncurses).
  /// They must be deliverable even when intake was started with them blocked (a mask is
  /// inherited from whatever started it), or a resize would never be noticed.
  static let terminalSignals: [Int32] = [SIGWINCH, SIGTSTP, SIGCONT]

  /// Installs the handlers and blocks the signals, and SIGWINCH, outside of waiting; returns the
  /// mask to wait with, in which they, and the terminal's own signals, are deliverable.
  static func install() -> sigset_t {
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for signal in terminalSignals { sigaddset(&unblock, signal) }
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
    for signal in all {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { number in
        pendingSignal.store(number, ordering: .relaxed)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(signal, &action, nil)
    }
    // Installed before ncurses starts, so ncurses leaves SIGWINCH to it (it installs its own
    // handler only over the default one).
    var resize = sigaction()
    resize.__sigaction_handler.sa_handler = { _ in pendingResize.store(true, ordering: .relaxed) }
    sigemptyset(&resize.sa_mask)
    resize.sa_flags = 0
    sigaction(SIGWINCH, &resize, nil)
    var block = sigset_t()
    sigemptyset(&block)
    // A resize is held back outside of waiting too: arriving while the screen is painted, it would
    // otherwise be noticed only at the next key, since the wait that follows a paint does not
    // look at the input first.
    for signal in all + [SIGWINCH] { sigaddset(&block, signal) }
    var original = sigset_t()
    sigprocmask(SIG_BLOCK, &block, &original)
    for signal in all { sigdelset(&original, signal) }
    return original
  }

  /// Installs the handlers for a program that blocks in `read` (plain mode): the signals stay
  /// deliverable and interrupt the read (no `SA_RESTART`), so the program can say where the
  /// answers are before it ends.
  static func installInterrupting() {
    for signal in all {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { number in
        pendingSignal.store(number, ordering: .relaxed)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(signal, &action, nil)
    }
  }

  /// Whether the terminal changed size since the last call.
  static func takeResize() -> Bool {
    pendingResize.exchange(false, ordering: .relaxed)
  }

  /// Takes the pending signal, if any.
  static func take() -> Int32? {
    let signal = pendingSignal.exchange(0, ordering: .relaxed)
    return signal == 0 ? nil : signal
  }
}
