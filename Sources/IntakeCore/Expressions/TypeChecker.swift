/// The type of an expression, as far as the checker needs it.
enum ValueType: Equatable, CustomStringConvertible {
  case number
  case bool
  case text
  case date
  /// The option id of choice item `index`.
  case option(Int)
  /// The chosen options of multi-choice item `index`.
  case options(Int)
  /// A string literal, kept so comparisons with options can be checked.
  case literal(String)
  case list([String])
  /// After an error: matches anything, so one mistake gives one message.
  case invalid

  var description: String {
    switch self {
    case .number: "a number"
    case .bool: "true/false"
    case .text: "text"
    case .date: "a date"
    case .option: "a choice"
    case .options: "a multiple choice"
    case .literal: "a string"
    case .list: "a list"
    case .invalid: "an invalid value"
    }
  }

  var isStringLike: Bool {
    switch self {
    case .literal, .text, .option: true
    default: false
    }
  }
}

/// What a name in an expression refers to.
enum Symbol {
  case item(Int)
  case computed(Int)
  case scale(Int)
  /// Declared, but its declaration has an error of its own.
  case broken
}

/// Resolves names and checks types, turning ``Syntax`` into ``Expr``. Collects every error.
struct TypeChecker {
  let items: [Item]
  let lookup: (String) -> Symbol?
  /// Types of computed values already checked, by index; `nil` while not yet known.
  let computedType: (Int) -> ValueType?
  /// Highest item index each computed value / scale depends on, for the "earlier items only" rule.
  let computedDependency: (Int) -> Int?
  let scaleDependency: (Int) -> Int?
  /// When set, only items before this index may be used (a `when` condition).
  let onlyBefore: Int?
  let contextName: String

  private(set) var errors: [ExpressionError] = []
  /// Set when a name refers to a declaration that already has an error: the expression is not
  /// usable, but nothing new is reported.
  private(set) var hasSilentError = false
  /// Every item, computed value and scale named.
  private(set) var usedItems: Set<Int> = []
  private(set) var usedComputed: Set<Int> = []
  private(set) var usedScales: Set<Int> = []

  init(
    items: [Item], lookup: @escaping (String) -> Symbol?,
    computedType: @escaping (Int) -> ValueType?,
    computedDependency: @escaping (Int) -> Int?, scaleDependency: @escaping (Int) -> Int?,
    onlyBefore: Int?, contextName: String
  ) {
    self.items = items
    self.lookup = lookup
    self.computedType = computedType
    self.computedDependency = computedDependency
    self.scaleDependency = scaleDependency
    self.onlyBefore = onlyBefore
    self.contextName = contextName
  }

  private mutating func fail(_ at: Int, _ message: String) -> (Expr, ValueType) {
    errors.append(ExpressionError(offset: at, message: message))
    return (.constant(.bool(false)), .invalid)
  }

  /// Levels of ``check(_:)`` open now. The parser already limits nesting; this keeps the
  /// checker's own recursion bounded for any tree it is given.
  private var depth = 0

  mutating func check(_ syntax: Syntax) -> (Expr, ValueType) {
    depth += 1
    defer { depth -= 1 }
    guard depth <= ExpressionParser.maximumDepth else {
      let error = ExpressionParser.tooDeep(at: syntax.offset)
      return fail(error.offset, error.message)
    }
    switch syntax {
    case .number(let n, _): return (.constant(.number(n)), .number)
    case .string(let s, _): return (.constant(.string(s)), .literal(s))
    case .bool(let b, _): return (.constant(.bool(b)), .bool)
    case .list(let strings, _): return (.constant(.set(Set(strings))), .list(strings))
    case .name(let name, let at): return checkName(name, at: at)
    case .not(let inner, let at):
      let (e, t) = check(inner)
      if t != .bool && t != .invalid { return fail(at, "'not' needs true/false, found \(t)") }
      return (.not(e), .bool)
    case .negate(let inner, let at):
      let (e, t) = check(inner)
      if t != .number && t != .invalid { return fail(at, "'-' needs a number, found \(t)") }
      return (.negate(e), .number)
    case .binary(let op, let lhs, let rhs, let at):
      return checkBinary(op, lhs, rhs, at: at)
    case .call(let name, let args, let at):
      return checkCall(name, args, at: at)
    }
  }

