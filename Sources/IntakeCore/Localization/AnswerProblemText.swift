extension AnswerProblem {
  /// The problem in plain words for the parent, in `language`.
  public func message(in language: Language) -> String {
    let nl = language == .dutch
    func number(_ value: Double) -> String { NumberText.format(value, decimals: 2, in: language) }
    func date(_ value: LocalDate) -> String { DateText.format(value, in: language) }
    switch self {
    case .wrongKind:
      return nl
        ? "Dit antwoord past niet bij deze vraag." : "This answer does not fit this question."
    case .unknownOption:
      return nl ? "Kies een van de mogelijkheden." : "Please choose one of the options."
    case .exclusiveCombined(let label):
      return nl
        ? "\"\(label.text(in: language))\" kan niet samen met een ander antwoord."
        : "\"\(label.text(in: language))\" cannot be combined with another answer."
    case .belowMinimum(let minimum):
      return nl ? "Vul \(number(minimum)) of meer in." : "Please enter \(number(minimum)) or more."
    case .aboveMaximum(let maximum):
      return nl
        ? "Vul \(number(maximum)) of minder in." : "Please enter \(number(maximum)) or less."
    case .notWholeNumber:
      return nl ? "Vul een heel getal in, zonder komma." : "Please enter a whole number."
    case .tooManyDecimals(let decimals):
      if decimals == 0 { return nl ? "Vul een heel getal in." : "Please enter a whole number." }
      return nl
        ? "Gebruik hoogstens \(decimals) cijfer\(decimals == 1 ? "" : "s") na de komma."
        : "Please use at most \(decimals) digit\(decimals == 1 ? "" : "s") after the decimal point."
    case .tooLong(let maxLength):
      return nl
        ? "Dit is te lang: hoogstens \(maxLength) tekens."
        : "This is too long: \(maxLength) characters at most."
    case .empty:
      return nl ? "Er is nog niets ingevuld." : "Nothing has been entered yet."
    case .dateBefore(let minimum):
      return nl
        ? "Kies een datum vanaf \(date(minimum))." : "Please choose a date from \(date(minimum))."
    case .dateAfter(let maximum):
      return nl
        ? "Kies een datum tot en met \(date(maximum))."
        : "Please choose a date up to \(date(maximum))."
    case .specialNotAllowed:
      return nl ? "Bij deze vraag is een antwoord nodig." : "This question needs an answer."
    case .required:
      return nl
        ? "Deze vraag is nodig om verder te gaan."
        : "This question needs an answer before you go on."
    }
  }
}
