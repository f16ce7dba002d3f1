import BuiltinQuestionnaires
import Foundation
import IntakeCore
import Testing

/// Runs `tool` (found on PATH) with `arguments`; its standard output, or `nil` when it is not
/// installed. These tests need WeasyPrint and poppler-utils (`.ci/run` installs both).
private func run(_ tool: String, _ arguments: [String]) throws -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  guard
    let program = path.split(separator: ":").map({ "\($0)/\(tool)" }).first(where: {
      FileManager.default.isExecutableFile(atPath: $0)
    })
  else { return nil }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: program)
  process.arguments = arguments
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
}

/// A private folder for one test, removed afterwards.
private func scratchFolder() throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appending(
    path: "intake-pdf-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

private let installHint = "install them with: sudo apt-get install weasyprint poppler-utils"

@Suite("Report: PDF", .serialized)
struct ReportPDFTests {
  static let questionnaire: Questionnaire = {
    let builtin = BuiltinQuestionnaires.named("adhd-magnesium")!
    return try! QuestionnaireLoader.load(
      yaml: builtin.yaml, file: builtin.fileName, today: Fixtures.today)
  }()

  /// Daan's answers copied into `folder`, and his report.
  static func daan(in folder: URL, language: Language) throws -> (String, ReportDocument) {
    try persona("20261124-193000-d0d001", in: folder, language: language)
  }

  /// The answers of fixture `id` copied into `folder`, and their report.
  static func persona(_ id: String, in folder: URL, language: Language) throws
    -> (String, ReportDocument)
  {
    let source = Fixtures.directory.appending(path: "report/answers/\(id).json")
    let copy = folder.appending(path: "\(id).json")
    try FileManager.default.copyItem(at: source, to: copy)
    let record = try AnswerFile.load(contentsOf: copy.path)
    let document = try ReportDocument.build(
      questionnaire: questionnaire, record: record,
      today: AssessmentHistory.day(of: record, timeZone: TimeZone(identifier: "UTC")!),
      language: language, timeZone: TimeZone(identifier: "UTC")!)
    return (copy.path, document)
  }

  @Test("the disclaimer never stands alone on the last page: the sources come with it")
  func disclaimerNotAlone() throws {
    guard ReportPDF.weasyPrint() != nil, try run("pdfinfo", ["-v"]) != nil else {
      Issue.record("WeasyPrint and poppler-utils are needed for this test; \(installHint)")
      return
    }
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Noor's Dutch report: its answers and sources fill page four to the last line.
    let (answers, document) = try Self.persona(
      "20261124-190000-a0a001", in: folder, language: .dutch)
    let pdf = try #require(try ReportFile.writeBeside(answers: answers, document: document).pdf)
    let info = try #require(try run("pdfinfo", [pdf]))
    let pages = try #require(
      info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        .flatMap { Int($0.split(separator: " ").last ?? "") })
    let last = try #require(try run("pdftotext", ["-f", "\(pages)", "-l", "\(pages)", pdf, "-"]))
    #expect(last.contains("Let op"))
    #expect(last.contains("Bronnen") || last.contains("[1"), "the last page: \(last)")
  }

  @Test(
    "Daan's report as PDF: at most 4 A4 pages, page one on its own, name, date and page N of M on every page, fonts embedded, tagged, the answers inside",
    arguments: [Language.dutch, .english])
  func daan(language: Language) throws {
    guard ReportPDF.weasyPrint() != nil, try run("pdfinfo", ["-v"]) != nil else {
      Issue.record("WeasyPrint and poppler-utils are needed for this test; \(installHint)")
      return
    }
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (answers, document) = try Self.daan(in: folder, language: language)
    let written = try ReportFile.writeBeside(answers: answers, document: document)
    #expect(written.pdfProblem == nil, "\(String(describing: written.pdfProblem))")
    let pdf = try #require(written.pdf)
    #expect(pdf == folder.appending(path: "20261124-193000-d0d001.report.pdf").path)
    for path in [written.text, written.html, pdf] {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(path)")
    }
    #expect(
      Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == [
        "20261124-193000-d0d001.json", "20261124-193000-d0d001.report.txt",
        "20261124-193000-d0d001.report.html", "20261124-193000-d0d001.report.pdf",
      ], "no scratch file or folder is left behind")

    let info = try #require(try run("pdfinfo", [pdf]))
    let pages = try #require(
      info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        .flatMap { Int($0.split(separator: " ").last ?? "") })
    #expect(pages >= 2 && pages <= 4, "Daan's report takes \(pages) pages")
    #expect(info.contains("595.276 x 841.89 pts (A4)"))
    #expect(info.contains("Tagged:          yes"))

    let fonts = try #require(try run("pdffonts", [pdf]))
    let fontRows = fonts.split(separator: "\n").dropFirst(2)
    #expect(!fontRows.isEmpty)
    for row in fontRows {
      let columns = row.split(separator: " ")
      // name, type…, encoding, emb, sub, uni, object, id: "emb" is the fourth from the end.
      #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "not embedded: \(row)")
    }
    let attached = try #require(try run("pdfdetach", ["-list", pdf]))
    #expect(attached.contains("1: 20261124-193000-d0d001.json"))

    let dutch = language == .dutch
    for page in 1...pages {
      let text = try #require(try run("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf, "-"]))
      let flat = text.replacingOccurrences(of: "\n", with: " ")
      #expect(flat.contains(dutch ? "pagina \(page) van \(pages)" : "page \(page) of \(pages)"))
      #expect(
        flat.contains(dutch ? "Daan · 24 november 2026, 20:15" : "Daan · 24 November 2026, 20:15"),
        "page \(page) names the child and the date")
      if page == 1 {
        // Page one stands on its own: the summary, the points in a line each, the parent's own
        // questions and the short disclaimer; no detail, no appendix.
        for expected in dutch
          ? [
            "In het kort", "Eerst bespreken", "Uw kind krijgt nu magnesium uit",
            "Buikklachten terwijl uw kind magnesium krijgt", "Uw eigen vragen",
            "Kan de buikpijn van de magnesium komen?", "geen diagnose",
            "VS (IOM) 350 mg per dag", "afgerond, 2 vragen niet beantwoord",
          ]
          : [
            "At a glance", "Discuss first", "Your child gets magnesium now from",
            "Stomach complaints while your child gets magnesium", "Your own questions",
            "not a diagnosis", "US (IOM) 350 mg a day", "finished, 2 questions unanswered",
          ]
        {
          #expect(flat.contains(expected), "page one lacks '\(expected)'")
        }
        #expect(!flat.contains(dutch ? "Bijlage" : "Appendix"))
        #expect(!flat.contains(dutch ? "Waarom" : "Why"))
      }
      if page == 2 {
        // Page one ended where it should: the detail starts at the top of page two.
        #expect(flat.contains(ReportText.numbersReferToAppendix.text(in: language)))
      }
      if page == pages {
        #expect(flat.contains(dutch ? "Let op" : "Please note"), "the full disclaimer at the end")
        #expect(flat.contains(document.disclaimer.prefix(40)))
        #expect(
          flat.contains(dutch ? "Bronnen" : "Sources"),
          "the disclaimer never stands alone on the last page: the sources come with it")
      }
    }
  }

  @Test("the follow-up's page one, with its changes, still ends on page one")
  func followUpPageOne() throws {
    guard ReportPDF.weasyPrint() != nil, try run("pdftotext", ["-v"]) != nil else {
      Issue.record("WeasyPrint and poppler-utils are needed for this test; \(installHint)")
      return
    }
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let answers = ReportGoldenTests.answers
    let record = try AnswerFile.load(
      contentsOf: answers.appending(path: "20261123-200000-b0b002.json").path)
    let previous = try AnswerFile.load(
      contentsOf: answers.appending(path: "20260520-180000-b0b001.json").path)
    let document = try ReportDocument.build(
      questionnaire: Self.questionnaire, record: record, previous: previous,
      today: AssessmentHistory.day(of: record, timeZone: TimeZone(identifier: "UTC")!),
      language: .dutch, timeZone: TimeZone(identifier: "UTC")!)
    let pdf = folder.appending(path: "sem.pdf").path
    try ReportPDF.write(html: HTMLReportRenderer().render(document), attachments: [], to: pdf)
    let one = try #require(try run("pdftotext", ["-f", "1", "-l", "1", pdf, "-"]))
      .replacingOccurrences(of: "\n", with: " ")
    let two = try #require(try run("pdftotext", ["-f", "2", "-l", "2", pdf, "-"]))
      .replacingOccurrences(of: "\n", with: " ")
    #expect(one.contains("Veranderd sinds 20 mei 2026, 18:40"))
    #expect(one.contains("Uw eigen vragen"))
    #expect(one.contains("Is magnesium a problem with his ADHD medicine"))
    #expect(two.contains(ReportText.numbersReferToAppendix.text(in: .dutch)))
  }

  @Test(
    "a control character or a bidi override in what the parent typed shows in the PDF as <U+XXXX>")
  func safeText() throws {
    guard ReportPDF.weasyPrint() != nil, try run("pdftotext", ["-v"]) != nil else {
      Issue.record("WeasyPrint and poppler-utils are needed for this test; \(installHint)")
      return
    }
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var values = ReportFixtures.sam
    values["nickname"] = .text("Sam\u{202E}txt.exe")
    values["notes"] = .text("bell\u{7} and \u{1B}[31m")
    let document = try ReportFixtures.document(values)
    let pdf = folder.appending(path: "x.pdf").path
    try ReportPDF.write(
      html: HTMLReportRenderer().render(document),
      attachments: [ReportAttachment(name: "answers.json", data: Data("{}".utf8))], to: pdf)
    let text = try #require(try run("pdftotext", [pdf, "-"]))
    #expect(text.contains("Sam<U+202E>txt.exe"))
    #expect(text.contains("bell<U+0007>"))
    #expect(!text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B })
  }

  @Test("the attachments are an input: the answers and, say, a FHIR Bundle beside them")
  func attachments() throws {
    guard ReportPDF.weasyPrint() != nil, try run("pdfdetach", ["-v"]) != nil else {
      Issue.record("WeasyPrint and poppler-utils are needed for this test; \(installHint)")
      return
    }
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let pdf = folder.appending(path: "x.pdf").path
    let bundle = Data(#"{"resourceType": "Bundle"}"#.utf8)
    try ReportPDF.write(
      html: HTMLReportRenderer().render(try ReportFixtures.document()),
      attachments: [
        ReportAttachment(name: "2026-11-25-a.json", data: Data("{}".utf8)),
        ReportAttachment(name: "2026-11-25-a.fhir.json", data: bundle),
      ], to: pdf)
    let listed = try #require(try run("pdfdetach", ["-list", pdf]))
    #expect(listed.contains("2 embedded files"))
    #expect(listed.contains("2026-11-25-a.fhir.json"))
    let saved = folder.appending(path: "bundle.json").path
    _ = try run("pdfdetach", ["-save", "2", "-o", saved, pdf])
    #expect(FileManager.default.contents(atPath: saved) == bundle)

    #expect(throws: ReportPDFError.badAttachmentName("../x")) {
      try ReportPDF.render(
        html: "<p>x</p>", attachments: [ReportAttachment(name: "../x", data: Data())])
    }
  }

  @Test("a relative output folder works: WeasyPrint runs in a folder of its own")
  func relativeFolder() throws {
    guard ReportPDF.weasyPrint() != nil else {
      Issue.record("WeasyPrint is needed for this test; \(installHint)")
      return
    }
    let before = try FileManager.default.contentsOfDirectory(atPath: ".")
    let data = try ReportPDF.render(
      html: "<p>x</p>", attachments: [ReportAttachment(name: "a.json", data: Data("{}".utf8))],
      workFolder: ".")
    #expect(data.starts(with: Data("%PDF-".utf8)))
    #expect(try FileManager.default.contentsOfDirectory(atPath: ".") == before, "nothing left")
  }

  @Test(
    "without WeasyPrint: a clear error that says how to install it; text and HTML still written")
  func missingWeasyPrint() throws {
    #expect(ReportPDF.weasyPrint(environment: ["PATH": "/nonexistent"]) == nil)
    #expect(
      ReportPDF.weasyPrint(environment: ["INTAKE_WEASYPRINT": "/nonexistent/weasyprint"]) == nil)
    #expect(
      ReportPDFError.weasyPrintMissing.description
        == "cannot make a PDF: WeasyPrint is not installed (install it with: sudo apt-get "
        + "install weasyprint)")
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (answers, document) = try Self.daan(in: folder, language: .dutch)
    let written = try ReportFile.writeBeside(
      answers: answers, document: document, weasyPrint: "/nonexistent/weasyprint")
    #expect(written.pdf == nil)
    #expect(written.pdfProblem == .weasyPrintMissing)
    #expect(FileManager.default.fileExists(atPath: written.text))
    #expect(FileManager.default.fileExists(atPath: written.html))
    #expect(
      !(try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains {
        $0.hasPrefix(".")
      }, "no scratch folder is left behind")
  }

  @Test("a WeasyPrint that fails is reported with what it said, not as a PDF")
  func weasyPrintFails() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fake = folder.appending(path: "weasyprint").path
    try "#!/bin/sh\necho 'ERROR: something broke' >&2\nexit 3\n".write(
      toFile: fake, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
    #expect(throws: ReportPDFError.failed(status: 3, message: "ERROR: something broke")) {
      try ReportPDF.write(
        html: "<p>x</p>", attachments: [], to: folder.appending(path: "x.pdf").path,
        weasyPrint: fake)
    }
    #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "x.pdf").path))
  }
}

