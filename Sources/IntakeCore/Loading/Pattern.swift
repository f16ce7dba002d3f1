/// The small text patterns of the format, checked by hand: compiling a regular expression costs
/// more than loading a whole questionnaire's worth of these checks, and start-up time matters.
enum Pattern {
  static func isLowercaseLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) }
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

  /// `[a-z][a-z0-9_-]*`
  static func isQuestionnaireID(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, isLowercaseLetter(first) else { return false }
    return text.unicodeScalars.allSatisfy {
      isLowercaseLetter($0) || isDigit($0) || $0 == "_" || $0 == "-"
    }
  }

  /// One to three dot-separated numbers: `1`, `1.2`, `1.2.3`.
  static func isVersion(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return (1...3).contains(parts.count)
      && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(isDigit) }
  }

  /// `today - N years`, `today + N months`, `today-3 days` (singular or plural units).
  static func relativeDate(_ text: String) -> DateBound? {
    var rest = Substring(text)
    guard rest.hasPrefix("today") else { return nil }
    rest = rest.dropFirst(5).drop { $0 == " " }
    guard let sign = rest.first, sign == "-" || sign == "+" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let amount = Int(digits) else { return nil }
    let unit = rest.dropFirst(digits.count).drop { $0 == " " }
    let signed = sign == "-" ? -amount : amount
    switch unit {
    case "year", "years": return .relative(years: signed, months: 0, days: 0)
    case "month", "months": return .relative(years: 0, months: signed, days: 0)
    case "day", "days": return .relative(years: 0, months: 0, days: signed)
    default: return nil
    }
  }
}
