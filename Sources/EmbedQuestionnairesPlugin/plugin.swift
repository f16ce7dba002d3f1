// Full Foundation: the package plugin runs inside SwiftPM at build time, never in the binary.
import Foundation
import PackagePlugin

/// Embeds every Questionnaires/*.yaml file into the target it is applied to.
@main
struct EmbedQuestionnaires: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let folder = context.package.directoryURL.appending(path: "Questionnaires")
    let files =
      (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil))
      ?? []
    let yaml = files.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(
      path: "BuiltinQuestionnaires.generated.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(yaml.count) questionnaire(s)",
        executable: try context.tool(named: "EmbedQuestionnairesTool").url,
        arguments: [output.path] + yaml.map(\.path),
        inputFiles: yaml,
        outputFiles: [output])
    ]
  }
}
