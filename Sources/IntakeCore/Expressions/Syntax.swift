/// The parse tree of an expression, with scalar offsets into its source for error messages.
indirect enum Syntax {
  case number(Double, at: Int)
  case string(String, at: Int)
  case bool(Bool, at: Int)
  case list([String], at: Int)
  case name(String, at: Int)
  case not(Syntax, at: Int)
  case negate(Syntax, at: Int)
  case binary(BinaryOperator, Syntax, Syntax, at: Int)
  case call(String, [Syntax], at: Int)

  var offset: Int {
    switch self {
    case .number(_, let at), .string(_, let at), .bool(_, let at), .list(_, let at),
      .name(_, let at), .not(_, let at), .negate(_, let at), .call(_, _, let at):
      return at
    case .binary(_, let lhs, _, _): return lhs.offset
    }
  }

  /// Every name used, for dependency analysis before type checking.
  var names: [String] {
    switch self {
    case .number, .string, .bool, .list: return []
    case .name(let name, _): return [name]
    case .not(let e, _), .negate(let e, _): return e.names
    case .binary(_, let a, let b, _): return a.names + b.names
    case .call(_, let args, _): return args.flatMap(\.names)
    }
  }
}

enum BinaryOperator: String {
  case or, and
  case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">",
    greaterOrEqual = ">="
  case `in`, notIn = "not in"
  case plus = "+", minus = "-", times = "*", divide = "/"
  case coalesce = "??"
}

/// A syntax or type error inside an expression.
struct ExpressionError: Error, Hashable {
  /// Offset in Unicode scalars from the start of the expression.
  let offset: Int
  let message: String
}

private enum Token: Equatable {
  case number(Double)
  case string(String)
  case name(String)
  case symbol(String)
  case end

  var display: String {
    switch self {
    case .number(let n): "number \(Value.number(n))"
    case .string(let s): "string \"\(s)\""
    case .name(let n): "'\(n)'"
    case .symbol(let s): "'\(s)'"
    case .end: "end of expression"
    }
  }
}

private struct Lexer {
  let scalars: [Unicode.Scalar]

  func tokens() throws(ExpressionError) -> [(Token, Int)] {
    var result: [(Token, Int)] = []
    var i = 0
    func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    func isNameStart(_ c: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }
    while i < scalars.count {
      let c = scalars[i]
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        i += 1
      } else if isDigit(c) || (c == "." && i + 1 < scalars.count && isDigit(scalars[i + 1])) {
        let start = i
        while i < scalars.count, isDigit(scalars[i]) { i += 1 }
        if i < scalars.count, scalars[i] == ".", i + 1 < scalars.count, isDigit(scalars[i + 1]) {
          i += 1
          while i < scalars.count, isDigit(scalars[i]) { i += 1 }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<i]))
        result.append((.number(Double(text)!), start))
      } else if isNameStart(c) {
        let start = i
        while i < scalars.count, isNameStart(scalars[i]) || isDigit(scalars[i]) { i += 1 }
        result.append((.name(String(String.UnicodeScalarView(scalars[start..<i]))), start))
      } else if c == "\"" || c == "'" {
        let start = i
        i += 1
        var text = String.UnicodeScalarView()
        while i < scalars.count, scalars[i] != c {
          if scalars[i] == "\\", i + 1 < scalars.count { i += 1 }
          text.append(scalars[i])
          i += 1
        }
        guard i < scalars.count else {
          throw ExpressionError(
            offset: start, message: "string not closed (expected a closing \(c))")
        }
        i += 1
        result.append((.string(String(text)), start))
      } else {
        let two =
          i + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[i + 1]])) : ""
        if ["==", "!=", "<=", ">=", "??"].contains(two) {
          result.append((.symbol(two), i))
          i += 2
        } else if "<>+-*/()[],".unicodeScalars.contains(c) {
          result.append((.symbol(String(c)), i))
          i += 1
        } else if c == "=" {
          throw ExpressionError(offset: i, message: "found '=' (expected '==' to compare)")
        } else if c == "&" || c == "|" || c == "!" {
          let word = c == "&" ? "and" : c == "|" ? "or" : "not"
          throw ExpressionError(offset: i, message: "found '\(c)' (expected '\(word)')")
        } else {
          throw ExpressionError(offset: i, message: "unexpected character '\(c)'")
        }
      }
    }
    result.append((.end, scalars.count))
    return result
  }
}

