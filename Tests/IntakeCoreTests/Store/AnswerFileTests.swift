import Foundation
import IntakeCore
import Testing

/// A record with every kind of answer and every optional field filled.
private func fullRecord() -> AnswerRecord {
  func entry(_ value: AnswerValue, _ second: Double, from: String? = nil) -> AnswerRecord.Entry {
    AnswerRecord.Entry(value: value, answeredAt: Moment.at(second), carriedFrom: from)
  }
  return AnswerRecord(
    id: "20261125-100000-abc123", questionnaireID: "every-feature", questionnaireVersion: "2.1.0",
    language: .dutch, profile: "zoë", status: .complete, created: Moment.at(),
    updated: Moment.at(90.125), followUpOf: "20260901-080000-0f0f0f",
    answers: [
      "sex": entry(.choice("girl"), 1),
      "conditions": entry(.choices(["anxiety", "sleep"]), 2),
      "weight": entry(.number(31.5), 3.001),
      "focus": entry(.number(2), 4, from: "20260901-080000-0f0f0f"),
      "notes": entry(.text("Zoë zegt \"nee\"\nen slaapt slecht \\ 日本"), 5),
      "birth_date": entry(.date(.on("2016-02-29")), 6),
      "magnesium_mg": entry(.dontKnow, 7),
      "nickname": entry(.preferNotToSay, 8),
    ],
    position: "notes", profileName: "Zoë",
    retired: [
      "old_item": AnswerRecord.RetiredEntry(
        value: .choice("yes"), answeredAt: Moment.at(-86400), questionnaireVersion: "2.0.0")
    ])
}

private func decode(_ text: String) throws(AnswerStoreError) -> AnswerRecord {
  try AnswerFile.decode(Data(text.utf8), file: "answers.json")
}

/// The error message for `text`, or "" when it loads.
private func problem(_ text: String) -> String {
  do {
    _ = try decode(text)
    return ""
  } catch {
    return error.description
  }
}

/// A valid file with `replacing` swapped for `with`, to break one thing at a time.
private func edited(_ replacing: String, with replacement: String) throws -> String {
  let text = String(decoding: try AnswerFile.encode(fullRecord()), as: UTF8.self)
  #expect(text.contains(replacing), "the test edits something that is there")
  return text.replacingOccurrences(of: replacing, with: replacement)
}

@Suite("Answer file: round trip and format")
struct AnswerFileRoundTripTests {
  @Test("every answer type and every field survive writing and reading back")
  func roundTrip() throws {
    let record = fullRecord()
    let data = try AnswerFile.encode(record)
    #expect(try AnswerFile.decode(data, file: "x.json") == record)
  }

