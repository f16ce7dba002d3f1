import IntakeCore
import Testing

@Suite("Display width and wrapping")
struct TextLayoutTests {
  @Test(
    "cells per character",
    arguments: [
      ("a", 1), ("ë", 1), ("e\u{0308}", 1), ("漢", 2), ("한", 2), ("😀", 2), ("❤️", 2), ("\u{200B}", 0),
      ("\u{7}", 0), ("Ａ", 2), ("é", 1),
    ])
  func widths(text: String, cells: Int) {
    #expect(DisplayWidth.of(text) == cells)
  }

  @Test("wrapping on words, by cells")
  func wrapWords() {
    #expect(
      TextWrap.wrap("Hoe vaak eet uw kind noten?", width: 12) == [
        "Hoe vaak eet", "uw kind", "noten?",
      ])
    #expect(TextWrap.wrap("漢字漢字漢字 ab", width: 6) == ["漢字漢", "字漢字", "ab"])
    #expect(TextWrap.wrap("één twee", width: 3) == ["één", "twe", "e"])
    #expect(TextWrap.wrap("a\n\nb", width: 10) == ["a", "", "b"])
    #expect(TextWrap.wrap("", width: 10) == [""])
    #expect(TextWrap.wrap("x\u{1B}[31my", width: 10) == ["x[31my"])
  }

  @Test("no wrapped line is wider than the width", arguments: [1, 2, 3, 7, 40, 80])
  func neverTooWide(width: Int) {
    let text = "Supercalifragilisticexpialidocious 漢字漢字漢字漢字 Zoë's ouders 😀😀😀 kijken naar   spaties."
    for line in TextWrap.wrap(text, width: width) {
      #expect(DisplayWidth.of(line) <= max(width, 2))
    }
  }
}

@Suite("Text tables")
struct TextTableTests {
  @Test("columns line up by display width, CJK and accents included")
  func alignment() {
    let table = TextTable.render(header: ["Naam", "Id"], rows: [["小明", "a1"], ["Zoë", "b2"]])
    #expect(table == "Naam  Id\n----  --\n小明  a1\nZoë   b2\n")
  }

  @Test("fitted to a width: prose wraps between words, single tokens such as ids stay whole")
  func fitted() {
    let rows = [["20261125-130221-f273f8", "Minder dan de helft van de referentiewaarde"]]
    let table = TextTable.render(header: ["Id", "Eten"], rows: rows, width: 50)
    let lines = table.split(separator: "\n")
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 50 })
    #expect(lines.contains { $0.contains("20261125-130221-f273f8") })
    #expect(lines.contains { $0.hasSuffix("referentiewaarde") })
  }

  @Test("one space between columns when two would break a word that one keeps whole")
  func narrowGap() {
    // Noor's Dutch history at 80 columns: every longest word fits with one-space gaps only.
    let header = [
      "Datum", "Status", "Moeilijkheden volgens u en ernst volgens de zorgverlener",
      "Andere aandoeningen en slaap", "Eten en leefstijl", "Erfelijkheid en familie",
    ]
    let rows = [
      [
        "24-11-2026", "afgerond", "2 (Veel moeilijkheden)", "1 (Eén aandoening)",
        "88 (Onder de referentiewaarde)", "1 (Iets gemeld)",
      ]
    ]
    let lines = TextTable.render(header: header, rows: rows, width: 80).split(separator: "\n")
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    #expect(lines.contains { $0.contains("referentiewaarde)") }, "\(lines.joined(separator: "\n"))")
    #expect(lines.contains { $0.hasPrefix("24-11-2026 afgerond ") })
    let wide = TextTable.render(header: ["Id", "Eten"], rows: [["a1", "b2"]], width: 80)
    #expect(wide.hasPrefix("Id  Eten\n"), "two spaces when they fit")
  }

  @Test("without a width nothing is wrapped (output to a file or a pipe)")
  func unfitted() {
    let table = TextTable.render(header: ["A"], rows: [[String(repeating: "x ", count: 60)]])
    #expect(table.split(separator: "\n").count == 3)
  }
}