/// Recursive-descent parser; see docs/questionnaire-format.md for the grammar and precedence.
///
/// Nesting is limited (``maximumDepth``): the parser, the type checker and the evaluator all
/// recurse over the tree, and a questionnaire is data that anyone can write, so thousands of
/// `(` or a chain of thousands of `and`s must end in an error at its place, not overflow the
/// stack.
struct ExpressionParser {
  /// The deepest an expression may nest: parentheses, operators (a chain `a and b and c` is
  /// two levels), `not`, `-` and function calls each count one level.
  static let maximumDepth = 100

  /// A parsed part with the depth of its tree.
  private struct Parsed {
    let syntax: Syntax
    let depth: Int
  }

  private var tokens: [(Token, Int)]
  private var position = 0
  /// Levels of recursion open now (parentheses, arguments, `not`, unary `-`).
  private var nesting = 0

  static func parse(_ source: String) throws(ExpressionError) -> Syntax {
    let tokens = try Lexer(scalars: Array(source.unicodeScalars)).tokens()
    var parser = ExpressionParser(tokens: tokens)
    if case .end = tokens[0].0 {
      throw ExpressionError(
        offset: 0, message: "empty expression (expected a condition or a value)")
    }
    let syntax = try parser.parseOr().syntax
    if parser.current != .end {
      throw ExpressionError(
        offset: parser.offset,
        message: "unexpected \(parser.current.display) (expected an operator or the end)")
    }
    return syntax
  }

  private init(tokens: [(Token, Int)]) { self.tokens = tokens }

  private var current: Token { tokens[position].0 }
  private var offset: Int { tokens[position].1 }
  private var next: Token { position + 1 < tokens.count ? tokens[position + 1].0 : .end }

  private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

  private func isWord(_ word: String) -> Bool { current == .name(word) }
  private func isSymbol(_ symbol: String) -> Bool { current == .symbol(symbol) }

  static func tooDeep(at offset: Int) -> ExpressionError {
    ExpressionError(
      offset: offset,
      message:
        "nested too deeply, at most \(maximumDepth) levels (expected a simpler expression; a "
        + "computed value can hold a part of it)")
  }

  /// A node over `children`, one level deeper than the deepest of them.
  private func node(_ syntax: Syntax, over children: Parsed..., at offset: Int)
    throws(ExpressionError) -> Parsed
  {
    let depth = 1 + (children.map(\.depth).max() ?? 0)
    guard depth <= Self.maximumDepth else { throw Self.tooDeep(at: offset) }
    return Parsed(syntax: syntax, depth: depth)
  }

  /// Opens one level of recursion; checked before descending, so `((((…` stops at the limit
  /// instead of recursing once per parenthesis.
  private mutating func enter(at offset: Int) throws(ExpressionError) {
    nesting += 1
    guard nesting <= Self.maximumDepth else { throw Self.tooDeep(at: offset) }
  }

  private mutating func leave() { nesting -= 1 }

  private mutating func expect(_ symbol: String, _ context: String) throws(ExpressionError) {
    guard isSymbol(symbol) else {
      throw ExpressionError(
        offset: offset, message: "found \(current.display) (expected '\(symbol)' \(context))")
    }
    advance()
  }

  private mutating func parseOr() throws(ExpressionError) -> Parsed {
    var lhs = try parseAnd()
    while isWord("or") {
      let at = offset
      advance()
      let rhs = try parseAnd()
      lhs = try node(.binary(.or, lhs.syntax, rhs.syntax, at: at), over: lhs, rhs, at: at)
    }
    return lhs
  }

  private mutating func parseAnd() throws(ExpressionError) -> Parsed {
    var lhs = try parseNot()
    while isWord("and") {
      let at = offset
      advance()
      let rhs = try parseNot()
      lhs = try node(.binary(.and, lhs.syntax, rhs.syntax, at: at), over: lhs, rhs, at: at)
    }
    return lhs
  }

  private mutating func parseNot() throws(ExpressionError) -> Parsed {
    if isWord("not") {
      let at = offset
      advance()
      try enter(at: at)
      let inner = try parseNot()
      leave()
      return try node(.not(inner.syntax, at: at), over: inner, at: at)
    }
    return try parseComparison()
  }

  private mutating func parseComparison() throws(ExpressionError) -> Parsed {
    let lhs = try parseAdditive()
    let at = offset
    let op: BinaryOperator
    switch current {
    case .symbol("=="): op = .equal
    case .symbol("!="): op = .notEqual
    case .symbol("<"): op = .less
    case .symbol("<="): op = .lessOrEqual
    case .symbol(">"): op = .greater
    case .symbol(">="): op = .greaterOrEqual
    case .name("in"): op = .in
    case .name("not") where next == .name("in"):
      advance()
      op = .notIn
    default: return lhs
    }
    advance()
    let rhs = try parseAdditive()
    if case .symbol(let s) = current, ["==", "!=", "<", "<=", ">", ">="].contains(s) {
      throw ExpressionError(
        offset: offset,
        message: "comparisons cannot be chained (expected 'and' between two comparisons)")
    }
    return try node(.binary(op, lhs.syntax, rhs.syntax, at: at), over: lhs, rhs, at: at)
  }

