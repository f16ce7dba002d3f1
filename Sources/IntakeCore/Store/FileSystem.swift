import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `read(2)`, named apart from the `read` functions of ``FileSystem``.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}

/// Test seams in the write path. Production code leaves them empty; tests and the fault runner use
/// them to fail (or die) at the one moment that matters: the new file is written and flushed but
/// not yet renamed over the old one.
package struct WriteFaults: Sendable {
  /// Called with the temporary file's path after it is written and fsynced, before the rename.
  /// Throwing aborts the write as a real failure would.
  package var beforeRename: (@Sendable (_ temporaryFile: String) throws -> Void)?

  package init(beforeRename: (@Sendable (_ temporaryFile: String) throws -> Void)? = nil) {
    self.beforeRename = beforeRename
  }
}

/// The few POSIX operations the store needs, each turning `errno` into a readable reason. Paths
/// are plain strings: they go straight to the system calls.
enum FileSystem {
  /// Folders the store creates or writes into: only the parent may look inside.
  static let folderMode: mode_t = 0o700
  /// Files the store writes: only the parent may read them.
  static let fileMode: mode_t = 0o600
  /// No answers file comes near this; a bigger file is not one.
  static let maximumFileSize = 16 * 1024 * 1024

  static func reason(_ code: Int32 = errno) -> String {
    switch code {
    case ENOENT: "no such file or folder"
    case EACCES, EPERM: "permission denied"
    case ENOSPC: "the disk is full"
    case EDQUOT: "the disk quota is used up"
    case EROFS: "the disk is read-only"
    case EISDIR: "it is a folder"
    case ENOTDIR: "a part of the path is not a folder"
    case ELOOP: "it is a symbolic link"
    default: String(cString: strerror(code))
    }
  }

  /// Why a symbolic link in the data folder is neither read nor written through: the answers are
  /// private health data kept in 0700 folders, and a link could lead anywhere.
  /// (Its Dutch is in ``ErrorText``, with the other reasons.)
  static let linkReason = "it is a symbolic link; intake does not follow links in its data folder"

  // O_NONBLOCK: opening a FIFO (or a serial device) for reading otherwise waits, in a system call
  // no signal interrupts, for a writer that may never come. fstat on the descriptor then says what
  // was really opened (no race with a check by name), and only a regular file is read; on a
  // regular file O_NONBLOCK changes nothing. O_NOCTTY: a terminal device never becomes ours.
  private static let readFlags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY

  /// The whole content of the regular file at `path`, which the user named: a symbolic link is
  /// followed. Anything else (a folder, a FIFO, a device, a socket) is refused before a byte is
  /// read.
  /// - Parameter refusingLink: refuse `path` when it is itself a symbolic link (with
  ///   ``linkReason``), in the same system call that opens it; links earlier in the path are
  ///   followed.
  static func read(_ path: String, refusingLink: Bool = false) throws(AnswerStoreError) -> Data {
    let fd = open(path, readFlags | (refusingLink ? O_NOFOLLOW : 0))
    guard fd >= 0 else {
      let code = errno
      if refusingLink, code == ELOOP, isLink(path) {
        throw .unreadable(file: path, reason: linkReason)
      }
      throw .unreadable(file: path, reason: reason(code))
    }
    defer { close(fd) }
    return try read(fd, path: path)
  }

  /// The whole content of the regular file at `path` in the data folder (`DATA/FOLDER/NAME`),
  /// never through a symbolic link: neither the file nor the folder it is in may be one. The
  /// folder is opened with O_NOFOLLOW and the file with O_NOFOLLOW inside that open folder
  /// (openat), so a link swapped in between cannot lead the read elsewhere. A link is refused
  /// with ``linkReason``, naming the link.
  static func readInStore(_ path: String) throws(AnswerStoreError) -> Data {
    let parent = PathName.folder(of: path)
    let folder = parent.isEmpty ? "." : parent
    let name = PathName.lastComponent(of: path)
    let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
    guard folderFD >= 0 else {
      let code = errno
      // Linux says ELOOP for a link opened with O_NOFOLLOW; O_DIRECTORY may make it ENOTDIR.
      if code == ELOOP || code == ENOTDIR, isLink(folder) {
        throw .unreadable(file: folder, reason: linkReason)
      }
      throw .unreadable(file: path, reason: reason(code))
    }
    defer { close(folderFD) }
    let fd = openat(folderFD, name, readFlags | O_NOFOLLOW)
    guard fd >= 0 else {
      let code = errno
      // One name, opened in a folder already open: ELOOP can only mean that name is a link.
      throw .unreadable(file: path, reason: code == ELOOP ? linkReason : reason(code))
    }
    defer { close(fd) }
    return try read(fd, path: path)
  }