  private mutating func checkName(_ name: String, at: Int) -> (Expr, ValueType) {
    guard let symbol = lookup(name) else {
      return fail(at, "unknown name '\(name)' (expected an item, computed value or scale id)")
    }
    switch symbol {
    case .broken:
      // Already reported where it is declared.
      hasSilentError = true
      return (.constant(.bool(false)), .invalid)
    case .item(let index):
      if let limit = onlyBefore, index >= limit {
        let what = index == limit ? "itself" : "'\(name)', which is asked later"
        return fail(
          at, "the condition of \(contextName) uses \(what) (expected only answers given before it)"
        )
      }
      usedItems.insert(index)
      let type: ValueType
      switch items[index].kind {
      case .choice, .yesNo: type = .option(index)
      case .multiChoice: type = .options(index)
      case .scale, .integer, .decimal: type = .number
      case .text: type = .text
      case .date: type = .date
      }
      return (.item(index), type)
    case .computed(let index):
      guard let type = computedType(index) else {
        return fail(
          at, "computed value '\(name)' cannot be used here (it is part of a cycle or invalid)")
      }
      if let limit = onlyBefore, let dep = computedDependency(index), dep >= limit {
        return fail(
          at,
          "the condition of \(contextName) uses '\(name)', which depends on '\(items[dep].id)', asked later (expected only answers given before it)"
        )
      }
      usedComputed.insert(index)
      return (.computed(index), type)
    case .scale(let index):
      if let limit = onlyBefore, let dep = scaleDependency(index), dep >= limit {
        return fail(
          at,
          "the condition of \(contextName) uses scale '\(name)', which depends on '\(items[dep].id)', asked later (expected only answers given before it)"
        )
      }
      usedScales.insert(index)
      return (.scale(index), .number)
    }
  }

  /// Checks that `literal` is an option of choice item `index` (or an allowed special answer).
  private mutating func checkOption(_ literal: String, of index: Int, at: Int) -> Bool {
    let item = items[index]
    if item.options.contains(where: { $0.id == literal }) { return true }
    if literal == "dont_know" && item.allowsDontKnow { return true }
    if literal == "prefer_not_to_say" && item.allowsPreferNotToSay { return true }
    let known =
      item.options.map(\.id) + (item.allowsDontKnow ? ["dont_know"] : [])
      + (item.allowsPreferNotToSay ? ["prefer_not_to_say"] : [])
    errors.append(
      ExpressionError(
        offset: at,
        message:
          "'\(item.id)' has no option \"\(literal)\" (expected one of: \(known.joined(separator: ", ")))"
      ))
    return false
  }

