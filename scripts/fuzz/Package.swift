// swift-tools-version: 6.0
import PackageDescription

// libFuzzer harnesses over intake's questionnaire loader and answers decoder. Built and run by
// scripts/fuzz.sh with -sanitize=fuzzer,address; kept out of the main package so a normal build
// never needs libFuzzer.
let package = Package(
  name: "intake-fuzz",
  dependencies: [.package(name: "intake", path: "../..")],
  targets: [
    // LLVMFuzzerRunDriver, declared for Swift: SwiftPM renames an executable's `main`, so the
    // harnesses start libFuzzer themselves instead of linking its `main`.
    .systemLibrary(name: "CFuzzer", path: "Sources/CFuzzer"),
    .target(name: "FuzzSupport", dependencies: ["CFuzzer"]),
    .executableTarget(
      name: "fuzz-questionnaire",
      dependencies: ["FuzzSupport", .product(name: "IntakeCore", package: "intake")],
      path: "Sources/FuzzQuestionnaire"),
    .executableTarget(
      name: "fuzz-answers",
      dependencies: ["FuzzSupport", .product(name: "IntakeCore", package: "intake")],
      path: "Sources/FuzzAnswers"),
  ],
  swiftLanguageModes: [.v6]
)
