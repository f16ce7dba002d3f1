internal import CPOSIX

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs another program (WeasyPrint, `xdg-open`, `lp`) as a separate process without a shell:
/// the arguments go to it as they are, so a path is never read as a command.
///
/// Written on `posix_spawn` rather than taken from Foundation's `Process`, which only full
/// Foundation has: that would bring ICU (most of a static binary's size) into every target for
/// three calls. Like `Process`, the child gets this process's environment and no descriptor but
/// the three standard ones (a held answers lock must not live on in a viewer `xdg-open` starts).
package enum ChildProcess {
  /// Where the child's standard input comes from.
  package enum Input {
    /// `/dev/null`.
    case nothing
    /// A file, opened for reading.
    case file(String)
    /// These bytes, through a pipe.
    case bytes([UInt8])
  }

  /// Where the child's standard output or error goes.
  package enum Output {
    /// `/dev/null`.
    case nowhere
    /// Where this process's goes.
    case inherited
    /// A file, opened for writing (truncated).
    case file(String)
    /// Through a pipe, handed back in ``Run/errorOutput`` (standard error only).
    case captured
  }

  /// How the child ended.
  package enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signalled(Int32)

    /// Exited with status 0.
    package var succeeded: Bool { self == .exited(0) }
    /// The exit status, or the signal's number (as Foundation's `Process.terminationStatus`).
    package var status: Int32 {
      switch self {
      case .exited(let status): status
      case .signalled(let signal): signal
      }
    }
  }

  /// What a finished child left.
  package struct Run {
    package let termination: Termination
    /// What it wrote to standard error, when that was ``Output/captured``.
    package let errorOutput: [UInt8]
  }

  /// Why a child could not be started.
  package struct StartError: Error, CustomStringConvertible {
    package let program: String
    package let code: Int32
    package var description: String { "\(program): " + String(cString: strerror(code)) }
  }

  /// Runs `program` (a path) with `arguments` and waits for it to end.
  package static func run(
    _ program: String, _ arguments: [String], in folder: String? = nil,
    input: Input = .nothing, output: Output = .nowhere, errors: Output = .inherited
  ) throws(StartError) -> Run {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pipes: [Int32] = []
    defer { for fd in pipes { close(fd) } }

    var inputPipe: (read: Int32, write: Int32)?
    switch input {
    case .nothing: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    case .file(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
    case .bytes:
      guard let made = makePipe() else { throw StartError(program: program, code: errno) }
      inputPipe = made
      pipes += [made.read, made.write]
      posix_spawn_file_actions_adddup2(&actions, made.read, 0)
    }
    var errorPipe: (read: Int32, write: Int32)?
    for (fd, target) in [(Int32(1), output), (Int32(2), errors)] {
      switch target {
      case .nowhere: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
      case .inherited: break
      case .file(let path):
        posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      case .captured:
        guard let made = makePipe() else { throw StartError(program: program, code: errno) }
        errorPipe = made
        pipes += [made.read, made.write]
        posix_spawn_file_actions_adddup2(&actions, made.write, fd)
      }
    }
    if let folder { posix_spawn_file_actions_addchdir_np(&actions, folder) }
    // Every descriptor but 0, 1 and 2 stays behind (the pipes' ends are dup2'ed first).
    posix_spawn_file_actions_addclosefrom_np(&actions, 3)

    let argv = ([program] + arguments).map { strdup($0) }
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    var started = posix_spawn(&pid, program, &actions, nil, argv + [nil], environ)
    // "Text file busy": a program file just written is still open for writing in a process
    // forked meanwhile by another thread (the tests write fake programs and run in parallel).
    // That process lets go when it execs or ends; the retry is what Go's os/exec does.
    var tries = 0
    while started == ETXTBSY, tries < 20 {
      tries += 1
      usleep(10_000)
      started = posix_spawn(&pid, program, &actions, nil, argv + [nil], environ)
    }
    guard started == 0 else { throw StartError(program: program, code: started) }

    if let inputPipe, case .bytes(let bytes) = input {
      close(inputPipe.read)
      pipes.removeAll { $0 == inputPipe.read }
      writeAll(bytes, to: inputPipe.write)
      close(inputPipe.write)
      pipes.removeAll { $0 == inputPipe.write }
    }
    var captured: [UInt8] = []
    if let errorPipe {
      close(errorPipe.write)
      pipes.removeAll { $0 == errorPipe.write }
      captured = readAll(errorPipe.read)
    }
    return Run(termination: wait(for: pid), errorOutput: captured)
  }

  /// The first executable file called `name` in the folders of `PATH` (`fallback` when unset).
  package static func find(_ name: String, path: String?, fallback: String = "/usr/bin:/bin")
    -> String?
  {
    for folder in (path ?? fallback).split(separator: ":") where !folder.isEmpty {
      let candidate = "\(folder)/\(name)"
      if isExecutableFile(candidate) { return candidate }
    }
    return nil
  }

  /// Whether `path` is a file (not a folder) this process may execute.
  package static func isExecutableFile(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return false }
    return access(path, X_OK) == 0
  }

  private static func makePipe() -> (read: Int32, write: Int32)? {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return nil }
    // Close-on-exec: only the child's dup2'ed copies reach it.
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    return (fds[0], fds[1])
  }

  private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += written
      }
    }
  }

  private static func readAll(_ fd: Int32) -> [UInt8] {
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = read(fd, &buffer, buffer.count)
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return result }
      result += buffer[..<count]
    }
  }

  private static func wait(for pid: pid_t) -> Termination {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return .exited(-1) }
    }
    // WIFEXITED and friends are macros Swift cannot import.
    let signal = status & 0x7F
    return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
  }
}
