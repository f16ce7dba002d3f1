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
    var text = String(format: "%.\(decimals)f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return language == .dutch ? text.replacingOccurrences(of: ".", with: ",") : text
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
