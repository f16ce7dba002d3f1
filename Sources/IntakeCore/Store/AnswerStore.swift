import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An assessment found in the store: its answers, its file and its profile.
public struct StoredAssessment: Sendable, Equatable {
  public let record: AnswerRecord
  /// Path of the answers file.
  public let file: String
  public let profile: Profile

  public init(record: AnswerRecord, file: String, profile: Profile) {
    self.record = record
    self.file = file
    self.profile = profile
  }
}

/// The assessments of one profile that could be read, and why the others could not. A broken file
/// never hides the good ones.
public struct AssessmentListing: Sendable, Equatable {
  /// Oldest first (by creation time, then id).
  public let assessments: [StoredAssessment]
  /// One error per answers file that could not be read, naming the file and the place.
  public let problems: [AnswerStoreError]
}

/// A new follow-up assessment, open for writing, and what became of the previous answers.
public struct FollowUp {
  public let session: AssessmentSession
  /// Kept, retired and incompatible answers, when the previous assessment used another version
  /// (or an answer no longer fits, e.g. a date now out of range).
  public let migration: MigrationReport
}

/// The answers kept on this computer: a data folder with one folder per child (profile), each
/// holding one JSON file per assessment (docs/answers-format.md).
///
/// ```
/// DATA/zoë/profile.json                 the nickname as typed
/// DATA/zoë/20261125-104207-3fa91c.json  one assessment
/// DATA/zoë/.20261125-104207-3fa91c.lock its lock (flock), kept
/// ```
///
/// Folders are 0700 and files 0600, whatever the umask; looser ones are tightened when written
/// into. Every write is atomic; only an ``AssessmentSession`` writes an assessment, under its lock.
/// Reading needs no lock: a file is always either the old or the new version.
///
/// Symbolic links inside the data folder are never followed (the data folder itself may be one):
/// the answers are private, and a link could read or write anywhere. A profile folder that is a
/// link is listed, under its folder name, as a folder that cannot be read; an answers or profile
/// file that is a link, as a file that cannot be read; both with the reason "it is a symbolic
/// link; intake does not follow links in its data folder". Opening or writing into either is
/// refused with that reason too.
public struct AnswerStore: Sendable {
  /// The data folder.
  public let directory: URL
  /// Test seams in the write path; empty outside tests.
  package var faults = WriteFaults()

  public init(directory: URL) {
    self.directory = directory.standardizedFileURL
  }

  /// The data folder from the environment: `INTAKE_DATA_DIR`, else `$XDG_DATA_HOME/intake`, else
  /// `~/.local/share/intake`. (`--data-dir` comes before all of these; the command line handles
  /// it.)
  public static func defaultDirectory(environment: [String: String]) throws(AnswerStoreError)
    -> URL
  {
    if let path = environment["INTAKE_DATA_DIR"], !path.isEmpty {
      return URL(fileURLWithPath: path, isDirectory: true)
    }
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if let base = environment["XDG_DATA_HOME"], base.hasPrefix("/") {
      return URL(fileURLWithPath: base, isDirectory: true).appending(path: "intake")
    }
    if let home = environment["HOME"], !home.isEmpty {
      return URL(fileURLWithPath: home, isDirectory: true).appending(path: ".local/share/intake")
    }
    throw .noDataDirectory
  }

  private var root: String { directory.path }

  private func folderPath(_ profile: Profile) -> String { "\(root)/\(profile.folder)" }

  func path(of id: String, in profile: Profile) -> String {
    "\(folderPath(profile))/\(id).json"
  }

  private func lockPath(of id: String, in profile: Profile) -> String {
    "\(folderPath(profile))/.\(id).lock"
  }

  // MARK: Profiles

  /// Every profile, sorted by nickname. A folder without a readable `profile.json` is listed
  /// under its folder name; so is a symbolic link, which is not followed (listing its assessments
  /// says why).
  public func profiles() throws(AnswerStoreError) -> [Profile] {
    var profiles: [Profile] = []
    for name in try FileSystem.list(root) where ProfileFolder.problem(name) == nil {
      let path = "\(root)/\(name)"
      if FileSystem.isLink(path) {
        profiles.append(Profile(folder: name, name: name))
        continue
      }
      guard FileSystem.kind(path) == .folder else { continue }
      profiles.append(profile(inFolder: name))
    }
    return profiles.sorted {
      ($0.name.lowercased(), $0.folder) < ($1.name.lowercased(), $1.folder)
    }
  }

