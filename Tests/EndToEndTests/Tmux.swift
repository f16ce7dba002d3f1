import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The `intake` binary built beside this test executable.
enum IntakeBinary {
  static func locate() throws -> String {
    if let path = ProcessInfo.processInfo.environment["INTAKE_BINARY"] { return path }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    for _ in 0..<4 {
      folder = folder.deletingLastPathComponent()
      let candidate = folder.appending(path: "intake").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw E2EError(
      "the intake binary was not found beside \(CommandLine.arguments[0]); run `swift build` first")
  }
}

struct E2EError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Runs a program and returns what it wrote. Standard output and error go to files, not pipes:
/// a tmux server the program starts would keep a pipe open forever. `posix_spawn` and `waitpid`
/// rather than Foundation's `Process`, whose exit monitoring was seen to miss a child here.
@discardableResult
func run(
  _ arguments: [String], input: String? = nil, bytes: [UInt8]? = nil,
  environment: [String: String] = [:]
) throws
  -> (
    output: String, error: String, status: Int32
  )
{
  let folder = FileManager.default.temporaryDirectory.appending(
    path: "intake-run-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let inPath = folder.appending(path: "in").path
  let outPath = folder.appending(path: "out").path
  let errPath = folder.appending(path: "err").path
  try Data(bytes ?? Array((input ?? "").utf8)).write(to: URL(fileURLWithPath: inPath))

  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

  var env = ProcessInfo.processInfo.environment
  for (key, value) in environment { env[key] = value }
  let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
  let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer {
    argv.forEach { free($0) }
    envp.forEach { free($0) }
  }
  // A clean signal state, as a terminal would give: the test runner's threads block signals,
  // and a tmux server started from here would pass that on to intake.
  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var empty = sigset_t()
  sigemptyset(&empty)
  var all = sigset_t()
  sigfillset(&all)
  posix_spawnattr_setsigmask(&attributes, &empty)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
  var pid: pid_t = 0
  let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, envp)
  guard spawned == 0 else {
    throw E2EError("cannot start \(arguments.first ?? ""): error \(spawned)")
  }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
  let error = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
  return (output, error, exitStatus)
}

/// A private tmux server with one window running a shell, for driving intake like a person.
final class TmuxSession {
  let server = "intake-e2e-\(UUID().uuidString.prefix(8))"
  let dataDirectory: URL

  init(width: Int = 80, height: Int = 24) throws {
    dataDirectory = FileManager.default.temporaryDirectory.appending(
      path: "intake-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    let started = try tmux([
      "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "env", "-i",
      "HOME=\(dataDirectory.path)",
      "PATH=/usr/bin:/bin", "TERM=xterm-256color", "PS1=$ ", "bash", "--norc", "--noprofile",
    ])
    guard started.status == 0 else {
      throw E2EError("tmux did not start (is it installed?): \(started.error)")
    }
  }

  deinit {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(at: dataDirectory)
  }

  @discardableResult
  func tmux(_ arguments: [String]) throws -> (output: String, error: String, status: Int32) {
    try run(["tmux", "-L", server, "-f", "/dev/null"] + arguments)
  }

  /// Starts intake in the window's shell, then prints its exit status when it ends; with
  /// `disk`, with its answers on that small disk.
  func startIntake(
    _ arguments: [String] = [], language: String = "nl_NL.UTF-8", inside disk: SmallDisk? = nil
  ) throws {
    let binary = try IntakeBinary.locate()
    let intake = "'\(binary)' \(arguments.joined(separator: " ")); echo \"EXIT=$?\""
    guard let disk else {
      try type("LANG=\(language) INTAKE_DATA_DIR='\(dataDirectory.path)/data' \(intake)")
      try keys("Enter")
      return
    }
    // A private mount namespace holds the small disk; its shell stays, so the test can still
    // read the disk after intake ends.
    let script =
      "mount -t tmpfs -o size=\(disk.size) tmpfs '\(disk.mountPoint)' && echo $$ > '\(disk.pidFile)'"
      + " && LANG=\(language) INTAKE_DATA_DIR='\(disk.mountPoint)/data' \(intake); exec sleep 600"
    try type(
      "unshare --user --map-root-user --mount --propagation private sh -c "
        + "'\(script.replacingOccurrences(of: "'", with: "'\\''"))'")
    try keys("Enter")
    try disk.waitUntilMounted()
  }

  /// From the welcome screen, a new questionnaire for `name`; waits for its first question
  /// (the second of the first part: the name was the first).
  func startNew(_ name: String, english: Bool = false) throws {
    try waitFor(english ? "Welcome" : "Welkom")
    try keys("Enter")
    try type(name)
    try keys("Enter")
    try waitFor(english ? "question 2 of" : "vraag 2 van")
  }

  /// Named keys (`Enter`, `Up`, `C-c`…).
  func keys(_ keys: String...) throws {
    for key in keys { try tmux(["send-keys", key]) }
  }

