import CYAML
import FoundationEssentials
import Glibc
import IntakeCore

// Generates a questionnaire of N items (every item type, conditions on earlier answers, scales,
// computed values and report rules in proportion), then times, in this process:
//   load     — composing the YAML into a node tree (libyaml events),
//   validate — building and checking the questionnaire (all of QuestionnaireLoader minus load),
//   score    — Engine.assess on a full set of answers,
// and prints one line of JSON with the medians of several runs and the peak resident memory.
// Beside them, the peer: libyaml's own parser reading the same text to its last event and
// building nothing (libyaml_ms), the floor under `load` for any loader that uses libyaml.
// Usage: intake-engine-benchmark ITEMS [RUNS], or intake-engine-benchmark --yaml ITEMS

func generate(items count: Int) -> (yaml: String, answers: Answers) {
  var yaml = """
    id: benchmark
    version: 1.0.0
    languages: [nl, en]
    title: { nl: Benchmark, en: Benchmark }
    sources:
      - { id: seed, citation: Seed }
    sections:

    """
  var answers = Answers()
  let perSection = 20
  var scaleGroups: [[String]] = []
  var yesNoIDs: [String] = []
  for index in 0..<count {
    if index % perSection == 0 {
      let section = index / perSection
      yaml += """
          - id: s\(section)
            title: { nl: Deel \(section), en: Part \(section) }
            why: { nl: Waarom \(section), en: Why \(section) }
            items:

        """
      scaleGroups.append([])
    }
    let id = "i\(index)"
    let question = "question: { nl: Vraag \(index)?, en: Question \(index)? }"
    // Every fourth item is shown only for some earlier answer.
    let when =
      index % 4 == 3 && !yesNoIDs.isEmpty ? "\n        when: \(yesNoIDs.last!) == \"yes\"" : ""
    switch index % 8 {
    case 0:
      yaml += "      - id: \(id)\n        type: yes_no\n        \(question)\(when)\n"
      yesNoIDs.append(id)
      answers[id] = .choice(index % 16 == 0 ? "yes" : "no")
    case 1, 2:
      yaml += """
              - id: \(id)
                type: scale
                dont_know: true
                points:
                  - { value: 0, label: { nl: Nooit, en: Never } }
                  - { value: 1, label: { nl: Soms, en: Sometimes } }
                  - { value: 2, label: { nl: Vaak, en: Often } }
                  - { value: 3, label: { nl: Heel vaak, en: Very often } }
                \(question)\(when)

        """
      scaleGroups[scaleGroups.count - 1].append(id)
      answers[id] = index % 10 == 1 ? .dontKnow : .number(Double(index % 4))
    case 3:
      yaml += """
              - id: \(id)
                type: choice
                options:
                  - { id: never, value: 0, label: { nl: Nooit, en: Never } }
                  - { id: weekly, value: 1, label: { nl: Wekelijks, en: Weekly } }
                  - { id: daily, value: 7, label: { nl: Dagelijks, en: Daily } }
                \(question)\(when)

        """
      answers[id] = .choice("weekly")
    case 4:
      yaml += """
              - id: \(id)
                type: multi_choice
                options:
                  - { id: a, value: 1, label: { nl: A, en: A } }
                  - { id: b, value: 2, label: { nl: B, en: B } }
                  - { id: none, exclusive: true, label: { nl: Geen, en: None } }
                \(question)\(when)

        """
      answers[id] = .choices(["a", "b"])
    case 5:
      yaml +=
        "      - id: \(id)\n        type: integer\n        min: 0\n        max: 100\n        \(question)\(when)\n"
      answers[id] = .number(Double(index % 100))
    case 6:
      yaml +=
        "      - id: \(id)\n        type: text\n        max_length: 200\n        \(question)\(when)\n"
      answers[id] = .text("Antwoord \(index) met ë")
    default:
      yaml +=
        "      - id: \(id)\n        type: date\n        max: today\n        \(question)\(when)\n"
      answers[id] = .date(LocalDate(year: 2015, month: 1 + index % 12, day: 1)!)
    }
  }
  yaml += "computed:\n"
  for (offset, group) in scaleGroups.enumerated() where !group.isEmpty {
    yaml +=
      "  - id: c\(offset)\n    expr: (value(\(group[0])) ?? 0) * 2 + count(\(yesNoIDs.first!) == \"yes\")\n"
  }
  yaml += "scales:\n"
  for (offset, group) in scaleGroups.enumerated() where !group.isEmpty {
    let top = Double(group.count * 3)
    yaml += """
        - id: sc\(offset)
          label: { nl: Schaal \(offset), en: Scale \(offset) }
          items: [\(group.joined(separator: ", "))]
          method: sum
          min_answered: 1
          bands:
            - { id: low, from: 0, to: \(top / 2), label: { nl: Laag, en: Low } }
            - { id: high, from: \(top / 2), to: \(top), label: { nl: Hoog, en: High } }

      """
  }
  yaml += "report:\n  rules:\n"
  for (offset, group) in scaleGroups.enumerated() where !group.isEmpty {
    yaml += """
        - id: r\(offset)
          when: sc\(offset) >= 2 and c\(offset) > 1
          priority: discuss
          topic: general
          title: { nl: "Punt {sc\(offset)}", en: "Point {sc\(offset)}" }
          text: { nl: Tekst., en: Text. }
          sources: [seed]

      """
  }
  return (yaml, answers)
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
  let elapsed = try ContinuousClock().measure(body)
  return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

/// `value` with one decimal.
func one(_ value: Double) -> String { CFormat.fixed(value, digits: 1) }

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// Parses `yaml` with libyaml to its last event, keeping nothing. Returns whether it parsed.
func parseEventsOnly(_ yaml: String) -> Bool {
  let bytes = Array(yaml.utf8)
  return bytes.withUnsafeBufferPointer { buffer in
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return false }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    var event = yaml_event_t()
    while yaml_parser_parse(&parser, &event) == 1 {
      let last = event.type == YAML_STREAM_END_EVENT
      yaml_event_delete(&event)
      if last { return true }
    }
    return false
  }
}

