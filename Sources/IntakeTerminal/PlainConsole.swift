import FoundationEssentials
import IntakeCore
import IntakeForm
import IntakeRuntime

#if canImport(Glibc)
  import Glibc
#endif

/// Plain mode on standard input and output: prints what the session's transcript adds and its
/// prompt, reads one line at a time. Writes no escape codes.
public struct PlainConsole: Console {
  /// How much of the transcript is printed.
  private var printed = 0
  public private(set) var signal: Int32?
  /// Standard input read but not yet handed out as lines, from `inputStart` on.
  private var input: [UInt8] = []
  private var inputStart = 0
  private var inputEnded = false

  public init() {
    // SIGINT, SIGTERM and SIGHUP end the read instead of the program, so plain mode can say
    // where the answers are before it ends.
    ExitSignals.installInterrupting()
  }

  public mutating func show(_ state: PlainSession) {
    let new = state.transcript.dropFirst(printed)
    printed = state.transcript.count
    guard !new.isEmpty else { return }
    write(new.joined(separator: "\n") + "\n")
  }

  public mutating func next(_ state: PlainSession) -> PlainEvent {
    if let prompt = state.prompt { write(prompt + " ") }
    if let taken = ExitSignals.take() {
      signal = taken
      return .endOfInput
    }
    guard let bytes = readLineBytes() else {
      signal = ExitSignals.take()
      return .endOfInput
    }
    guard let line = String(validating: bytes, as: UTF8.self) else { return .notText }
    return .line(line)
  }

  /// One line of standard input without its line end, or `nil` at the end of input (or when a
  /// signal interrupts the read). Bytes, not `readLine`: that turns bytes that are not UTF-8 into
  /// U+FFFD without a word, and a name or a medicine would be saved as something never typed.
  private mutating func readLineBytes() -> [UInt8]? {
    while true {
      if let newline = input[inputStart...].firstIndex(of: UInt8(ascii: "\n")) {
        var line = Array(input[inputStart..<newline])
        inputStart = newline + 1
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return line
      }
      if inputStart > 0 {
        input.removeFirst(inputStart)
        inputStart = 0
      }
      if inputEnded {
        defer { input = [] }
        return input.isEmpty ? nil : input
      }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = read(0, &chunk, chunk.count)
      // An error is the end too: EINTR is a signal (the caller takes it), anything else cannot
      // be read past.
      guard count > 0 else {
        inputEnded = true
        if count < 0 { return nil }
        continue
      }
      input += chunk[..<count]
    }
  }

  public var hasPendingInput: Bool { false }

  public mutating func suspended<T>(_ body: () -> T) -> T { body() }

  private func write(_ text: String) {
    StandardStream.output.write(text)
  }
}
