import Foundation
import IntakeCore
import Testing

@Suite("Numbers, dates and answers")
struct ValuesTests {
  @Test(
    "numbers are written with the language's decimal separator",
    arguments: [
      (2.5, Language.dutch, "2,5"), (2.5, .english, "2.5"), (3.0, .dutch, "3"),
      (0.125, .english, "0.13"),
      (-1.5, .dutch, "-1,5"), (1200, .english, "1200"),
    ])
  func formatNumbers(value: Double, language: Language, text: String) {
    #expect(NumberText.format(value, in: language) == text)
  }

  @Test(
    "typed numbers accept a comma or a point, and nothing else",
    arguments: [
      ("2,5", 2.5 as Double?), ("2.5", 2.5), (" 12 ", 12), ("-3", -3), ("0,05", 0.05),
      ("1.000,5", nil), ("1e3", nil),
      ("", nil), ("abc", nil), ("٣", nil), (",", nil), ("5,", 5),
    ])
  func parseNumbers(text: String, value: Double?) {
    #expect(NumberText.parse(text) == value)
  }

  @Test(
    "typed dates: day first, or ISO",
    arguments: [
      ("03-04-2019", "2019-04-03" as String?), ("3/4/2019", "2019-04-03"),
      ("2019-04-03", "2019-04-03"),
      ("31-04-2019", nil), ("29-02-2020", "2020-02-29"), ("29-02-2019", nil), ("2019", nil),
      ("03-04-19", nil),
    ])
  func parseDates(text: String, iso: String?) {
    #expect(DateText.parse(text)?.iso == iso)
  }

  @Test("dates read naturally in each language")
  func formatDates() {
    #expect(DateText.format(.on("2019-03-03"), in: .dutch) == "3 maart 2019")
    #expect(DateText.format(.on("2019-12-31"), in: .english) == "31 December 2019")
    #expect(DateText.short(.on("2019-03-03")) == "03-03-2019")
  }

