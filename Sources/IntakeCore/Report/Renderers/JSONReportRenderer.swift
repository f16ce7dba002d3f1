import FoundationEssentials

/// The report as JSON for other tools: ``ReportDocument`` itself, keys sorted so the output is
/// stable, schema `intake-report/2` (docs/report-json.md).
public struct JSONReportRenderer: Sendable {
  public init() {}

  public func render(_ document: ReportDocument) throws -> String {
    let data = try Self.encoder.encode(document)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Reads a report back, e.g. to check a file another tool wrote.
  public func decode(_ text: String) throws -> ReportDocument {
    try JSONDecoder().decode(ReportDocument.self, from: Data(text.utf8))
  }

  private static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
