/// Why the answer store could not do what was asked. Every case names the file or folder
/// concerned; ``description`` is one line a parent can act on.
public enum AnswerStoreError: Error, Sendable, Equatable, CustomStringConvertible {
  /// An answers (or profile) file is not valid: broken JSON, a missing or mistyped field, an
  /// unknown key. The diagnostic has the file, line and column, and the key path in its message.
  case invalidFile(Diagnostic)
  /// The file was written by a newer intake, in a format this one does not know.
  case newerFormat(file: String, format: Int, supported: Int)
  /// A file or folder could not be read (missing, no permission, not a regular file).
  case unreadable(file: String, reason: String)
  /// A file or folder could not be written; what was on disk before is unchanged.
  case cannotWrite(file: String, reason: String)
  /// Another intake has this assessment open.
  case locked(file: String)
  /// No such profile or assessment.
  case notFound(String)
  /// Writing would replace an existing file that must be kept.
  case alreadyExists(file: String)
  /// A profile name or assessment id that cannot be used.
  case invalidName(String, reason: String)
  /// Answers to one questionnaire offered to another.
  case differentQuestionnaire(file: String, found: String, expected: String)
  /// The session was closed; open the assessment again to write to it.
  case closed(file: String)
  /// No data folder: neither `--data-dir`, `INTAKE_DATA_DIR`, `XDG_DATA_HOME` nor `HOME` is set.
  case noDataDirectory

  public var description: String { message(in: .english) }

  /// The message in `language` (Dutch or English). A file's own mistakes, found by line and
  /// column, are worded in English in both: they name keys and values of the file as written.
  public func message(in language: Language) -> String {
    guard language == .dutch else { return english }
    let reasons = { (reason: String) in ErrorText.dutch(reason) }
    return switch self {
    case .invalidFile(let diagnostic): diagnostic.description
    case .newerFormat(let file, let format, let supported):
      "\(file): fout: geschreven in antwoordformaat \(format) door een nieuwere intake; deze "
        + "intake leest formaat \(supported) (werk intake bij om het te openen; het bestand is niet "
        + "veranderd)"
    case .unreadable(let file, let reason): "\(file): kan niet lezen: \(reasons(reason))"
    case .cannotWrite(let file, let reason):
      "\(file): kan niet schrijven: \(reasons(reason)) (het bestand op schijf is niet veranderd)"
    case .locked(let file):
      "\(file): een andere intake heeft deze vragenlijst open; sluit hem daar eerst"
    case .notFound(let what): reasons(what)
    case .alreadyExists(let file): "\(file) bestaat al; het is niet vervangen"
    case .invalidName(let name, let reason):
      "'\(SafeText.quoted(name))' kan niet worden gebruikt: \(reasons(reason))"
    case .differentQuestionnaire(let file, let found, let expected):
      "\(file): dit zijn antwoorden op vragenlijst '\(found)', niet op '\(expected)'"
    case .closed(let file):
      "\(file): de vragenlijst is gesloten; open hem opnieuw om iets te veranderen"
    case .noDataDirectory:
      "geen map om antwoorden in te bewaren: zet INTAKE_DATA_DIR, XDG_DATA_HOME of HOME, of geef "
        + "--data-dir"
    }
  }

  private var english: String {
    switch self {
    case .invalidFile(let diagnostic): diagnostic.description
    case .newerFormat(let file, let format, let supported):
      "\(file): error: written in answers format \(format) by a newer intake; this intake reads "
        + "format \(supported) (update intake to open it; the file was not changed)"
    case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
    case .cannotWrite(let file, let reason):
      "\(file): cannot write: \(reason) (the file on disk was not changed)"
    case .locked(let file):
      "\(file): another intake has this assessment open; close it there first"
    case .notFound(let what): what
    case .alreadyExists(let file): "\(file) already exists; it was not replaced"
    case .invalidName(let name, let reason): "'\(SafeText.quoted(name))' cannot be used: \(reason)"
    case .differentQuestionnaire(let file, let found, let expected):
      "\(file): these are answers to questionnaire '\(found)', not to '\(expected)'"
    case .closed(let file): "\(file): the assessment was closed; open it again to change it"
    case .noDataDirectory:
      "no folder to keep answers in: set INTAKE_DATA_DIR, XDG_DATA_HOME or HOME, or pass --data-dir"
    }
  }
}
