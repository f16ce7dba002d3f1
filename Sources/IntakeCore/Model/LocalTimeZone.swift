import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension TimeZone {
  /// The system's local time zone (`TZ`, else `/etc/localtime`) as it stands at `date`: its offset
  /// from UTC then, daylight saving time included.
  ///
  /// FoundationEssentials knows no time zone rules (`TimeZone.current` is GMT without
  /// FoundationInternationalization, which brings ICU); the C library reads the same rules ICU
  /// would. Functions that take a `timeZone` use this, for each date apart, when given `nil`.
  package static func local(at date: Date) -> TimeZone {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    tzset()
    guard localtime_r(&seconds, &parts) != nil,
      let zone = TimeZone(secondsFromGMT: Int(parts.tm_gmtoff))
    else { return TimeZone(secondsFromGMT: 0)! }
    return zone
  }
}

extension Optional where Wrapped == TimeZone {
  /// The zone given, else the system's own at `date` (see ``TimeZone/local(at:)``).
  package func at(_ date: Date) -> TimeZone { self ?? .local(at: date) }
}
