import FoundationEssentials

/// A calendar date without a time or time zone: a birth date is the same day everywhere.
public struct LocalDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Creates a date; `nil` when the day does not exist (e.g. 31 April).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(month: month, year: year),
      (1...9999).contains(year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`.
  public init?(iso: String) {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Today in `timeZone`, or in the system's local time zone when `nil`.
  public static func today(now: Date = Date(), timeZone: TimeZone? = nil) -> LocalDate {
    // The day count from the local seconds: what a Gregorian calendar gives, without building
    // one (Calendar's date components were a tenth of the work before the first paint).
    let offset = timeZone.at(now).secondsFromGMT(for: now)
    let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + offset
    let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
    // 1970-01-01 is Julian day 2,440,588.
    return LocalDate(julianDay: days + 2_440_588)
  }

  public var iso: String {
    let y = String(year).leftPadded(to: 4)
    return "\(y)-\(String(month).leftPadded(to: 2))-\(String(day).leftPadded(to: 2))"
  }
  public var description: String { iso }

  public static func < (a: LocalDate, b: LocalDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = LocalDate(iso: text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "expected a date YYYY-MM-DD, found '\(text)'"))
    }
    self = date
  }
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Whole months from `self` to `later` (negative when `later` is earlier).
  public func wholeMonths(until later: LocalDate) -> Int {
    var months = (later.year - year) * 12 + (later.month - month)
    if later.day < day
      && !(later.day == LocalDate.daysIn(month: later.month, year: later.year) && day > later.day)
    {
      months -= 1
    }
    return months
  }

  /// Whole years from `self` to `later`: a person's age on `later` when `self` is the birth date.
  public func wholeYears(until later: LocalDate) -> Int {
    let months = wholeMonths(until: later)
    return months >= 0 ? months / 12 : -((-months + 11) / 12)
  }

  /// The first and last dates a `LocalDate` can hold.
  public static let earliest = LocalDate(year: 1, month: 1, day: 1)!
  public static let latest = LocalDate(year: 9999, month: 12, day: 31)!

  /// The date `years`, `months` and `days` later (or earlier, when negative); the day is clamped
  /// to the month's length (31 March − 1 month = 28/29 February), and the result to
  /// `earliest...latest`, so a questionnaire's `today - 50000 years` cannot trap.
  public func adding(years: Int = 0, months: Int = 0, days: Int = 0) -> LocalDate {
    // Any span beyond 10,000 years lands outside the range anyway; bounding the parts first keeps
    // the arithmetic below from overflowing.
    let span = 10_000
    let totalMonths =
      (year * 12 + (month - 1)) + years.clamped(to: -span...span) * 12
      + months.clamped(to: -span * 12...span * 12)
    let first = LocalDate.earliest.year * 12
    let last = LocalDate.latest.year * 12 + 11
    guard totalMonths >= first else { return .earliest }
    guard totalMonths <= last else { return .latest }
    let y = totalMonths / 12
    let m = totalMonths % 12 + 1
    let result = LocalDate(year: y, month: m, day: min(day, LocalDate.daysIn(month: m, year: y)))!
    guard days != 0 else { return result }
    let julian = result.julianDay + days.clamped(to: -span * 366...span * 366)
    return LocalDate(
      julianDay: julian.clamped(to: LocalDate.earliest.julianDay...LocalDate.latest.julianDay))
  }

  var julianDay: Int {
    let a = (14 - month) / 12
    let y = year + 4800 - a
    let m = month + 12 * a - 3
    return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
  }

  init(julianDay: Int) {
    let a = julianDay + 32044
    let b = (4 * a + 3) / 146097
    let c = a - 146097 * b / 4
    let d = (4 * c + 3) / 1461
    let e = c - 1461 * d / 4
    let m = (5 * e + 2) / 153
    self.day = e - (153 * m + 2) / 5 + 1
    self.month = m + 3 - 12 * (m / 10)
    self.year = 100 * b + d - 4800 + m / 10
  }
}

extension Comparable {
  fileprivate func clamped(to range: ClosedRange<Self>) -> Self {
    Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
  }
}

extension String {
  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}