  private mutating func checkBinary(
    _ op: BinaryOperator, _ lhsSyntax: Syntax, _ rhsSyntax: Syntax, at: Int
  ) -> (Expr, ValueType) {
    let (lhs, lt) = check(lhsSyntax)
    let (rhs, rt) = check(rhsSyntax)
    if lt == .invalid || rt == .invalid {
      return (.constant(.bool(false)), op.isLogical || op.isComparison ? .bool : .invalid)
    }
    switch op {
    case .and, .or:
      guard lt == .bool, rt == .bool else {
        return fail(at, "'\(op.rawValue)' needs true/false on both sides, found \(lt) and \(rt)")
      }
      return (op == .and ? .and(lhs, rhs) : .or(lhs, rhs), .bool)
    case .equal, .notEqual:
      let negated = op == .notEqual
      switch (lt, rt) {
      case (.option(let i), .literal(let s)):
        guard checkOption(s, of: i, at: rhsSyntax.offset) else {
          return (.constant(.bool(false)), .bool)
        }
        return (
          specialTest(s, item: i, negated: negated) ?? .equal(lhs, rhs, negated: negated), .bool
        )
      case (.literal(let s), .option(let i)):
        guard checkOption(s, of: i, at: lhsSyntax.offset) else {
          return (.constant(.bool(false)), .bool)
        }
        return (
          specialTest(s, item: i, negated: negated) ?? .equal(lhs, rhs, negated: negated), .bool
        )
      case (.options(let i), _), (_, .options(let i)):
        let id = items[i].id
        return fail(
          at,
          "'\(op.rawValue)' cannot compare the multiple choice '\(id)' (expected \"OPTION\" in \(id), or count(\(id)))"
        )
      case (.number, .number), (.bool, .bool), (.date, .date), (.text, .literal), (.literal, .text),
        (.text, .text), (.literal, .literal):
        return (.equal(lhs, rhs, negated: negated), .bool)
      case (.option(let a), .option(let b)) where a == b:
        return (.equal(lhs, rhs, negated: negated), .bool)
      default:
        return fail(at, "'\(op.rawValue)' cannot compare \(lt) with \(rt)")
      }
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      guard (lt == .number && rt == .number) || (lt == .date && rt == .date) else {
        return fail(at, "'\(op.rawValue)' needs two numbers (or two dates), found \(lt) and \(rt)")
      }
      let order: OrderOperator =
        switch op {
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        default: .greaterOrEqual
        }
      return (.order(order, lhs, rhs), .bool)
    case .in, .notIn:
      let negated = op == .notIn
      switch (lt, rt) {
      case (.option(let i), .list(let strings)):
        var ok = true
        for s in strings where !checkOption(s, of: i, at: rhsSyntax.offset) { ok = false }
        guard ok else { return (.constant(.bool(false)), .bool) }
        var expr = Expr.inList(lhs, Set(strings), negated: false)
        // Special answers are unknown as values; test them explicitly.
        if strings.contains("dont_know") { expr = .or(expr, .dontKnow(i)) }
        if strings.contains("prefer_not_to_say") { expr = .or(expr, .declined(i)) }
        return (negated ? .not(expr) : expr, .bool)
      case (.literal(let s), .options(let i)):
        guard checkOption(s, of: i, at: lhsSyntax.offset) else {
          return (.constant(.bool(false)), .bool)
        }
        if let special = specialTest(s, item: i, negated: negated) { return (special, .bool) }
        return (.chosen(s, in: rhs, negated: negated), .bool)
      default:
        return fail(
          at,
          "'\(op.rawValue)' needs a choice and a list [\"a\", \"b\"], or \"option\" and a multiple choice; found \(lt) and \(rt)"
        )
      }
    case .plus, .minus, .times, .divide:
      guard lt == .number, rt == .number else {
        return fail(at, "'\(op.rawValue)' needs two numbers, found \(lt) and \(rt)")
      }
      let arithmetic: ArithmeticOperator =
        switch op {
        case .plus: .plus
        case .minus: .minus
        case .times: .times
        default: .divide
        }
      return (.arithmetic(arithmetic, lhs, rhs), .number)
    case .coalesce:
      let compatible: Bool
      switch (lt, rt) {
      case (.number, .number), (.bool, .bool), (.date, .date), (.text, .text), (.text, .literal):
        compatible = true
      case (.option(let i), .literal(let s)):
        compatible = checkOption(s, of: i, at: rhsSyntax.offset)
      default: compatible = false
      }
      guard compatible else {
        return fail(at, "'??' needs a default of the same kind: found \(lt) ?? \(rt)")
      }
      return (.coalesce(lhs, rhs), lt)
    }
  }

