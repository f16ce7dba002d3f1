import FoundationEssentials
import IntakeCore
import IntakeForm
import IntakeRuntime

/// Plain mode on standard input and output: prints what the session's transcript adds and its
/// prompt, reads one line at a time. Writes no escape codes.
public struct PlainConsole: Console {
  /// How much of the transcript is printed.
  private var printed = 0
  public private(set) var signal: Int32?

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
    guard let line = readLine(strippingNewline: true) else {
      signal = ExitSignals.take()
      return .endOfInput
    }
    return .line(line)
  }

  public var hasPendingInput: Bool { false }

  public mutating func suspended<T>(_ body: () -> T) -> T { body() }

  private func write(_ text: String) {
    StandardStream.output.write(text)
  }
}
