import FoundationEssentials

/// Numbers as a parent reads and types them: Dutch writes a decimal comma (2,5), English a point.
public enum NumberText {
  /// `value` with at most `decimals` (0 to 6) digits after the separator, trailing zeros
  /// dropped. Values beyond 10^15 (no questionnaire measures those) keep Swift's own spelling
  /// rather than trap in the integer conversion.
  public static func format(_ value: Double, decimals: Int = 2, in language: Language) -> String {
    let decimals = min(max(decimals, 0), NumberText.maximumDecimals)
    let factor = pow10(decimals)
    let separator = language == .dutch ? "," : "."
    guard value.isFinite, abs(value) * factor < 1e15 else {
      return value.description.replacingAll(".", with: separator)
    }
    // Whole and fractional parts in integers: no printf (which would pull in ICU, and with it
    // tens of megabytes and slower start-up).
    let scaled = Int((value * factor).rounded())
    let whole = abs(scaled) / Int(factor)
    var fraction = String(abs(scaled) % Int(factor))
    fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let sign = scaled < 0 ? "-" : ""
    return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole)\(separator)\(fraction)"
  }

  /// The most decimals a number item, computed value or `round()` may ask for.
  public static let maximumDecimals = 6

  /// The largest number (and, negated, the smallest) a number answer may be, whatever the
  /// item's own limits. Twelve digits: every such number, with the decimals an item allows, is
  /// held exactly and written back the way it was typed (a longer one became `1e+23`).
  public static let largestAnswer: Double = 999_999_999_999

  /// Parses what a parent typed: digits with an optional sign and one decimal separator, either
  /// `,` or `.` whatever the language (people mix them up); spaces around it are ignored.
  /// `nil` for anything else (no thousands separators, no exponents).
  public static func parse(_ text: String) -> Double? {
    let trimmed = text.trimmingWhitespace()
    guard !trimmed.isEmpty else { return nil }
    var body = Substring(trimmed)
    var sign = 1.0
    if body.first == "-" {
      sign = -1
      body = body.dropFirst()
    }
    var digitsSeen = false
    var separatorSeen = false
    var normalised = ""
    for character in body {
      if character.isASCII, character.isNumber {
        digitsSeen = true
        normalised.append(character)
      } else if character == "," || character == "." {
        guard !separatorSeen else { return nil }
        separatorSeen = true
        normalised.append(".")
      } else {
        return nil
      }
    }
    guard digitsSeen, let value = Double(normalised), value.isFinite else { return nil }
    return sign * value
  }
}

/// 10^n for small non-negative `n`, exactly.
func pow10(_ n: Int) -> Double {
  var result = 1.0
  for _ in 0..<max(0, n) { result *= 10 }
  return result
}