  /// The profile in `folder`, its nickname read from `profile.json` when there is one (and
  /// neither it nor the folder is a symbolic link).
  func profile(inFolder folder: String) -> Profile {
    let file = "\(root)/\(folder)/\(ProfileInfo.fileName)"
    guard let data = try? FileSystem.readInStore(file),
      let info = try? ProfileInfo.decode(data, file: file)
    else { return Profile(folder: folder, name: folder) }
    return Profile(folder: folder, name: info.name)
  }

  /// The profile whose nickname is `name` (ignoring case and spacing) or whose folder is `name`;
  /// `nil` when there is none.
  public func profile(named name: String) throws(AnswerStoreError) -> Profile? {
    let all = try profiles()
    return all.first { ProfileName.matches($0.name, name) } ?? all.first { $0.folder == name }
  }

  /// The profile for nickname `name`, created when there is none. Its folder name is derived from
  /// the nickname; when another nickname already has that folder, `-2`, `-3`… is added.
  public func createProfile(named name: String, now: Date = Date()) throws(AnswerStoreError)
    -> Profile
  {
    if let problem = ProfileName.problem(name) { throw .invalidName(name, reason: problem) }
    if let existing = try profile(named: name), ProfileName.matches(existing.name, name) {
      // The child's folder is a link: nothing is written through it, and no second folder is
      // made beside it for the same child.
      let path = folderPath(existing)
      if FileSystem.isLink(path) { throw .cannotWrite(file: path, reason: FileSystem.linkReason) }
      let hasInfo =
        FileSystem.kind("\(root)/\(existing.folder)/\(ProfileInfo.fileName)") != .missing
      // A folder without a profile file (killed while being created, or made by hand) gets one.
      return hasInfo ? existing : try claim(existing.folder, for: name, now: now)
    }
    try FileSystem.ensureFolder(root)
    let base = ProfileFolder.derive(from: name)
    var suffix = 1
    while true {
      let folder = suffix == 1 ? base : "\(base)-\(suffix)"
      let path = "\(root)/\(folder)"
      // mkdir is the claim: of two processes creating the same name, one gets EEXIST and moves on.
      let created = mkdir(path, FileSystem.folderMode) == 0
      guard created || errno == EEXIST else {
        throw .cannotWrite(file: path, reason: FileSystem.reason())
      }
      if created {
        do {
          return try claim(folder, for: name, now: now)
        } catch {
          // A full disk: the folder just made is taken back rather than left empty.
          rmdir(path)
          throw error
        }
      }
      if isAbandoned(folder) { return try claim(folder, for: name, now: now) }
      suffix += 1
    }
  }

  /// Writes the profile file of `folder` for nickname `name`.
  private func claim(_ folder: String, for name: String, now: Date) throws(AnswerStoreError)
    -> Profile
  {
    let path = "\(root)/\(folder)"
    try FileSystem.ensureFolder(path, refusingLink: true)
    FileSystem.removeTemporaries(of: ProfileInfo.fileName, in: path)
    let info = ProfileInfo(name: ProfileName.normalized(name), created: Timestamp.normalized(now))
    try FileSystem.writeAtomically(
      try info.encoded(), to: "\(path)/\(ProfileInfo.fileName)", faults: faults)
    try FileSystem.syncFolder(root, for: path)
    return Profile(folder: folder, name: info.name)
  }

  /// Whether `folder` is what a process killed while creating a profile leaves: a folder with
  /// no profile file and no answers files. Such a folder is taken over rather than skipped, so the
  /// nickname keeps its plain folder name.
  private func isAbandoned(_ folder: String) -> Bool {
    let path = "\(root)/\(folder)"
    guard FileSystem.kind(path) == .folder, let entries = try? FileSystem.list(path) else {
      return false
    }
    return !entries.contains { $0 == ProfileInfo.fileName || !$0.hasPrefix(".") }
  }

  /// Removes temporary files that processes killed mid-write left in `profile`'s folder — for
  /// any assessment, including one whose first write never completed — but only where the
  /// assessment's lock is free, i.e. no live process is writing it.
  private func sweepTemporaries(in profile: Profile) {
    let folder = folderPath(profile)
    var ids: Set<String> = []
    for name in (try? FileSystem.list(folder)) ?? [] where name.hasPrefix(".") {
      guard let end = name.utf8Offset(of: ".json.tmp-") else { continue }
      let id = String(decoding: name.utf8.dropFirst().prefix(end - 1), as: UTF8.self)
      if AssessmentID.problem(id) == nil { ids.insert(id) }
    }
    for id in ids {
      guard let lock = try? FileLock.acquire(lockPath(of: id, in: profile), for: id) else {
        continue
      }
      FileSystem.removeTemporaries(of: "\(id).json", in: folder)
      lock.release()
    }
  }