  /// Whether `path` is itself a symbolic link (links earlier in the path are followed).
  static func isLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
  }

  /// The whole content of the open file `fd` (named `path` in errors), when it is a regular file
  /// of at most 16 MB.
  private static func read(_ fd: Int32, path: String) throws(AnswerStoreError) -> Data {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .unreadable(file: path, reason: reason()) }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .unreadable(file: path, reason: notRegular(info.st_mode))
    }
    guard Int(info.st_size) <= maximumFileSize else {
      throw .unreadable(file: path, reason: "it is larger than 16 MB, too large for intake")
    }
    var data = Data()
    // Sized to the file (one more byte sees the end in the same read), not a fixed 64 KB: the
    // store's files are a few KB and zeroing the buffer was most of reading them.
    let size = Int(info.st_size) + 1
    var buffer = [UInt8](repeating: 0, count: min(max(size, 4096), 64 * 1024))
    while true {
      let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(file: path, reason: reason())
      }
      if count == 0 { break }
      data.append(contentsOf: buffer[0..<count])
      guard data.count <= maximumFileSize else {
        throw .unreadable(file: path, reason: "it is larger than 16 MB, too large for intake")
      }
    }
    return data
  }

  /// Why a file of type `mode` (not a regular file) is not read.
  static func notRegular(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "it is a folder"
    case S_IFIFO: "it is a pipe (FIFO), not a regular file"
    case S_IFCHR, S_IFBLK: "it is a device, not a regular file"
    case S_IFSOCK: "it is a socket, not a regular file"
    default: "it is not a regular file"
    }
  }

  enum Kind { case missing, file, folder, other }

  /// What is at `path`, without following a symbolic link at its end.
  static func kind(_ path: String) -> Kind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .folder
    default: return .other
    }
  }

  /// Creates the folder `path` (and missing parents) with mode 0700, or tightens an existing one
  /// to 0700. Parents that exist already are left as they are: they are not ours.
  /// - Parameter refusingLink: refuse `path` when it is a symbolic link (with ``linkReason``)
  ///   rather than tighten, and then write into, whatever it points to: a profile folder. (The
  ///   data folder itself may be a link the user made.)
  static func ensureFolder(_ path: String, refusingLink: Bool = false) throws(AnswerStoreError) {
    if refusingLink, isLink(path) { throw .cannotWrite(file: path, reason: linkReason) }
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else {
        throw .cannotWrite(file: path, reason: "it exists and is not a folder")
      }
      if info.st_mode & 0o777 != folderMode, chmod(path, folderMode) != 0 {
        throw .cannotWrite(file: path, reason: "cannot make it private (0700): \(reason())")
      }
      return
    }
    let parent = PathName.folder(of: path)
    if !parent.isEmpty, parent != path, kind(parent) == .missing {
      try ensureFolder(parent)
    }
    if mkdir(path, folderMode) != 0, errno != EEXIST {
      throw .cannotWrite(file: path, reason: reason())
    }
    // mkdir applies the umask; say 0700 explicitly rather than trust it.
    if chmod(path, folderMode) != 0 {
      throw .cannotWrite(file: path, reason: "cannot make it private (0700): \(reason())")
    }
  }

  /// Names in the folder at `path`, sorted; `[]` when it does not exist.
  /// - Parameter refusingLink: refuse `path` when it is itself a symbolic link (with
  ///   ``linkReason``), in the same system call that opens it, as for a profile folder.
  static func list(_ path: String, refusingLink: Bool = false) throws(AnswerStoreError)
    -> [String]
  {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (refusingLink ? O_NOFOLLOW : 0))
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT { return [] }
      if refusingLink, code == ELOOP || code == ENOTDIR, isLink(path) {
        throw .unreadable(file: path, reason: linkReason)
      }
      throw .unreadable(file: path, reason: reason(code))
    }
    guard let folder = fdopendir(fd) else {
      let code = errno
      close(fd)
      throw .unreadable(file: path, reason: reason(code))
    }
    defer { closedir(folder) }
    var names: [String] = []
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Replaces the file at `path` with `data` so that, whatever happens, the file is either the
  /// old one or the new one, complete: write a temporary file in the same folder, fsync it,
  /// rename it over `path`, fsync the folder. The file is 0600 whatever the umask.
  static func writeAtomically(_ data: Data, to path: String, faults: WriteFaults = WriteFaults())
    throws(AnswerStoreError)
  {
    let parent = PathName.folder(of: path)
    let folder = parent.isEmpty ? "." : parent
    let name = PathName.lastComponent(of: path)
    let temporary =
      "\(folder)/\(temporaryPrefix(for: name))\(getpid())-\(String(UInt32.random(in: .min ... .max), radix: 16))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, fileMode)
    guard fd >= 0 else { throw .cannotWrite(file: path, reason: reason()) }
    var renamed = false
    defer { if !renamed { unlink(temporary) } }
    do {
      defer { close(fd) }
      guard fchmod(fd, fileMode) == 0 else {
        throw AnswerStoreError.cannotWrite(file: path, reason: reason())
      }
      let failure: Int32? = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < raw.count {
          let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            return errno
          }
          offset += written
        }
        return nil
      }
      if let failure { throw AnswerStoreError.cannotWrite(file: path, reason: reason(failure)) }
      guard fsync(fd) == 0 else { throw AnswerStoreError.cannotWrite(file: path, reason: reason()) }
    }
    if let beforeRename = faults.beforeRename {
      do {
        try beforeRename(temporary)
      } catch {
        throw .cannotWrite(file: path, reason: "\(error)")
      }
    }
    guard rename(temporary, path) == 0 else { throw .cannotWrite(file: path, reason: reason()) }
    renamed = true
    try syncFolder(folder, for: path)
  }

  /// Makes a rename or a new name in `folder` durable.
  static func syncFolder(_ folder: String, for path: String) throws(AnswerStoreError) {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else {
      throw .cannotWrite(
        file: path, reason: "written, but the folder could not be flushed: \(reason())")
    }
    defer { close(fd) }
    // Some file systems cannot fsync a folder (EINVAL); the rename is as durable as they allow.
    if fsync(fd) != 0, errno != EINVAL {
      throw .cannotWrite(
        file: path, reason: "written, but the folder could not be flushed: \(reason())")
    }
  }

  /// Temporary files of `name` start with this (hidden, so a listing never shows them).
  static func temporaryPrefix(for name: String) -> String { ".\(name).tmp-" }

  /// Deletes temporary files of `name` left behind by a process that died mid-write. Only call
  /// while holding the lock of that file: then no live writer owns them.
  static func removeTemporaries(of name: String, in folder: String) {
    let prefix = temporaryPrefix(for: name)
    for entry in (try? list(folder)) ?? [] where entry.hasPrefix(prefix) {
      unlink("\(folder)/\(entry)")
    }
  }
}

