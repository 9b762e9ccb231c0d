import LoopXRules
import LoopXSupport

/// The answer of `gate check`: allowed or gated, the rules that decided (id, gate, reason,
/// layer, source) and the `prompt:` guidance of every rule that gated.
public struct GateCheckReport: Report {
    public var goalID: String
    public var cliKind: String
    public var action: JSONValue
    public var result: DecisionResult
    public var ruleSet: RuleSet
    /// The registry's problems, named alongside the gate (they are health blockers).
    public var registryProblems: [JSONValue] = []
    /// Per stage, its nearest near miss (see `WhyNot`): the gate that almost applied.
    public var whyNot: [WhyNot] = []

    /// Gates from the strictest down; the report's `gate` is the strictest one raised.
    static let severity = ["blocked", "operator_approval", "parent_approval", "allow"]

    /// Each deciding rule with the item it contributed.
    public var decisions: [JSONValue] {
        guard let stage = result.stage("boundary_gates") else { return [] }
        let items = stage.output.plainJSON["items"]?.arrayValue ?? []
        return stage.decided.map { reference in
            let item = items.first { $0["id"]?.stringValue == reference.id } ?? .null
            var object: JSONObject = [
                "id": .string(reference.id), "gate": item["gate"] ?? "operator_approval",
                "reason": item["reason"] ?? .string("rule \(reference.id) failed to evaluate; gated (fail closed)"),
                "layer": .string(reference.layer.rawValue), "source": .string(reference.origin.description),
            ]
            if let error = stage.ruleErrors.first(where: { $0.id == reference.id }) { object["error"] = .string(error.message) }
            if object["gate"]?.stringValue != "allow", let prompt = ruleSet.rule(id: reference.id)?.prompt {
                object["prompt"] = .string(prompt)
            }
            return .object(object)
        }
    }

    /// The strictest gate raised; `allow` when none, `blocked` when the decision failed.
    public var gate: String {
        if result.error != nil || result.stage("boundary_gates") == nil { return "blocked" }
        let raised = Set(decisions.compactMap { $0["gate"]?.stringValue })
        return GateCheckReport.severity.first { raised.contains($0) && $0 != "allow" } ?? "allow"
    }

    public var ok: Bool { gate == "allow" }

    public var json: JSONValue {
        let all = decisions
        var object: JSONObject = [
            "ok": .bool(ok), "mode": "gate-check", "goal_id": .string(goalID), "kind": .string(cliKind),
            "action": action, "allowed": .bool(ok), "gate": .string(gate), "rules": .array(all),
            "prompts": .array(all.compactMap { $0["prompt"] }), "rule_trace": result.ruleTraceJSON,
            "why_not": .array(whyNot.map(\.json)),
        ]
        if let error = result.error { object["error"] = .string(error.description) }
        if !result.waivers.isEmpty { object["waivers"] = .array(result.waivers.map(\.json)) }
        if !registryProblems.isEmpty { object["registry_problems"] = .array(registryProblems) }
        if !result.expiredWaivers.isEmpty { object["expired_waivers"] = .array(result.expiredWaivers.map(\.json)) }
        return .object(object)
    }

    public var markdown: String {
        var lines = ["# Gate check: \(cliKind) for `\(goalID)`", ""]
        lines.append(ok ? "**Allowed.**" : "**Gated: \(gate).**")
        lines.append("")
        let all = decisions
        if all.isEmpty { lines.append("No gate rule matched this action.") }
        for rule in all {
            lines.append("- `\(rule["id"]?.stringValue ?? "")` → \(rule["gate"]?.stringValue ?? ""): \(rule["reason"]?.stringValue ?? "")"
                + " (\(rule["layer"]?.stringValue ?? "") \(rule["source"]?.stringValue ?? ""))")
            if let prompt = rule["prompt"]?.stringValue { lines.append("  - guidance: \(prompt)") }
        }
        if let error = result.error { lines.append("- **decision failed** (gated): \(error.description)") }
        for problem in registryProblems {
            lines.append("- registry problem `\(problem["code"]?.stringValue ?? "")`: \(problem["message"]?.stringValue ?? "")")
        }
        if !result.waiverLines.isEmpty { lines += [""] + result.waiverLines }
        if !whyNot.isEmpty { lines += ["", "## Why not", ""] + whyNot.map { "- **\($0.stage)**: " + $0.line } }
        if result.traceLevel != .off {
            lines += ["", "## Rule trace", "", result.markdown]
        }
        return lines.joined(separator: "\n")
    }
}
