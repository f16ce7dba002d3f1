import Foundation

/// Writing a finished report to disk the way answers are written: atomically and readable only by
/// the parent (0600), since it holds health information about a child.
public enum ReportFile {
  /// Where the report of the answers file at `answersPath` is kept: beside it, with the same
  /// name and the format's extension (`ID.json` → `ID.report.txt`, `ID.report.html`). A JSON
  /// report there is `ID.report.jsonc` (plain JSON, which every JSONC reader takes): the store
  /// reads every `*.json` in a profile folder as an answers file.
  public static func path(besideAnswers answersPath: String, format: ReportFormat) -> String {
    let name = PathName.withoutExtension(PathName.lastComponent(of: answersPath))
    let fileExtension = format == .json ? "jsonc" : format.fileExtension
    return PathName.join(PathName.folder(of: answersPath), "\(name).report.\(fileExtension)")
  }

  /// Replaces the file at `path` with `text`: whole or not at all, mode 0600.
  public static func write(_ text: String, to path: String) throws(AnswerStoreError) {
    try FileSystem.writeAtomically(Data(text.utf8), to: path)
  }
}
