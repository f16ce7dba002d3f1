import FoundationEssentials

/// Writing a finished report to disk the way answers are written: atomically and readable only by
/// the parent (0600), since it holds health information about a child.
public enum ReportFile {
  /// Where the report of the answers file at `answersPath` is kept: beside it, with the same
  /// name and the format's extension (`ID.json` → `ID.report.txt`, `ID.report.html`). A JSON
  /// report there is `ID.report.jsonc` (plain JSON, which every JSONC reader takes): the store
  /// reads every `*.json` in a profile folder as an answers file.
  public static func path(besideAnswers answersPath: String, format: ReportFormat) -> String {
    path(
      besideAnswers: answersPath, fileExtension: format == .json ? "jsonc" : format.fileExtension)
  }

  /// Where the PDF report of the answers file at `answersPath` is kept: `ID.report.pdf`.
  public static func pdfPath(besideAnswers answersPath: String) -> String {
    path(besideAnswers: answersPath, fileExtension: "pdf")
  }

  private static func path(besideAnswers answersPath: String, fileExtension: String) -> String {
    let name = PathName.withoutExtension(PathName.lastComponent(of: answersPath))
    return PathName.join(PathName.folder(of: answersPath), "\(name).report.\(fileExtension)")
  }

  /// Replaces the file at `path` with `text`: whole or not at all, mode 0600.
  public static func write(_ text: String, to path: String) throws(AnswerStoreError) {
    try FileSystem.writeAtomically(Data(text.utf8), to: path)
  }

  /// The reports written beside an answers file.
  public struct Written: Sendable, Equatable {
    /// The plain-text report (for the terminal viewer and `lp`).
    public let text: String
    /// The HTML report (to open in a browser and print from there).
    public let html: String
    /// The PDF report; `nil` when it was not asked for or could not be made (see
    /// ``pdfProblem``).
    public let pdf: String?
    /// Why there is no PDF when one was asked for: WeasyPrint missing, or it failed. The text
    /// and HTML reports are written all the same.
    public let pdfProblem: ReportPDFError?

    public init(text: String, html: String, pdf: String?, pdfProblem: ReportPDFError?) {
      self.text = text
      self.html = html
      self.pdf = pdf
      self.pdfProblem = pdfProblem
    }
  }

  /// Writes `document` as text, HTML and, when `pdf` is set and WeasyPrint is there, PDF, each
  /// beside the answers file at `answersPath` (``path(besideAnswers:format:)``), 0600 and
  /// atomically. The PDF carries the answers file itself inside it, and `attachments` besides.
  ///
  /// This is what the end of a walk calls: the viewer shows ``Written/text``, opens
  /// ``Written/html`` (or the PDF) with `xdg-open`, and says where the files are.
  ///
  /// - Throws: when the text or HTML report cannot be written. A PDF that cannot be made is not
  ///   an error here: it is ``Written/pdfProblem``.
  public static func writeBeside(
    answers answersPath: String, document: ReportDocument, pdf: Bool = true,
    attachments: [ReportAttachment] = [], weasyPrint: String? = nil
  ) throws(AnswerStoreError) -> Written {
    let textPath = path(besideAnswers: answersPath, format: .text)
    let htmlPath = path(besideAnswers: answersPath, format: .html)
    let html = HTMLReportRenderer().render(document)
    try write(TextReportRenderer().render(document), to: textPath)
    try write(html, to: htmlPath)
    guard pdf else { return Written(text: textPath, html: htmlPath, pdf: nil, pdfProblem: nil) }
    let pdfPath = pdfPath(besideAnswers: answersPath)
    do throws(ReportPDFError) {
      let answers = ReportAttachment(
        name: PathName.lastComponent(of: answersPath), data: try readAnswers(answersPath))
      try ReportPDF.write(
        html: html, attachments: [answers] + attachments, to: pdfPath, weasyPrint: weasyPrint)
      return Written(text: textPath, html: htmlPath, pdf: pdfPath, pdfProblem: nil)
    } catch {
      return Written(text: textPath, html: htmlPath, pdf: nil, pdfProblem: error)
    }
  }

  private static func readAnswers(_ path: String) throws(ReportPDFError) -> Data {
    do {
      return try FileSystem.read(path)
    } catch {
      throw .files(error)
    }
  }
}
