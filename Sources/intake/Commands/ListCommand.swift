import ArgumentParser
import IntakeCore

/// `intake list [PROFILE]`: the stored profiles and their assessments.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Show the stored profiles and their assessments.",
    discussion: """
      One row per assessment: when it was last changed, whether it is complete, the \
      questionnaire version (when they differ), how many answers it holds (+N: answers kept from \
      an earlier version that no longer asks them), its id (for export; it begins with the day \
      it was started) and, for a follow-up, the assessment it follows. A file \
      that is not valid or cannot be read is reported on standard error with its place; the \
      others are still listed, and intake exits 65 (66 when the last such file cannot be read).
      """
  )

  @Argument(
    help: "Only this profile (the child's nickname or its folder name).",
    completion: ProfileCompletion.kind)
  var profile: String?

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var languageOption: LanguageOption

  func run() throws {
    try reportingErrors {
      let store = try storeOptions.store()
      let language = languageOption.language
      guard let profiles = try Self.profilesToShow(matching: profile, in: store, language: language)
      else {
        return
      }
      var rows: [[String]] = []
      var problems: [AnswerStoreError] = []
      for profile in profiles {
        let listing = try storeErrors { () throws(AnswerStoreError) in
          try store.assessments(in: profile)
        }
        problems += listing.problems
        if listing.assessments.isEmpty {
          rows.append([profile.name, "–", "–", "–", "–", "–", ""])
        }
        for stored in listing.assessments {
          let record = stored.record
          var answers = String(record.answers.count)
          if !record.retired.isEmpty { answers += " (+\(record.retired.count))" }
          // A follow-up names the assessment it follows by that one's date: shorter than its
          // id, and the id is on its own row.
          let followed = record.followUpOf.map { id in
            listing.assessments.first { $0.record.id == id }.map {
              Timestamp.localText($0.record.updated)
            } ?? id
          }
          rows.append([
            profile.name, Timestamp.localText(record.updated),
            StoreText.status(record.status).text(in: language),
            record.questionnaireReference, answers, record.id, followed ?? "",
          ])
        }
      }
      var header: [StoreText] = [
        .profile, .changed, .status, .questionnaire, .answers, .assessment, .followUpOf,
      ]
      // Leave out what says nothing: the questionnaire when every row has the same one, and
      // "follow-up of" while nothing is one. The table then fits an 80-column terminal.
      let listed = rows.filter { $0[3] != "–" }
      var uninformative: [Int] = []
      if Set(listed.map { $0[3] }).count <= 1 { uninformative.append(3) }
      if listed.allSatisfy({ $0[6].isEmpty }) { uninformative.append(6) }
      for column in uninformative.reversed() {
        header.remove(at: column)
        for row in rows.indices { rows[row].remove(at: column) }
      }
      print(
        TextTable.render(
          header: header.map { $0.text(in: language) }, rows: rows, width: terminalColumns()),
        terminator: "")
      try report(problems)
    }
  }

  /// The profiles a listing shows (every profile, or the one named); `nil` (after saying so)
  /// when there are none.
  static func profilesToShow(matching name: String?, in store: AnswerStore, language: Language)
    throws
    -> [Profile]?
  {
    let profiles = try storeErrors { () throws(AnswerStoreError) in
      try Self.profiles(matching: name, in: store)
    }
    guard !profiles.isEmpty else {
      print(StoreText.noProfiles.text(in: language))
      return nil
    }
    return profiles
  }

  /// Every profile, or the one named; an unknown name is an error, not an empty list.
  static func profiles(matching name: String?, in store: AnswerStore) throws(AnswerStoreError)
    -> [Profile]
  {
    guard let name else { return try store.profiles() }
    guard let profile = try store.profile(named: name) else {
      throw .notFound("no profile '\(name)' in \(store.directory.path) ('intake list' shows them)")
    }
    return [profile]
  }
}
