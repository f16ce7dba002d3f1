internal import CPOSIX

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The few string edits intake needs, written against the standard library so that no target needs
// full Foundation (and ICU, most of a static binary's size) for them. Each one keeps Foundation's
// meaning: trimming and searching work on Unicode scalars, as NSString does, not on characters
// (so a slash followed by a combining mark is still a slash).

extension StringProtocol {
  /// Without leading and trailing spaces and tabs (Foundation's `.whitespaces`: tab and the
  /// space separators).
  package func trimmingWhitespace() -> String { trimmingScalars(where: \.isHorizontalSpace) }

  /// Without leading and trailing white space and line breaks (Foundation's
  /// `.whitespacesAndNewlines`).
  package func trimmingWhitespaceAndNewlines() -> String {
    trimmingScalars { $0.isHorizontalSpace || $0.isLineBreak }
  }

  private func trimmingScalars(where trimmed: (Unicode.Scalar) -> Bool) -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !trimmed($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !trimmed($0) }) ?? first
    return String(String.UnicodeScalarView(scalars[first...last]))
  }

  /// Whether the text holds `scalar` (an ASCII one, compared byte by byte).
  package func containsScalar(_ scalar: Unicode.Scalar) -> Bool {
    precondition(scalar.isASCII)
    return utf8.contains(UInt8(scalar.value))
  }

  /// Every occurrence of `target` replaced by `replacement`, matched scalar by scalar (as
  /// Foundation's `replacingOccurrences(of:with:)` does without options).
  package func replacingAll(_ target: String, with replacement: String) -> String {
    let text = Array(utf8)
    let pattern = Array(target.utf8)
    guard !pattern.isEmpty, let first = text.firstRange(of: pattern) else { return String(self) }
    var out: [UInt8] = []
    out.reserveCapacity(text.count)
    out += text[..<first.lowerBound]
    out += replacement.utf8
    var rest = text[first.upperBound...]
    while let next = rest.firstRange(of: pattern) {
      out += rest[..<next.lowerBound]
      out += replacement.utf8
      rest = rest[next.upperBound...]
    }
    out += rest
    // Matching whole UTF-8 sequences of valid text leaves valid text.
    return String(decoding: out, as: UTF8.self)
  }

  /// The offset in UTF-8 bytes of the first occurrence of `target`, scalar by scalar.
  package func utf8Offset(of target: String) -> Int? {
    Array(utf8).firstRange(of: Array(target.utf8))?.lowerBound
  }
}

extension Unicode.Scalar {
  /// Tab and the space separators (Unicode category Zs).
  fileprivate var isHorizontalSpace: Bool {
    self == "\t" || properties.generalCategory == .spaceSeparator
  }

  /// U+000A–U+000D, NEL, and the line and paragraph separators.
  fileprivate var isLineBreak: Bool {
    switch value {
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
    default: false
    }
  }
}

extension String {
  /// The text in Unicode Normalization Form C (composed: "e" + U+0301 becomes "é"), as
  /// Foundation's `precomposedStringWithCanonicalMapping`. The standard library's own NFC (the one
  /// it compares strings by) is public under an underscored name; FoundationEssentials has none.
  package var composed: String { String(decoding: _nfcCodeUnits, as: UTF8.self) }
}

/// C's `printf` formats for the two numbers Foundation's `String(format:)` was used for.
package enum CFormat {
  /// `value` with exactly `digits` digits after the point (`%.*f`), always with a full stop:
  /// formatted in the C locale whatever `setlocale` chose for the terminal.
  package static func fixed(_ value: Double, digits: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 400)
    let c = newlocale(intake_lc_all_mask(), "C", nil)
    let previous = c.map { uselocale($0) }
    defer {
      if let previous { uselocale(previous) }
      if let c { freelocale(c) }
    }
    let written = withVaList([Int32(digits), value]) { arguments in
      vsnprintf(&buffer, buffer.count, "%.*f", arguments)
    }
    guard written >= 0, Int(written) < buffer.count else { return "\(value)" }
    return String(decoding: buffer[..<Int(written)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `value` in upper-case hexadecimal, at least `width` digits (`%0*X`).
  package static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
