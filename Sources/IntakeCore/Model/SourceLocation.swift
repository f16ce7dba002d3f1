/// A place in a questionnaire file, for messages an author can act on.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The file as the user named it.
  public let file: String
  /// 1-based line.
  public let line: Int
  /// 1-based column, counted in Unicode scalars.
  public let column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}