  // MARK: Finding assessments

  /// The assessments of `profile`, oldest first, and one problem per file that cannot be read.
  /// A profile folder that is a symbolic link is not looked into: its one problem says so.
  /// - Throws: when the folder cannot be listed for another reason.
  public func assessments(in profile: Profile) throws(AnswerStoreError) -> AssessmentListing {
    let scan = try self.scan(profile)
    return AssessmentListing(
      assessments: scan.assessments, problems: scan.profileProblems + scan.answersProblems)
  }

  /// What ``assessments(in:)`` lists, with the problems of answers files apart from those of the
  /// profile (its folder or `profile.json`).
  private func scan(_ profile: Profile) throws(AnswerStoreError) -> (
    assessments: [StoredAssessment], answersProblems: [AnswerStoreError],
    profileProblems: [AnswerStoreError]
  ) {
    let folder = folderPath(profile)
    let names: [String]
    do {
      names = try FileSystem.list(folder, refusingLink: true)
    } catch {
      guard case .unreadable(folder, FileSystem.linkReason) = error else { throw error }
      return ([], [], [error])
    }
    var found: [StoredAssessment] = []
    var problems: [AnswerStoreError] = []
    for name in names {
      guard name.hasSuffix(".json"), !name.hasPrefix("."), name != ProfileInfo.fileName else {
        continue
      }
      let id = String(name.dropLast(5))
      do {
        found.append(try load(id: id, in: profile))
      } catch {
        problems.append(error)
      }
    }
    // A broken profile file only costs the nickname (the folder name stands in), but say so.
    let info = "\(folder)/\(ProfileInfo.fileName)"
    var profileProblems: [AnswerStoreError] = []
    if FileSystem.kind(info) != .missing {
      do {
        _ = try ProfileInfo.decode(try FileSystem.readInStore(info), file: info)
      } catch {
        profileProblems.append(error)
      }
    }
    found.sort { ($0.record.created, $0.record.id) < ($1.record.created, $1.record.id) }
    return (found, problems, profileProblems)
  }

  /// Reads one assessment without locking it, never through a symbolic link.
  /// - Throws: a located ``AnswerStoreError/invalidFile(_:)`` for a broken file, also when its
  ///   id or profile does not match its file name and folder;
  ///   ``AnswerStoreError/unreadable(file:reason:)`` naming the link when the file or the profile
  ///   folder is one.
  public func load(id: String, in profile: Profile) throws(AnswerStoreError) -> StoredAssessment {
    let file = path(of: id, in: profile)
    if let problem = AssessmentID.problem(id) {
      throw .invalidName(file, reason: "answers files are named ID.json, and the id \(problem)")
    }
    let data = try FileSystem.readInStore(file)
    let record = try AnswerFile.decode(data, file: file)
    try checkPlace(record, file: file, data: data, profile: profile, id: id)
    return StoredAssessment(record: record, file: file, profile: profile)
  }

  /// A file copied by hand into another folder or renamed would be written back under a name
  /// that does not match its contents; refuse it with a message that says so.
  private func checkPlace(
    _ record: AnswerRecord, file: String, data: Data, profile: Profile, id: String
  ) throws(AnswerStoreError) {
    let located = LocatedDecoding(file: file)
    guard record.id == id, record.profile == profile.folder else {
      let root = try located.parse(Array(data))
      if record.id != id {
        throw located.error(
          at: root.member("id")?.value.position ?? root.position,
          "the id '\(record.id)' does not match the file name '\(id).json' "
            + "(use 'intake import' to add a file to the store)")
      }
      throw located.error(
        at: root.member("profile")?.value.position ?? root.position,
        "the profile '\(record.profile)' does not match the folder '\(profile.folder)' "
          + "(use 'intake import' to move a file to another profile)")
    }
  }

  /// The assessment with id `id`, in whichever profile it is.
  public func assessment(id: String) throws(AnswerStoreError) -> StoredAssessment {
    try load(id: id, in: profile(holding: id))
  }

