/// A type-checked expression with names resolved to positions in the questionnaire.
indirect enum Expr: Sendable, Equatable {
  case constant(Value)
  case item(Int)
  case computed(Int)
  case scale(Int)
  case not(Expr)
  case negate(Expr)
  case and(Expr, Expr)
  case or(Expr, Expr)
  case equal(Expr, Expr, negated: Bool)
  case order(OrderOperator, Expr, Expr)
  case arithmetic(ArithmeticOperator, Expr, Expr)
  /// A choice's option id in a list of ids.
  case inList(Expr, Set<String>, negated: Bool)
  /// An option chosen in a multiple choice.
  case chosen(String, in: Expr, negated: Bool)
  case coalesce(Expr, Expr)
  case answered(Int)
  case dontKnow(Int)
  case declined(Int)
  /// `value(x)` of a choice: the chosen option's number.
  case optionValue(Int)
  /// `count(x)` or `count(x, [...])`.
  case countChosen(Int, only: Set<String>?)
  case countTrue([Expr])
  case sumChosen(Int)
  case age(Expr, inMonths: Bool)
  case minimum([Expr])
  case maximum([Expr])
  case round(Expr, decimals: Int)
  case conditional(Expr, Expr, Expr)
}

enum OrderOperator: Sendable {
  case less, lessOrEqual, greater, greaterOrEqual
}

enum ArithmeticOperator: Sendable {
  case plus, minus, times, divide
}
