import FoundationEssentials

/// Reading and writing one answers file (docs/answers-format.md), strictly: broken JSON, a
/// missing or mistyped field, an unknown or repeated key, or a newer format is an error that names
/// the file, the line and column, and the key path.
public enum AnswerFile {
  /// Reads and decodes the answers file at `path`; errors name `path` as given.
  public static func load(contentsOf path: String) throws(AnswerStoreError) -> AnswerRecord {
    try decode(FileSystem.read(path), file: path)
  }

  /// The answers `record` follows up, read from the folder of `file`, where the store keeps them
  /// (and where an exported pair is put side by side); `nil` when `record` is no follow-up or that
  /// file is not there. A report without them says there is no comparison.
  /// - Throws: why the file that is there cannot be read; a symbolic link is not followed (the
  ///   file is found, not named, and in the store it is in the data folder).
  public static func previous(of record: AnswerRecord, besides file: String)
    throws(AnswerStoreError) -> AnswerRecord?
  {
    // The id becomes a path: one with a slash must not reach outside the folder.
    guard let id = record.followUpOf, AssessmentID.problem(id) == nil else { return nil }
    let path = PathName.join(PathName.folder(of: file), "\(id).json")
    guard FileSystem.kind(path) != .missing else { return nil }
    return try decode(FileSystem.read(path, refusingLink: true), file: path)
  }

  /// Decodes an answers file's bytes; `file` names it in messages.
  public static func decode(_ data: Data, file: String) throws(AnswerStoreError) -> AnswerRecord {
    try decode(Array(data), file: file)
  }

  /// The bytes written for `record`: pretty-printed JSON with sorted keys (so two versions of a
  /// file compare line by line) and a final newline.
  public static func encode(_ record: AnswerRecord) throws(AnswerStoreError) -> Data {
    do {
      var data = try encoder().encode(record)
      data.append(0x0A)
      return data
    } catch {
      throw .cannotWrite(file: "\(record.id).json", reason: "cannot encode the answers: \(error)")
    }
  }

  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(Timestamp.format(date))
    }
    return encoder
  }

  static func decode(_ bytes: [UInt8], file: String) throws(AnswerStoreError) -> AnswerRecord {
    let located = LocatedDecoding(file: file)
    let root = try located.parse(bytes)
    try located.checkFormat(root)
    try located.checkKeys(root)
    let record = try AnswerRecord(reading: JSONFieldReader(root: root, located: located))
    try located.checkContents(record, root: root)
    return record
  }
}

/// Checks and errors for a file read through a ``JSONNode`` tree, each error at a line and column.
struct LocatedDecoding {
  let file: String

  func error(at position: JSONPosition, _ message: String) -> AnswerStoreError {
    .invalidFile(
      Diagnostic(
        location: SourceLocation(file: file, line: position.line, column: position.column),
        message: message))
  }

  func parse(_ bytes: [UInt8]) throws(AnswerStoreError) -> JSONNode {
    let root: JSONNode
    do {
      root = try JSONLocator.parse(bytes)
    } catch {
      throw self.error(at: error.position, error.message)
    }
    guard case .object = root.kind else {
      throw error(at: root.position, "expected an object with the answers, found \(root.kindName)")
    }
    return root
  }

  /// A newer format is refused before anything else is checked: its fields may differ.
  func checkFormat(_ root: JSONNode) throws(AnswerStoreError) {
    guard let member = root.member("format") else { return }
    guard case .number(let text) = member.value.kind, let format = Int(text) else {
      throw error(
        at: member.value.position,
        "expected the format version as a whole number at format, found \(member.value.kindName)")
    }
    if format > AnswerRecord.currentFormat {
      throw .newerFormat(file: file, format: format, supported: AnswerRecord.currentFormat)
    }
    if format < 1 {
      throw error(
        at: member.value.position,
        "format \(format) does not exist (expected 1 to \(AnswerRecord.currentFormat))")
    }
  }

