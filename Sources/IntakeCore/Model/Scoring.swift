/// A named expression computed from the answers, e.g. an estimated dietary intake.
public struct ComputedValue: Sendable, Identifiable, Equatable {
  public let id: String
  public let expression: Condition
  public let label: LocalizedText?
  public let unit: LocalizedText?
  /// The unit for exactly one; `unit` when not given.
  public let unitOne: LocalizedText?
  /// Digits after the decimal point when shown.
  public let decimals: Int
  public let bands: [Band]
  /// Whether the expression yields a number (else a boolean).
  public let isNumeric: Bool
  public let location: SourceLocation
}

/// How a scale combines its items.
public enum ScaleMethod: String, Sendable {
  case sum, mean
}

/// A score over items: their sum or mean, turned into a band.
public struct Scale: Sendable, Identifiable, Equatable {
  public let id: String
  public let label: LocalizedText
  public let itemIDs: [String]
  public let method: ScaleMethod
  /// Fewer shown-and-answered items than this and the score is unknown; `nil`: all shown items.
  public let minAnswered: Int?
  public let bands: [Band]
  /// Lowest and highest possible score.
  public let range: ClosedRange<Double>
  public let location: SourceLocation
}

/// A range of scores with a label and a report text: `from ≤ score < to`, the last band
/// including its `to`.
public struct Band: Sendable, Identifiable, Equatable {
  public let id: String
  /// `nil`: open ended below (only on a computed value's first band).
  public let lowerBound: Double?
  /// `nil`: open ended above (only on a computed value's last band).
  public let upperBound: Double?
  public let label: LocalizedText
  public let text: TextTemplate?
  public let location: SourceLocation

  /// Whether `score` falls in this band, the band being the last one or not.
  public func contains(_ score: Double, isLast: Bool) -> Bool {
    if let lowerBound, score < lowerBound { return false }
    if let upperBound {
      return isLast ? score <= upperBound : score < upperBound
    }
    return true
  }
}

extension Array where Element == Band {
  /// The band `score` falls in.
  public func band(for score: Double) -> Band? {
    for (offset, band) in enumerated() where band.contains(score, isLast: offset == count - 1) {
      return band
    }
    return nil
  }
}
