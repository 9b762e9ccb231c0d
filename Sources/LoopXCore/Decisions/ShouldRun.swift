import LoopXRules
import LoopXSupport

/// `quota should-run`: the heartbeat's guard. Builds the goal's facts, runs the should-run
/// pipeline, records an execution obligation when work is owed, and can save the live
/// decision as a regression fixture.
public struct ShouldRun: Sendable {
    public var session: DecisionSession
    public var goalID: GoalID

    public init(session: DecisionSession, goalID: GoalID) {
        self.session = session
        self.goalID = goalID
    }

    /// Decides, and (unless `record` is false: a read-only decision for dashboards, replays
    /// and `--read-only`) records the obligation of a tick that must attempt work and appends
    /// the decision to the goal's decision log.
    public func run(trace: TraceLevel, agentID: String?, record recordObligation: Bool = true) throws(CommandFailure)
        -> ShouldRunReport
    {
        try session.store.requireKnown(goalID)
        try session.store.requireReachableStore()
        // `decide` traces up to each stage's decision for the near misses (`why_not`); printed at the level asked.
        let decided = session.decide("should_run", goalID: goalID, trace: trace)
        let result = decided.result.trimmed(to: trace)
        var report = ShouldRunReport(goalID: goalID.rawValue, result: result, facts: decided.facts, agentID: agentID)
        report.guidance = ShouldRunReport.guidance(result, ruleSet: session.ruleSet)
        report.whyNot = WhyNot.items(decided.result, ruleSet: session.ruleSet)
        let answer = report.answer
        let obligation = answer.obligation
        let issues = report.shouldRun && answer.mustAttemptWork && decided.goal != nil
        if recordObligation {
            var entry: JSONObject = ["issued": .bool(issues)]
            if issues { entry["kind"] = obligation["kind"] ?? "" }
            let previous = decided.facts["obligation"] ?? .null
            if previous["exists"] == .bool(true) {
                entry["previous"] = ["issued_at": previous["issued_at"] ?? "", "status": previous["status"] ?? ""]
            }
            try session.log(decided, kind: "should_run", goalID: goalID, agentID: agentID, obligation: entry)
        }
        if recordObligation, issues {
            var record: JSONObject = [
                "kind": obligation["kind"] ?? "", "minimum": obligation["minimum"] ?? "",
                "effective_action": answer.effectiveAction,
                "must_attempt_work": true,
            ]
            if let agentID { record["agent_id"] = .string(agentID) }
            let ledger = session.store.obligationLedger(goalID)
            do { try ledger.record(record, at: session.store.context.now) } catch {
                throw CommandFailure("cannot record the execution obligation: \(error)")
            }
        }
        return report
    }

    /// A fixture that replays this decision: the facts, `now`, and the outputs and fired
    /// rules to expect. Written as JSON, which the YAML fixture loader reads as flow YAML.
    public static func fixture(_ report: ShouldRunReport, now: Timestamp) -> JSONValue {
        var expect: JSONObject = [:]
        for key in ["decision", "should_run", "effective_action", "state"] {
            if let value = report.output("should_run")[key] { expect["should_run.\(key)"] = value }
        }
        if let mode = report.output("heartbeat_recommendation")["recommended_mode"] {
            expect["heartbeat_recommendation.recommended_mode"] = mode
        }
        if let must = report.output("execution_obligation")["must_attempt_work"] {
            expect["execution_obligation.must_attempt_work"] = must
        }
        expect["fired"] = .array(report.result.firedRuleIDs.map(JSONValue.string))
        var facts = report.facts.objectValue ?? JSONObject()
        facts["now"] = nil
        let test: JSONValue = [
            "name": .string("should-run of \(report.goalID) at \(now.rfc3339) (saved by --save-fixture)"),
            "now": .string(now.rfc3339), "decision": "should_run", "facts": .object(facts), "expect": .object(expect),
        ]
        return ["tests": [test]]
    }
}
