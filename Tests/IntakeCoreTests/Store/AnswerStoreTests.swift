import Foundation
import IntakeCore
import Testing

private let q = Fixtures.everyFeature

@Suite("Answer store: where it lives and profiles")
struct StoreLocationTests {
  @Test("the data folder: INTAKE_DATA_DIR, else XDG_DATA_HOME/intake, else ~/.local/share/intake")
  func defaultDirectory() throws {
    #expect(
      try AnswerStore.defaultDirectory(environment: [
        "INTAKE_DATA_DIR": "/data/x", "XDG_DATA_HOME": "/xdg", "HOME": "/home/p",
      ]).path == "/data/x")
    #expect(
      try AnswerStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/p"])
        .path == "/xdg/intake")
    #expect(
      try AnswerStore.defaultDirectory(environment: [
        "XDG_DATA_HOME": "relative", "HOME": "/home/p",
      ])
      .path == "/home/p/.local/share/intake")
    #expect(
      try AnswerStore.defaultDirectory(environment: ["INTAKE_DATA_DIR": "", "HOME": "/home/p"])
        .path == "/home/p/.local/share/intake")
    #expect(throws: AnswerStoreError.noDataDirectory) {
      try AnswerStore.defaultDirectory(environment: [:])
    }
  }

  @Test(
    "folder names come from the nickname, safely",
    arguments: [
      ("Zoë", "zoë"), ("Anne-Sophie 2", "anne-sophie-2"), ("../../etc", "etc"), (".", "profile"),
      ("🦄", "profile"), ("Zoe\u{308}", "zoë"), ("  Sam  de   Vries ", "sam-de-vries"),
      ("Ярослав", "ярослав"), ("a/b\\c", "a-b-c"),
    ])
  func derivedFolder(nickname: String, folder: String) {
    #expect(ProfileFolder.derive(from: nickname) == folder)
    #expect(ProfileFolder.problem(ProfileFolder.derive(from: nickname)) == nil)
  }

  @Test("a nickname finds its profile again, whatever its case, spacing or composition")
  func sameProfile() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let zoe = try store.createProfile(named: "Zoë", now: Moment.at())
    #expect(zoe == Profile(folder: "zoë", name: "Zoë"))
    #expect(try store.createProfile(named: "zoe\u{308}") == zoe)
    #expect(try store.profile(named: " ZOË ") == zoe)
    #expect(try store.profile(named: "zoë") == zoe, "the folder name finds it too")
    #expect(try store.profile(named: "Sam") == nil)
    #expect(try store.profiles() == [zoe])
  }

  @Test("two nicknames that make the same folder name get two folders")
  func collisions() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let first = try store.createProfile(named: "Sam!")
    let second = try store.createProfile(named: "Sam?")
    let third = try store.createProfile(named: "sam")
    #expect([first.folder, second.folder, third.folder] == ["sam", "sam-2", "sam-3"])
    #expect(try store.profiles().map(\.name) == ["sam", "Sam!", "Sam?"])
    #expect(try store.profile(named: "Sam?") == second)
  }

  @Test("an empty nickname is refused")
  func emptyNickname() throws {
    let folder = try TemporaryFolder()
    #expect(throws: AnswerStoreError.self) { try folder.store().createProfile(named: "   ") }
  }
}

@Suite("Answer store: writing")
struct StoreWritingTests {
  @Test("a session writes each answer before returning; reading the file gives it back")
  func autosave() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let session = try store.createAssessment(
      in: profile, questionnaire: q, language: .dutch, now: Moment.at())
    let id = session.record.id
    #expect(session.record.questionnaireReference == "every-feature@2.1.0")
    #expect(session.record.profileName == "Zoë")

    try session.record(.number(2), for: "focus", at: Moment.at(10.0004))
    let onDisk = try store.load(id: id, in: profile).record
    #expect(onDisk.answers["focus"] == .init(value: .number(2), answeredAt: Moment.at(10)))
    #expect(onDisk == session.record, "the session's record is what is on disk")

