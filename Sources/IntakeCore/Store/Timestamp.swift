import FoundationEssentials

/// The moments in an answers file: ISO 8601 with milliseconds and a time zone, written in UTC
/// (`2026-11-25T10:42:07.250Z`) and read with any offset (`2026-11-25T11:42:07+01:00`).
public enum Timestamp {
  private static let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    return calendar
  }()

  /// `date` rounded to whole milliseconds: what a file can hold, so a date written and read back
  /// compares equal to the one in memory.
  public static func normalized(_ date: Date) -> Date {
    Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
  }

  /// `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  public static func format(_ date: Date) -> String {
    let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
    let seconds = Int64((Double(milliseconds) / 1000).rounded(.down))
    let fraction = Int(milliseconds - seconds * 1000)
    let whole = Date(timeIntervalSince1970: TimeInterval(seconds))
    let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
    func two(_ n: Int?) -> String { String(n ?? 0).leftPadded(to: 2) }
    return "\(String(parts.year ?? 0).leftPadded(to: 4))-\(two(parts.month))-\(two(parts.day))"
      + "T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
      + ".\(String(fraction).leftPadded(to: 3))Z"
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
      LocalDate(year: year, month: month, day: day) != nil, hour < 24, minute < 60, second < 60
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
    guard index == bytes.count,
      let base = utc.date(
        from: DateComponents(
          year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    else { return nil }
    return Date(
      timeIntervalSince1970: base.timeIntervalSince1970 + fraction - Double(offsetSeconds))
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
