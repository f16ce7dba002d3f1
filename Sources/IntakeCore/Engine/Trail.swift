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

/// Internal form of a trail entry: positions, cheap to compare.
enum TrailRef: Hashable {
  case item(Int)
  case computed(Int)
  case scale(Int)

  /// Orders items before computed values before scales, each by position: the order references
  /// are listed in.
  fileprivate var key: Int {
    switch self {
    case .item(let i): i
    case .computed(let i): Self.kindStride + i
    case .scale(let i): 2 * Self.kindStride + i
    }
  }

  fileprivate init(key: Int) {
    switch key / Self.kindStride {
    case 0: self = .item(key)
    case 1: self = .computed(key - Self.kindStride)
    default: self = .scale(key - 2 * Self.kindStride)
    }
  }

  /// More positions than any questionnaire holds (the loader would run out of memory first).
  private static let kindStride = 1 << 40
}

/// The entries an evaluated value rests on, without repeats, in reference order.
///
/// Not a `Set<TrailRef>`: every evaluation makes one, and most hold no entry or one. A set
/// allocated and hashed each time (a fifth of assessing 10,000 items); here no entry or one is
/// kept inline, more in a sorted array that a union merges.
struct Trail: Equatable, ExpressibleByArrayLiteral, Sequence {
  fileprivate enum Storage: Equatable {
    case none
    case one(Int)
    /// Two or more keys, ascending.
    case many([Int])
  }

  private var storage: Storage

  private init(storage: Storage) { self.storage = storage }

  private init(sortedKeys keys: [Int]) {
    switch keys.count {
    case 0: storage = .none
    case 1: storage = .one(keys[0])
    default: storage = .many(keys)
    }
  }

  init(arrayLiteral elements: TrailRef...) {
    if elements.count == 1 {
      self.init(storage: .one(elements[0].key))
    } else {
      self.init(elements)
    }
  }

  init() { storage = .none }

  /// The entries of `entries` in reference order, each once.
  init(_ entries: some Sequence<TrailRef>) {
    var keys = entries.map(\.key)
    keys.sort()
    var unique: [Int] = []
    unique.reserveCapacity(keys.count)
    for key in keys where unique.last != key { unique.append(key) }
    self.init(sortedKeys: unique)
  }

  var isEmpty: Bool { if case .none = storage { true } else { false } }

  private var keys: [Int] {
    switch storage {
    case .none: []
    case .one(let key): [key]
    case .many(let keys): keys
    }
  }

  func union(_ other: Trail) -> Trail {
    switch (storage, other.storage) {
    case (.none, _): return other
    case (_, .none): return self
    case (.one(let a), .one(let b)):
      if a == b { return self }
      return Trail(storage: .many(a < b ? [a, b] : [b, a]))
    default:
      return Trail(sortedKeys: Self.merge(keys, other.keys))
    }
  }

  mutating func formUnion(_ other: Trail) { self = union(other) }

  /// The ascending keys of both, each once.
  private static func merge(_ a: [Int], _ b: [Int]) -> [Int] {
    var merged: [Int] = []
    merged.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count, j < b.count {
      if a[i] < b[j] {
        merged.append(a[i])
        i += 1
      } else if b[j] < a[i] {
        merged.append(b[j])
        j += 1
      } else {
        merged.append(a[i])
        i += 1
        j += 1
      }
    }
    merged.append(contentsOf: a[i...])
    merged.append(contentsOf: b[j...])
    return merged
  }

  func makeIterator() -> Iterator { Iterator(storage: storage) }

  struct Iterator: IteratorProtocol {
    private let storage: Storage
    private var position = 0

    fileprivate init(storage: Storage) { self.storage = storage }

    mutating func next() -> TrailRef? {
      defer { position += 1 }
      switch storage {
      case .none: return nil
      case .one(let key): return position == 0 ? TrailRef(key: key) : nil
      case .many(let keys): return position < keys.count ? TrailRef(key: keys[position]) : nil
      }
    }
  }

  var underestimatedCount: Int {
    switch storage {
    case .none: 0
    case .one: 1
    case .many(let keys): keys.count
    }
  }
}

/// A value with the answers that produced it.
struct Evaluated {
  var value: Value?
  var trail: Trail

  static let unknown = Evaluated(value: nil, trail: [])

  var isTrue: Bool { value == .bool(true) }
}

extension Questionnaire {
  /// Turns an internal trail into public references, in questionnaire order.
  func references(_ trail: Trail) -> [TrailReference] {
    // A loop, not `trail.map { … }`: the closure would capture (copy) the whole questionnaire,
    // and this runs for every shown conditional item on every assessment.
    var references: [TrailReference] = []
    references.reserveCapacity(trail.underestimatedCount)
    for entry in trail {
      switch entry {
      case .item(let i): references.append(.item(items[i].id))
      case .computed(let i): references.append(.computed(computed[i].id))
      case .scale(let i): references.append(.scale(scales[i].id))
      }
    }
    return references
  }
}
