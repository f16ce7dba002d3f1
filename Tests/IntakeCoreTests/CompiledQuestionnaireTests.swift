import BuiltinQuestionnaires
import Foundation
import IntakeCore
import Testing

/// The compact form the build compiles the built-in questionnaires to: what `intake` reads at
/// start-up must be exactly what the loader builds from the YAML.
@Suite struct CompiledQuestionnaireTests {
  /// The YAML files a round trip is tried on: every valid questionnaire in the repository.
  static let validFiles: [String] = [
    Fixtures.path("every-feature.yaml"),
    Fixtures.repository.appending(path: "Questionnaires/adhd-magnesium.yaml").path,
    Fixtures.repository.appending(path: "Tests/IntakeFormTests/Fixtures/form.yaml").path,
  ]

  @Test("each built-in questionnaire's compiled form equals what the loader builds from its file")
  func builtinEqualsLoaded() throws {
    #expect(!BuiltinQuestionnaires.all.isEmpty)
    for builtin in BuiltinQuestionnaires.all {
      let file = Fixtures.repository.appending(path: "Questionnaires/\(builtin.fileName)")
      let yaml = try String(contentsOf: file, encoding: .utf8)
      let loaded = try QuestionnaireLoader.load(
        yaml: yaml, file: builtin.displayName, today: Fixtures.today)
      let compiled = try builtin.questionnaire()
      #expect(compiled == loaded, "\(builtin.fileName)")
      #expect(compiled.file == "Questionnaires/\(builtin.fileName)")
      // Byte for byte too: the same strings, not just canonically equal ones.
      #expect(CompiledQuestionnaire.encode(compiled) == CompiledQuestionnaire.encode(loaded))
    }
  }

  @Test("the comparison sees a difference: one changed label makes the questionnaires unequal")
  func comparisonIsNotVacuous() throws {
    let builtin = try #require(BuiltinQuestionnaires.named(BuiltinQuestionnaires.defaultFileName))
    let compiled = try builtin.questionnaire()
    let label = "Hardly ever"
    #expect(builtin.yaml.contains(label))
    let changed = try QuestionnaireLoader.load(
      yaml: builtin.yaml.replacingOccurrences(of: label, with: "Hardly ever!"),
      file: builtin.displayName, today: Fixtures.today)
    #expect(compiled != changed)
    let moved = try QuestionnaireLoader.load(
      yaml: "\n" + builtin.yaml, file: builtin.displayName, today: Fixtures.today)
    #expect(compiled != moved, "a location one line further down is a difference")
  }

  @Test("every valid questionnaire in the repository comes back equal from its compact form")
  func roundTrip() throws {
    #expect(Self.validFiles.count >= 3)
    for path in Self.validFiles {
      let loaded = try QuestionnaireLoader.load(contentsOf: path, today: Fixtures.today)
      let bytes = CompiledQuestionnaire.encode(loaded)
      let decoded = try bytes.withUnsafeBufferPointer { try CompiledQuestionnaire.decode($0) }
      #expect(decoded == loaded, "\(path)")
      #expect(CompiledQuestionnaire.encode(decoded) == bytes, "\(path)")
    }
  }

  @Test("the files tried hold every kind of expression the model has")
  func everyExpressionKindIsTried() throws {
    var kinds: Set<String> = []
    for path in Self.validFiles {
      collectExpressionKinds(try QuestionnaireLoader.load(contentsOf: path), into: &kinds)
    }
    let all: Set<String> = [
      "constant", "item", "computed", "scale", "not", "negate", "and", "or", "equal", "order",
      "arithmetic", "inList", "chosen", "coalesce", "answered", "dontKnow", "declined",
      "optionValue", "countChosen", "countTrue", "sumChosen", "age", "minimum", "maximum", "round",
      "conditional",
    ]
    #expect(all.subtracting(kinds) == [])
  }

  @Test("damaged bytes are refused with a reason, at any length, never read as something else")
  func damagedBytesAreRefused() throws {
    let loaded = Fixtures.everyFeature
    let bytes = CompiledQuestionnaire.encode(loaded)
    for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
      let cut = Array(bytes.prefix(length))
      #expect(throws: (any Error).self) {
        try cut.withUnsafeBufferPointer { try CompiledQuestionnaire.decode($0) }
      }
    }
    var extra = bytes
    extra.append(UInt8(ascii: "0"))
    #expect(throws: (any Error).self) {
      try extra.withUnsafeBufferPointer { try CompiledQuestionnaire.decode($0) }
    }
  }

  @Test("the Swift literal of the bytes has no quote, backslash or control character unescaped")
  func swiftLiteral() {
    let literal = CompiledQuestionnaire.swiftLiteral(Array("a\"b\\c\nd\u{7F}é".utf8))
    #expect(literal == #"a\"b\\c\u{a}d\u{7f}é"#)
  }
}

/// The case names of every expression in `value`, found by reflection (the expression tree is
/// internal to IntakeCore).
private func collectExpressionKinds(_ value: Any, into kinds: inout Set<String>) {
  let mirror = Mirror(reflecting: value)
  if String(describing: mirror.subjectType) == "Expr" {
    if mirror.displayStyle == .enum, let label = mirror.children.first?.label {
      kinds.insert(label)
    } else {
      // A case without a payload has no children; its description is its name.
      kinds.insert(String(describing: value))
    }
  }
  for child in mirror.children { collectExpressionKinds(child.value, into: &kinds) }
}