    try session.record(.choices(["sleep"]), for: "conditions", at: Moment.at(11))
    try session.record(nil, for: "focus", at: Moment.at(12))
    try session.setPosition("conditions", at: Moment.at(13))
    try session.finish(at: Moment.at(14))
    let final = try AnswerFile.load(contentsOf: session.file)
    #expect(final.answers.keys.sorted() == ["conditions"])
    #expect(final.position == "conditions")
    #expect(final.status == .complete)
    #expect(final.updated == Moment.at(14))
    #expect(final.created == Moment.at())
  }

  @Test("finishing with questions open records them; an older file is written as format 2")
  func finishEarly() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let session = try store.createAssessment(
      in: profile, questionnaire: q, language: .dutch, now: Moment.at())
    try session.finish(unanswered: ["focus", "notes"], at: Moment.at(5))
    let onDisk = try AnswerFile.load(contentsOf: session.file)
    #expect(onDisk.status == .finishedWithUnanswered)
    #expect(onDisk.unanswered == ["focus", "notes"])
    #expect(try store.latestFinished(in: profile)?.record.id == session.record.id)
    #expect(try store.unfinished(in: profile).isEmpty)

    // A format 1 file, as an earlier intake wrote it, is upgraded by its first change.
    var old = onDisk
    old.format = 1
    old.status = .inProgress
    old.unanswered = []
    session.close()
    try AnswerFile.encode(old).write(to: URL(fileURLWithPath: session.file))
    let reopened = try store.open(session.record.id, in: profile)
    #expect(reopened.record.format == 1)
    try reopened.record(.number(1), for: "focus", at: Moment.at(6))
    #expect(try AnswerFile.load(contentsOf: session.file).format == 2)
  }

  @Test("folders are 0700 and files 0600, and looser ones are tightened when written into")
  func permissionsAreTight() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let data = store.directory.path
    let profile = try store.createProfile(named: "Zoë")
    let session = try store.createAssessment(in: profile, questionnaire: q, language: .dutch)
    try session.record(.number(1), for: "focus")
    #expect(permissions(data) == 0o700)
    #expect(permissions("\(data)/zoë") == 0o700)
    #expect(permissions(session.file) == 0o600)
    #expect(permissions("\(data)/zoë/profile.json") == 0o600)
    #expect(permissions("\(data)/zoë/.\(session.record.id).lock") == 0o600)
    session.close()

    chmod(data, 0o755)
    chmod("\(data)/zoë", 0o777)
    chmod(session.file, 0o644)
    let reopened = try store.open(session.record.id, in: profile)
    try reopened.record(.number(2), for: "focus")
    #expect(permissions(data) == 0o700)
    #expect(permissions("\(data)/zoë") == 0o700)
    #expect(permissions(session.file) == 0o600)
  }

  @Test("a failure between writing and renaming leaves the old file intact and no temporary file")
  func atomicity() throws {
    let folder = try TemporaryFolder()
    var store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let session = try store.createAssessment(in: profile, questionnaire: q, language: .dutch)
    try session.record(.number(1), for: "focus", at: Moment.at(1))
    let before = try Data(contentsOf: URL(fileURLWithPath: session.file))
    let recordBefore = session.record
    session.close()

    struct DiskFull: Error, CustomStringConvertible { var description: String { "injected" } }
    let seen = SeenFiles()
    store.faults = WriteFaults(beforeRename: { temporary in
      seen.add(temporary)
      // The new content is complete on disk at this point: a crash now must not matter.
      let written = try AnswerFile.load(contentsOf: temporary)
      #expect(written.answers["focus"]?.value == .number(3))
      throw DiskFull()
    })
    let failing = try store.open(session.record.id, in: profile)
    #expect(throws: AnswerStoreError.cannotWrite(file: session.file, reason: "injected")) {
      try failing.record(.number(3), for: "focus", at: Moment.at(2))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: session.file)) == before)
    #expect(failing.record == recordBefore, "the session still shows what is on disk")
    let temporary = try #require(seen.files.first)
    #expect(!FileManager.default.fileExists(atPath: temporary))
    #expect(names(in: "\(store.directory.path)/zoë").allSatisfy { !$0.contains(".tmp-") })

    failing.close()
    store.faults = WriteFaults()
    let healthy = try store.open(session.record.id, in: profile)
    try healthy.record(.number(3), for: "focus", at: Moment.at(3))
    #expect(
      try store.load(id: session.record.id, in: profile).record.answers["focus"]?.value
        == .number(3))
  }

  @Test("a profile that cannot be written leaves no empty folder behind")
  func failedProfileLeavesNoFolder() throws {
    let folder = try TemporaryFolder()
    var store = folder.store()
    struct DiskFull: Error, CustomStringConvertible { var description: String { "injected" } }
    store.faults = WriteFaults(beforeRename: { _ in throw DiskFull() })
    #expect(throws: AnswerStoreError.self) { try store.createProfile(named: "Zoë") }
    #expect(!names(in: store.directory.path).contains("zoë"))
    store.faults = WriteFaults()
    #expect(try store.createProfile(named: "Zoë").folder == "zoë", "the name is free again")
  }

  @Test("temporary files left by killed processes are removed, unless a live writer owns them")
  func staleTemporaries() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let session = try store.createAssessment(in: profile, questionnaire: q, language: .dutch)
    let id = session.record.id
    session.close()
    let busy = try store.createAssessment(in: profile, questionnaire: q, language: .dutch)
    let zoe = "\(store.directory.path)/zoë"
    let stale = "\(zoe)/.\(id).json.tmp-99999-abc"
    // A process killed while creating an assessment leaves a temporary file and no answers file.
    let orphan = "\(zoe)/.20200101-000000-aaaaaa.json.tmp-1-2"
    let owned = "\(zoe)/.\(busy.record.id).json.tmp-3-4"
    for path in [stale, orphan, owned] {
      try Data("{\"half\": ".utf8).write(to: URL(fileURLWithPath: path))
    }
    _ = try store.open(id, in: profile)
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(!FileManager.default.fileExists(atPath: orphan))
    #expect(FileManager.default.fileExists(atPath: owned), "its writer is alive: not ours to touch")
    busy.close()
    _ = try store.createAssessment(in: profile, questionnaire: q, language: .dutch)
    #expect(!FileManager.default.fileExists(atPath: owned))
  }

  @Test("a profile folder left empty by a killed process is taken over, not skipped")
  func abandonedProfileFolder() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let data = store.directory.path
    try FileManager.default.createDirectory(
      atPath: "\(data)/zoë", withIntermediateDirectories: true)
    try Data("{".utf8).write(to: URL(fileURLWithPath: "\(data)/zoë/.profile.json.tmp-1-2"))
    #expect(try store.createProfile(named: "Zoë") == Profile(folder: "zoë", name: "Zoë"))
    #expect(names(in: "\(data)/zoë") == ["profile.json"])

    // A folder with answers in it is someone's, even without a profile file.
    try FileManager.default.createDirectory(
      atPath: "\(data)/sam", withIntermediateDirectories: true)
    try Data("{}".utf8).write(to: URL(fileURLWithPath: "\(data)/sam/20200101-000000-aaaaaa.json"))
    #expect(try store.createProfile(named: "Sam!").folder == "sam-2")
  }

  @Test("the lock: a second session on the same assessment is refused until the first closes")
  func lock() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let first = try store.createAssessment(in: profile, questionnaire: q, language: .dutch)
    let id = first.record.id
    #expect(throws: AnswerStoreError.locked(file: first.file)) { try store.open(id, in: profile) }
    #expect(
      AnswerStoreError.locked(file: first.file).description
        == "\(first.file): another intake has this assessment open; close it there first")
    try first.record(.number(1), for: "focus")
    #expect(try store.load(id: id, in: profile).record.answers.count == 1, "reading needs no lock")

    first.close()
    #expect(throws: AnswerStoreError.closed(file: first.file)) {
      try first.record(.number(2), for: "focus")
    }
    let second = try store.open(id, in: profile)
    try second.record(.number(2), for: "focus")
    #expect(second.record.answers["focus"]?.value == .number(2))
  }

  @Test("a session that goes away releases its lock")
  func lockReleasedOnDeinit() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    var id = ""
    do {
      let session = try store.createAssessment(in: profile, questionnaire: q, language: .dutch)
      id = session.record.id
    }
    #expect(try store.open(id, in: profile).isOpen)
  }
}

