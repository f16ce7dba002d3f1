import Foundation
import IntakeCore
import Testing

private let q = AdhdMagnesium.questionnaire

@Suite("ADHD and magnesium: both languages")
struct AdhdMagnesiumLanguageTests {
  private static func pairs() -> [(place: String, nl: String, en: String)] {
    let texts = q.everyText().filter { !$0.place.hasPrefix("source ") }
    let dutch = texts.filter { $0.language == .dutch }
    let english = texts.filter { $0.language == .english }
    return zip(dutch, english).map { ($0.place, $0.text, $1.text) }
  }

  @Test("every text is translated, not copied (short names such as 'ADHD' aside)")
  func translated() {
    for pair in Self.pairs() {
      #expect(!pair.nl.isEmpty && !pair.en.isEmpty, "\(pair.place)")
      if pair.nl == pair.en {
        #expect(pair.nl.split(separator: " ").count <= 3, "\(pair.place): '\(pair.nl)'")
      }
    }
  }

  @Test("Dutch texts address the parent as 'u', never 'je' or 'jij'")
  func politeForm() {
    let informal = try! NSRegularExpression(
      pattern: #"\b(je|jij|jou|jouw|jullie)\b"#, options: [.caseInsensitive])
    for pair in Self.pairs() {
      let range = NSRange(pair.nl.startIndex..., in: pair.nl)
      #expect(informal.firstMatch(in: pair.nl, range: range) == nil, "\(pair.place): \(pair.nl)")
    }
  }

  @Test("no English words left in the Dutch texts")
  func noEnglishInDutch() {
    let english = try! NSRegularExpression(
      pattern: #"\b(the|and|your|you|with|which|what|how|does|this|child|doctor)\b"#,
      options: [.caseInsensitive])
    for pair in Self.pairs() {
      let range = NSRange(pair.nl.startIndex..., in: pair.nl)
      #expect(english.firstMatch(in: pair.nl, range: range) == nil, "\(pair.place): \(pair.nl)")
    }
  }

  @Test("a Dutch citation explains itself in Dutch: titles stay as published, remarks do not")
  func dutchCitationRemarks() {
    let english = try! NSRegularExpression(
      pattern:
        #"\b(the|and|with|for|by|read|cites|compared|absorption|upper|level|chapter|table|page|p\.|summary|footnote|March)\b"#,
      options: [.caseInsensitive])
    // The remarks are in parentheses, and the place in a work follows its title after a comma.
    let remark = try! NSRegularExpression(
      pattern: #"\(([^()]*)\)|, ((?:chapter|Table|p\.|summary)[^.]*)"#)
    for source in q.sources {
      let dutch = source.citation.text(in: .dutch)
      let whole = NSRange(dutch.startIndex..., in: dutch)
      for match in remark.matches(in: dutch, range: whole) {
        let part = (dutch as NSString).substring(with: match.range)
        // A published title in parentheses ("(PPIs)") has no spaces to speak of.
        guard part.split(separator: " ").count > 2 || part.hasPrefix(",") else { continue }
        #expect(
          english.firstMatch(in: part, range: NSRange(part.startIndex..., in: part)) == nil,
          "source \(source.id): \(part)")
      }
    }
  }

  @Test("a report text uses the same placeholders in Dutch and English")
  func samePlaceholders() {
    let texts = q.everyText().filter { !$0.placeholders.isEmpty || $0.text.contains("{") }
    let dutch = texts.filter { $0.language == .dutch }
    let english = texts.filter { $0.language == .english }
    #expect(dutch.count == english.count)
    for (nl, en) in zip(dutch, english) {
      #expect(nl.place == en.place)
      #expect(nl.placeholders == en.placeholders, "\(nl.place)")
    }
  }
}
