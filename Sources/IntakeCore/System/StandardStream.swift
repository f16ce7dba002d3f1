#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and error, written straight to their descriptors: unbuffered, like
/// Foundation's `FileHandle.standardOutput.write`, which only full Foundation has.
package enum StandardStream {
  case output, error

  private var descriptor: Int32 { self == .output ? 1 : 2 }

  /// Writes all of `bytes`, again after an interruption by a signal; gives up on any other
  /// failure (a closed pipe, a full disk), as there is nowhere left to say so.
  package func write(_ bytes: some Collection<UInt8>) {
    let fd = descriptor
    var bytes = Array(bytes)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += written
      }
    }
  }

  /// Writes `text` as UTF-8.
  package func write(_ text: String) { write(text.utf8) }
}
