import Foundation
import IntakeCore
import Testing

@Suite("Report: saving beside the answers")
struct ReportFileTests {
  @Test("the report is named after its answers file, in the same folder")
  func paths() {
    let answers = "/data/intake/noor/20261124-190000-a0a001.json"
    #expect(
      ReportFile.path(besideAnswers: answers, format: .text)
        == "/data/intake/noor/20261124-190000-a0a001.report.txt")
    #expect(
      ReportFile.path(besideAnswers: answers, format: .html)
        == "/data/intake/noor/20261124-190000-a0a001.report.html")
    #expect(
      ReportFile.path(besideAnswers: answers, format: .markdown)
        == "/data/intake/noor/20261124-190000-a0a001.report.md")
    // Never *.json: the store would take it for an answers file.
    #expect(
      ReportFile.path(besideAnswers: answers, format: .json)
        == "/data/intake/noor/20261124-190000-a0a001.report.jsonc")
    #expect(ReportFile.path(besideAnswers: "a.json", format: .text) == "a.report.txt")
  }

  @Test("written whole, readable only by the parent, replacing an older report")
  func write() throws {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "intake-report-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appending(path: "x.report.txt").path
    try ReportFile.write("first\n", to: path)
    try ReportFile.write("second — ü 漢\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second — ü 漢\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(leftovers == ["x.report.txt"], "no temporary file is left behind")
  }

  @Test("a folder that does not exist is a clear error, not a crash")
  func missingFolder() {
    #expect(throws: AnswerStoreError.self) {
      try ReportFile.write("x", to: "/nonexistent-intake-folder/x.report.txt")
    }
  }
}
