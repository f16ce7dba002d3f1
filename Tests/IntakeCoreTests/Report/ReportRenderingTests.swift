import Foundation
import IntakeCore
import Testing

/// What a parent might type that a careless renderer would turn into markup, script, a broken
/// layout or terminal control.
private enum Hostile {
  static let script = "<script>alert('x')</script>"
  static let ampersandAndQuotes = #"Tom & "Jerry" 'quoted' &amp;"#
  static let markdown = "*bold* _it_ [link](http://x.test) # hash | pipe `code` ~~gone~~ \\ <b>"
  static let lineStarts = "- a list\n+ plus\n1. ordered\n2) other\n# heading\n> quote\n=== rule"
  /// 168 characters: within the item's limit, twice as wide as a text line.
  static let longWord = String(repeating: "Magnesiumbisglycinaat", count: 8)
  static let terminal = "red\u{1B}[31malert\u{7}bell\u{0}"
  /// A right-to-left override makes what follows read backwards: "txt.exe" shows as "exe.txt".
  static let bidi = "Sam\u{202E}txt.exe\u{202C} C1\u{9B}"
  static let wide = "漢字の名前 😀 Zoë e\u{0301}"

  static let answers: [String: AnswerValue] = {
    var values = ReportFixtures.sam
    values["nickname"] = .text(script)
    values["notes"] = .text(
      [ampersandAndQuotes, markdown, lineStarts, terminal].joined(separator: "\n"))
    values["other_condition"] = .text(longWord + " " + wide + " " + bidi)
    return values
  }()
}

