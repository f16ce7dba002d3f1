import Foundation
import IntakeCore
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

private let q = Fixtures.everyFeature

/// Why the store refuses a symbolic link in its data folder.
private let linkReason = "it is a symbolic link; intake does not follow links in its data folder"

/// Whether `path` itself is a symbolic link.
private func isSymbolicLink(_ path: String) -> Bool {
  var info = stat()
  return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
}

/// Everything in the folder at `path`, hidden files and subfolders included, without following a
/// link: each name with its permissions and, for a file, its content. The same before and after
/// means nothing was written, created, removed or tightened there.
private func snapshot(_ path: String) -> [String] {
  var lines = [". \(String(permissions(path), radix: 8))"]
  for name in names(in: path) {
    let full = "\(path)/\(name)"
    var info = stat()
    guard lstat(full, &info) == 0 else { continue }
    let mode = String(info.st_mode & 0o7777, radix: 8)
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      lines += snapshot(full).map { "\(name)/\($0)" }
    case S_IFREG:
      let content = FileManager.default.contents(atPath: full) ?? Data()
      lines.append("\(name) \(mode) \(String(decoding: content, as: UTF8.self))")
    default:
      lines.append("\(name) \(mode) (not a file)")
    }
  }
  return lines
}

/// A folder outside the data folder for links to point into: readable by others (0755, files
/// 0644), so that tightening it through a link would show.
private func elsewhere(in folder: TemporaryFolder) throws -> String {
  let path = folder.path + "/elsewhere"
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  chmod(path, 0o755)
  return path
}

/// Moves `path` to `target` and puts a symbolic link to it in its place.
private func replaceWithLink(_ path: String, to target: String, mode: mode_t) throws {
  try FileManager.default.moveItem(atPath: path, toPath: target)
  chmod(target, mode)
  try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
}

@Suite("Answer store: symbolic links in the data folder are not followed")
struct SymbolicLinkTests {
  @Test("an answers file that is a link is listed as unreadable, and never read or opened")
  func linkedAnswersFile() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Robin")
    let session = try store.createAssessment(
      in: profile, questionnaire: q, language: .english, now: Moment.at())
    try session.record(.number(2), for: "focus", at: Moment.at(1))
    try session.finish(at: Moment.at(2))
    session.close()
    let id = session.record.id
    let target = try elsewhere(in: folder) + "/x.json"
    try replaceWithLink(session.file, to: target, mode: 0o644)
    let before = snapshot(PathName.folder(of: target))
    let refused = AnswerStoreError.unreadable(file: session.file, reason: linkReason)
    #expect(refused.description == "\(session.file): cannot read: \(linkReason)")

    // Listed among the files that cannot be read, with the reason and the link's path.
    let listing = try store.assessments(in: profile)
    #expect(listing.assessments.isEmpty)
    #expect(listing.problems == [refused])
    #expect(try store.unfinished(in: profile).isEmpty)

    // Loading or opening it by id gives that reason, not "not found".
    #expect(throws: refused) { try store.load(id: id, in: profile) }
    #expect(throws: refused) { try store.assessment(id: id) }
    #expect(throws: refused) { try store.open(id, in: profile) }
    #expect(throws: refused) { try store.latestFinished(in: profile) }
    let stored = StoredAssessment(record: session.record, file: session.file, profile: profile)
    #expect(throws: refused) { try store.contents(of: stored) }

