import Foundation
import IntakeCore

/// Paths and loaders for the files under Tests/IntakeCoreTests/Fixtures and the repository.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Fixtures")
  static let repository = directory.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The day every test is evaluated on, so ages do not drift.
  static let today = LocalDate(year: 2026, month: 11, day: 25)!

  static func path(_ name: String) -> String { directory.appending(path: name).path }

  /// Names of the files in Fixtures/bad, sorted.
  static var badFiles: [String] {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: directory.appending(path: "bad").path))
      ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }

  static func load(_ name: String) throws -> Questionnaire {
    try QuestionnaireLoader.load(contentsOf: path(name), today: today)
  }

  /// The every-feature fixture, loaded once.
  static let everyFeature: Questionnaire = {
    do { return try load("every-feature.yaml") } catch {
      fatalError("every-feature.yaml does not load: \(error)")
    }
  }()

  /// Loads YAML text, returning the diagnostics as `line:column: error: message` lines.
  static func diagnostics(yaml: String) -> [String] {
    do {
      _ = try QuestionnaireLoader.load(yaml: yaml, file: "test.yaml", today: today)
      return []
    } catch {
      switch error {
      case .invalid(let list):
        return list.map { "\($0.location.line):\($0.location.column): error: \($0.message)" }
      case .unreadable(_, let reason): return ["unreadable: \(reason)"]
      }
    }
  }
}

extension LocalDate {
  /// A date in tests, written as ISO text.
  static func on(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
}
