import CFuzzer

/// Runs libFuzzer with this process's arguments, calling `body` with each input; never returns.
public func runFuzzer(
  _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Never {
  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  let status = LLVMFuzzerRunDriver(&argc, &argv, body)
  exit(status)
}

@_silgen_name("exit") private func exit(_ status: Int32) -> Never