/// Paths seen by a fault hook (which must be Sendable).
final class SeenFiles: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [String] = []
  func add(_ path: String) { lock.withLock { list.append(path) } }
  var files: [String] { lock.withLock { list } }
}

@Suite("Answer store: reading and broken files")
struct StoreReadingTests {
  @Test("a corrupt file is reported with its place; the other assessments stay usable")
  func corruptFileInListing() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let good = try store.createAssessment(
      in: profile, questionnaire: q, language: .dutch, now: Moment.at())
    try good.record(.number(1), for: "focus")
    let broken = try store.createAssessment(
      in: profile, questionnaire: q, language: .dutch, now: Moment.at(60))
    broken.close()
    let text = try String(contentsOfFile: broken.file, encoding: .utf8)
    let damaged = text.replacingOccurrences(
      of: "\"status\" : \"in_progress\"", with: "\"status\" : in_progress")
    try Data(damaged.utf8).write(to: URL(fileURLWithPath: broken.file))

    let listing = try store.assessments(in: profile)
    #expect(listing.assessments.map(\.record.id) == [good.record.id])
    let line = damaged.components(separatedBy: "\n").firstIndex { $0.contains("in_progress") }! + 1
    #expect(
      listing.problems.map(\.description) == [
        "\(broken.file):\(line):14: error: unexpected 'i' (expected a value: an object, list, "
          + "text in double quotes, a number, true, false or null)"
      ])
    #expect(try store.unfinished(in: profile).map(\.record.id) == [good.record.id])

    // Opening it fails and leaves it byte for byte as it was.
    #expect(throws: AnswerStoreError.self) { try store.open(broken.record.id, in: profile) }
    #expect(try String(contentsOfFile: broken.file, encoding: .utf8) == damaged)
  }

  @Test("a broken profile file is reported; the profile is listed under its folder name")
  func brokenProfileFile() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let session = try store.createAssessment(in: profile, questionnaire: q, language: .dutch)
    let info = "\(store.directory.path)/zoë/profile.json"
    try Data("{\"format\": 1, \"nam\": \"Zoë\"}".utf8).write(to: URL(fileURLWithPath: info))
    #expect(try store.profiles() == [Profile(folder: "zoë", name: "zoë")])
    let listing = try store.assessments(in: Profile(folder: "zoë", name: "zoë"))
    #expect(listing.assessments.map(\.record.id) == [session.record.id])
    #expect(
      listing.problems.map(\.description) == [
        "\(info):1:15: error: unknown key 'nam' (expected one of created, format, name)"
      ])
  }

  @Test("a file copied by hand into another profile is refused with a hint")
  func misplacedFile() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let zoe = try store.createProfile(named: "Zoë")
    let sam = try store.createProfile(named: "Sam")
    let session = try store.createAssessment(in: zoe, questionnaire: q, language: .dutch)
    let copy = "\(store.directory.path)/sam/\(session.record.id).json"
    try FileManager.default.copyItem(atPath: session.file, toPath: copy)
    let listing = try store.assessments(in: sam)
    #expect(listing.assessments.isEmpty)
    #expect(listing.problems.first?.description.contains("does not match the folder 'sam'") == true)
    let renamed = "\(store.directory.path)/zoë/20200101-000000-aaaaaa.json"
    try FileManager.default.copyItem(atPath: session.file, toPath: renamed)
    #expect(
      try store.assessments(in: zoe).problems.first?.description.contains(
        "does not match the file name '20200101-000000-aaaaaa.json'") == true)
  }

  @Test("assessments are found by id, listed oldest first, and the latest complete one is known")
  func finding() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let first = try store.createAssessment(
      in: profile, questionnaire: q, language: .dutch, now: Moment.at(0))
    try first.finish()
    let second = try store.createAssessment(
      in: profile, questionnaire: q, language: .dutch, now: Moment.at(100))
    try second.finish()
    let third = try store.createAssessment(
      in: profile, questionnaire: q, language: .dutch, now: Moment.at(200))
    #expect(
      try store.assessments(in: profile).assessments.map(\.record.id) == [
        first.record.id, second.record.id, third.record.id,
      ])
    #expect(try store.latestFinished(in: profile)?.record.id == second.record.id)
    #expect(try store.unfinished(in: profile).map(\.record.id) == [third.record.id])
    #expect(try store.assessment(id: second.record.id).record == second.record)
    #expect(
      try AnswerFile.previous(of: third.record, besides: third.file) == nil, "not a follow-up")
    #expect(throws: AnswerStoreError.self) { try store.assessment(id: "20000101-000000-000000") }
    #expect(throws: AnswerStoreError.self) { try store.assessment(id: "../zoë/x") }
  }
}

