/// Finds a key written twice in one YAML mapping or JSON object, the keys checked in file order.
///
/// Mappings in questionnaires and answer files have a handful of keys, where comparing with the
/// earlier ones beats hashing; a long one (the answers of an assessment) switches to a set.
struct RepeatedKeyCheck {
  /// From this many earlier keys on, they are hashed.
  static let hashingFrom = 16
  private var seen: Set<String> = []

  /// Whether `key` is among the `count` keys before it in the same mapping, `earlier(i)` being
  /// the i-th. Call it with each key in turn: once hashing, the set keeps the keys it was given.
  /// (Keys are read by position, not as a collection: a lazy view of the pairs copied each pair.)
  mutating func isRepeated(_ key: String, after count: Int, earlier: (Int) -> String?) -> Bool {
    if count < Self.hashingFrom { return (0..<count).contains { earlier($0) == key } }
    if seen.isEmpty { seen = Set((0..<count).compactMap(earlier)) }
    return !seen.insert(key).inserted
  }
}
