/// The outcome of one fixture.
public struct FixtureResult: Sendable {
    public enum Status: String, Sendable {
        case passed, failed, skipped
        /// The decision could not be made (facts invalid, a rule aborted): counts as failed.
        case errored
    }

    public var name: String
    public var file: String
    public var line: Int
    public var status: Status
    /// Each failed expectation: what was expected, what came out, and the near-miss why.
    public var failures: [String]
    /// Why the test was skipped or errored.
    public var reason: String?
    /// Rule id → whether it fired, for every enabled rule of the evaluated stages.
    public var outcomes: [String: Bool]
    public var durationNanoseconds: UInt64

    public var location: String { "\(file):\(line)" }
}

/// Whether some fixture made a rule fire and some made it not fire.
public struct RuleCoverage: Sendable, Hashable {
    public var id: String
    public var stage: String
    public var firedIn: Int
    public var notFiredIn: Int

    public var isPaired: Bool { firedIn > 0 && notFiredIn > 0 }
}
