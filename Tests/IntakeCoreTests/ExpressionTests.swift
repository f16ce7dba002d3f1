import IntakeCore
import Testing

/// A questionnaire with a few items and one computed value `x` defined by `expression`.
private func questionnaire(_ expression: String) -> String {
  """
  id: expr
  version: "1"
  languages: [en]
  title: Expressions
  sections:
    - id: s
      title: S
      items:
        - { id: n, type: integer, min: 0, max: 100, dont_know: true, question: N? }
        - { id: m, type: decimal, min: 0, max: 10, question: M? }
        - { id: yn, type: yes_no, question: Y? }
        - id: c
          type: choice
          options:
            - { id: a, label: A, value: 1 }
            - { id: b, label: B, value: 2 }
          question: C?
        - id: mc
          type: multi_choice
          options:
            - { id: a, label: A, value: 10 }
            - { id: b, label: B, value: 20 }
            - { id: z, label: None, exclusive: true }
          question: MC?
        - { id: t, type: text, question: T? }
        - { id: d, type: date, question: D? }
  computed:
    - id: x
      expr: '\(expression.replacingOccurrences(of: "'", with: "''"))'
  """
}

private func evaluate(_ expression: String, _ answers: [String: AnswerValue] = [:]) throws -> Value?
{
  let q = try QuestionnaireLoader.load(
    yaml: questionnaire(expression), file: "e.yaml", today: Fixtures.today)
  return Engine.assess(q, answers: Answers(answers), today: Fixtures.today).computed["x"]?.value
}

private func errors(_ expression: String) -> [String] {
  Fixtures.diagnostics(yaml: questionnaire(expression))
}

@Suite("Expressions")
struct ExpressionTests {
  @Test("precedence: * before +, comparison before not, not before and, and before or")
  func precedence() throws {
    #expect(try evaluate("1 + 2 * 3") == .number(7))
    #expect(try evaluate("(1 + 2) * 3") == .number(9))
    #expect(try evaluate("10 - 4 - 3") == .number(3))
    #expect(try evaluate("12 / 2 / 3") == .number(2))
    #expect(try evaluate("-2 * -3") == .number(6))
    #expect(try evaluate("not 1 > 2 and 2 > 1") == .bool(true))
    #expect(try evaluate("true or false and false") == .bool(true))
    #expect(try evaluate("n ?? 4 + m ?? 1", ["m": .number(2)]) == .number(6))
  }

  @Test("three-valued logic over unknown answers")
  func threeValued() throws {
    #expect(try evaluate("n > 3 and false") == .bool(false))
    #expect(try evaluate("false and n > 3") == .bool(false))
    #expect(try evaluate("n > 3 or true") == .bool(true))
    #expect(try evaluate("n > 3 and true") == nil)
    #expect(try evaluate("n > 3 or false") == nil)
    #expect(try evaluate("not n > 3") == nil)
    #expect(try evaluate("n + 1") == nil)
    #expect(try evaluate("n + 1", ["n": .dontKnow]) == nil)
    #expect(try evaluate("n / 0", ["n": .number(1)]) == nil, "division by zero is unknown")
  }