  /// The profile that holds assessment `id`, found by its file: only that profile's nickname is
  /// read, not the answers (opening reads them, once it holds the lock). Whatever has the file's
  /// name counts, so that a file that cannot be read (a symbolic link, a FIFO) is refused with
  /// its reason rather than not found; in a profile folder that is a link only the name is looked
  /// up, so that loading can say the folder is a link.
  package func profile(holding id: String) throws(AnswerStoreError) -> Profile {
    if let problem = AssessmentID.problem(id) {
      throw .invalidName(id, reason: "an assessment id \(problem)")
    }
    for folder in try FileSystem.list(root) where ProfileFolder.problem(folder) == nil {
      guard FileSystem.kind("\(root)/\(folder)/\(id).json") != .missing else { continue }
      return profile(inFolder: folder)
    }
    throw .notFound("no assessment '\(id)' in \(root) ('intake list' shows them)")
  }

  /// Unfinished assessments of `profile`, the most recently changed first: what `intake` offers
  /// to resume.
  public func unfinished(in profile: Profile) throws(AnswerStoreError) -> [StoredAssessment] {
    try assessments(in: profile).assessments
      .filter { $0.record.status == .inProgress }
      .sorted { $0.record.updated > $1.record.updated }
  }

  /// The most recently created finished assessment of `profile`: what a follow-up starts from.
  /// - Throws: when none can be read but an answers file (or the profile folder) cannot be read:
  ///   that may be the finished one, and "none yet" would pass over it in silence. The last such
  ///   problem is thrown, as a listing's last problem decides its exit status.
  public func latestFinished(in profile: Profile) throws(AnswerStoreError) -> StoredAssessment? {
    let scan = try self.scan(profile)
    if let latest = scan.assessments.last(where: { $0.record.status.isFinished }) { return latest }
    let folder = folderPath(profile)
    let unreadable =
      scan.answersProblems
      + scan.profileProblems.filter {
        if case .unreadable(folder, _) = $0 { true } else { false }
      }
    if let last = unreadable.last { throw last }
    return nil
  }

  // MARK: Writing assessments

  /// Starts a new, empty assessment of `questionnaire` for `profile` and opens it.
  public func createAssessment(
    in profile: Profile, questionnaire: Questionnaire, language: Language, now: Date = Date()
  ) throws(AnswerStoreError) -> AssessmentSession {
    let now = Timestamp.normalized(now)
    let record = AnswerRecord(
      id: AssessmentID.make(at: now), questionnaireID: questionnaire.id,
      questionnaireVersion: questionnaire.version, language: language, profile: profile.folder,
      created: now, profileName: profile.name)
    return try create(record, in: profile)
  }

  /// Starts a follow-up of `previous`: a new assessment of `questionnaire` pre-filled with every
  /// previous answer (each marked with ``AnswerRecord/Entry/carriedFrom`` and keeping the time it
  /// was given), so the parent only changes what changed. Answers are moved to the questionnaire's
  /// version as ``AnswerMigration`` describes; the previous file is not touched.
  /// - Parameter language: the new assessment's language; the previous one's when `nil`.
  public func createFollowUp(
    of previous: AnswerRecord, questionnaire: Questionnaire, language: Language? = nil,
    today: LocalDate, now: Date = Date()
  ) throws(AnswerStoreError) -> FollowUp {
    let now = Timestamp.normalized(now)
    let profile = self.profile(inFolder: previous.profile)
    var record = AnswerRecord(
      id: AssessmentID.make(at: now), questionnaireID: previous.questionnaireID,
      questionnaireVersion: previous.questionnaireVersion,
      language: language ?? previous.language, profile: profile.folder, created: now,
      followUpOf: previous.id,
      answers: previous.answers.mapValues {
        AnswerRecord.Entry(value: $0.value, answeredAt: $0.answeredAt, carriedFrom: previous.id)
      },
      profileName: previous.profileName ?? profile.name)
    let (migrated, report) = try AnswerMigration.migrate(record, to: questionnaire, today: today)
    record = migrated
    return FollowUp(session: try create(record, in: profile), migration: report)
  }

  private func create(_ record: AnswerRecord, in profile: Profile) throws(AnswerStoreError)
    -> AssessmentSession
  {
    try FileSystem.ensureFolder(root)
    try FileSystem.ensureFolder(folderPath(profile), refusingLink: true)
    let file = path(of: record.id, in: profile)
    let lock = try FileLock.acquire(lockPath(of: record.id, in: profile), for: file)
    guard FileSystem.kind(file) == .missing else { throw .alreadyExists(file: file) }
    sweepTemporaries(in: profile)
    try FileSystem.writeAtomically(try AnswerFile.encode(record), to: file, faults: faults)
    return AssessmentSession(record: record, file: file, lock: lock, faults: faults)
  }

