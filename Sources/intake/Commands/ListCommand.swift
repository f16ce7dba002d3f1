import ArgumentParser
import IntakeCore

/// `intake list [PROFILE]`: the stored profiles and their assessments.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Show the stored profiles and their assessments.",
    discussion: """
      One row per assessment: when it was started and last changed, whether it is complete, \
      the questionnaire version, how many answers it holds (+N: answers kept from an earlier \
      version that no longer asks them) and its id (for export). A file \
      that cannot be read is reported on standard error with its place; the others are still \
      listed, and intake exits 65.
      """
  )

  @Argument(help: "Only this profile (the child's nickname or its folder name).")
  var profile: String?

  @OptionGroup var storeOptions: StoreOptions
  @OptionGroup var languageOption: ListingLanguageOption

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
          rows.append([profile.name, "–", "–", "–", "–", "–", "–", ""])
        }
        for stored in listing.assessments {
          let record = stored.record
          var answers = String(record.answers.count)
          if !record.retired.isEmpty { answers += " (+\(record.retired.count))" }
          rows.append([
            profile.name, Timestamp.localText(record.created), Timestamp.localText(record.updated),
            StoreText.status(record.status).text(in: language), record.questionnaireReference,
            answers, record.id, record.followUpOf ?? "",
          ])
        }
      }
      let header: [StoreText] = [
        .profile, .started, .changed, .status, .questionnaire, .answers, .assessment, .followUpOf,
      ]
      print(
        TextTable.render(header: header.map { $0.text(in: language) }, rows: rows), terminator: "")
      guard problems.isEmpty else {
        for problem in problems.dropLast() { printError("intake: \(problem)") }
        throw CLIError(problems.last!)
      }
    }
  }

  /// Every profile, or the one named; an unknown name is an error, not an empty list.
  /// The profiles a listing shows; `nil` (after saying so) when there are none.
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