@Suite("Report: the HTML loads nothing from outside")
struct ReportHTMLOfflineTests {
  /// Every report the golden personas give, in both languages.
  static func pages() throws -> [String] {
    var pages: [String] = []
    for persona in ReportGoldenTests.personas {
      let record = try AnswerFile.load(
        contentsOf: ReportGoldenTests.answers.appending(path: "\(persona.id).json").path)
      let previous = try record.followUpOf.map {
        try AnswerFile.load(
          contentsOf: ReportGoldenTests.answers.appending(path: "\($0).json").path)
      }
      for language in [Language.dutch, .english] {
        let document = try ReportDocument.build(
          questionnaire: try ReportGoldenTests.questionnaire(persona.questionnaire),
          record: record, previous: previous, today: Fixtures.today, language: language,
          timeZone: TimeZone(identifier: "UTC")!)
        pages.append(HTMLReportRenderer().render(document))
      }
    }
    return pages
  }

  @Test("no src, url(), @import or <link>; an address appears only as a source's link and text")
  func nothingToFetch() throws {
    let pages = try Self.pages()
    #expect(pages.count == ReportGoldenTests.personas.count * 2)
    let link = try NSRegularExpression(
      pattern: #"<a class="url" href="https?://[^"<>]*">[^<]*</a>"#)
    for html in pages {
      let lower = html.lowercased()
      for forbidden in ["src=", "url(", "@import", "<link", "<img", "<iframe", "<object", "<embed"]
      {
        #expect(!lower.contains(forbidden), "\(forbidden)")
      }
      // Take away the sources' links (text the reader sees, addresses WeasyPrint turns into
      // link annotations without fetching them): no address may be left anywhere else.
      let rest = link.stringByReplacingMatches(
        in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "")
      #expect(!rest.lowercased().contains("http"), "an address outside a source's link")
      #expect(!rest.contains("//"), "a protocol-relative address")
      // Every other link points inside the page.
      let hrefs = try NSRegularExpression(pattern: #"href="([^"]*)""#)
      for match in hrefs.matches(in: rest, range: NSRange(rest.startIndex..., in: rest)) {
        let target = (rest as NSString).substring(with: match.range(at: 1))
        #expect(target.hasPrefix("#"), "\(target)")
      }
    }
  }

  @Test("a source address that is not http(s) is shown as text, never as a link")
  func onlyWebLinks() throws {
    var document = try ReportFixtures.document()
    document.sources[0].url = "javascript:alert(1)"
    let html = HTMLReportRenderer().render(document)
    #expect(!html.contains("href=\"javascript:"))
    #expect(html.contains("<span class=\"url\">javascript:alert(1)</span>"))
  }
}
