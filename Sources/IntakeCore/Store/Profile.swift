import FoundationEssentials

/// One child: a folder in the data folder holding that child's assessments.
public struct Profile: Sendable, Hashable, Identifiable {
  /// The folder's name, derived from the nickname (see ``ProfileFolder/derive(from:)``).
  public let folder: String
  /// The nickname as the parent typed it; the folder name when no profile file says otherwise.
  public let name: String

  public var id: String { folder }

  public init(folder: String, name: String) {
    self.folder = folder
    self.name = name
  }
}

/// `profile.json` in a profile folder: the nickname as typed, which a folder name cannot always
/// keep (case, punctuation, two nicknames that make the same folder name).
struct ProfileInfo: Encodable, Sendable, Equatable {
  static let fileStem = "profile"
  static let fileName = "profile.json"

  var format: Int
  var name: String
  var created: Date

  init(name: String, created: Date) {
    format = AnswerRecord.currentFormat
    self.name = name
    self.created = created
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case format, name, created
  }

  static func decode(_ data: Data, file: String) throws(AnswerStoreError) -> ProfileInfo {
    let located = LocatedDecoding(file: file)
    let root = try located.parse(Array(data))
    try located.checkFormat(root)
    if case .object(let members) = root.kind {
      for member in members where !CodingKeys.allCases.map(\.stringValue).contains(member.key) {
        throw located.error(
          at: member.keyPosition,
          "unknown key '\(member.key)' (expected one of created, format, name)")
      }
    }
    let fields = JSONFieldReader(root: root, located: located)
    let format = try fields.required(CodingKeys.format.rawValue).int()
    var info = ProfileInfo(
      name: try fields.required(CodingKeys.name.rawValue).string(),
      created: try fields.required(CodingKeys.created.rawValue).timestamp())
    info.format = format
    if let problem = ProfileName.problem(info.name) {
      throw located.error(at: root.member("name")?.value.position ?? root.position, problem)
    }
    return info
  }

  func encoded() throws(AnswerStoreError) -> Data {
    do {
      var data = try AnswerFile.encoder().encode(self)
      data.append(0x0A)
      return data
    } catch {
      throw .cannotWrite(file: Self.fileName, reason: "\(error)")
    }
  }
}