  @Test(
    "each answer type is written as documented",
    arguments: [
      (AnswerValue.choice("girl"), #"{"choice":"girl"}"#),
      (.choices(["anxiety", "sleep"]), #"{"choices":["anxiety","sleep"]}"#),
      (.number(31.5), #"{"number":31.5}"#),
      (.number(2), #"{"number":2}"#),
      (.text("a \"b\"\nc"), #"{"text":"a \"b\"\nc"}"#),
      (.date(.on("2016-02-29")), #"{"date":"2016-02-29"}"#),
      (.dontKnow, #"{"special":"dont_know"}"#),
      (.preferNotToSay, #"{"special":"prefer_not_to_say"}"#),
    ])
  func answerJSON(value: AnswerValue, json: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    #expect(String(decoding: try encoder.encode(value), as: UTF8.self) == json)
    #expect(try JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8)) == value)
  }

  @Test("the file is pretty-printed JSON with sorted keys, UTC times in milliseconds")
  func layout() throws {
    var record = fullRecord()
    record.answers = ["focus": .init(value: .number(2), answeredAt: Moment.at(4))]
    record.retired = [:]
    record.followUpOf = nil
    record.position = nil
    let text = String(decoding: try AnswerFile.encode(record), as: UTF8.self)
    #expect(
      text == """
        {
          "answers" : {
            "focus" : {
              "answered_at" : "2026-11-25T10:00:04.000Z",
              "value" : {
                "number" : 2
              }
            }
          },
          "created" : "2026-11-25T10:00:00.000Z",
          "format" : 2,
          "id" : "20261125-100000-abc123",
          "language" : "nl",
          "profile" : "zoë",
          "profile_name" : "Zoë",
          "questionnaire_id" : "every-feature",
          "questionnaire_version" : "2.1.0",
          "status" : "complete",
          "updated" : "2026-11-25T10:01:30.125Z"
        }

        """)
  }

  @Test("times are read with any offset and written in UTC")
  func timestamps() throws {
    #expect(Timestamp.parse("2026-11-25T11:00:04+01:00") == Moment.at(4))
    #expect(Timestamp.parse("2026-11-25T05:30:04.5-04:30") == Moment.at(4.5))
    #expect(Timestamp.parse("2026-11-25T10:00:04Z") == Moment.at(4))
    #expect(Timestamp.format(Moment.at(4.25)) == "2026-11-25T10:00:04.250Z")
    #expect(Timestamp.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
    for bad in [
      "2026-11-25T10:00:04", "2026-11-25 10:00:04Z", "2026-02-30T10:00:04Z", "2026-11-25T24:00:00Z",
      "2026-11-25T10:00:04.Z", "2026-11-25T10:00:04+0100", "2026-11-25T10:00:04Zjunk", "",
    ] {
      #expect(Timestamp.parse(bad) == nil, "\(bad)")
    }
  }

  @Test("times agree with a Gregorian calendar in UTC, leap days and centuries included")
  func timestampsMatchCalendar() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
    // Every 997,331 seconds (about 11.5 days, so every time of day comes round) from 1890 to 2110,
    // and the edges of the days Julian-day arithmetic gets wrong most easily.
    var moments = stride(from: -2_524_521_600.0, to: 4_418_064_000.0, by: 997_331.125).map {
      Date(timeIntervalSince1970: $0)
    }
    for text in ["1900-03-01", "2000-02-29", "2100-03-01", "2024-12-31", "1970-01-01"] {
      let midnight = try #require(
        calendar.date(
          from: DateComponents(
            year: Int(text.prefix(4)), month: Int(text.dropFirst(5).prefix(2)),
            day: Int(text.suffix(2)))))
      moments += [
        midnight, midnight.addingTimeInterval(-0.001), midnight.addingTimeInterval(86_399.999),
      ]
    }
    for moment in moments {
      let normalized = Timestamp.normalized(moment)
      let whole = Date(timeIntervalSince1970: normalized.timeIntervalSince1970.rounded(.down))
      let parts = calendar.dateComponents(
        [.year, .month, .day, .hour, .minute, .second], from: whole)
      let expected = String(
        format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year!, parts.month!, parts.day!,
        parts.hour!, parts.minute!, parts.second!)
      let written = Timestamp.format(moment)
      #expect(written.hasPrefix(expected), "\(moment.timeIntervalSince1970)")
      #expect(Timestamp.parse(written) == normalized, "\(written)")
    }
  }

  @Test("a file without 'retired' (written before any questionnaire change) loads")
  func withoutRetired() throws {
    var record = fullRecord()
    record.retired = [:]
    let text = String(decoding: try AnswerFile.encode(record), as: UTF8.self)
    #expect(!text.contains("retired"))
    #expect(try decode(text) == record)
  }

  @Test("finishing with questions open is stored with the list, and read back")
  func finishedWithUnanswered() throws {
    var record = fullRecord()
    record.status = .finishedWithUnanswered
    record.unanswered = ["kidneys", "medicines"]
    let text = String(decoding: try AnswerFile.encode(record), as: UTF8.self)
    #expect(text.contains("\"status\" : \"finished_with_unanswered\""))
    #expect(text.contains("\"unanswered\" : [\n    \"kidneys\",\n    \"medicines\"\n  ]"))
    #expect(try decode(text) == record)
    #expect(record.status.isFinished && AnswerRecord.Status.complete.isFinished)
    #expect(!AnswerRecord.Status.inProgress.isFinished)
  }

  @Test("a format 1 file (before finishing early existed) loads as it was")
  func formatOne() throws {
    let text = try edited("\"format\" : 2", with: "\"format\" : 1")
    let record = try decode(text)
    #expect(record.format == 1)
    #expect(record.status == .complete && record.unanswered.isEmpty)
    var expected = fullRecord()
    expected.format = 1
    #expect(record == expected)
  }

  @Test("the example in docs/answers-format.md loads and has every answer type")
  func documentedExample() throws {
    let doc = try String(
      contentsOf: Fixtures.repository.appending(path: "docs/answers-format.md"), encoding: .utf8)
    let start = try #require(doc.range(of: "```json\n"))
    let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
    let example = String(doc[start.upperBound..<end.lowerBound])
    let record = try decode(example)
    #expect(
      String(decoding: try AnswerFile.encode(record), as: UTF8.self) == example + "\n",
      "the example is exactly what intake writes")
    let kinds = Set(
      record.answers.values.map { entry -> String in
        switch entry.value {
        case .choice: "choice"
        case .choices: "choices"
        case .number: "number"
        case .text: "text"
        case .date: "date"
        case .dontKnow: "dont_know"
        case .preferNotToSay: "prefer_not_to_say"
        }
      })
    #expect(kinds.count == 7)
    #expect(!record.retired.isEmpty)
    #expect(record.answers.values.contains { $0.carriedFrom != nil })
  }
}

@Suite("Answer file: broken and hand-edited files")
struct AnswerFileErrorTests {
  @Test("\\u escapes, surrogate pairs and the text between them read as what they stand for")
  func unicodeEscapes() throws {
    // What another tool (or an older intake) may write for "Zoë 😀\tja" with ASCII-only output.
    let text = try edited(
      #""text" : "Zoë zegt \"nee\"\nen slaapt slecht \\ 日本""#,
      with: #""text" : "Zo\u00eb \ud83d\ude00\tja \u65e5\u672c""#)
    let record = try decode(text)
    #expect(record.answers["notes"]?.value == .text("Zoë 😀\tja 日本"))
    #expect(
      problem(text.replacingOccurrences(of: #"\ude00"#, with: "x"))
        .hasSuffix("error: a \\u escape of a high surrogate without its low surrogate"))
  }

  @Test("a text that is not UTF-8 is an error at its place, also when the rest of it is ASCII")
  func invalidUTF8() throws {
    let valid = Array(try AnswerFile.encode(fullRecord()))
    let ë: [UInt8] = [0xC3, 0xAB]
    let at = try #require(valid.indices.first { valid[$0...].starts(with: ë) })
    var broken = valid
    broken[at + 1] = 0x28  // a lead byte followed by "(" instead of its continuation byte
    let line = 1 + valid[..<at].filter { $0 == UInt8(ascii: "\n") }.count
    let error = #expect(throws: AnswerStoreError.self) {
      try AnswerFile.decode(Data(broken), file: "a.json")
    }
    let message = error?.description ?? ""
    #expect(message.hasPrefix("a.json:\(line):"), "\(message)")
    #expect(message.contains("error: the text is not valid UTF-8"), "\(message)")
  }

  @Test("broken JSON is reported with its line and column")
  func syntax() throws {
    #expect(
      problem("{\n  \"format\": 1,\n  \"id\": \"x\"\n  \"language\": \"nl\"\n}")
        == "answers.json:4:3: error: unexpected '\"' (expected ',' or '}')")
    #expect(
      problem("{\n  \"format\": 1,\n  \"answers\": {\"focus\": {\"value\": {\"number\": 2,5}}}\n}")
        .hasPrefix("answers.json:3:47: error: unexpected '5' (expected a key in double quotes)"))
    #expect(problem("") == "answers.json:1:1: error: the file is empty (expected a JSON object)")
    #expect(
      problem("{\"format\": 1, \"id\": \"zoë")
        == "answers.json:1:21: error: this text in double quotes is never closed")
    #expect(
      problem("[1, 2]")
        == "answers.json:1:1: error: expected an object with the answers, found a list")
  }

  @Test("columns on a long one-line file count every character before the place, once")
  func longLine() throws {
    // A minified export: thousands of values on one line, the mistake at the end.
    let values = (0..<5000).map { "\"k\($0)\": \"ë\"" }.joined(separator: ", ")
    let text = "{\"format\": 1, \(values), \"x\" 1}"
    let column = text.unicodeScalars.count - 1
    #expect(
      problem(text)
        == "answers.json:1:\(column): error: unexpected '1' (expected ':' after the key \"x\")")
    // The count starts again on the next line.
    let second = "{\"a\": 1,\n" + text.dropFirst()
    #expect(problem(second).hasPrefix("answers.json:2:\(column - 1):"))
  }

