// swift-tools-version: 6.0
import PackageDescription

// Layers, dependencies pointing one way:
// IntakeCore (no terminal) ← IntakeForm (pure form state) ← IntakeRuntime (effects against the
// store, the run loop) ← IntakeTerminal (ncurses, plain mode) ← intake (argument parsing and
// wiring).
let package = Package(
  name: "intake",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "intake", targets: ["intake"]),
    .library(name: "IntakeCore", targets: ["IntakeCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // libyaml as the system library (Debian: libyaml-dev): the loader composes from its events.
    .systemLibrary(name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1"),
    // The C library calls Swift cannot import from glibc's headers as they are (posix_spawn's GNU
    // file actions, a locale mask).
    .systemLibrary(name: "CPOSIX", path: "Sources/CPOSIX"),
    .target(name: "IntakeCore", dependencies: ["CYAML", "CPOSIX"]),
    .target(name: "IntakeForm", dependencies: ["IntakeCore"]),
    .target(name: "IntakeRuntime", dependencies: ["IntakeCore", "IntakeForm"]),
    .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
    .target(
      name: "IntakeTerminal",
      dependencies: ["IntakeCore", "IntakeForm", "IntakeRuntime", "CNcursesw"]),

    // The questionnaires under Questionnaires/ compiled into the binary, so `swift run intake`
    // works from any directory without a resource bundle and starts without parsing YAML: the
    // tool loads each with every author's check (a problem fails the build) and writes the model
    // in compact form (IntakeCore's CompiledQuestionnaire).
    .executableTarget(
      name: "EmbedQuestionnairesTool", dependencies: ["IntakeCore"],
      path: "Sources/EmbedQuestionnairesTool"),
    .plugin(
      name: "EmbedQuestionnaires",
      capability: .buildTool(),
      dependencies: ["EmbedQuestionnairesTool"],
      path: "Sources/EmbedQuestionnairesPlugin"
    ),
    .target(
      name: "BuiltinQuestionnaires", dependencies: ["IntakeCore"], plugins: ["EmbedQuestionnaires"]),

    .executableTarget(
      name: "intake",
      dependencies: [
        "IntakeCore", "IntakeForm", "IntakeRuntime", "IntakeTerminal", "BuiltinQuestionnaires",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // Benchmarks/engine.sh: load, validate and score times for generated questionnaires.
    .executableTarget(
      name: "intake-engine-benchmark",
      dependencies: ["IntakeCore", "CYAML"],
      path: "Benchmarks/EngineBenchmark"
    ),

    // A scripted autosave run that the store's fault test kills with SIGKILL at random moments.
    .executableTarget(
      name: "StoreFaultRunner",
      dependencies: ["IntakeCore"],
      path: "Tests/StoreFaultRunner"
    ),

    .testTarget(
      name: "IntakeFormTests", dependencies: ["IntakeForm", "BuiltinQuestionnaires"],
      exclude: ["Fixtures"]),
    .testTarget(name: "IntakeTerminalTests", dependencies: ["IntakeTerminal", "IntakeForm"]),
    // The runtime against an in-memory store that fails on demand: no terminal, no disk.
    .testTarget(
      name: "IntakeRuntimeTests",
      dependencies: ["IntakeRuntime", "IntakeForm", "IntakeCore", "BuiltinQuestionnaires"]),
    // Drives the real `intake` binary in tmux (installed by .ci/run).
    // …and runs the bad-input corpus (Corpus/cases.txt) through it.
    .testTarget(name: "EndToEndTests", dependencies: ["IntakeCore"], exclude: ["Corpus"]),
    // Fixtures are read through #filePath, so tests see the files as committed.
    .testTarget(
      name: "IntakeCoreTests",
      dependencies: ["IntakeCore", "BuiltinQuestionnaires"],
      exclude: ["Fixtures"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
