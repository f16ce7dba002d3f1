import Foundation
import IntakeCore
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The fault runner (Tests/StoreFaultRunner), built next to the test bundle.
enum FaultRunner {
  static let name = "StoreFaultRunner"

  /// The runner's path: `$INTAKE_FAULT_RUNNER`, else the first folder at or above the test
  /// executable (Linux: `.build/debug/intakePackageTests.xctest`; macOS: inside the bundle) that
  /// holds it.
  static func locate() -> String? {
    if let path = ProcessInfo.processInfo.environment["INTAKE_FAULT_RUNNER"] { return path }
    var starts: [URL] = []
    if let executable = Bundle.main.executableURL { starts.append(executable) }
    starts.append(Bundle.main.bundleURL)
    if let argument = CommandLine.arguments.first, argument.contains("/") {
      starts.append(URL(fileURLWithPath: argument))
    }
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      starts.append(URL(fileURLWithPath: resolved))
    }
    for start in starts {
      var folder = start.resolvingSymlinksInPath()
      for _ in 0..<5 {
        folder = folder.deletingLastPathComponent()
        let candidate = folder.appending(path: name).path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }
}

/// What one run of the runner printed before it died.
struct RunnerOutput {
  var ready = false
  /// Acknowledged answers, in order: (item, value or nil for a removal).
  var acknowledged: [(String, AnswerValue?)] = []
  /// The answer being recorded when it died, if any.
  var pending: (String, AnswerValue?)?

  init(_ text: String) throws {
    var started: [Int: (String, AnswerValue?)] = [:]
    var lastStarted: Int?
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
      switch parts.first {
      case "ready": ready = true
      case "will":
        // A line cut by the kill is not a complete announcement; ignore it.
        guard parts.count == 4, let n = Int(parts[1]) else { continue }
        let value: AnswerValue? =
          parts[3] == "null"
          ? nil : try JSONDecoder().decode(AnswerValue.self, from: Data(parts[3].utf8))
        started[n] = (parts[2], value)
        lastStarted = n
      case "ack":
        guard parts.count == 2, let n = Int(parts[1]), let answer = started[n] else { continue }
        acknowledged.append(answer)
      default: continue
      }
    }
    if let lastStarted, lastStarted >= acknowledged.count { pending = started[lastStarted] }
  }
}

@Suite("Answer store: kill -9 during autosave")
struct StoreFaultTests {
  static let randomKills = 200
  static let killsBeforeRename = 40

  @Test("after every kill the file parses and holds every acknowledged answer")
  func killRepeatedly() throws {
    let runner = try #require(
      FaultRunner.locate(),
      "build the runner first (swift build --build-tests builds it), or set INTAKE_FAULT_RUNNER")
    let folder = try TemporaryFolder("fault")
    let store = folder.store()
    var generator = SystemRandomNumberGenerator()
    var expected: [String: AnswerValue] = [:]
    var survived = 0
    var killsWithAnswersInFlight = 0
    var acknowledgedTotal = 0
    let total = Self.randomKills + Self.killsBeforeRename

    for iteration in 0..<total {
      let output = folder.url.appending(path: "run-\(iteration).out")
      try Data().write(to: output)
      let handle = try FileHandle(forWritingTo: output)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: runner)
      // Every sixth run dies by its own hand exactly between writing and renaming a file.
      let selfKill = iteration % 6 == 5
      let seed = UInt64.random(in: 1...UInt64.max, using: &generator)
      process.arguments =
        [store.directory.path, String(seed)]
        + (selfKill ? [String(Int.random(in: 1...25, using: &generator))] : [])
      process.standardOutput = handle
      process.standardError = handle
      try process.run()
      if !selfKill {
        // Most kills land while answers are being written; some while the runner starts up,
        // opens the assessment and cleans up after the previous kill.
        if iteration % 8 != 0 { waitForReady(output.path) }
        usleep(UInt32.random(in: 0...25_000, using: &generator))
        kill(process.processIdentifier, SIGKILL)
      }
      process.waitUntilExit()
      try handle.close()

      let text = try String(contentsOf: output, encoding: .utf8)
      #expect(
        process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
        "run \(iteration) ended otherwise: \(text.suffix(300))")
      let run = try RunnerOutput(text)
      acknowledgedTotal += run.acknowledged.count
      if run.pending != nil { killsWithAnswersInFlight += 1 }

      var acknowledged = expected
      for (item, value) in run.acknowledged { acknowledged[item] = value }
      var withPending = acknowledged
      if let (item, value) = run.pending { withPending[item] = value }

      let stored = try storedAnswers(in: store)
      guard let stored else {
        // Killed before the assessment's first file was in place: nothing was acknowledged.
        let nothingLost = run.acknowledged.isEmpty && expected.isEmpty
        #expect(nothingLost, "run \(iteration): the file is gone")
        if nothingLost { survived += 1 }
        continue
      }
      let answers = stored.answerValues.values
      let holdsAcknowledged =
        answers == acknowledged || (run.pending != nil && answers == withPending)
      #expect(
        holdsAcknowledged, "run \(iteration): the file does not hold the acknowledged answers")
      if holdsAcknowledged { survived += 1 }
      expected = answers
      try FileManager.default.removeItem(at: output)
    }

    // The last run may have left a temporary file; opening clears it, and the file still loads.
    let profile = try #require(try store.profile(named: "Zoë fault"))
    let last = try #require(try store.unfinished(in: profile).first)
    let session = try store.open(last)
    #expect(session.record.answerValues.values == expected)
    #expect(
      names(in: "\(store.directory.path)/\(profile.folder)").allSatisfy { !$0.contains(".tmp-") })
    #expect(permissions(session.file) == 0o600)

    print(
      "kills survived: \(survived)/\(total) (\(Self.randomKills) kill -9 at random moments, "
        + "\(Self.killsBeforeRename) between write and rename; \(killsWithAnswersInFlight) with an "
        + "answer in flight; \(acknowledgedTotal) answers acknowledged)")
    #expect(survived == total)
  }

  /// The one assessment in the store, read as a parent's next intake would; `nil` before it
  /// exists. Any read problem fails the test.
  private func storedAnswers(in store: AnswerStore) throws -> AnswerRecord? {
    guard let profile = try store.profile(named: "Zoë fault") else { return nil }
    let listing = try store.assessments(in: profile)
    #expect(listing.problems.isEmpty, "\(listing.problems)")
    #expect(listing.assessments.count <= 1)
    return listing.assessments.first?.record
  }

  /// Waits (up to 10 s) until the runner has opened the assessment.
  private func waitForReady(_ path: String) {
    for _ in 0..<10_000 {
      if let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("ready") {
        return
      }
      usleep(1000)
    }
  }

  @Test("a running intake holds the lock; once it is killed the assessment opens again")
  func lockAcrossProcesses() throws {
    let runner = try #require(FaultRunner.locate())
    let folder = try TemporaryFolder("lock")
    let store = folder.store()
    let output = folder.url.appending(path: "run.out")
    try Data().write(to: output)
    let handle = try FileHandle(forWritingTo: output)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: runner)
    process.arguments = [store.directory.path, "7"]
    process.standardOutput = handle
    try process.run()
    waitForReady(output.path)
    let profile = try #require(try store.profile(named: "Zoë fault"))
    let running = try #require(try store.assessments(in: profile).assessments.first)
    #expect(throws: AnswerStoreError.locked(file: running.file)) { try store.open(running) }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    try handle.close()
    #expect(try store.open(running).isOpen)
  }
}
