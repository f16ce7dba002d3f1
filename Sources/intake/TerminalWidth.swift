import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// The width of the terminal standard output goes to; `nil` when it goes to a file or a pipe
/// (listings are then printed whole, for scripts).
func terminalColumns() -> Int? {
  guard isatty(1) == 1 else { return nil }
  var size = winsize()
  guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
  return Int(size.ws_col)
}
