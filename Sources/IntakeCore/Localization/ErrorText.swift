/// The store's and the loader's reasons in Dutch. Reasons are put together in English where the
/// failure happens (a system call, a name check), from the closed set of phrases below; the
/// Dutch line is made from the same phrases, so both languages say the same thing. A phrase that
/// is not here (the system's own text for a rare `errno`) stays as the system gave it.
public enum ErrorText {
  /// English phrases and their Dutch, longest first where one contains another.
  private static let dutchPhrases: [(String, String)] = [
    ("no such file or folder", "bestand of map bestaat niet"),
    ("permission denied", "geen toestemming"),
    ("the disk quota is used up", "het schijfquotum is op"),
    ("the disk is full", "de schijf is vol"),
    ("the disk is read-only", "de schijf is alleen-lezen"),
    ("a part of the path is not a folder", "een deel van het pad is geen map"),
    (
      "it is a symbolic link; intake does not follow links in its data folder",
      "het is een symbolische koppeling; intake volgt geen koppelingen in zijn map met antwoorden"
    ),
    ("it is a symbolic link", "het is een symbolische koppeling"),
    ("it is a pipe (FIFO), not a regular file", "het is een pipe (FIFO), geen gewoon bestand"),
    ("it is a device, not a regular file", "het is een apparaat, geen gewoon bestand"),
    ("it is a socket, not a regular file", "het is een socket, geen gewoon bestand"),
    ("it is not a regular file", "het is geen gewoon bestand"),
    ("it exists and is not a folder", "het bestaat al en is geen map"),
    ("it is a folder", "het is een map"),
    (
      "it is larger than 16 MB, too large for intake",
      "het is groter dan 16 MB, te groot voor intake"
    ),
    ("the file is not UTF-8 text", "het bestand is geen UTF-8-tekst"),
    ("cannot make it private (0700): ", "kan het niet afschermen (0700): "),
    ("cannot create the lock file: ", "kan het slotbestand niet maken: "),
    ("cannot lock: ", "kan niet vergrendelen: "),
    (
      "written, but the folder could not be flushed: ",
      "geschreven, maar de map kon niet op schijf worden gezet: "
    ),
    ("cannot encode the answers: ", "kan de antwoorden niet opslaan: "),
    ("answers files are named ID.json, and the id ", "antwoordbestanden heten ID.json, en het id "),
    ("an assessment id ", "een vragenlijst-id "),
    ("an item id cannot be empty", "een vraag-id mag niet leeg zijn"),
    ("the id ", "het id "),
    ("must be 1 to 64 characters long", "moet 1 tot 64 tekens lang zijn"),
    (
      "may only use a-z, 0-9 and '-', and not start with '-'",
      "mag alleen a-z, 0-9 en '-' bevatten, en niet met '-' beginnen"
    ),
    ("is reserved for the profile file", "is gereserveerd voor het profielbestand"),
    (
      "a nickname needs at least one letter or digit",
      "een roepnaam heeft minstens één letter of cijfer nodig"
    ),
    ("a nickname can be at most 60 characters", "een roepnaam is hoogstens 60 tekens lang"),
    ("a nickname cannot contain control characters", "een roepnaam kan geen stuurtekens bevatten"),
    ("is empty", "is leeg"),
    ("starts with a dot", "begint met een punt"),
    ("contains a slash", "bevat een schuine streep"),
    ("contains a control character", "bevat een stuurteken"),
    ("is too long for a folder name", "is te lang voor een mapnaam"),
    ("no assessment ", "geen vragenlijst "),
    ("no profile ", "geen profiel "),
    (" in profile ", " in profiel "),
    ("('intake list' shows them)", "('intake list' toont ze)"),
  ]

  /// `english` with every known phrase in Dutch.
  public static func dutch(_ english: String) -> String {
    var text = english
    for (phrase, translation) in dutchPhrases where text.contains(phrase) {
      text = text.replacingAll(phrase, with: translation)
    }
    return text
  }

  /// `english` in `language` (English for any language intake has no translation for).
  static func text(_ english: String, in language: Language) -> String {
    language == .dutch ? dutch(english) : english
  }
}
