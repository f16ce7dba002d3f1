// A scripted autosave run for the store's fault test (Tests/IntakeCoreTests/Store): it records
// answers through the real store API as fast as it can, and the test kills it with SIGKILL at
// random moments. It prints, unbuffered:
//   ready ID               after the assessment is open (created or resumed)
//   will N ITEM VALUE      before recording answer N (VALUE: the answer as JSON, or null)
//   ack N                  after record() returned, i.e. the answer is acknowledged
// Usage: StoreFaultRunner DATA_DIR SEED [DIE_BEFORE_RENAME_OF_WRITE]
// With the third argument the runner kills itself with SIGKILL between writing and renaming that
// write (counting from 1, the opening write of a new assessment included).

// Full Foundation (FileHandle): a test helper, never part of the shipped binary.
import Foundation
import IntakeCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a line straight to file descriptor 1: it survives the process being killed right after.
func emit(_ line: String) {
  var bytes = Array((line + "\n").utf8)
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeMutableBytes {
      write(1, $0.baseAddress! + offset, $0.count - offset)
    }
    if written < 0 {
      if errno == EINTR { continue }
      exit(70)
    }
    offset += written
  }
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("StoreFaultRunner: \(message)\n".utf8))
  exit(1)
}

/// SplitMix64: the same seed gives the same script, so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// An answer of every kind in turn, including text that needs escaping and a removal.
func answer(using generator: inout SeededGenerator) -> AnswerValue? {
  switch Int.random(in: 0..<10, using: &generator) {
  case 0: return .choice(["yes", "no", "daily", "weekly"].randomElement(using: &generator)!)
  case 1:
    return .choices(Array(["anxiety", "sleep", "other"].shuffled(using: &generator).prefix(2)))
  case 2: return .number(Double(Int.random(in: -50...2000, using: &generator)) / 4)
  case 3:
    let texts = ["Zoë slaapt slecht", "\"quotes\" and \\ backslash", "line one\nline two", "日本語 ✓"]
    return .text(
      texts.randomElement(using: &generator)! + " \(Int.random(in: 0...999, using: &generator))")
  case 4:
    return .date(
      LocalDate(
        year: Int.random(in: 2008...2025, using: &generator),
        month: Int.random(in: 1...12, using: &generator),
        day: Int.random(in: 1...28, using: &generator))!)
  case 5: return .dontKnow
  case 6: return .preferNotToSay
  case 7: return nil
  default: return .number(Double(Int.random(in: 0...3, using: &generator)))
  }
}

let yaml = """
  id: fault-test
  version: 1.0.0
  languages: [en]
  title: Fault test
  sections:
    - id: only
      title: Only
      items:
        - id: placeholder
          type: text
          question: Anything?
  """

/// Counts writes for the self-kill; the runner is single-threaded.
nonisolated(unsafe) var writes = 0

let arguments = CommandLine.arguments
guard arguments.count >= 3, let seed = UInt64(arguments[2]) else {
  fail("usage: StoreFaultRunner DATA_DIR SEED [DIE_BEFORE_RENAME_OF_WRITE]")
}
let dieAt = arguments.count > 3 ? Int(arguments[3]) : nil

var store = AnswerStore(directory: URL(fileURLWithPath: arguments[1], isDirectory: true))
store.faults = WriteFaults(beforeRename: { _ in
  writes += 1
  if writes == dieAt { kill(getpid(), SIGKILL) }
})

do {
  let questionnaire = try QuestionnaireLoader.load(yaml: yaml, file: "fault-test.yaml")
  let profile = try store.createProfile(named: "Zoë fault")
  let session: AssessmentSession
  if let unfinished = try store.unfinished(in: profile).first {
    session = try store.open(unfinished)
  } else {
    session = try store.createAssessment(
      in: profile, questionnaire: questionnaire, language: .english)
  }
  emit("ready \(session.record.id)")
  var generator = SeededGenerator(state: seed)
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  for n in 0..<1_000_000 {
    let itemID = "item_\(Int.random(in: 0..<30, using: &generator))"
    let value = answer(using: &generator)
    let json = try value.map { String(decoding: try encoder.encode($0), as: UTF8.self) } ?? "null"
    emit("will \(n) \(itemID) \(json)")
    try session.record(value, for: itemID)
    emit("ack \(n)")
  }
} catch {
  fail("\(error)")
}