  /// Unknown keys are typos in a hand-edited file: an error, never silently ignored.
  func checkKeys(_ root: JSONNode) throws(AnswerStoreError) {
    var path: [JSONPathComponent] = []
    try checkDuplicates(root, path: &path)
    try checkKnown(
      root, allowed: AnswerRecord.CodingKeys.allCases.map(\.stringValue), path: [])
    for (field, allowed) in [
      ("answers", AnswerRecord.Entry.CodingKeys.allCases.map(\.stringValue)),
      ("retired", AnswerRecord.RetiredEntry.CodingKeys.allCases.map(\.stringValue)),
    ] {
      guard case .object(let entries)? = root.member(field)?.value.kind else { continue }
      for entry in entries {
        try checkKnown(entry.value, allowed: allowed, path: [.key(field), .key(entry.key)])
      }
    }
  }

  private func checkKnown(_ node: JSONNode, allowed: [String], path: [JSONPathComponent])
    throws(AnswerStoreError)
  {
    guard case .object(let members) = node.kind else { return }
    for member in members where !allowed.contains(member.key) {
      let place = path.isEmpty ? "" : " in \(JSONPathComponent.describe(path))"
      throw error(
        at: member.keyPosition,
        "unknown key \(Self.quote(member.key))\(place) (expected one of \(allowed.sorted().joined(separator: ", ")))"
      )
    }
  }

  /// `path` is where `node` is, for the message; one array pushed and popped on the way down,
  /// where a new one for each value cost more than the check.
  private func checkDuplicates(_ node: JSONNode, path: inout [JSONPathComponent])
    throws(AnswerStoreError)
  {
    switch node.kind {
    case .object(let members):
      var check = RepeatedKeyCheck()
      for (index, member) in members.enumerated() {
        guard !check.isRepeated(member.key, after: index, earlier: { members[$0].key }) else {
          let place = path.isEmpty ? "" : " in \(JSONPathComponent.describe(path))"
          throw error(
            at: member.keyPosition, "the key \(Self.quote(member.key)) appears twice\(place)")
        }
        path.append(.key(member.key))
        try checkDuplicates(member.value, path: &path)
        path.removeLast()
      }
    case .array(let elements):
      for (offset, element) in elements.enumerated() {
        path.append(.index(offset))
        try checkDuplicates(element, path: &path)
        path.removeLast()
      }
    default: break
    }
  }

  /// Checks the decoded values that JSON types alone cannot: names usable as file names.
  func checkContents(_ record: AnswerRecord, root: JSONNode) throws(AnswerStoreError) {
    func position(_ key: String) -> JSONPosition {
      root.member(key)?.value.position ?? root.position
    }
    if let problem = AssessmentID.problem(record.id) {
      throw error(at: position("id"), "the id \(Self.quote(record.id)) \(problem)")
    }
    if let followUp = record.followUpOf, let problem = AssessmentID.problem(followUp) {
      throw error(at: position("follow_up_of"), "the id \(Self.quote(followUp)) \(problem)")
    }
    if let problem = ProfileFolder.problem(record.profile) {
      throw error(
        at: position("profile"), "the profile \(Self.quote(record.profile)) \(problem)")
    }
    if record.questionnaireID.isEmpty {
      throw error(at: position("questionnaire_id"), "the questionnaire id is empty")
    }
    // The language decides what the parent is shown; a code intake cannot even name would
    // otherwise fall back to another language without a word.
    if !Self.isLanguageCode(root.member("language")?.value) {
      throw error(
        at: position("language"),
        "the language \(Self.quote(record.language.code)) is not a language code (expected two "
          + "lower-case letters, such as nl or en)")
    }
    // Finishing early was added in format 2, and its list goes with its status only.
    if record.format < 2, record.status == .finishedWithUnanswered || !record.unanswered.isEmpty {
      throw error(
        at: position(record.unanswered.isEmpty ? "status" : "unanswered"),
        "finishing with unanswered questions needs format 2 (this file says format \(record.format))"
      )
    }
    if record.status == .finishedWithUnanswered, record.unanswered.isEmpty {
      throw error(
        at: position("status"),
        "status 'finished_with_unanswered' needs the list of unanswered questions at unanswered")
    }
    if record.status != .finishedWithUnanswered, !record.unanswered.isEmpty {
      throw error(
        at: position("unanswered"),
        "unanswered belongs only to status 'finished_with_unanswered' (status is '\(record.status.rawValue)')"
      )
    }
    for field in ["answers", "retired"] {
      guard case .object(let members)? = root.member(field)?.value.kind else { continue }
      for member in members where member.key.isEmpty {
        throw error(at: member.keyPosition, "an answer without an item id in \(field)")
      }
    }
  }
}

