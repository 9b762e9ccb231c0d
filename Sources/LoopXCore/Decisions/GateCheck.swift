import LoopXRules
import LoopXSupport

/// `gate check`: evaluates one proposed action of a goal against the boundary gates (the
/// `gate` decision of `Rules/pipeline.yaml`) and reports the rules that decided.
public struct GateCheck: Sendable {
    /// The action kinds the command line takes, and the `action.kind` the gate rules read.
    public static let kinds: [(cli: String, action: String)] = [
        ("commit", "commit"), ("push", "push"), ("pr", "pull_request"), ("publish", "publish"),
        ("production", "deploy"), ("destructive-git", "history_rewrite"), ("write", "write"),
    ]

    /// A proposed action as given on the command line.
    public struct Request: Sendable {
        public var goalID: String
        public var kind: String
        public var paths: [String] = []
        public var ref: String = ""
        public var command: String = ""
        public var validated = false
        public var scanClean = false
        public var environment: String = ""
        public var requiresReview = false
        public var agentID: String = ""

        public init(goalID: String, kind: String) {
            self.goalID = goalID
            self.kind = kind
        }
    }

    public var session: DecisionSession

    public init(session: DecisionSession) {
        self.session = session
    }

    /// The `action` fact for a request. `destructive-git` with a `--command` lets the rules
    /// classify the command (force-push, branch deletion, hard reset ...); without one the
    /// caller's word that it rewrites history is taken. `production` defaults the environment.
    public static func action(_ request: Request) throws(CommandFailure) -> JSONValue {
        guard let mapped = kinds.first(where: { $0.cli == request.kind })?.action else {
            throw CommandFailure(
                "unknown --kind '\(request.kind)'" + Suggestion.hint(for: request.kind, in: kinds.map(\.cli)),
                hint: "KIND is one of " + kinds.map(\.cli).joined(separator: ", "), status: .usage)
        }
        var kind = mapped
        if request.kind == "destructive-git", !request.command.isEmpty { kind = "command" }
        var environment = request.environment
        if request.kind == "production", environment.isEmpty { environment = "production" }
        for path in request.paths where path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            throw CommandFailure("--path '\(path)' must be relative to the repository and stay inside it", status: .usage)
        }
        return [
            "kind": .string(kind), "paths": .strings(request.paths), "ref": .string(request.ref),
            "validated": .bool(request.validated), "scan_clean": .bool(request.scanClean), "findings": .array([]),
            "command": .string(request.command), "environment": .string(environment),
            "requires_review": .bool(request.requiresReview), "agent_id": .string(request.agentID),
        ]
    }

    /// Evaluates the gates for the request and (unless `record` is false: `--read-only`)
    /// appends the decision to the goal's decision log.
    public func run(_ request: Request, trace: TraceLevel, record: Bool = true) throws(CommandFailure) -> GateCheckReport {
        let goalID = try GoalID.parse(request.goalID)
        _ = try session.store.goal(goalID)
        let action = try GateCheck.action(request)
        // Traced at least `.on` for the near misses (`why_not`); printed at the level asked.
        let decided = session.decide("gate", goalID: goalID, action: action, trace: trace)
        if record {
            try session.log(decided, kind: "gate", goalID: goalID, agentID: request.agentID.isEmpty ? nil : request.agentID)
        }
        var report = GateCheckReport(
            goalID: goalID.rawValue, cliKind: request.kind, action: action, result: decided.result.trimmed(to: trace),
            ruleSet: session.ruleSet)
        report.whyNot = WhyNot.items(decided.result, ruleSet: session.ruleSet)
        report.registryProblems = session.health.registryProblems
        return report
    }
}