func peakResidentMegabytes() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in kilobytes on Linux
}

let arguments = CommandLine.arguments
// `--yaml ITEMS`: only print the generated questionnaire (for the front-end benchmarks).
if arguments.count == 3, arguments[1] == "--yaml", let count = Int(arguments[2]), count > 0 {
  StandardStream.output.write(generate(items: count).yaml)
  exit(0)
}
guard arguments.count >= 2, let count = Int(arguments[1]), count > 0 else {
  StandardStream.error.write("usage: intake-engine-benchmark ITEMS [RUNS]\n")
  exit(64)
}
let runs = arguments.count >= 3 ? max(1, Int(arguments[2]) ?? 5) : 5
let today = LocalDate(year: 2026, month: 11, day: 25)!
let (yaml, answers) = generate(items: count)

var parses: [Double] = []
var loads: [Double] = []
var totals: [Double] = []
var scores: [Double] = []
var raised = 0
for _ in 0..<runs {
  var parsed = false
  parses.append(milliseconds { parsed = parseEventsOnly(yaml) })
  guard parsed else {
    StandardStream.error.write("intake-engine-benchmark: libyaml could not parse the text\n")
    exit(70)
  }
  loads.append(try milliseconds { _ = try YAMLComposer.compose(yaml) })
  var questionnaire: Questionnaire?
  totals.append(
    try milliseconds {
      questionnaire = try QuestionnaireLoader.load(yaml: yaml, file: "generated.yaml", today: today)
    })
  let loaded = questionnaire!
  scores.append(
    milliseconds { raised = Engine.assess(loaded, answers: answers, today: today).points.count })
}
let load = median(loads)
let validate = max(0, median(totals) - load)
let score = median(scores)
print(
  #"{"items": \#(count), "yaml_kb": \#(yaml.utf8.count / 1024), "#
    + #""libyaml_ms": \#(one(median(parses))), "load_ms": \#(one(load)), "#
    + #""validate_ms": \#(one(validate)), "score_ms": \#(one(score)), "#
    + #""total_ms": \#(one(load + validate + score)), "peak_mb": \#(one(peakResidentMegabytes())), "#
    + #""points_raised": \#(raised)}"#)