  /// Opens assessment `id` of `profile` for writing: takes its lock, clears what a process that
  /// died mid-write left behind, and reads it. A file that cannot be read is left exactly as it
  /// is; one that is a symbolic link, or in a profile folder that is one, is refused before
  /// anything is written.
  /// - Throws: ``AnswerStoreError/locked(file:)`` when another intake has it open.
  public func open(_ id: String, in profile: Profile) throws(AnswerStoreError)
    -> AssessmentSession
  {
    if let problem = AssessmentID.problem(id) {
      throw .invalidName(id, reason: "the id \(problem)")
    }
    let folder = folderPath(profile)
    let file = path(of: id, in: profile)
    if FileSystem.isLink(folder) { throw .unreadable(file: folder, reason: FileSystem.linkReason) }
    switch FileSystem.kind(file) {
    case .missing: throw .notFound("no assessment '\(id)' in profile '\(profile.name)' (\(file))")
    case .file: break
    // A link, a FIFO, a folder: refused with the reason reading it gives, before the lock file is
    // made or temporary files are cleared.
    case .folder, .other: _ = try load(id: id, in: profile)
    }
    try FileSystem.ensureFolder(root)
    try FileSystem.ensureFolder(folder, refusingLink: true)
    let lock = try FileLock.acquire(lockPath(of: id, in: profile), for: file)
    FileSystem.removeTemporaries(of: "\(id).json", in: folderPath(profile))
    sweepTemporaries(in: profile)
    let stored = try load(id: id, in: profile)
    return AssessmentSession(record: stored.record, file: file, lock: lock, faults: faults)
  }

  /// Opens `assessment` for writing; see ``open(_:in:)``.
  public func open(_ assessment: StoredAssessment) throws(AnswerStoreError) -> AssessmentSession {
    try open(assessment.record.id, in: assessment.profile)
  }

  // MARK: Moving files

  /// Adds the answers file at `path` to the store, in the profile named `profileName` (created
  /// when needed), else the one the file names. The file must load cleanly; an assessment with
  /// the same id is never replaced.
  public func importFile(atPath path: String, into profileName: String? = nil, now: Date = Date())
    throws(AnswerStoreError) -> StoredAssessment
  {
    var record = try AnswerFile.load(contentsOf: path)
    // By file, not by loading: a broken file with this id must not get a twin either. Checked
    // before the profile is made, so a refused import leaves no empty profile behind.
    for other in try profiles()
    where FileSystem.kind(self.path(of: record.id, in: other)) != .missing {
      throw .alreadyExists(file: self.path(of: record.id, in: other))
    }
    let name = profileName ?? record.profileName ?? record.profile
    let profile = try createProfile(named: name, now: now)
    record.profile = profile.folder
    record.profileName = profile.name
    let file = self.path(of: record.id, in: profile)
    let lock = try FileLock.acquire(lockPath(of: record.id, in: profile), for: file)
    defer { lock.release() }
    guard FileSystem.kind(file) == .missing else { throw .alreadyExists(file: file) }
    try FileSystem.writeAtomically(try AnswerFile.encode(record), to: file, faults: faults)
    return StoredAssessment(record: record, file: file, profile: profile)
  }

  /// Writes a copy of `assessment` to `path` (0600, atomically). An existing file is replaced only
  /// when `replacing` is true.
  public func export(_ assessment: StoredAssessment, toPath path: String, replacing: Bool = false)
    throws(AnswerStoreError)
  {
    switch FileSystem.kind(path) {
    case .missing: break
    case .file: if !replacing { throw .alreadyExists(file: path) }
    case .folder, .other: throw .cannotWrite(file: path, reason: "it is not a regular file")
    }
    try FileSystem.writeAtomically(try contents(of: assessment), to: path, faults: faults)
  }

  /// The bytes of `assessment`'s file, as they are on disk. It loaded when `assessment` was read,
  /// and writes are atomic, so it still does: a broken file is never exported. Read, as it was
  /// loaded, never through a symbolic link.
  public func contents(of assessment: StoredAssessment) throws(AnswerStoreError) -> Data {
    try FileSystem.readInStore(assessment.file)
  }
}
