/// Splitting a path into its folder and its last name, on the string alone.
///
/// Written here rather than taken from Foundation: `NSString.deletingLastPathComponent` traps on
/// a one-character relative path such as `r` (swift-corelibs-foundation), which is exactly what a
/// parent types after `--output`.
public enum PathName {
  /// The folder part of `path`: `a/b/c` → `a/b`, `/c` → `/`, `c` → `""` (the current folder),
  /// `a/b/` → `a`. Repeated and trailing slashes are ignored, as the system does.
  public static func folder(of path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    if trimmed.isEmpty { return path.isEmpty ? "" : "/" }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    let folder = withoutTrailingSlashes(trimmed[..<slash])
    return folder.isEmpty ? "/" : String(folder)
  }

  /// The last name in `path`: `a/b/c.json` → `c.json`, `a/b/` → `b`, `/` → `/`.
  public static func lastComponent(of path: String) -> String {
    let trimmed = withoutTrailingSlashes(path)
    if trimmed.isEmpty { return path.isEmpty ? "" : "/" }
    guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// `name` without its last extension: `a.report.txt` → `a.report`; a name that starts with
  /// its only dot (`.lock`) has none.
  public static func withoutExtension(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  /// `path` joined to `name`, with one slash between (no folder: `name` alone).
  public static func join(_ folder: String, _ name: String) -> String {
    if folder.isEmpty { return name }
    return folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  private static func withoutTrailingSlashes(_ path: some StringProtocol) -> Substring {
    var text = Substring(path)
    while text.count > 1, text.last == "/" { text.removeLast() }
    return text == "/" ? "" : text
  }
}
