import ArgumentParser
import Foundation
import IntakeCore

/// `intake export ID [OUTPUT]`: a copy of one answers file, e.g. to move it to another computer.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Copy one assessment's answers file out of the store.",
    discussion: """
      OUTPUT is a file, a folder (the file is called ID.json there) or - for standard output; \
      without it, ID.json in the current folder. The copy is readable only by you. An existing \
      file is replaced only with --force. 'intake list' shows the ids; 'intake import' reads \
      the file back.
      """
  )

  @Argument(help: "The assessment's id.")
  var id: String

  @Argument(
    help: "Where to write the copy: a file, a folder, or - for standard output.",
    completion: .file(extensions: ["json"]))
  var output: String?

  @Flag(help: "Replace OUTPUT when it exists.")
  var force = false

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    try reportingErrors {
      let store = try storeOptions.store()
      let stored = try storeErrors { () throws(AnswerStoreError) in try store.assessment(id: id) }
      if output == "-" {
        let data = try storeErrors { () throws(AnswerStoreError) in
          try store.contents(of: stored)
        }
        FileHandle.standardOutput.write(data)
        return
      }
      var path = output ?? "\(stored.record.id).json"
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        path = URL(fileURLWithPath: path).appending(path: "\(stored.record.id).json").path
      }
      do throws(AnswerStoreError) {
        try store.export(stored, toPath: path, replacing: force)
      } catch {
        guard case .alreadyExists(let file) = error else { throw CLIError(error) }
        throw CLIError(
          english: "\(file) already exists; pass --force to replace it",
          dutch: "\(file) bestaat al; geef --force om het te vervangen", exitCode: .cannotCreate)
      }
      let name = SafeText.line(stored.profile.name)
      print(
        UserLanguage.current == .dutch
          ? "\(stored.record.id) (\(name)) is gekopieerd naar \(SafeText.line(path))"
          : "exported \(stored.record.id) (\(name)) to \(SafeText.line(path))")
    }
  }
}