  @Test("whole years and months count birthdays correctly, 29 February included")
  func ages() {
    let leap = LocalDate.on("2020-02-29")
    #expect(
      leap.wholeYears(until: .on("2021-02-28")) == 1, "a leap-day child turns one on 28 February")
    #expect(leap.wholeYears(until: .on("2021-02-27")) == 0)
    #expect(LocalDate.on("2019-01-31").wholeMonths(until: .on("2019-02-28")) == 1)
    #expect(LocalDate.on("2019-01-31").wholeMonths(until: .on("2019-02-27")) == 0)
    #expect(LocalDate.on("2016-11-26").wholeYears(until: .on("2026-11-25")) == 9)
    #expect(LocalDate.on("2019-03-31").adding(months: -1) == .on("2019-02-28"))
    #expect(LocalDate.on("2019-12-31").adding(days: 1) == .on("2020-01-01"))
    #expect(LocalDate(year: 2019, month: 2, day: 29) == nil)
  }

  @Test("dates far off stop at the first or last date instead of trapping")
  func farOffDates() {
    let today = LocalDate.on("2026-11-25")
    #expect(today.adding(years: -3000) == .earliest)
    #expect(today.adding(years: 9000) == .latest)
    #expect(today.adding(years: Int.min) == .earliest)
    #expect(today.adding(months: Int.max) == .latest)
    #expect(today.adding(days: -10_000_000) == .earliest)
    #expect(today.adding(days: 4_000_000) == .latest)
    #expect(LocalDate.on("0001-03-31").adding(months: -1) == .on("0001-02-28"))
  }

  @Test(
    "numbers too large for the integer path, or asking too many decimals, still format",
    arguments: [
      (1e20, 2, Language.english, "1e+20"), (-1e20, 0, .dutch, "-1e+20"),
      (Double.infinity, 2, .english, "inf"), (2.5, 40, .dutch, "2,5"),
      (1.0 / 3, 40, .english, "0.333333"), (2.75, -3, .english, "3"),
      (-0.001, 2, .english, "0"),
    ])
  func formatExtremes(value: Double, decimals: Int, language: Language, text: String) {
    #expect(NumberText.format(value, decimals: decimals, in: language) == text)
  }

  @Test(
    "answers encode to readable JSON and back",
    arguments: [
      AnswerValue.choice("yes"), .choices(["a", "b"]), .number(2.5), .text("Zoë \"zegt\" <hoi>"),
      .date(.on("2018-06-01")), .dontKnow, .preferNotToSay,
    ])
  func answerCoding(answer: AnswerValue) throws {
    let data = try JSONEncoder().encode(answer)
    #expect(try JSONDecoder().decode(AnswerValue.self, from: data) == answer)
  }

  @Test("answer JSON with two keys or an unknown special is rejected")
  func answerDecodingErrors() {
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(AnswerValue.self, from: Data(#"{"choice":"a","number":1}"#.utf8))
    }
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(AnswerValue.self, from: Data(#"{"special":"maybe"}"#.utf8))
    }
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(AnswerValue.self, from: Data(#"{"date":"2019-02-30"}"#.utf8))
    }
  }

  @Test("answers are checked against their item")
  func validation() throws {
    let q = Fixtures.everyFeature
    let today = Fixtures.today
    let weight = try #require(q.item("weight"))
    #expect(weight.problem(with: .number(12.5), today: today) == nil)
    #expect(weight.problem(with: .number(12.55), today: today) == .tooManyDecimals(1))
    #expect(weight.problem(with: .number(151), today: today) == .aboveMaximum(150))
    #expect(weight.problem(with: .dontKnow, today: today) == nil)
    #expect(weight.problem(with: .preferNotToSay, today: today) == .specialNotAllowed)
    #expect(weight.problem(with: .text("12"), today: today) == .wrongKind(expected: "decimal"))
    let nights = try #require(q.item("sleep_nights"))
    #expect(nights.problem(with: .number(2.5), today: today) == .notWholeNumber)
    let birth = try #require(q.item("birth_date"))
    #expect(
      birth.problem(with: .date(.on("2026-11-26")), today: today) == .dateAfter(.on("2026-11-25")))
    #expect(
      birth.problem(with: .date(.on("2007-11-24")), today: today) == .dateBefore(.on("2007-11-25")))
    let nickname = try #require(q.item("nickname"))
    #expect(nickname.problem(with: .text("   "), today: today) == .empty)
    #expect(
      nickname.problem(with: .text(String(repeating: "ë", count: 31)), today: today)
        == .tooLong(maxLength: 30))
    #expect(nickname.problem(with: .text(String(repeating: "ë", count: 30)), today: today) == nil)
    let conditions = try #require(q.item("conditions"))
    #expect(conditions.problem(with: .choices([]), today: today) == .empty)
    #expect(conditions.problem(with: .choices(["none"]), today: today) == nil)
  }

  @Test("problems are worded for parents in both languages")
  func problemMessages() {
    #expect(AnswerProblem.aboveMaximum(7.5).message(in: .dutch) == "Vul 7,5 of minder in.")
    #expect(AnswerProblem.aboveMaximum(7.5).message(in: .english) == "Please enter 7.5 or less.")
    #expect(
      AnswerProblem.dateAfter(.on("2026-11-25")).message(in: .dutch)
        == "Kies een datum tot en met 25 november 2026.")
    #expect(
      AnswerProblem.tooManyDecimals(1).message(in: .english)
        == "Please use at most 1 digit after the decimal point.")
  }

  @Test("the interface language follows LC_ALL, then LC_MESSAGES, then LANG")
  func languageFromEnvironment() {
    #expect(Language.fromEnvironment(["LANG": "nl_NL.UTF-8"]) == .dutch)
    #expect(Language.fromEnvironment(["LANG": "nl_BE.UTF-8", "LC_ALL": "en_GB.UTF-8"]) == .english)
    #expect(Language.fromEnvironment(["LC_MESSAGES": "nl_NL", "LANG": "en_US"]) == .dutch)
    #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "nl"]) == .dutch)
    #expect(Language.fromEnvironment([:]) == .english)
  }
}
