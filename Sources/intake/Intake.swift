import ArgumentParser

/// `intake`: a questionnaire a parent fills in to prepare a visit to the child's doctor.
@main
struct Intake: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "intake",
    abstract: "Prepare a visit to your child's doctor: a questionnaire and a report to discuss.",
    discussion: """
      intake asks about your child, then writes a "discuss with your doctor" report. It is not a \
      diagnosis and gives no advice on doses. Everything stays on this computer.
      """,
    subcommands: [
      RunCommand.self, ResumeCommand.self, ValidateCommand.self, ReportCommand.self,
      ListCommand.self, HistoryCommand.self, ExportCommand.self, ImportCommand.self,
    ],
    defaultSubcommand: RunCommand.self
  )
}