extension LocatedDecoding {
  /// A value from the file, quoted for a message: made safe for the terminal and shortened.
  static func quote(_ text: String) -> String { "'\(SafeText.quoted(text, limit: 60))'" }

  /// Whether `node` is text of two lower-case ASCII letters (ISO 639-1).
  static func isLanguageCode(_ node: JSONNode?) -> Bool {
    guard case .string(let code)? = node?.kind else { return false }
    return code.utf8.count == 2 && code.utf8.allSatisfy { (0x61...0x7A).contains($0) }
  }
}

extension AnswerFile {
  /// Checks what only the questionnaire can tell about answers to it: that it has the language
  /// they were given in and, when they are of the same version (a file of another version is
  /// brought up to date, its answers to items that are gone kept as retired), that it asks
  /// every item answered. A file saved by intake always passes; one edited by hand may not, and
  /// is then refused with the place of the first problem rather than used in part.
  ///
  /// An answer that is there but does not fit its item (text over `max_length`, a number out of
  /// range, an option that does not exist) is no error here: it is kept, set aside and listed
  /// wherever the answers are shown (``Assessment/unusableAnswers``).
  /// - Parameter file: where `record` was read from; read again only to locate a problem.
  public static func check(
    _ record: AnswerRecord, file: String, against questionnaire: Questionnaire
  ) throws(AnswerStoreError) {
    guard record.questionnaireID == questionnaire.id else { return }
    let located = LocatedDecoding(file: file)
    let root = (try? FileSystem.read(file)).flatMap { try? JSONLocator.parse(Array($0)) }
    let start = root?.position ?? JSONPosition(line: 1, column: 1)
    if !questionnaire.languages.contains(record.language) {
      let languages = questionnaire.languages.map(\.code).joined(separator: ", ")
      throw located.error(
        at: root?.member("language")?.value.position ?? start,
        "the answers are in \(LocatedDecoding.quote(record.language.code)), which questionnaire "
          + "\(LocatedDecoding.quote(questionnaire.id)) does not have (expected one of: \(languages))"
      )
    }
    guard record.questionnaireVersion == questionnaire.version else { return }
    let unknown = record.answers.keys.filter { questionnaire.itemIndexByID[$0] == nil }
    guard !unknown.isEmpty else { return }
    // The first in the file, where an editor shows it.
    var members: [JSONNode.Member] = []
    if case .object(let list)? = root?.member("answers")?.value.kind { members = list }
    let first =
      members.first { unknown.contains($0.key) }.map { ($0.key, $0.keyPosition) }
      ?? (unknown.sorted()[0], start)
    let others = unknown.count > 1 ? " (and \(unknown.count - 1) more)" : ""
    throw located.error(
      at: first.1,
      "an answer to \(LocatedDecoding.quote(first.0))\(others), which version "
        + "\(questionnaire.version) of questionnaire \(LocatedDecoding.quote(questionnaire.id)) "
        + "does not ask (expected the item ids of that version)")
  }
}

extension AnswerRecord.Status {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let status = Self(rawValue: text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription:
          "expected one of \(Self.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), "
          + "found \(LocatedDecoding.quote(text))")
    }
    self = status
  }
}