  /// Literal text, UTF-8 included.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-l", text])
  }

  /// `text` pasted as a terminal pastes it: marked as a paste when the program asked for that.
  func paste(_ text: String) throws {
    try tmux(["set-buffer", text])
    try tmux(["paste-buffer", "-p"])
  }

  /// The screen as lines (tmux ends its capture with a line break; that is not a line).
  func screen() throws -> [String] {
    var lines = try tmux(["capture-pane", "-p"]).output.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  var text: String { ((try? screen()) ?? []).joined(separator: "\n") }

  /// Waits until the screen shows `needle` and has settled (content, not a fixed sleep); fails
  /// after `seconds`.
  @discardableResult
  func waitFor(_ needle: String, seconds: Double = 10) throws -> [String] {
    try waitUntil("“\(needle)”", seconds: seconds) { $0.joined(separator: "\n").contains(needle) }
  }

  /// Waits until `condition` holds for the screen; `what` names it in the failure.
  @discardableResult
  func waitUntil(_ what: String, seconds: Double = 10, _ condition: ([String]) -> Bool) throws
    -> [String]
  {
    let deadline = Date().addingTimeInterval(seconds)
    var candidate: [String]?
    while Date() < deadline {
      let lines = try screen()
      // A capture can catch the program halfway through painting: the new top rows over the
      // old screen's lower ones. A screen counts once two captures in a row agree.
      if condition(lines) {
        if lines == candidate { return lines }
        candidate = lines
        Thread.sleep(forTimeInterval: 0.05)
        continue
      }
      candidate = nil
      Thread.sleep(forTimeInterval: 0.03)
    }
    throw E2EError("waited \(seconds)s for \(what); the screen shows:\n\(text)")
  }

  /// Waits until the screen changes from `previous`.
  func waitForChange(from previous: [String], seconds: Double = 5) throws -> [String] {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      let lines = try screen()
      if lines != previous { return lines }
      Thread.sleep(forTimeInterval: 0.02)
    }
    throw E2EError("the screen did not change after a key:\n\(text)")
  }

  /// Where the terminal's cursor is, and whether it is shown.
  struct Cursor: Equatable, CustomStringConvertible {
    let column: Int
    let row: Int
    let visible: Bool
    var description: String { "\(visible ? "shown" : "hidden") at row \(row), column \(column)" }
  }

  func cursor() throws -> Cursor? {
    let fields = try tmux(["display", "-p", "#{cursor_x} #{cursor_y} #{cursor_flag}"]).output
      .split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard fields.count == 3 else { return nil }
    return Cursor(column: fields[0], row: fields[1], visible: fields[2] == 1)
  }

  /// Waits until the cursor is `expected`; fails after `seconds`, naming where it is.
  func waitForCursor(_ expected: Cursor, seconds: Double = 5) throws {
    let deadline = Date().addingTimeInterval(seconds)
    var seen = try cursor()
    while seen != expected && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.02)
      seen = try cursor()
    }
    guard seen == expected else {
      throw E2EError(
        "expected the cursor \(expected), it is \(seen.map(String.init(describing:)) ?? "unknown");"
          + " the screen shows:\n\(text)")
    }
  }

  /// Whether the program is using the alternate screen.
  var alternateScreen: Bool {
    ((try? tmux(["display", "-p", "#{alternate_on}"]).output) ?? "").hasPrefix("1")
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-x", "\(width)", "-y", "\(height)"])
  }

  /// Waits for the form laid out again at `width` × `height`: its title bar ends with one of
  /// `names` (the child's name, which a layout for another width cuts off or leaves elsewhere),
  /// and it fills that size and no more.
  @discardableResult
  func waitForLayout(width: Int, height: Int, titleEndingWith names: String...) throws
    -> [String]
  {
    let screen = try waitUntil("the \(width)-column layout") { lines in
      names.contains { lines.first?.hasSuffix(" \($0)") == true }
    }
    #expect(screen.count == height)
    #expect(screen.allSatisfy { $0.count <= width })
    return screen
  }

  /// The answers files written so far.
  func answerFiles() -> [URL] {
    let root = dataDirectory.appending(path: "data")
    let profiles =
      (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil))
      ?? []
    return profiles.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil))
        ?? [])
        .filter {
          $0.pathExtension == "json" && $0.lastPathComponent != "profile.json"
            && !$0.lastPathComponent.contains(".report.")
        }
    }
  }
}

/// A 64 KB disk (tmpfs) for one test, in a mount namespace of its own (`unshare`, no root
/// needed where user namespaces are allowed): filled and freed from outside while intake writes
/// to it, as a parent's disk would fill up.
final class SmallDisk {
  let size = "64k"
  let folder: URL
  var mountPoint: String { folder.appending(path: "disk").path }
  var pidFile: String { folder.appending(path: "pid").path }
  private var holder: Int32?

  init() throws {
    folder = FileManager.default.temporaryDirectory.appending(path: "intake-disk-\(UUID())")
    try FileManager.default.createDirectory(
      at: folder.appending(path: "disk"), withIntermediateDirectories: true)
  }

  deinit {
    if let holder { kill(holder, SIGKILL) }
    try? FileManager.default.removeItem(at: folder)
  }

  /// The disk as the process in its namespace sees it.
  private var inside: String {
    get throws {
      guard let holder else { throw E2EError("the small disk is not mounted") }
      return "/proc/\(holder)/root\(mountPoint)"
    }
  }

  func waitUntilMounted(seconds: Double = 10) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
        let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        holder = pid
        return
      }
      Thread.sleep(forTimeInterval: 0.03)
    }
    throw E2EError("the small disk was not mounted (is unshare allowed here?)")
  }

  /// Fills the disk to the last byte.
  func fill() throws {
    let filler = try inside + "/filler"
    try run(["sh", "-c", "cat /dev/zero > '\(filler)' 2>/dev/null; true"])
  }

  func free() throws {
    try FileManager.default.removeItem(atPath: try inside + "/filler")
  }

  /// The one answers file on the disk.
  func answerFile() throws -> String {
    let data = try inside + "/data"
    for profile in try FileManager.default.contentsOfDirectory(atPath: data) {
      for name in try FileManager.default.contentsOfDirectory(atPath: "\(data)/\(profile)")
      where name.hasSuffix(".json") && name != "profile.json" && !name.hasPrefix(".") {
        return "\(data)/\(profile)/\(name)"
      }
    }
    throw E2EError("no answers file on the small disk")
  }
}