@Suite("Answer store: follow-up, import and export")
struct StoreFollowUpTests {
  @Test("a follow-up is pre-filled from the last assessment and points back to it")
  func followUp() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let baseline = try store.createAssessment(
      in: profile, questionnaire: q, language: .dutch, now: Moment.at())
    try baseline.record(.number(3), for: "focus", at: Moment.at(1))
    try baseline.record(.choices(["sleep"]), for: "conditions", at: Moment.at(2))
    try baseline.finish(at: Moment.at(3))
    baseline.close()

    let latest = try #require(try store.latestFinished(in: profile))
    let followUp = try store.createFollowUp(
      of: latest.record, questionnaire: q, today: Fixtures.today, now: Moment.at(86400 * 56))
    let record = followUp.session.record
    #expect(record.followUpOf == baseline.record.id)
    #expect(record.status == .inProgress)
    #expect(record.id != baseline.record.id)
    #expect(record.answerValues == baseline.record.answerValues)
    #expect(
      record.answers["focus"]
        == .init(value: .number(3), answeredAt: Moment.at(1), carriedFrom: baseline.record.id))
    #expect(followUp.migration.kept == ["focus", "conditions"])
    #expect(!followUp.migration.needsAttention)

    try followUp.session.record(.number(1), for: "focus", at: Moment.at(86400 * 56 + 5))
    let stored = try store.load(id: record.id, in: profile).record
    #expect(
      stored.answers["focus"] == .init(value: .number(1), answeredAt: Moment.at(86400 * 56 + 5)))
    #expect(stored.answers["conditions"]?.carriedFrom == baseline.record.id)
    #expect(try AnswerFile.previous(of: stored, besides: followUp.session.file) == baseline.record)
    #expect(
      try store.load(id: baseline.record.id, in: profile).record == baseline.record, "untouched")
  }

  @Test("the earlier answers of a follow-up: nil when gone, the reason when broken")
  func previousOfFollowUp() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let baseline = try store.createAssessment(
      in: profile, questionnaire: q, language: .dutch, now: Moment.at())
    try baseline.finish(at: Moment.at(1))
    baseline.close()
    let followUp = try store.createFollowUp(
      of: baseline.record, questionnaire: q, today: Fixtures.today, now: Moment.at(100))
    let record = followUp.session.record
    try Data("{\"id\": ".utf8).write(to: URL(fileURLWithPath: baseline.file))
    #expect(throws: AnswerStoreError.self) {
      try AnswerFile.previous(of: record, besides: followUp.session.file)
    }
    try FileManager.default.removeItem(atPath: baseline.file)
    #expect(try AnswerFile.previous(of: record, besides: followUp.session.file) == nil)
  }

  @Test("export writes a 0600 copy; import adds it elsewhere, never over an existing one")
  func exportImport() throws {
    let folder = try TemporaryFolder()
    let store = folder.store()
    let profile = try store.createProfile(named: "Zoë")
    let session = try store.createAssessment(in: profile, questionnaire: q, language: .dutch)
    try session.record(.text("een notitie"), for: "notes")
    let stored = try store.assessment(id: session.record.id)
    let exported = folder.path + "/out.json"
    try store.export(stored, toPath: exported)
    #expect(permissions(exported) == 0o600)
    #expect(try AnswerFile.load(contentsOf: exported) == session.record)
    #expect(throws: AnswerStoreError.alreadyExists(file: exported)) {
      try store.export(stored, toPath: exported)
    }
    try store.export(stored, toPath: exported, replacing: true)

    let elsewhere = AnswerStore(directory: folder.url.appending(path: "other"))
    let imported = try elsewhere.importFile(atPath: exported)
    #expect(imported.profile == Profile(folder: "zoë", name: "Zoë"))
    #expect(imported.record == session.record)
    #expect(throws: AnswerStoreError.alreadyExists(file: imported.file)) {
      try elsewhere.importFile(atPath: exported)
    }
    #expect(throws: AnswerStoreError.alreadyExists(file: imported.file)) {
      try elsewhere.importFile(atPath: exported, into: "Sam")
    }
    #expect(try elsewhere.profile(named: "Sam") == nil, "a refused import makes no profile")

    let third = AnswerStore(directory: folder.url.appending(path: "third"))
    let renamed = try third.importFile(atPath: exported, into: "Zoë van Dijk")
    #expect(renamed.profile.folder == "zoë-van-dijk")
    #expect(renamed.record.profile == "zoë-van-dijk")
    #expect(try third.open(renamed).record.answers == session.record.answers)
  }

  @Test("a broken file is not imported, and nothing is created for it")
  func importBroken() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/bad.json"
    try Data("{\"format\": 1,}".utf8).write(to: URL(fileURLWithPath: path))
    let store = folder.store()
    #expect(throws: AnswerStoreError.self) { try store.importFile(atPath: path) }
    #expect(!FileManager.default.fileExists(atPath: store.directory.path))
  }
}
