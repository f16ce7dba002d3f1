/// The value of an expression.
public enum Value: Hashable, Sendable, CustomStringConvertible {
  case number(Double)
  case bool(Bool)
  /// An option id, or free text.
  case string(String)
  /// The options chosen in a multiple choice.
  case set(Set<String>)
  case date(LocalDate)

  public var number: Double? {
    if case .number(let n) = self { return n }
    return nil
  }
  public var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  public var description: String {
    switch self {
    case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    case .bool(let b): String(b)
    case .string(let s): "\"\(s)\""
    case .set(let s): "[" + s.sorted().joined(separator: ", ") + "]"
    case .date(let d): d.iso
    }
  }
}