/// An exclusive advisory lock (flock) on a lock file, held until ``release()`` or the process
/// ends — a killed process never leaves an assessment locked.
final class FileLock {
  private var fd: Int32

  private init(fd: Int32) { self.fd = fd }

  /// Takes the lock at `path` without waiting; `.locked(file: lockedFile)` when another process
  /// (or another session in this one) holds it.
  static func acquire(_ path: String, for lockedFile: String) throws(AnswerStoreError) -> FileLock {
    // O_NONBLOCK and the check below: a FIFO or device put where the lock file goes is refused,
    // never waited on.
    let fd = open(
      path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, FileSystem.fileMode)
    guard fd >= 0 else {
      throw .cannotWrite(file: path, reason: "cannot create the lock file: \(FileSystem.reason())")
    }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      close(fd)
      throw .cannotWrite(
        file: path, reason: FileSystem.notRegular(info.st_mode))
    }
    if fchmod(fd, FileSystem.fileMode) != 0 {
      close(fd)
      throw .cannotWrite(file: path, reason: FileSystem.reason())
    }
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      if code == EINTR { continue }
      close(fd)
      if code == EWOULDBLOCK { throw .locked(file: lockedFile) }
      throw .cannotWrite(file: path, reason: "cannot lock: \(FileSystem.reason(code))")
    }
    return FileLock(fd: fd)
  }

  /// Releases the lock. The lock file stays: deleting it would let two processes lock two
  /// different files of the same name.
  func release() {
    guard fd >= 0 else { return }
    flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  deinit { release() }
}
