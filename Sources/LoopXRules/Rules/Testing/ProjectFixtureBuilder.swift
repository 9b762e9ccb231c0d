import LoopXSupport
/// Builds the facts of a `project:` fixture the way the CLI does (LoopXCore implements it;
/// the engine knows nothing of registries or goals).
public protocol ProjectFixtureBuilder: Sendable {
    /// The facts for `goal` in `directory`, for the decision named by the fixture.
    func build(_ request: ProjectFixtureRequest) throws(ProjectFixtureFailure) -> ProjectFixtureFacts
}

/// What a `project:` fixture asks for.
public struct ProjectFixtureRequest: Sendable {
    public var directory: String
    public var goal: String
    /// As written in the fixture (`should-run`).
    public var decision: String
    public var now: Timestamp?
}

/// The facts built for a project fixture, and how to assemble the command's output from the
/// decision (so `expect` can check keys such as `decision`).
public struct ProjectFixtureFacts: Sendable {
    public var facts: [String: Value]
    public var now: Timestamp
    /// The pipeline decision to evaluate (`should_run`).
    public var decision: String
    /// The command-level output for `expect` keys that are not stage outputs.
    public var assemble: (@Sendable (DecisionResult) -> JSONValue)?

    public init(facts: [String: Value], now: Timestamp, decision: String, assemble: (@Sendable (DecisionResult) -> JSONValue)? = nil) {
        self.facts = facts
        self.now = now
        self.decision = decision
        self.assemble = assemble
    }
}

/// Why a project fixture's facts could not be built.
public struct ProjectFixtureFailure: Error, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
