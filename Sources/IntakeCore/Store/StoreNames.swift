import FoundationEssentials

/// Folder names of profiles. A folder name is derived from the child's nickname so a parent can
/// find it, but it never leaves the data folder: no `/`, no `..`, nothing hidden.
public enum ProfileFolder {
  /// Longest folder name derived from a nickname, in characters.
  static let maximumDerivedLength = 40
  /// The name used when a nickname has no letters or digits at all (e.g. only emoji).
  static let fallback = "profile"

  /// The folder name for `nickname`: lower case, letters and digits of any script kept ("Zoë" →
  /// `zoë`, "Anne-Sophie 2" → `anne-sophie-2`), everything else one `-`.
  public static func derive(from nickname: String) -> String {
    var folder = ""
    var pendingDash = false
    for character in ProfileName.normalized(nickname).lowercased() {
      if character.unicodeScalars.allSatisfy(isKept) {
        if pendingDash, !folder.isEmpty { folder.append("-") }
        pendingDash = false
        folder.append(character)
        if folder.count >= maximumDerivedLength { break }
      } else {
        pendingDash = true
      }
    }
    return folder.isEmpty ? fallback : folder
  }

  private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    if properties.isAlphabetic || properties.numericType != nil {
      return !properties.isWhitespace
    }
    return properties.generalCategory == .nonspacingMark
      || properties.generalCategory == .spacingMark
  }

  /// Why `folder` cannot be a profile folder name, or `nil` when it can.
  public static func problem(_ folder: String) -> String? {
    if folder.isEmpty { return "is empty" }
    if folder.hasPrefix(".") { return "starts with a dot" }
    if folder.containsScalar("/") || folder.containsScalar("\\") { return "contains a slash" }
    // Controls and the bidi overrides that make a name read in another order (SafeText).
    if folder.unicodeScalars.contains(where: SafeText.isUnsafe) {
      return "contains a control character"
    }
    if folder.utf8.count > 200 { return "is too long for a folder name" }
    return nil
  }
}

/// Nicknames as typed, compared the way a parent would.
public enum ProfileName {
  /// `name` trimmed, with runs of spaces made one and composed characters composed (so "Zoë" typed
  /// on any keyboard is one name).
  public static func normalized(_ name: String) -> String {
    name.composed
      .split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
  }

  /// Whether two nicknames name the same child: equal ignoring case, spacing and composition.
  public static func matches(_ a: String, _ b: String) -> Bool {
    normalized(a).lowercased() == normalized(b).lowercased()
  }

  /// Why `name` cannot be a nickname, or `nil`.
  public static func problem(_ name: String) -> String? {
    let normalized = normalized(name)
    if normalized.isEmpty { return "a nickname needs at least one letter or digit" }
    if normalized.count > 60 { return "a nickname can be at most 60 characters" }
    if normalized.unicodeScalars.contains(where: SafeText.isUnsafe) {
      return "a nickname cannot contain control characters"
    }
    return nil
  }
}

/// Ids of assessments, also their file names: `YYYYMMDD-HHMMSS-xxxxxx` (UTC time of creation and
/// a random part), so files sort by age and never clash.
public enum AssessmentID {
  /// A new id for an assessment created at `date`.
  public static func make(at date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ n: Int?) -> String { String(n ?? 0).leftPadded(to: 2) }
    let random = String(UInt32.random(in: 0...0xFF_FFFF), radix: 16).leftPadded(to: 6)
    return "\(String(p.year ?? 0).leftPadded(to: 4))\(two(p.month))\(two(p.day))-"
      + "\(two(p.hour))\(two(p.minute))\(two(p.second))-\(random)"
  }

  /// Why `id` cannot name an assessment, or `nil`: ids are 1–64 of `a-z`, `0-9` and `-`, starting
  /// with a letter or digit (so an id from a file can never reach outside its folder).
  public static func problem(_ id: String) -> String? {
    guard !id.isEmpty, id.utf8.count <= 64 else { return "must be 1 to 64 characters long" }
    let allowed = id.utf8.allSatisfy {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")
    }
    guard allowed, id.first != "-" else {
      return "may only use a-z, 0-9 and '-', and not start with '-'"
    }
    if id == ProfileInfo.fileStem { return "is reserved for the profile file" }
    return nil
  }
}