  @Test("membership, counts and sums")
  func membership() throws {
    #expect(try evaluate("c in [\"a\", \"b\"]", ["c": .choice("b")]) == .bool(true))
    #expect(try evaluate("c not in [\"a\"]", ["c": .choice("b")]) == .bool(true))
    #expect(try evaluate("\"a\" in mc", ["mc": .choices(["a", "b"])]) == .bool(true))
    #expect(try evaluate("\"a\" not in mc", ["mc": .choices(["b"])]) == .bool(true))
    #expect(try evaluate("count(mc)", ["mc": .choices(["a", "b"])]) == .number(2))
    #expect(try evaluate("count(mc, [\"b\", \"z\"])", ["mc": .choices(["z"])]) == .number(1))
    #expect(try evaluate("sum(mc)", ["mc": .choices(["a", "b"])]) == .number(30))
    #expect(
      try evaluate(
        "count(yn == \"yes\", n > 5, c == \"a\")", ["yn": .choice("yes"), "n": .number(9)])
        == .number(2))
    #expect(
      try evaluate("value(c) + value(yn)", ["c": .choice("b"), "yn": .choice("yes")]) == .number(3))
    #expect(try evaluate("yn in [\"dont_know\", \"no\"]", ["yn": .dontKnow]) == .bool(true))
    #expect(try evaluate("yn in [\"dont_know\", \"no\"]", ["yn": .choice("yes")]) == .bool(false))
  }

  @Test("answered, dont_know and special answers")
  func special() throws {
    #expect(try evaluate("answered(n)", ["n": .dontKnow]) == .bool(true))
    #expect(try evaluate("dont_know(n)", ["n": .dontKnow]) == .bool(true))
    #expect(try evaluate("dont_know(n)", ["n": .number(3)]) == .bool(false))
    #expect(try evaluate("answered(t)") == .bool(false))
    #expect(try evaluate("yn == \"dont_know\"", ["yn": .dontKnow]) == .bool(true))
    #expect(try evaluate("yn == \"yes\"", ["yn": .dontKnow]) == nil)
  }

  @Test("ages from a date, min, max, round and if")
  func functions() throws {
    #expect(try evaluate("age(d)", ["d": .date(.on("2016-11-26"))]) == .number(9))
    #expect(try evaluate("age(d)", ["d": .date(.on("2016-11-25"))]) == .number(10))
    #expect(try evaluate("age_months(d)", ["d": .date(.on("2026-10-26"))]) == .number(0))
    #expect(try evaluate("age_months(d)", ["d": .date(.on("2026-10-25"))]) == .number(1))
    #expect(try evaluate("min(3, m, 7)", ["m": .number(2.5)]) == .number(2.5))
    #expect(try evaluate("max(3, m)") == nil)
    #expect(try evaluate("round(m * 10 / 3, 1)", ["m": .number(1)]) == .number(3.3))
    #expect(try evaluate("round(2.5)") == .number(3))
    #expect(try evaluate("if(n > 5, 1, 2)", ["n": .number(6)]) == .number(1))
    #expect(try evaluate("if(n > 5, 1, 2)") == nil)
    #expect(try evaluate("t == \"hé\"", ["t": .text("hé")]) == .bool(true))
  }

  /// The expression starts at column 12 of line 29 of the generated file.
  @Test(
    "type and syntax errors point at the column inside the expression",
    arguments: [
      (
        "n + yn",
        "29:14: error: computed value 'x': '+' needs two numbers, found a number and a choice"
      ),
      (
        "mc == \"a\"",
        "29:15: error: computed value 'x': '==' cannot compare the multiple choice 'mc' (expected \"OPTION\" in mc, or count(mc))"
      ),
      (
        "c == \"q\"",
        "29:17: error: computed value 'x': 'c' has no option \"q\" (expected one of: a, b)"
      ),
      (
        "n > 1 > 2",
        "29:18: error: computed value 'x' expr: comparisons cannot be chained (expected 'and' between two comparisons)"
      ),
      (
        "count(n)",
        "29:18: error: computed value 'x': count() counts conditions that are true/false, or options of one multiple choice; found a number"
      ),
      (
        "value(t)",
        "29:18: error: computed value 'x': value() needs a choice, yes_no, scale or number item; 't' is text"
      ),
      ("age(n)", "29:16: error: computed value 'x': age() needs a date, found a number"),
      (
        "round(m, 9)",
        "29:21: error: computed value 'x': round()'s second argument must be a whole number from 0 to 6"
      ),
      (
        "if(yn, 1, 2)",
        "29:15: error: computed value 'x': if() needs true/false as its first argument, found a choice"
      ),
      ("n && 1", "29:14: error: computed value 'x' expr: found '&' (expected 'and')"),
      (
        "(n + 1",
        "29:18: error: computed value 'x' expr: found end of expression (expected ')' to close '(')"
      ),
      (
        "",
        "29:12: error: computed value 'x' expr: empty expression (expected a condition or a value)"
      ),
      (
        "declined(n)",
        "29:21: error: computed value 'x': 'n' does not allow \"prefer not to say\" (expected prefer_not_to_say: true on the item)"
      ),
      (
        "\"a\" + 1",
        "29:16: error: computed value 'x': '+' needs two numbers, found a string and a number"
      ),
      (
        "q + 1",
        "29:12: error: computed value 'x': unknown name 'q' (expected an item, computed value or scale id)"
      ),
      ("x + 1", "28:9: error: computed value 'x' depends on itself: x → x (expected no cycles)"),
      (
        "t > 2",
        "29:14: error: computed value 'x': '>' needs two numbers (or two dates), found text and a number"
      ),
      (
        "foo(n)",
        "29:12: error: computed value 'x': unknown function 'foo' (expected one of: answered, dont_know, declined, value, count, sum, age, age_months, min, max, round, if)"
      ),
    ])
  func typeErrors(expression: String, expected: String) {
    #expect(errors(expression) == [expected])
  }

  @Test(
    "nesting is limited with a located error, never a stack overflow",
    arguments: [
      ("(", 9_700), ("n > 0 and ", 11_400), ("1 + ", 11_400), ("n ?? ", 11_400),
      ("not ", 11_400), ("-", 11_400), ("max(", 5_000),
    ])
  func nestingLimit(piece: String, count: Int) {
    let closing: String
    switch piece {
    case "(": closing = "1" + String(repeating: ")", count: count) + " > 0"
    case "max(": closing = "1" + String(repeating: ")", count: count) + " > 0"
    case "not ": closing = "n > 0"
    case "-": closing = "1 > 0"
    default: closing = "1 > 0"
    }
    let found = errors(String(repeating: piece, count: count) + closing)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("29:") == true)
    #expect(
      found.first?.contains(
        "nested too deeply, at most \(QuestionnaireLoader.maximumExpressionDepth) levels") == true)
  }

  @Test("nesting up to the limit is fine")
  func nestingUpToTheLimit() throws {
    let depth = QuestionnaireLoader.maximumExpressionDepth
    #expect(
      try evaluate(
        String(repeating: "(", count: depth - 1) + "1" + String(repeating: ")", count: depth - 1))
        == .number(1))
    #expect(
      try evaluate(Array(repeating: "1", count: depth).joined(separator: " + "))
        == .number(Double(depth)))
  }

  @Test("a chain of 5,000 computed values, each using the one before, validates and evaluates")
  func longComputedChain() throws {
    var yaml = questionnaire("value(n) ?? 0")
    for index in 1..<5_000 {
      yaml += "\n  - id: x\(index)\n    expr: \(index == 1 ? "x" : "x\(index - 1)") + 1"
    }
    let loaded = try QuestionnaireLoader.load(yaml: yaml, file: "e.yaml", today: Fixtures.today)
    let assessment = Engine.assess(
      loaded, answers: Answers(["n": .number(3)]), today: Fixtures.today)
    #expect(assessment.computed["x4999"]?.value == .number(5_002))
    let behind = assessment.references(behind: assessment.computed["x4999"]?.trail ?? [])
    #expect(behind.contains(.item("n")))
    #expect(behind.count == 5_000)
  }
}