  private mutating func parseAdditive() throws(ExpressionError) -> Parsed {
    var lhs = try parseMultiplicative()
    while isSymbol("+") || isSymbol("-") {
      let op: BinaryOperator = isSymbol("+") ? .plus : .minus
      let at = offset
      advance()
      let rhs = try parseMultiplicative()
      lhs = try node(.binary(op, lhs.syntax, rhs.syntax, at: at), over: lhs, rhs, at: at)
    }
    return lhs
  }

  private mutating func parseMultiplicative() throws(ExpressionError) -> Parsed {
    var lhs = try parseUnary()
    while isSymbol("*") || isSymbol("/") {
      let op: BinaryOperator = isSymbol("*") ? .times : .divide
      let at = offset
      advance()
      let rhs = try parseUnary()
      lhs = try node(.binary(op, lhs.syntax, rhs.syntax, at: at), over: lhs, rhs, at: at)
    }
    return lhs
  }

  private mutating func parseUnary() throws(ExpressionError) -> Parsed {
    if isSymbol("-") {
      let at = offset
      advance()
      try enter(at: at)
      let inner = try parseUnary()
      leave()
      return try node(.negate(inner.syntax, at: at), over: inner, at: at)
    }
    return try parseCoalesce()
  }

  private mutating func parseCoalesce() throws(ExpressionError) -> Parsed {
    var lhs = try parsePrimary()
    while isSymbol("??") {
      let at = offset
      advance()
      var rhs: Parsed
      if isSymbol("-") {
        let minusAt = offset
        advance()
        let inner = try parsePrimary()
        rhs = try node(.negate(inner.syntax, at: minusAt), over: inner, at: minusAt)
      } else {
        rhs = try parsePrimary()
      }
      lhs = try node(.binary(.coalesce, lhs.syntax, rhs.syntax, at: at), over: lhs, rhs, at: at)
    }
    return lhs
  }

  private mutating func parsePrimary() throws(ExpressionError) -> Parsed {
    let at = offset
    switch current {
    case .number(let n):
      advance()
      return Parsed(syntax: .number(n, at: at), depth: 1)
    case .string(let s):
      advance()
      return Parsed(syntax: .string(s, at: at), depth: 1)
    case .name("true"):
      advance()
      return Parsed(syntax: .bool(true, at: at), depth: 1)
    case .name("false"):
      advance()
      return Parsed(syntax: .bool(false, at: at), depth: 1)
    case .name(let word) where ["and", "or", "not", "in"].contains(word):
      throw ExpressionError(offset: at, message: "found '\(word)' (expected a value before it)")
    case .name(let name):
      advance()
      guard isSymbol("(") else { return Parsed(syntax: .name(name, at: at), depth: 1) }
      advance()
      try enter(at: at)
      var args: [Parsed] = []
      if !isSymbol(")") {
        args.append(try parseOr())
        while isSymbol(",") {
          advance()
          args.append(try parseOr())
        }
      }
      try expect(")", "to close the arguments of \(name)()")
      leave()
      let depth = 1 + (args.map(\.depth).max() ?? 0)
      guard depth <= Self.maximumDepth else { throw Self.tooDeep(at: at) }
      return Parsed(syntax: .call(name, args.map(\.syntax), at: at), depth: depth)
    case .symbol("("):
      advance()
      try enter(at: at)
      let inner = try parseOr()
      try expect(")", "to close '('")
      leave()
      return inner
    case .symbol("["):
      advance()
      var strings: [String] = []
      while !isSymbol("]") {
        guard case .string(let s) = current else {
          throw ExpressionError(
            offset: offset,
            message: "found \(current.display) in a list (expected a quoted option id)")
        }
        strings.append(s)
        advance()
        if isSymbol(",") {
          advance()
        } else if !isSymbol("]") {
          throw ExpressionError(
            offset: offset, message: "found \(current.display) (expected ',' or ']')")
        }
      }
      advance()
      return Parsed(syntax: .list(strings, at: at), depth: 1)
    case .end:
      throw ExpressionError(offset: at, message: "expression ends too early (expected a value)")
    case .symbol(let s):
      throw ExpressionError(
        offset: at, message: "found '\(s)' (expected a value: a name, number, string or '(')")
    }
  }
}
