import Foundation

/// Numbers as a parent reads and types them: Dutch writes a decimal comma (2,5), English a point.
public enum NumberText {
  /// `value` with at most `decimals` digits after the separator, trailing zeros dropped.
  public static func format(_ value: Double, decimals: Int = 2, in language: Language) -> String {
    let factor = pow10(decimals)
    let rounded = (value * factor).rounded() / factor
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
      return String(Int(rounded))
    }
    // Whole and fractional parts in integers: no printf (which would pull in ICU, and with it
    // tens of megabytes and slower start-up).
    let scaled = Int((abs(rounded) * factor).rounded())
    let whole = scaled / Int(factor)
    var fraction = String(scaled % Int(factor))
    fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let sign = rounded < 0 ? "-" : ""
    let separator = language == .dutch ? "," : "."
    return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole)\(separator)\(fraction)"
  }

  /// Parses what a parent typed: digits with an optional sign and one decimal separator, either
  /// `,` or `.` whatever the language (people mix them up); spaces around it are ignored.
  /// `nil` for anything else (no thousands separators, no exponents).
  public static func parse(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
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
    guard digitsSeen, let value = Double(normalised) else { return nil }
    return sign * value
  }
}