  @Test("a file cut off part-way (as a crash without atomic writes would leave) is an error")
  func truncated() throws {
    let text = String(decoding: try AnswerFile.encode(fullRecord()), as: UTF8.self)
    let cut = String(text.prefix(text.count / 2))
    #expect(problem(cut).contains("unexpected end of file"))
  }

  @Test("a missing field names the field and where it should be")
  func missingKey() throws {
    let text = try edited("\"status\" : \"complete\",\n", with: "")
    #expect(problem(text) == "answers.json:1:1: error: missing key 'status'")
    let entry = try edited(
      "\"answered_at\" : \"2026-11-25T10:00:01.000Z\",", with: "")
    #expect(problem(entry).hasSuffix("error: missing key 'answered_at' in answers.sex"))
    let lines = entry.components(separatedBy: "\n")
    let sex = lines.firstIndex { $0.contains("\"sex\" : {") }! + 1
    #expect(problem(entry).hasPrefix("answers.json:\(sex):13:"), "at the entry's opening brace")
  }

  @Test("a value of the wrong type names its key path, line and column")
  func wrongType() throws {
    let text = try edited("\"number\" : 31.5", with: "\"number\" : \"31,5\"")
    #expect(
      problem(text).hasSuffix(
        "error: expected a number at answers.weight.value.number, found text"))
    let line = text.components(separatedBy: "\n").firstIndex { $0.contains("\"31,5\"") }! + 1
    #expect(problem(text).hasPrefix("answers.json:\(line):"))
  }

  @Test("a misspelt key is an error, not silently ignored")
  func unknownKey() throws {
    #expect(
      problem(try edited("\"follow_up_of\"", with: "\"folow_up_of\"")).contains(
        "error: unknown key 'folow_up_of' (expected one of answers, created, follow_up_of,"))
    #expect(
      problem(try edited("\"carried_from\"", with: "\"carried\"")).contains(
        "error: unknown key 'carried' in answers.focus (expected one of answered_at, carried_from, value)"
      ))
    #expect(
      problem(try edited("\"choice\" : \"girl\"", with: "\"chioce\" : \"girl\"")).contains(
        "expected exactly one of choice, choices, number, text, date, special at answers.sex.value")
    )
  }

  @Test("null, a list element of the wrong type, or a second key in an answer are located too")
  func strictValues() throws {
    let id = try edited("\"id\" : \"20261125-100000-abc123\"", with: "\"id\" : null")
    #expect(problem(id).hasSuffix("error: expected text at id, found null"))
    let lines = id.components(separatedBy: "\n")
    let line = lines.firstIndex { $0.contains("\"id\" : null") }! + 1
    let column = lines[line - 1].utf8.count - "null,".utf8.count + 1
    #expect(problem(id).hasPrefix("answers.json:\(line):\(column):"), "at the null itself")
    #expect(
      problem(try edited("\"anxiety\",", with: "7,")).hasSuffix(
        "error: expected text at answers.conditions.value.choices[0], found a number"))
    // Foundation's decoder took the first of two keys it knew and ignored the other.
    #expect(
      problem(try edited("\"choice\" : \"girl\"", with: "\"choice\" : \"girl\", \"number\" : 1"))
        .hasSuffix(
          "expected exactly one of choice, choices, number, text, date, special at answers.sex.value"
        ))
    // An optional field written as null is the same as leaving it out.
    let record = try decode(
      try edited("\"follow_up_of\" : \"20260901-080000-0f0f0f\"", with: "\"follow_up_of\" : null"))
    #expect(record.followUpOf == nil)
    #expect(
      problem(
        try edited(
          "\"status\" : \"complete\"",
          with: "\"status\" : \"finished_with_unanswered\", \"unanswered\" : \"kidneys\"")
      ).hasSuffix("error: expected a list of item ids at unanswered, found text"))
  }

  @Test("a key written twice is an error")
  func duplicateKey() throws {
    let text = try edited(
      "\"status\" : \"complete\",", with: "\"status\" : \"complete\", \"status\" : \"in_progress\","
    )
    #expect(problem(text).contains("error: the key 'status' appears twice"))
    // Inside an answer, named by where it is.
    let nested = try edited(
      #""value" : {"#, with: #""answered_at" : "2026-11-25T10:00:05.000Z", "value" : {"#)
    #expect(
      problem(nested)
        == "answers.json:5:7: error: the key 'answered_at' appears twice in answers.birth_date")
    // In an object of more keys than a linear search is used for.
    let many = (1...20).map { #""extra\#($0)" : {}"# }.joined(separator: ", ")
    let long = try edited(#""answers" : {"#, with: #""answers" : {"# + many + #", "extra3" : {}, "#)
    #expect(problem(long).contains("error: the key 'extra3' appears twice in answers"))
  }

  @Test("bad values: status, date, time without a zone, special answer")
  func badValues() throws {
    #expect(
      problem(try edited("\"status\" : \"complete\"", with: "\"status\" : \"done\""))
        .contains(
          "error: expected one of 'in_progress', 'complete', 'finished_with_unanswered', "
            + "found 'done' at status"))
    #expect(
      problem(try edited("\"2016-02-29\"", with: "\"29-02-2016\""))
        .contains("expected a date YYYY-MM-DD, found '29-02-2016' at answers.birth_date.value.date")
    )
    #expect(
      problem(
        try edited(
          "\"updated\" : \"2026-11-25T10:01:30.125Z\"",
          with: "\"updated\" : \"2026-11-25T10:01:30\"")
      )
      .contains("expected a date and time with a time zone"))
    #expect(
      problem(try edited("\"dont_know\"", with: "\"maybe\""))
        .contains("expected 'dont_know' or 'prefer_not_to_say', found 'maybe'"))
  }

  @Test("a newer format is refused with a message to update, before anything else is checked")
  func newerFormat() throws {
    let text = try edited("\"format\" : 2", with: "\"format\" : 3, \"new_field\" : true")
    #expect(throws: AnswerStoreError.newerFormat(file: "answers.json", format: 3, supported: 2)) {
      try decode(text)
    }
    #expect(problem(text).contains("update intake to open it"))
    #expect(
      problem(try edited("\"format\" : 2", with: "\"format\" : 0")).contains(
        "format 0 does not exist (expected 1 to 2)"))
  }

  @Test("the unanswered list and its status go together, and only from format 2")
  func unansweredConsistency() throws {
    #expect(
      problem(
        try edited(
          "\"status\" : \"complete\"", with: "\"status\" : \"finished_with_unanswered\"")
      )
      .contains("status 'finished_with_unanswered' needs the list of unanswered questions"))
    #expect(
      problem(
        try edited(
          "\"status\" : \"complete\"",
          with: "\"status\" : \"complete\", \"unanswered\" : [\"kidneys\"]")
      )
      .contains("unanswered belongs only to status 'finished_with_unanswered'"))
    let early = try edited(
      "\"status\" : \"complete\"",
      with: "\"status\" : \"finished_with_unanswered\", \"unanswered\" : [\"kidneys\"]")
    #expect(problem(early) == "")
    #expect(
      problem(early.replacingOccurrences(of: "\"format\" : 2", with: "\"format\" : 1"))
        .contains("finishing with unanswered questions needs format 2 (this file says format 1)"))
  }

  @Test("ids and profiles that could reach outside their folder are refused")
  func unsafeNames() throws {
    #expect(
      problem(
        try edited("\"id\" : \"20261125-100000-abc123\"", with: "\"id\" : \"../../etc/passwd\"")
      )
      .contains("the id '../../etc/passwd' may only use a-z, 0-9 and '-'"))
    #expect(
      problem(try edited("\"profile\" : \"zoë\"", with: "\"profile\" : \"../zoë\"")).contains(
        "the profile '../zoë' starts with a dot"))
    #expect(
      problem(try edited("\"profile\" : \"zoë\"", with: "\"profile\" : \"a/b\"")).contains(
        "contains a slash"))
    #expect(
      problem(try edited("\"id\" : \"20261125-100000-abc123\"", with: "\"id\" : \"profile\""))
        .contains("reserved"))
  }

  @Test("a file that cannot be read says why")
  func unreadable() throws {
    let folder = try TemporaryFolder()
    #expect(
      throws: AnswerStoreError.unreadable(
        file: folder.path + "/none.json", reason: "no such file or folder")
    ) {
      try AnswerFile.load(contentsOf: folder.path + "/none.json")
    }
    #expect(throws: AnswerStoreError.unreadable(file: folder.path, reason: "it is a folder")) {
      try AnswerFile.load(contentsOf: folder.path)
    }
  }
}