@Suite("Report: renderers")
struct ReportRenderingTests {
  @Test(
    "text: no line is wider than the width, wide characters counted as two", arguments: [80, 40])
  func textWidth(width: Int) throws {
    let document = try ReportFixtures.document(Hostile.answers)
    let text = TextReportRenderer(width: width).render(document)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      #expect(DisplayWidth.of(line) <= width, "too wide: \(line)")
    }
    #expect(text.contains("漢字の名前"))
    #expect(text.contains("Zoë e\u{0301}"))
    // The long word is broken hard, all of it kept.
    let joined = text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(
      of: " ", with: "")
    #expect(joined.contains(Hostile.longWord))
  }

  @Test("text: page one first, then the detail in the order of the issue")
  func textOrder() throws {
    let text = TextReportRenderer().render(try ReportFixtures.document())
    let headings = [
      "Discuss with your doctor", "Discuss first", String(repeating: "=", count: 80),
      "Discuss first", "What may play a part", "Medicines", "Also worth discussing",
      "What the research says", "In your own words", "Appendix: all answers", "Sources",
      "Please note",
    ]
    var from = text.startIndex
    let positions = headings.map { heading -> String.Index? in
      let found =
        text.range(
          of: heading + "\n" + String(repeating: "-", count: 3), range: from..<text.endIndex)
        ?? text.range(of: heading + "\n", range: from..<text.endIndex)
      if let found { from = found.upperBound }
      return found?.lowerBound
    }
    #expect(
      positions.allSatisfy { $0 != nil }, "\(zip(headings, positions).filter { $0.1 == nil })")
    let found = positions.compactMap { $0 }
    #expect(found == found.sorted())
  }

  @Test(
    "escaping: hostile answers render harmlessly in every format", arguments: ReportFormat.allCases)
  func escaping(format: ReportFormat) throws {
    let document = try ReportFixtures.document(Hostile.answers)
    let output = try format.render(document)
    if format != .json {
      // Controls, C1 controls and bidi overrides are shown, not passed on (SafeText).
      #expect(!output.unicodeScalars.contains { SafeText.isUnsafe($0) }, "\(format)")
    }
    switch format {
    case .text:
      #expect(output.contains(Hostile.script), "plain text shows what was typed")
      #expect(output.contains(#"Tom & "Jerry" 'quoted' &amp;"#))
      #expect(output.contains("red<U+001B>[31malert<U+0007>bell<U+0000>"))
      #expect(output.contains("Sam<U+202E>txt.exe<U+202C> C1<U+009B>"))
    case .markdown:
      let unescapedTag = try NSRegularExpression(pattern: #"(?<!\\)<(?!https://)[a-z/]"#)
      #expect(
        unescapedTag.firstMatch(in: output, range: NSRange(output.startIndex..., in: output))
          == nil,
        "no raw HTML tag")
      #expect(output.contains(#"\<script\>alert('x')\</script\>"#))
      #expect(output.contains(#"Tom \& "Jerry" 'quoted' \&amp;"#))
      #expect(
        output.contains(
          ##"\*bold\* \_it\_ \[link\](http://x.test) \# hash \| pipe \`code\` \~\~gone\~\~ \\ \<b\>"##
        ))
      for escapedStart in [
        #"\- a list"#, #"\+ plus"#, #"1\. ordered"#, #"2\) other"#, ##"\# heading"##,
        #"\> quote"#, #"\=== rule"#,
      ] {
        // The parent's own words are a block quote: every line carries the quote marker.
        #expect(output.contains("\n> " + escapedStart), "\(escapedStart) starts a line, defused")
      }
      #expect(output.contains(Hostile.longWord))
      #expect(output.contains(#"red\<U+001B\>\[31malert\<U+0007\>bell\<U+0000\>"#))
      #expect(output.contains(#"Sam\<U+202E\>txt.exe\<U+202C\> C1\<U+009B\>"#))
    case .html:
      #expect(!output.lowercased().contains("<script"))
      #expect(output.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
      #expect(output.contains("Tom &amp; &quot;Jerry&quot; &#39;quoted&#39; &amp;amp;"))
      #expect(output.contains("&lt;b&gt;"))
      #expect(!output.contains("<b>"))
      #expect(output.contains(Hostile.longWord))
      #expect(output.contains("overflow-wrap: anywhere"), "a long word wraps on paper")
      #expect(output.contains("red&lt;U+001B&gt;[31malert&lt;U+0007&gt;bell&lt;U+0000&gt;"))
      #expect(output.contains("Sam&lt;U+202E&gt;txt.exe&lt;U+202C&gt; C1&lt;U+009B&gt;"))
    case .json:
      let decoded = try JSONReportRenderer().decode(output)
      #expect(decoded == document)
      #expect(decoded.header.nickname == Hostile.script)
      #expect(decoded.observations.first?.answer.hasPrefix(Hostile.ampersandAndQuotes) == true)
      // Control characters are kept, escaped as JSON requires: the file holds what was typed
      // (a reader that shows it must make it safe itself).
      #expect(output.contains(#"\u001b[31m"#))
      #expect(decoded.observations.contains { $0.answer.contains(Hostile.bidi) })
    }
  }

  @Test("HTML: one self-contained file, laid out for A4, in the reader's language")
  func htmlSelfContained() throws {
    let html = HTMLReportRenderer().render(try ReportFixtures.document(language: .dutch))
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
    for forbidden in ["<script", " src=", "<link", "@import", "url(", "<iframe", "<object"] {
      #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
    }
    let handler = try NSRegularExpression(
      pattern: #"<[^>]*\son[a-z]+\s*="#, options: .caseInsensitive)
    #expect(handler.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)) == nil)
    #expect(html.contains("@page { size: A4;"))
    #expect(html.contains("break-inside: avoid"))
    // Every printed page: the name and date at the top, page N of M at the bottom.
    #expect(html.contains("string-set: running content()"))
    #expect(html.contains("@top-left { content: string(running);"))
    #expect(html.contains(#"content: "pagina " counter(page) " van " counter(pages);"#))
    #expect(html.contains(".page-one { break-after: page;"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    // Links to sources are plain anchors: nothing is fetched when the page is shown.
    #expect(html.contains("<a class=\"url\" href=\"https://www.nap.edu/read/5776/chapter/8\">"))
  }

  @Test("JSON: versioned schema, sorted keys, the same bytes every time")
  func json() throws {
    let document = try ReportFixtures.document()
    let first = try JSONReportRenderer().render(document)
    let second = try JSONReportRenderer().render(try ReportFixtures.document())
    #expect(first == second)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
    #expect(object["schema"] as? String == "intake-report/2")
    #expect(
      Set(object.keys) == [
        "schema", "language", "header", "summary", "discuss_first", "factors", "medicines",
        "other_points", "evidence", "observations", "answers", "sources", "disclaimer",
        "disclaimer_short",
      ], "comparison and changes are left out when there is none")
    let topLevelKeys = first.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
      String($0.dropFirst(3).prefix { $0 != "\"" })
    }
    #expect(topLevelKeys == topLevelKeys.sorted())
    #expect(first.contains("\"date\" : \"2026-11-25\""))
    #expect(first.contains("\"priority\" : \"discuss_first\""))
  }

  @Test("Markdown and text say the same points with their trails")
  func trailsShown() throws {
    let document = try ReportFixtures.document()
    let text = TextReportRenderer().render(document)
    let markdown = MarkdownReportRenderer().render(document)
    #expect(
      text.contains(
        "1. Already 400 mg a day\n   Why: Above the limit.\n"
          + "   Based on your answers: 1.2, 4.2 · Sources: [1]\n"))
    #expect(text.contains("4.2 How much magnesium already? — 400 mg a day\n"), "in the appendix")
    #expect(
      text.contains("The following points are in every report; they do not depend on your answers.")
    )
    #expect(markdown.contains("### 1\\. Already 400 mg a day\n\n**Why:** Above the limit."))
    #expect(markdown.contains("**Based on your answers:** 1.2, 4.2 · **Sources:** \\[1\\]"))
    #expect(markdown.contains("- 4.2 How much magnesium already? — **400 mg a day**"))
    // No answer is printed twice: the appendix holds each answer once, points refer to it.
    #expect(text.components(separatedBy: "How much magnesium already?").count == 2)
  }
}
