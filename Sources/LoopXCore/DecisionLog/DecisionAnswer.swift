import LoopXRules
import LoopXSupport

/// The key fields of a decision's answer, as the log records them and as a replay compares
/// them: one derivation for both, so a faithful replay compares like with like.
public enum DecisionAnswer {
    /// `should_run`: decision, should_run, effective_action, quota state, heartbeat mode and
    /// the execution obligation; `gate`: the strictest gate and whether it allows.
    public static func of(_ result: DecisionResult, kind: String, ruleSet: RuleSet) -> JSONObject {
        var answer = JSONObject()
        if kind == "gate" {
            let report = GateCheckReport(goalID: "", cliKind: "", action: .null, result: result, ruleSet: ruleSet)
            let gate = report.gate
            answer["gate"] = .string(gate)
            answer["allowed"] = .bool(gate == "allow")
        } else {
            let report = ShouldRunReport(goalID: "", result: result, facts: .null, agentID: nil)
            let decided = report.answer
            answer["decision"] = decided.decision
            answer["should_run"] = .bool(report.shouldRun)
            answer["effective_action"] = decided.effectiveAction
            answer["state"] = decided.state
            answer["heartbeat_mode"] = decided.heartbeatMode
            answer["must_attempt_work"] = decided.obligation["must_attempt_work"] ?? .bool(false)
            answer["obligation_kind"] = decided.obligation["kind"] ?? .null
        }
        if let error = result.error { answer["error"] = .string(error.description) }
        return answer
    }

    /// Whether two answers hold the same fields and values (in any key order).
    public static func same(_ a: JSONObject, _ b: JSONObject) -> Bool {
        let writer = JSONWriter(sortedKeys: true, pretty: false)
        return writer.string(.object(a)) == writer.string(.object(b))
    }

    /// A one-line summary of an answer: `run (work)` or `gate blocked`.
    public static func summary(_ answer: JSONObject) -> String {
        if let gate = answer["gate"]?.stringValue { return "gate \(gate)" }
        let decision = answer["decision"]?.stringValue ?? "?"
        let mode = answer["heartbeat_mode"]?.stringValue ?? ""
        return mode.isEmpty ? decision : "\(decision) (\(mode))"
    }
}
