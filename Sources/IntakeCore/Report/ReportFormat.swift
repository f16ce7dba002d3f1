/// The formats a report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
  /// Plain text, 80 columns, ready for `lp`.
  case text
  case markdown
  /// One self-contained HTML file, laid out for printing on A4.
  case html
  /// The document model as JSON, schema `intake-report/2`.
  case json

  /// The usual file name extension, without the dot.
  public var fileExtension: String {
    switch self {
    case .text: "txt"
    case .markdown: "md"
    case .html: "html"
    case .json: "json"
    }
  }

  /// `document` in this format.
  public func render(_ document: ReportDocument) throws -> String {
    switch self {
    case .text: TextReportRenderer().render(document)
    case .markdown: MarkdownReportRenderer().render(document)
    case .html: HTMLReportRenderer().render(document)
    case .json: try JSONReportRenderer().render(document)
    }
  }
}
