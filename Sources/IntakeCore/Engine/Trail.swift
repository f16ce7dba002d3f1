/// Something an outcome rests on: an answer, or a computed value or scale (which have trails of
/// their own in the ``Assessment``).
public enum TrailReference: Hashable, Sendable, CustomStringConvertible {
  case item(String)
  case computed(String)
  case scale(String)

  public var id: String {
    switch self {
    case .item(let id), .computed(let id), .scale(let id): id
    }
  }

  public var description: String {
    switch self {
    case .item(let id): id
    case .computed(let id): "computed:\(id)"
    case .scale(let id): "scale:\(id)"
    }
  }
}

/// Internal form of a trail entry: positions, cheap to hash.
enum TrailRef: Hashable {
  case item(Int)
  case computed(Int)
  case scale(Int)

  var sortKey: (Int, Int) {
    switch self {
    case .item(let i): (0, i)
    case .computed(let i): (1, i)
    case .scale(let i): (2, i)
    }
  }
}

/// A value with the answers that produced it.
struct Evaluated {
  var value: Value?
  var trail: Set<TrailRef>

  static let unknown = Evaluated(value: nil, trail: [])

  var isTrue: Bool { value == .bool(true) }
}

extension Questionnaire {
  /// Turns an internal trail into public references, in questionnaire order.
  func references(_ trail: Set<TrailRef>) -> [TrailReference] {
    trail.sorted { $0.sortKey < $1.sortKey }.map {
      switch $0 {
      case .item(let i): .item(items[i].id)
      case .computed(let i): .computed(computed[i].id)
      case .scale(let i): .scale(scales[i].id)
      }
    }
  }
}
