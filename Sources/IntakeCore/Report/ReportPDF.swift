import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file carried inside the PDF, such as the answers it was made from (and later, say, a FHIR
/// Bundle): a PDF reader lists it under its name.
public struct ReportAttachment: Sendable, Equatable {
  /// The file name shown in the PDF reader: one name, no folder.
  public let name: String
  public let data: Data

  public init(name: String, data: Data) {
    self.name = name
    self.data = data
  }
}

/// Why the PDF could not be made.
public enum ReportPDFError: Error, Sendable, Equatable, CustomStringConvertible {
  /// WeasyPrint is not installed (or `INTAKE_WEASYPRINT` names nothing runnable).
  case weasyPrintMissing
  /// WeasyPrint ran and failed; `message` is the last thing it said.
  case failed(status: Int32, message: String)
  /// An attachment name that is not a plain file name.
  case badAttachmentName(String)
  /// A file could not be read or written: the PDF, WeasyPrint's scratch files, an attachment.
  case files(AnswerStoreError)

  public var description: String { message(in: .english) }

  /// The message in `language` (Dutch or English).
  public func message(in language: Language) -> String {
    let dutch = language == .dutch
    switch self {
    case .weasyPrintMissing:
      return dutch
        ? "kan geen PDF maken: WeasyPrint is niet geïnstalleerd (installeer het met: "
          + "\(ReportPDF.installCommand))"
        : "cannot make a PDF: WeasyPrint is not installed (install it with: "
          + "\(ReportPDF.installCommand))"
    case .failed(let status, let said):
      let tail = said.isEmpty ? "" : ": \(said)"
      return dutch
        ? "WeasyPrint kon de PDF niet maken (exitstatus \(status))\(tail)"
        : "WeasyPrint could not make the PDF (exit status \(status))\(tail)"
    case .badAttachmentName(let name):
      let quoted = SafeText.quoted(name)
      return dutch
        ? "kan '\(quoted)' niet in de PDF opnemen: een bijlage heeft een gewone bestandsnaam nodig"
        : "cannot attach '\(quoted)' to the PDF: an attachment needs a plain file name"
    case .files(let error): return error.message(in: language)
    }
  }
}

/// The report as PDF: the HTML report printed by WeasyPrint (Debian package `weasyprint`), run as
/// a separate program without a shell. A4, fonts embedded, tagged for screen readers (PDF/UA-1),
/// with attachments inside. WeasyPrint fetches any URL it finds; the HTML names none it would
/// load (HTMLReportRenderer), and relative addresses resolve to an empty folder.
public enum ReportPDF {
  /// What to type to get WeasyPrint on Debian or Ubuntu.
  public static let installCommand = "sudo apt-get install weasyprint"

  /// The WeasyPrint program: `INTAKE_WEASYPRINT` when set, else `weasyprint` on `PATH`.
  public static func weasyPrint(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    if let named = environment["INTAKE_WEASYPRINT"], !named.isEmpty {
      return ChildProcess.isExecutableFile(named) ? named : nil
    }
    return ChildProcess.find("weasyprint", path: environment["PATH"])
  }

  /// The PDF bytes of `html`, with `attachments` inside.
  ///
  /// - Parameters:
  ///   - workFolder: where WeasyPrint's scratch files (the HTML, the attachments) are kept while
  ///     it runs, in a private folder of their own that is removed afterwards; the system's
  ///     temporary folder when `nil`.
  ///   - weasyPrint: the program; found with ``weasyPrint(environment:)`` when `nil`.
  public static func render(
    html: String, attachments: [ReportAttachment], workFolder: String? = nil,
    weasyPrint: String? = nil
  ) throws(ReportPDFError) -> Data {
    guard let program = weasyPrint ?? Self.weasyPrint() else { throw .weasyPrintMissing }
    for attachment in attachments where !isPlainName(attachment.name) {
      throw .badAttachmentName(attachment.name)
    }
    // Absolute: WeasyPrint runs in a folder of its own, where a relative path means nothing.
    let parent = URL(
      fileURLWithPath: workFolder ?? FileManager.default.temporaryDirectory.path,
      isDirectory: true
    ).standardizedFileURL.path
    let work = try makePrivateFolder(in: parent)
    defer { try? FileManager.default.removeItem(atPath: work) }

    let input = "\(work)/report.html"
    let output = "\(work)/report.pdf"
    let errors = "\(work)/weasyprint.log"
    let empty = "\(work)/empty"
    let attached = "\(work)/attachments"
    try writePrivate(Data(html.utf8), to: input)
    try writePrivate(Data(), to: errors)
    try makeFolder(empty)
    try makeFolder(attached)
    var arguments = [
      "--base-url", empty + "/", "--media-type", "print", "--pdf-variant", "pdf/ua-1",
    ]
    for attachment in attachments {
      let path = "\(attached)/\(attachment.name)"
      try writePrivate(attachment.data, to: path)
      arguments += ["--attachment", path]
    }
    // The HTML comes on standard input (`-`); nothing goes through a shell.
    arguments += ["-", output]

    let run: ChildProcess.Run
    do {
      run = try ChildProcess.run(
        program, arguments, in: empty, input: .file(input), output: .nowhere,
        errors: .file(errors))
    } catch {
      throw .weasyPrintMissing
    }
    let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
    guard run.termination.succeeded else {
      throw .failed(status: run.termination.status, message: lastLine(of: said))
    }
    guard let data = FileManager.default.contents(atPath: output), data.starts(with: Self.magic)
    else {
      throw .failed(status: 0, message: "it wrote no PDF. " + lastLine(of: said))
    }
    return data
  }

  /// Writes the PDF of `html` to `path` the way reports are written: whole or not at all, mode
  /// 0600. WeasyPrint's scratch files stay in a private folder beside `path` while it runs.
  public static func write(
    html: String, attachments: [ReportAttachment], to path: String, weasyPrint: String? = nil
  ) throws(ReportPDFError) {
    let parent = PathName.folder(of: path)
    let data = try render(
      html: html, attachments: attachments, workFolder: parent.isEmpty ? "." : parent,
      weasyPrint: weasyPrint)
    do {
      try FileSystem.writeAtomically(data, to: path)
    } catch {
      throw .files(error)
    }
  }

  private static let magic = Data("%PDF-".utf8)

  private static func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= 200 && !name.containsScalar("/") && !name.hasPrefix(".")
      && !name.unicodeScalars.contains(where: SafeText.isUnsafe)
  }

  /// The last line WeasyPrint wrote that says something, made safe to show.
  private static func lastLine(of text: String) -> String {
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.trimmingWhitespace()
    }
    // Its warning that PDF/UA support is experimental says nothing about a failure.
    let telling = lines.last { !$0.isEmpty && !$0.contains("PDF/UA support is experimental") }
    return SafeText.quoted(telling ?? "", limit: 200)
  }

  private static func makePrivateFolder(in parent: String) throws(ReportPDFError) -> String {
    var template = Array("\(parent)/.intake-pdf-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
      mkdtemp(buffer.baseAddress!)
    }
    guard made != nil else {
      throw .files(.cannotWrite(file: parent, reason: FileSystem.reason()))
    }
    // mkdtemp makes it 0700, and fills in the Xs in place.
    return String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  private static func makeFolder(_ path: String) throws(ReportPDFError) {
    guard mkdir(path, FileSystem.folderMode) == 0 else {
      throw .files(.cannotWrite(file: path, reason: FileSystem.reason()))
    }
  }

  private static func writePrivate(_ data: Data, to path: String) throws(ReportPDFError) {
    guard
      FileManager.default.createFile(
        atPath: path, contents: data,
        attributes: [.posixPermissions: Int(FileSystem.fileMode)])
    else {
      throw .files(.cannotWrite(file: path, reason: "cannot create it"))
    }
  }
}
