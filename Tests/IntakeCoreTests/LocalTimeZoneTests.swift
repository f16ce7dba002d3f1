import Foundation
import IntakeCore
import Testing

/// Without FoundationInternationalization, `TimeZone.current` is GMT: intake reads the system's
/// rules through the C library instead (`timeZone: nil`). Here, where the tests link full
/// Foundation, both must agree on every instant, daylight saving time or not.
@Suite struct LocalTimeZoneTests {
  /// Every 7 hours and 13 minutes over two years: both sides of each change of the clocks.
  static let instants = stride(from: 1_767_225_600.0, to: 1_830_297_600.0, by: 26_000).map {
    Date(timeIntervalSince1970: $0)
  }

  @Test("the local day and time with no time zone given are those of the system's zone")
  func systemZone() {
    for instant in Self.instants {
      #expect(LocalDate.today(now: instant) == LocalDate.today(now: instant, timeZone: .current))
      #expect(Timestamp.localText(instant) == Timestamp.localText(instant, timeZone: .current))
    }
  }

  @Test("a time zone given is used as it is, e.g. for a day that differs from UTC's")
  func givenZone() throws {
    let amsterdam = try #require(TimeZone(identifier: "Europe/Amsterdam"))
    // 23:30 UTC on 30 June is 01:30 on 1 July in Amsterdam (summer time, +2).
    let instant = Date(timeIntervalSince1970: 1_782_862_200)
    #expect(LocalDate.today(now: instant, timeZone: amsterdam) == LocalDate.on("2026-07-01"))
    #expect(
      LocalDate.today(now: instant, timeZone: TimeZone(secondsFromGMT: 0))
        == LocalDate.on("2026-06-30"))
    #expect(Timestamp.localText(instant, timeZone: amsterdam) == "01-07-2026 01:30")
  }
}
