import FoundationEssentials

/// Writes intake's expressions as FHIRPath (R4, the normative FHIRPath 2.0 with `aggregate`),
/// evaluated against a QuestionnaireResponse that holds answers only for the items shown.
///
/// intake's *unknown* (an unanswered, hidden or "don't know" item, a division by zero) is
/// FHIRPath's empty collection: comparisons and arithmetic with it are empty, `and`/`or` follow
/// the same three-valued logic, and an `enableWhenExpression` that is empty leaves its item
/// disabled, just as intake counts an unknown condition as false. Where FHIRPath's own function
/// would differ (`iif` takes an empty condition as false; `round` in some engines rounds half to
/// even; `contains` on an empty collection is false) the translation spells intake's meaning out.
struct FHIRPathWriter {
  let questionnaire: Questionnaire

  /// The FHIRPath of `condition`.
  func expression(_ condition: Condition) -> String { write(condition.expression) }

  // MARK: Items

  /// The answers of item `index` in the response being evaluated: under its section's group,
  /// where the response nests it as the Questionnaire does.
  func answers(_ index: Int) -> String {
    let item = questionnaire.items[index]
    return "%resource.item.where(linkId = \(Self.string(item.sectionID))).item"
      + ".where(linkId = \(Self.string(item.id))).answer"
  }

  /// The value of item `index` as intake's expressions see it.
  func value(_ index: Int) -> String {
    let item = questionnaire.items[index]
    switch item.kind {
    case .choice, .yesNo, .multiChoice: return "\(answers(index)).value.code"
    // A scale's options are coded with their values (see FHIRQuestionnaireMapping).
    case .scale: return "\(answers(index)).value.code.toDecimal()"
    case .integer, .decimal, .text, .date: return "\(answers(index)).value"
    }
  }

  /// The number an answer stands for in a scale or `value()`: an option's value, or the answer.
  func numericValue(_ index: Int) -> String {
    let item = questionnaire.items[index]
    switch item.kind {
    case .choice(let options), .yesNo(let options):
      let valued = options.compactMap { option in option.value.map { (option.id, $0) } }
      guard !valued.isEmpty else { return "{}" }
      // A chain of two-argument `iif`s: empty when no option matches.
      var chain = ""
      for (id, number) in valued.reversed() {
        let test = "$this = \(Self.string(id))"
        chain =
          chain.isEmpty
          ? "iif(\(test), \(Self.number(number)))"
          : "iif(\(test), \(Self.number(number)), \(chain))"
      }
      return "(\(value(index))).select(\(chain))"
    default:
      return value(index)
    }
  }

  /// Whether item `index` is shown, from its section's and its own condition.
  func shown(_ index: Int) -> String? {
    let item = questionnaire.items[index]
    let sectionCondition = questionnaire.section(item.sectionID)?.condition
    let parts = [sectionCondition, item.condition].compactMap { $0 }.map { "(\(expression($0)))" }
    return parts.isEmpty ? nil : parts.joined(separator: " and ")
  }

  // MARK: Expressions

  func write(_ expr: Expr) -> String {
    switch expr {
    case .constant(let value): return Self.literal(value)
    case .item(let index): return value(index)
    case .computed(let index):
      return "%" + FHIRNames.variableName(questionnaire.computed[index].id)
    case .scale(let index): return "%" + FHIRNames.variableName(questionnaire.scales[index].id)
    case .not(let inner): return "(\(write(inner))).not()"
    case .negate(let inner): return "(-(\(write(inner))))"
    case .and(let a, let b): return "(\(write(a)) and \(write(b)))"
    case .or(let a, let b): return "(\(write(a)) or \(write(b)))"
    case .equal(let a, let b, let negated):
      return "(\(write(a)) \(negated ? "!=" : "=") \(write(b)))"
    case .order(let op, let a, let b):
      let symbol =
        switch op {
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        }
      return "(\(write(a)) \(symbol) \(write(b)))"
    case .arithmetic(let op, let a, let b):
      let symbol =
        switch op {
        case .plus: "+"
        case .minus: "-"
        case .times: "*"
        case .divide: "/"
        }
      // FHIRPath's `/` is empty on a zero divisor, as intake's is unknown.
      return "(\(write(a)) \(symbol) \(write(b)))"
    case .inList(let inner, let ids, let negated):
      let value = write(inner)
      let test =
        ids.isEmpty
        ? "false" : "((\(value)) in (\(ids.sorted().map(Self.string).joined(separator: " | "))))"
      return "iif((\(value)).exists(), \(negated ? "(\(test)).not()" : test))"
    case .chosen(let id, let inner, let negated):
      let value = write(inner)
      let test = "((\(value)) contains \(Self.string(id)))"
      return "iif((\(value)).exists(), \(negated ? "\(test).not()" : test))"
    case .coalesce(let a, let b):
      let first = write(a)
      return "iif((\(first)).exists(), \(first), \(write(b)))"
    case .answered(let index): return "\(answers(index)).exists()"
    case .dontKnow(let index): return absent(index, reason: "asked-unknown")
    case .declined(let index): return absent(index, reason: "asked-declined")
    case .optionValue(let index): return numericValue(index)
    case .countChosen(let index, let only):
      let item = questionnaire.items[index]
      let counted = only.map { $0.sorted() } ?? item.options.filter { !$0.isExclusive }.map(\.id)
      let chosen = value(index)
      let count =
        counted.isEmpty
        ? "0"
        : "(\(chosen)).where($this in (\(counted.map(Self.string).joined(separator: " | ")))).count()"
      return "iif((\(chosen)).exists(), \(count))"
    case .countTrue(let exprs):
      return "(" + exprs.map { "iif(\(write($0)), 1, 0)" }.joined(separator: " + ") + ")"
    case .sumChosen(let index):
      let item = questionnaire.items[index]
      let chosen = value(index)
      let terms = item.options.compactMap { option -> String? in
        guard let number = option.value else { return nil }
        return "iif((\(chosen)) contains \(Self.string(option.id)), \(Self.number(number)), 0)"
      }
      return
        "iif((\(chosen)).exists(), \(terms.isEmpty ? "0" : "(" + terms.joined(separator: " + ") + ")"))"
    case .age(let inner, let inMonths):
      let months = monthsUntilToday(write(inner))
      guard !inMonths else { return months }
      // Whole years, rounding down also before birth, as LocalDate.wholeYears does.
      return "(\(months)).select(iif($this >= 0, $this div 12, -((-$this + 11) div 12)))"
    case .minimum(let exprs), .maximum(let exprs):
      let isMinimum = if case .minimum = expr { true } else { false }
      let combined = combine(exprs.map(write))
      let better = isMinimum ? "<" : ">"
      // Unknown when any is unknown: then fewer values than arguments are combined.
      return
        "iif((\(combined)).count() = \(exprs.count), (\(combined)).aggregate(iif($total.empty() or $this \(better) $total, $this, $total)))"
    case .round(let inner, let decimals):
      // Half away from zero, as Swift's rounded(); FHIRPath engines differ on halves.
      let factor = decimals == 0 ? "" : " * \(Self.number(pow10(decimals)))"
      let divide = decimals == 0 ? "" : " / \(Self.number(pow10(decimals)))"
      return
        "(\(write(inner))).select(iif($this < 0, -((-$this\(factor) + 0.5).floor()), ($this\(factor) + 0.5).floor())\(divide))"
    case .conditional(let c, let a, let b):
      // `iif` takes an empty condition as false; intake's `if` is unknown then.
      return "(\(write(c))).select(iif($this, \(write(a)), \(write(b))))"
    }
  }

