import IntakeCore

/// The frame's lines kept between keys (title bar, progress line, key footer), each with what it
/// was made from. An arrow key changes none of them; measuring, cutting and joining their texts
/// again on every key was a fifth of the key's work. A kept line is used only when its inputs are
/// what the screen would make it from now, so it can never show something stale.
struct FrameChrome: Sendable {
  /// What the title bar is made from (the questionnaire's title is the walk's, fixed).
  struct TitleInputs: Equatable, Sendable {
    let width: Int
    let language: Language
    let profile: String?
  }

  /// What a question's progress line and footer are made from: the progress follows from the
  /// item and the assessment, which is named by its revision (comparing two numbers, where working
  /// the progress out again took a search of the sections on every key).
  struct QuestionInputs: Equatable, Sendable {
    let width: Int
    let language: Language
    let itemIndex: Int
    let assessmentRevision: Int
  }

  /// The title bar as made from `inputs`.
  struct Title: Sendable {
    let inputs: TitleInputs
    let line: ScreenLine
  }

  /// A question's progress line and footer as made from `inputs`.
  struct Question: Sendable {
    let inputs: QuestionInputs
    let progress: ScreenLine
    let footer: ScreenLine
  }

  // Structs, not optional tuples: copying and destroying an optional tuple went through the
  // runtime's generic value witnesses, looking up the tuple's metadata on every key.
  var title: Title?
  var question: Question?
}

extension FormState {
  var titleInputs: FrameChrome.TitleInputs {
    FrameChrome.TitleInputs(width: width, language: language, profile: profile)
  }

  var titleLine: ScreenLine {
    Frame.titleLine(
      left: "intake · \(questionnaire.title.text(in: language))", right: profile ?? "",
      width: width)
  }

  func questionInputs(_ question: QuestionScreen) -> FrameChrome.QuestionInputs {
    FrameChrome.QuestionInputs(
      width: width, language: language, itemIndex: question.itemIndex,
      assessmentRevision: assessmentRevision)
  }

  /// Makes again the kept frame lines whose inputs changed with the last event.
  mutating func keepChrome() {
    guard fits else { return }
    let title = titleInputs
    if chrome.title?.inputs != title {
      chrome.title = FrameChrome.Title(inputs: title, line: titleLine)
    }
    guard case .question(let question) = mode else { return }
    let inputs = questionInputs(question)
    if chrome.question?.inputs != inputs {
      let made = questionChrome(inputs)
      chrome.question = FrameChrome.Question(
        inputs: inputs, progress: made.progress, footer: made.footer)
    }
  }
}
