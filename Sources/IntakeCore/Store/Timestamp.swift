import FoundationEssentials

/// The moments in an answers file: ISO 8601 with milliseconds and a time zone, written in UTC
/// (`2026-11-25T10:42:07.250Z`) and read with any offset (`2026-11-25T11:42:07+01:00`).
///
/// The arithmetic is done here on day numbers rather than by a `Calendar`: building the first
/// Gregorian calendar (its caches, its time zone) cost more than everything else the store does
/// to open an assessment.
public enum Timestamp {
  /// The Julian day number of 1970-01-01, where `timeIntervalSince1970` counts from.
  private static let unixEpochJulianDay = 2_440_588

  /// `date` rounded to whole milliseconds: what a file can hold, so a date written and read back
  /// compares equal to the one in memory.
  public static func normalized(_ date: Date) -> Date {
    Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
  }

  /// `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  public static func format(_ date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let (seconds, fraction) = floorDivision(milliseconds, 1000)
    let (days, secondOfDay) = floorDivision(seconds, 86_400)
    let day = LocalDate(julianDay: Int(days) + unixEpochJulianDay)
    func two(_ n: Int64) -> String { String(n).leftPadded(to: 2) }
    return "\(day.iso)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):"
      + "\(two(secondOfDay % 60)).\(String(fraction).leftPadded(to: 3))Z"
  }

  /// Quotient and remainder rounded towards minus infinity, so moments before 1970 fall on the
  /// day they belong to.
  private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let remainder = value % divisor
    return remainder < 0
      ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `nil` for anything else, including a
  /// time without a zone (which would be read differently on another computer).
  public static func parse(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    var index = 0
    func number(_ width: Int) -> Int? {
      guard index + width <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[index..<index + width] {
        guard (48...57).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      index += width
      return value
    }
    func expect(_ character: Character) -> Bool {
      guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
      index += 1
      return true
    }
    guard let year = number(4), expect("-"), let month = number(2), expect("-"),
      let day = number(2), expect("T"), let hour = number(2), expect(":"),
      let minute = number(2), expect(":"), let second = number(2),
      let date = LocalDate(year: year, month: month, day: day), hour < 24, minute < 60,
      second < 60
    else { return nil }
    var fraction = 0.0
    if expect(".") {
      var scale = 0.1
      let start = index
      while index < bytes.count, (48...57).contains(bytes[index]) {
        fraction += Double(bytes[index] - 48) * scale
        scale /= 10
        index += 1
      }
      guard index > start else { return nil }
    }
    var offsetSeconds = 0
    if expect("Z") {
      offsetSeconds = 0
    } else if index < bytes.count,
      bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
    {
      let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
      index += 1
      guard let hours = number(2), expect(":"), let minutes = number(2), hours < 24, minutes < 60
      else { return nil }
      offsetSeconds = sign * (hours * 3600 + minutes * 60)
    } else {
      return nil
    }
    guard index == bytes.count else { return nil }
    let days = date.julianDay - unixEpochJulianDay
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
    return Date(timeIntervalSince1970: Double(seconds) + fraction)
  }

  /// `date` as a parent reads it in a listing: `25-11-2026 11:42`, local time.
  public static func localText(_ date: Date, timeZone: TimeZone? = nil) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone.at(date)
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    let time =
      "\(String(parts.hour ?? 0).leftPadded(to: 2)):\(String(parts.minute ?? 0).leftPadded(to: 2))"
    return "\(DateText.short(day(of: date, timeZone: timeZone))) \(time)"
  }

  /// The local calendar day of `date`, e.g. the day an assessment was made.
  public static func day(of date: Date, timeZone: TimeZone? = nil) -> LocalDate {
    LocalDate.today(now: date, timeZone: timeZone)
  }
}
