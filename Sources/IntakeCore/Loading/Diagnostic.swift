/// One problem in a questionnaire file, at a place the author can go to.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
  public let location: SourceLocation
  public let message: String

  public init(location: SourceLocation, message: String) {
    self.location = location
    self.message = message
  }

  /// `file:line:column: error: message`, the form compilers and editors understand.
  public var description: String { "\(location): error: \(message)" }
}

/// Why a questionnaire could not be loaded.
public enum QuestionnaireLoadError: Error, Sendable, CustomStringConvertible {
  /// The file could not be read (missing, no permission, not UTF-8).
  case unreadable(file: String, reason: String)
  /// The file was read; these are all the problems found in it, in file order.
  case invalid([Diagnostic])

  public var description: String { message(in: .english) }

  /// The message in `language`; the diagnostics themselves are worded in English (they are
  /// for the questionnaire's author and name the file's keys as written).
  public func message(in language: Language) -> String {
    switch self {
    case .unreadable(let file, let reason):
      language == .dutch
        ? "\(file): kan niet lezen: \(ErrorText.dutch(reason))" : "\(file): cannot read: \(reason)"
    case .invalid(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
    }
  }
}

/// Collects diagnostics for one file.
final class DiagnosticCollector {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) { self.file = file }

  func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  func error(at location: SourceLocation, _ message: String) {
    diagnostics.append(Diagnostic(location: location, message: message))
  }

  /// The diagnostics in file order, each once: a node used through several aliases is one
  /// place in the file, and its mistake one message.
  var sorted: [Diagnostic] {
    var seen: Set<Diagnostic> = []
    return diagnostics.enumerated().sorted {
      let (a, b) = ($0.element.location, $1.element.location)
      return (a.line, a.column, $0.offset) < (b.line, b.column, $1.offset)
    }.map(\.element).filter { seen.insert($0).inserted }
  }
}
