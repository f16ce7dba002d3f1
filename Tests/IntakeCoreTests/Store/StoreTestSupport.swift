import Foundation
import IntakeCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh folder under the system's temporary folder, deleted with the object.
final class TemporaryFolder {
  let url: URL
  var path: String { url.path }

  init(_ label: String = "store") throws {
    url = FileManager.default.temporaryDirectory.appending(
      path: "intake-\(label)-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// A store whose data folder (`data`, not yet created) is inside this folder.
  func store() -> AnswerStore { AnswerStore(directory: url.appending(path: "data")) }
}

/// Fixed moments for tests: whole milliseconds, so they survive a round trip unchanged.
enum Moment {
  /// 2026-11-25T10:00:00Z plus `seconds`.
  static func at(_ seconds: Double = 0) -> Date {
    Date(timeIntervalSince1970: 1_795_600_800 + seconds)
  }
}

/// Permission bits of the file or folder at `path`.
func permissions(_ path: String) -> Int {
  var info = stat()
  guard lstat(path, &info) == 0 else { return -1 }
  return Int(info.st_mode & 0o777)
}

/// Names in the folder at `path`, sorted.
func names(in path: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

/// Small questionnaires for version changes: v1 asks `old_item` and lets mood be "awful"; v2
/// drops both, halves the hours and adds `new_item`; v3 asks `old_item` again.
enum VersionedQuestionnaire {
  static func load(_ version: Int) throws -> Questionnaire {
    try QuestionnaireLoader.load(
      yaml: yaml(version), file: "versioned-v\(version).yaml", today: Fixtures.today)
  }

  static func yaml(_ version: Int) -> String {
    let awful = version == 1 ? "\n          - { id: awful, label: Awful }" : ""
    let oldItem =
      version == 2
      ? "" : "\n      - id: old_item\n        type: yes_no\n        question: Old question?"
    let newItem =
      version == 1
      ? "" : "\n      - id: new_item\n        type: text\n        question: New question?"
    return """
      id: versioned
      version: \(version).0.0
      languages: [en]
      title: Versioned
      sections:
        - id: only
          title: Only
          items:
            - id: nickname
              type: text
              question: Nickname?
            - id: mood
              type: choice
              options:
                - { id: good, label: Good }
                - { id: bad, label: Bad }\(awful)
              question: Mood?
            - id: hours
              type: integer
              min: 0
              max: \(version == 1 ? 24 : 12)
              question: Hours?\(oldItem)\(newItem)
      """
  }
}
