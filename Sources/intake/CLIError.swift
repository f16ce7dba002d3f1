import ArgumentParser
import Foundation

/// A failure the CLI reports as one readable line on stderr, exiting with a sysexits code.
struct CLIError: Error, CustomStringConvertible {
  let message: String
  let exitCode: ExitCode

  init(_ message: String, exitCode: ExitCode = .failure) {
    self.message = message
    self.exitCode = exitCode
  }

  var description: String { message }
}

extension ExitCode {
  /// EX_USAGE
  static let usage = ExitCode(64)
  /// EX_DATAERR: the input data was incorrect.
  static let dataError = ExitCode(65)
  /// EX_NOINPUT: an input file did not exist or was not readable.
  static let noInput = ExitCode(66)
  /// EX_SOFTWARE: an internal error.
  static let software = ExitCode(70)
  /// EX_CANTCREAT: an output file cannot be created.
  static let cannotCreate = ExitCode(73)
  /// EX_TEMPFAIL: try again later (e.g. another intake holds the lock).
  static let temporaryFailure = ExitCode(75)
}

/// Writes `text` and a newline to standard error.
func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs `body`; a ``CLIError`` becomes one line `intake: message` and its exit code.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as CLIError {
    printError("intake: \(error.message)")
    throw error.exitCode
  }
}
