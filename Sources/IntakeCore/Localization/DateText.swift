import FoundationEssentials

/// Dates as a parent reads and types them: day first in both languages (25-11-2026 in Dutch,
/// 25 Nov 2026 in English), ISO `YYYY-MM-DD` accepted everywhere.
public enum DateText {
  static let dutchMonths = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
  ]
  static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// A date written out: "3 maart 2019" / "3 March 2019".
  public static func format(_ date: LocalDate, in language: Language) -> String {
    let months = language == .dutch ? dutchMonths : englishMonths
    return "\(date.day) \(months[date.month - 1]) \(date.year)"
  }

  /// The short form a parent types: `dd-mm-yyyy`.
  public static func short(_ date: LocalDate) -> String {
    "\(String(date.day).leftPadded(to: 2))-\(String(date.month).leftPadded(to: 2))-\(String(date.year).leftPadded(to: 4))"
  }

  /// Parses `dd-mm-yyyy` (also with `/` or `.`), or ISO `yyyy-mm-dd`; `nil` when it is not a real
  /// date.
  public static func parse(_ text: String) -> LocalDate? {
    let trimmed = text.trimmingWhitespace()
    if let iso = LocalDate(iso: trimmed) { return iso }
    let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
    guard parts.count == 3,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
      let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
    else { return nil }
    return LocalDate(year: year, month: month, day: day)
  }
}
