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

  /// What a question's progress line and footer are made from.
  struct QuestionInputs: Equatable, Sendable {
    let width: Int
    let language: Language
    let itemIndex: Int
    let progress: Progress
  }

  var title: (inputs: TitleInputs, line: ScreenLine)?
  var question: (inputs: QuestionInputs, progress: ScreenLine, footer: ScreenLine)?
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
      progress: walk.progress(at: question.itemIndex, in: assessment))
  }

  /// Makes again the kept frame lines whose inputs changed with the last event.
  mutating func keepChrome() {
    guard fits else { return }
    let title = titleInputs
    if chrome.title?.inputs != title { chrome.title = (title, titleLine) }
    guard case .question(let question) = mode else { return }
    let inputs = questionInputs(question)
    if chrome.question?.inputs != inputs {
      let made = questionChrome(inputs)
      chrome.question = (inputs, made.progress, made.footer)
    }
  }
}