  /// `x == "dont_know"` tests the special answer itself (as a value it is unknown).
  private func specialTest(_ literal: String, item: Int, negated: Bool) -> Expr? {
    let test: Expr
    switch literal {
    case "dont_know" where !items[item].options.contains(where: { $0.id == literal }):
      test = .dontKnow(item)
    case "prefer_not_to_say" where !items[item].options.contains(where: { $0.id == literal }):
      test = .declined(item)
    default: return nil
    }
    return negated ? .not(test) : test
  }

  /// Resolves an argument that must name an item; records an error and returns `nil` otherwise.
  private mutating func itemArgument(_ syntax: Syntax, function: String) -> Int? {
    guard case .name(let name, let at) = syntax else {
      errors.append(
        ExpressionError(
          offset: syntax.offset, message: "\(function)() needs an item id as its argument"))
      return nil
    }
    switch lookup(name) {
    case .item(let index):
      let before = errors.count
      _ = checkName(name, at: at)  // records the use and enforces "earlier items only"
      return errors.count == before ? index : nil
    case .computed, .scale:
      _ = fail(at, "\(function)() needs an item id, and '\(name)' is not an item")
      return nil
    case .broken, nil:
      _ = checkName(name, at: at)
      return nil
    }
  }

  private mutating func checkCall(_ name: String, _ args: [Syntax], at: Int) -> (Expr, ValueType) {
    func arity(_ allowed: ClosedRange<Int>, _ usage: String) -> Bool {
      guard allowed.contains(args.count) else {
        errors.append(
          ExpressionError(
            offset: at,
            message:
              "\(name)() takes \(usage), found \(args.count) argument\(args.count == 1 ? "" : "s")")
        )
        return false
      }
      return true
    }
    switch name {
    case "answered", "dont_know", "declined":
      guard arity(1...1, "one item") else { return (.constant(.bool(false)), .bool) }
      guard let index = itemArgument(args[0], function: name) else {
        return (.constant(.bool(false)), .bool)
      }
      if name == "dont_know" && !items[index].allowsDontKnow {
        return fail(
          args[0].offset,
          "'\(items[index].id)' does not allow \"don't know\" (expected dont_know: true on the item)"
        )
      }
      if name == "declined" && !items[index].allowsPreferNotToSay {
        return fail(
          args[0].offset,
          "'\(items[index].id)' does not allow \"prefer not to say\" (expected prefer_not_to_say: true on the item)"
        )
      }
      return (
        name == "answered"
          ? .answered(index) : name == "dont_know" ? .dontKnow(index) : .declined(index), .bool
      )
    case "value":
      guard arity(1...1, "one item") else { return (.constant(.number(0)), .invalid) }
      guard let index = itemArgument(args[0], function: name) else {
        return (.constant(.number(0)), .invalid)
      }
      switch items[index].kind {
      case .choice(let options):
        if let missing = options.first(where: { $0.value == nil }) {
          return fail(
            args[0].offset,
            "value(\(items[index].id)) needs a value on every option; option '\(missing.id)' has none"
          )
        }
        return (.optionValue(index), .number)
      case .yesNo: return (.optionValue(index), .number)
      case .scale, .integer, .decimal: return (.item(index), .number)
      default:
        return fail(
          args[0].offset,
          "value() needs a choice, yes_no, scale or number item; '\(items[index].id)' is \(items[index].kind.name)"
        )
      }
    case "sum":
      guard arity(1...1, "one multiple-choice item") else {
        return (.constant(.number(0)), .invalid)
      }
      guard let index = itemArgument(args[0], function: name) else {
        return (.constant(.number(0)), .invalid)
      }
      guard case .multiChoice(let options) = items[index].kind else {
        return fail(
          args[0].offset,
          "sum() needs a multi_choice item; '\(items[index].id)' is \(items[index].kind.name)")
      }
      if let missing = options.first(where: { $0.value == nil && !$0.isExclusive }) {
        return fail(
          args[0].offset,
          "sum(\(items[index].id)) needs a value on every option; option '\(missing.id)' has none")
      }
      return (.sumChosen(index), .number)
    case "count":
      guard arity(1...Int.max, "a multiple-choice item, or conditions") else {
        return (.constant(.number(0)), .invalid)
      }
      if case .name(let n, _) = args[0], case .item(let index) = lookup(n),
        case .multiChoice = items[index].kind
      {
        guard args.count <= 2 else {
          return fail(at, "count(\(n), ...) takes the item and at most one list of option ids")
        }
        guard itemArgument(args[0], function: name) != nil else {
          return (.constant(.number(0)), .invalid)
        }
        var only: Set<String>?
        if args.count == 2 {
          guard case .list(let strings, let listAt) = args[1] else {
            return fail(
              args[1].offset,
              "count()'s second argument must be a list of option ids [\"a\", \"b\"]")
          }
          for s in strings { _ = checkOption(s, of: index, at: listAt) }
          only = Set(strings)
        }
        return (.countChosen(index, only: only), .number)
      }
      var exprs: [Expr] = []
      for arg in args {
        let (e, t) = check(arg)
        if t != .bool && t != .invalid {
          return fail(
            arg.offset,
            "count() counts conditions that are true/false, or options of one multiple choice; found \(t)"
          )
        }
        exprs.append(e)
      }
      return (.countTrue(exprs), .number)
    case "age", "age_months":
      guard arity(1...1, "one date") else { return (.constant(.number(0)), .invalid) }
      let (e, t) = check(args[0])
      if t != .date && t != .invalid {
        return fail(args[0].offset, "\(name)() needs a date, found \(t)")
      }
      return (.age(e, inMonths: name == "age_months"), .number)
    case "min", "max":
      guard arity(1...Int.max, "one or more numbers") else {
        return (.constant(.number(0)), .invalid)
      }
      var exprs: [Expr] = []
      for arg in args {
        let (e, t) = check(arg)
        if t != .number && t != .invalid {
          return fail(arg.offset, "\(name)() needs numbers, found \(t)")
        }
        exprs.append(e)
      }
      return (name == "min" ? .minimum(exprs) : .maximum(exprs), .number)
    case "round":
      guard arity(1...2, "a number and optionally a count of decimals") else {
        return (.constant(.number(0)), .invalid)
      }
      let (e, t) = check(args[0])
      if t != .number && t != .invalid {
        return fail(args[0].offset, "round() needs a number, found \(t)")
      }
      var decimals = 0
      if args.count == 2 {
        let most = NumberText.maximumDecimals
        guard case .number(let n, _) = args[1], n == n.rounded(), (0...Double(most)).contains(n)
        else {
          return fail(
            args[1].offset, "round()'s second argument must be a whole number from 0 to \(most)")
        }
        decimals = Int(n)
      }
      return (.round(e, decimals: decimals), .number)
    case "if":
      guard arity(3...3, "a condition, a value when true and a value when false") else {
        return (.constant(.number(0)), .invalid)
      }
      let (c, ct) = check(args[0])
      let (a, at1) = check(args[1])
      let (b, bt) = check(args[2])
      if ct != .bool && ct != .invalid {
        return fail(args[0].offset, "if() needs true/false as its first argument, found \(ct)")
      }
      if at1 == .invalid || bt == .invalid {
        return (.conditional(c, a, b), at1 == .invalid ? bt : at1)
      }
      let sameKind = at1 == bt || (at1.isStringLike && bt.isStringLike)
      guard sameKind, at1 == .number || at1 == .bool || at1.isStringLike else {
        return fail(
          args[1].offset, "if() needs two values of the same kind, found \(at1) and \(bt)")
      }
      return (.conditional(c, a, b), at1.isStringLike ? .text : at1)
    default:
      let known =
        "answered, dont_know, declined, value, count, sum, age, age_months, min, max, round, if"
      return fail(at, "unknown function '\(name)' (expected one of: \(known))")
    }
  }
}

extension BinaryOperator {
  var isLogical: Bool { self == .and || self == .or }
  var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn: true
    default: false
    }
  }
}