  private func combine(_ parts: [String]) -> String {
    guard let first = parts.first else { return "{}" }
    return parts.dropFirst().reduce("(\(first))") { "\($0).combine(\($1))" }
  }

  private func absent(_ index: Int, reason: String) -> String {
    "\(answers(index)).extension.where(url = \(Self.string(FHIRNames.dataAbsentReason)) and value = \(Self.string(reason))).exists()"
  }

  /// Whole months from the date `date` to the day the answers count as given, as
  /// LocalDate.wholeMonths counts them: a month is complete on the same day of the month, or on
  /// the last day of a shorter month.
  private func monthsUntilToday(_ date: String) -> String {
    let year = "$this.substring(0, 4).toInteger()"
    let month = "$this.substring(5, 2).toInteger()"
    let day = "$this.substring(8, 2).toInteger()"
    let today = FHIRNames.self
    return
      "(\(date)).toString().select(%\(today.todayMonthsVariable) - (\(year) * 12 + \(month)) - iif(\(day) > %\(today.todayDayVariable) and %\(today.todayIsMonthEndVariable).not(), 1, 0))"
  }

  /// A date bound relative to the day the form is filled in: `today() - 19 years`. Years and
  /// months are added as one span, as LocalDate.adding does, so the day is clamped once.
  static func relativeDate(years: Int, months: Int, days: Int) -> String {
    var text = "today()"
    let totalMonths = years * 12 + months
    if totalMonths != 0 {
      let (amount, unit) =
        totalMonths % 12 == 0 ? (totalMonths / 12, "year") : (totalMonths, "month")
      text += " \(amount < 0 ? "-" : "+") \(abs(amount)) \(unit)\(abs(amount) == 1 ? "" : "s")"
    }
    if days != 0 {
      text += " \(days < 0 ? "-" : "+") \(abs(days)) day\(abs(days) == 1 ? "" : "s")"
    }
    return text
  }

  // MARK: Literals

  static func literal(_ value: Value) -> String {
    switch value {
    case .number(let number): return number < 0 ? "(-\(Self.number(-number)))" : Self.number(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .string(let text): return string(text)
    case .date(let date): return "@\(date.iso)"
    case .set(let ids): return "(" + ids.sorted().map(string).joined(separator: " | ") + ")"
    }
  }

  /// A non-negative number as a FHIRPath literal: no exponent, which FHIRPath does not read.
  static func number(_ number: Double) -> String {
    FHIRNumber.text(number)
  }

  /// A FHIRPath string literal.
  static func string(_ text: String) -> String {
    var out = "'"
    for scalar in text.unicodeScalars {
      switch scalar {
      case "'": out += "\\'"
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u" + CFormat.hex(scalar.value, width: 4)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "'"
  }
}

/// Numbers as FHIR writes them in codes and FHIRPath: `2`, `0.29`, never `1e-07`.
enum FHIRNumber {
  static func text(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    let plain = "\(number)"
    guard plain.contains("e") || plain.contains("E") else { return plain }
    var fixed = CFormat.fixed(number, digits: 17)
    while fixed.hasSuffix("0") { fixed.removeLast() }
    if fixed.hasSuffix(".") { fixed.removeLast() }
    return fixed
  }
}