    // Nothing was written through the link, and the link is still there.
    #expect(snapshot(PathName.folder(of: target)) == before)
    #expect(isSymbolicLink(session.file))
    #expect(
      names(in: store.directory.path + "/robin") == [".\(id).lock", "\(id).json", "profile.json"])
  }

  @Test(
    "a profile folder that is a link is listed under its name as unreadable; nothing goes through it"
  )
  func linkedProfileFolder() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Sam")
    let session = try store.createAssessment(
      in: profile, questionnaire: q, language: .english, now: Moment.at())
    try session.finish(at: Moment.at(1))
    session.close()
    let id = session.record.id
    let linked = store.directory.path + "/sam"
    let outside = try elsewhere(in: folder)
    try replaceWithLink(linked, to: outside + "/sam", mode: 0o755)
    chmod("\(outside)/sam/\(id).json", 0o644)
    let before = snapshot(outside)
    let refused = AnswerStoreError.unreadable(file: linked, reason: linkReason)

    // Listed under its folder name: its profile file is not read through the link.
    let shown = Profile(folder: "sam", name: "sam")
    #expect(try store.profiles() == [shown])
    #expect(try store.profile(named: "Sam") == shown)
    let listing = try store.assessments(in: shown)
    #expect(listing.assessments.isEmpty)
    #expect(listing.problems == [refused])

    // Loading or opening what is behind it gives that reason, not "not found".
    #expect(throws: refused) { try store.load(id: id, in: shown) }
    #expect(throws: refused) { try store.assessment(id: id) }
    #expect(throws: refused) { try store.open(id, in: shown) }
    #expect(throws: refused) { try store.latestFinished(in: shown) }
    let stored = StoredAssessment(
      record: session.record, file: "\(linked)/\(id).json", profile: shown)
    #expect(throws: refused) { try store.contents(of: stored) }

    // Writing into it is refused: no new or follow-up assessment, no profile file, no import,
    // and no second folder for the same child beside it.
    let unwritable = AnswerStoreError.cannotWrite(file: linked, reason: linkReason)
    #expect(throws: unwritable) {
      try store.createAssessment(in: shown, questionnaire: q, language: .english)
    }
    #expect(throws: unwritable) {
      try store.createFollowUp(of: session.record, questionnaire: q, today: Fixtures.today)
    }
    #expect(throws: unwritable) { try store.createProfile(named: "Sam") }
    let source = try TemporaryFolder("source")
    let sourceStore = source.store()
    let exported = try sourceStore.createAssessment(
      in: sourceStore.createProfile(named: "Sam"), questionnaire: q, language: .english)
    #expect(throws: unwritable) { try store.importFile(atPath: exported.file, into: "Sam") }

    #expect(snapshot(outside) == before)
    #expect(isSymbolicLink(linked))
    #expect(names(in: store.directory.path) == ["sam"])
  }

  @Test("a profile file that is a link is reported and its nickname not read")
  func linkedProfileFile() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let session = try store.createAssessment(in: profile, questionnaire: q, language: .dutch)
    session.close()
    let info = "\(store.directory.path)/zoë/profile.json"
    let target = try elsewhere(in: folder) + "/profile.json"
    try replaceWithLink(info, to: target, mode: 0o644)

    #expect(try store.profiles() == [Profile(folder: "zoë", name: "zoë")])
    let listing = try store.assessments(in: Profile(folder: "zoë", name: "zoë"))
    #expect(listing.assessments.map(\.record.id) == [session.record.id])
    #expect(listing.problems == [.unreadable(file: info, reason: linkReason)])
  }

  @Test("the earlier answers of a follow-up are not read through a link")
  func linkedPrevious() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let baseline = try store.createAssessment(
      in: profile, questionnaire: q, language: .dutch, now: Moment.at())
    try baseline.finish(at: Moment.at(1))
    baseline.close()
    let followUp = try store.createFollowUp(
      of: baseline.record, questionnaire: q, today: Fixtures.today, now: Moment.at(100))
    try replaceWithLink(baseline.file, to: try elsewhere(in: folder) + "/x.json", mode: 0o644)
    #expect(throws: AnswerStoreError.unreadable(file: baseline.file, reason: linkReason)) {
      try AnswerFile.previous(of: followUp.session.record, besides: followUp.session.file)
    }
  }

  @Test("the reason reads in Dutch as a whole")
  func dutchReason() {
    let error = AnswerStoreError.unreadable(file: "/data/sam", reason: linkReason)
    #expect(
      error.message(in: .dutch)
        == "/data/sam: kan niet lezen: het is een symbolische koppeling; intake volgt geen "
        + "koppelingen in zijn map met antwoorden")
  }
}
