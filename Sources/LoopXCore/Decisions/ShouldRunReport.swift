import LoopXRules
import LoopXSupport

/// The answer of `quota should-run`: the staged decision assembled into the keys agents read
/// (reference §7.6), with the compact rule trace always and the full trace when asked.
public struct ShouldRunReport: Report {
    public var goalID: String
    public var result: DecisionResult
    public var facts: JSONValue
    public var agentID: String?
    /// The deciding rules' `prompt:` texts (see `ShouldRunReport.guidance`).
    public var guidance: [JSONValue] = []
    /// Per stage, its nearest near miss (see `WhyNot`).
    public var whyNot: [WhyNot] = []

    public init(goalID: String, result: DecisionResult, facts: JSONValue, agentID: String?) {
        self.goalID = goalID
        self.result = result
        self.facts = facts
        self.agentID = agentID
    }

    func output(_ stage: String) -> JSONValue { result.stage(stage)?.output.plainJSON ?? .null }

    /// `should_run` of the decision (false when the decision failed, or any rule failed to
    /// evaluate: a broken rule never lets the goal run).
    public var shouldRun: Bool {
        result.error == nil && result.ruleErrors.isEmpty && output("should_run")["should_run"] == .bool(true)
    }

    public var ok: Bool { result.error == nil && result.ruleErrors.isEmpty && output("should_run")["ok"] == .bool(true) }

    /// The declared shape of the answer (`answers.should_run` of pipeline.yaml; a rule set
    /// that declares none answers with the `should_run` stage's output alone).
    var shape: AnswerShape { result.answer ?? AnswerShape(decision: "should_run", base: "should_run", fields: []) }

    /// Each stage's output by stage name, the answer's base failed closed: a rule that errors
    /// on the real facts makes the tick a skip naming it.
    var outputs: [String: JSONValue] {
        var outputs: [String: JSONValue] = [:]
        for stage in result.stages { outputs[stage.stage] = stage.output.plainJSON }
        if let base = shape.base, let failed = result.ruleErrors.first {
            var object = outputs[base]?.objectValue ?? JSONObject()
            object["decision"] = "skip"
            object["should_run"] = false
            object["effective_action"] = "rule_error"
            object["reason"] = .string(
                "rule '\(failed.id)' (stage \(failed.stage)) failed to evaluate: \(failed.message); no compute until it is fixed "
                    + "(see `loopx rules explain --goal-id \(goalID)`)")
            outputs[base] = .object(object)
        } else if let base = shape.base, result.error != nil, var object = outputs[base]?.objectValue, object["should_run"] != nil {
            // A decision that aborted never lets the goal run, whatever the stages before said.
            object["should_run"] = false
            outputs[base] = .object(object)
        }
        return outputs
    }

    /// The answer's own fields: the base stage's output and the declared fields, in order.
    public var answer: ShouldRunAnswer { ShouldRunAnswer(shape: shape, outputs: outputs) }

    public var json: JSONValue {
        let outputs = outputs
        var object = shape.base.flatMap { outputs[$0]?.objectValue } ?? JSONObject()
        object["ok"] = .bool(ok)
        object["mode"] = "should-run"
        object["goal_id"] = .string(goalID)
        if let agentID { object["agent_id"] = .string(agentID) }
        object["quota"] = quota
        for entry in shape.entries(outputs) { object[entry.key] = entry.value }
        // Registry problems block the run (health); name them, so the skip says what to fix.
        let problems = facts["health"]?["registry_problems"]?.arrayValue ?? []
        if !problems.isEmpty { object["registry_problems"] = .array(problems) }
        object["goal_boundary"] = GoalBoundary.json(facts: facts)
        object["todo_write_hint"] = todoWriteHint
        object["guidance"] = .array(guidance)
        object["why_not"] = .array(whyNot.map(\.json))
        object["rule_trace"] = result.ruleTraceJSON
        if !result.waivers.isEmpty { object["waivers"] = .array(result.waivers.map(\.json)) }
        if !result.expiredWaivers.isEmpty { object["expired_waivers"] = .array(result.expiredWaivers.map(\.json)) }
        if let error = result.error { object["error"] = .string(error.description) }
        return .object(object)
    }

    /// The quota state with the numbers behind it.
    var quota: JSONValue { QuotaSummary.json(outcomeFloor: output("outcome_floor"), facts: facts) }

    var todoWriteHint: JSONValue {
        [
            "rule": "record new questions for people as user todos; record follow-up work as agent todos",
            "user_todo_command_template": .string("loopx todo add --goal-id \(goalID) --role user --text '<question>'"),
            "agent_todo_command_template": .string("loopx todo add --goal-id \(goalID) --role agent --text '<work>'"),
            "section": "User Todo / Owner Review Reading Queue",
        ]
    }

    /// The decision first — what to do, the guidance, the deciding rule — then one line per
    /// stage with its near miss, then the details; the full trace only with `--trace`.
    public var markdown: String {
        let object = json
        var lines = ["# Should `\(goalID)` run now?", ""]
        lines.append("- decision: **\(object["decision"]?.stringValue ?? "skip")** (should_run: \(shouldRun))")
        if let action = object["recommended_action"]?.stringValue, !action.isEmpty {
            lines.append("- recommended action: \(action)")
        }
        for entry in guidance {
            lines.append("- guidance (`\(entry["rule"]?.stringValue ?? "")`): \(entry["prompt"]?.stringValue ?? "")")
        }
        if let decider = result.stage("should_run")?.decided.first {
            lines.append("- deciding rule: `\(decider.id)` (\(decider.layer.rawValue) \(decider.origin))")
        }
        lines.append("- effective action: `\(object["effective_action"]?.stringValue ?? "")`")
        lines.append("- quota state: `\(object["state"]?.stringValue ?? "")` — \(object["reason"]?.stringValue ?? "")")
        let recommendation = object["heartbeat_recommendation"] ?? .null
        lines.append("- heartbeat: `\(recommendation["recommended_mode"]?.stringValue ?? "")` (\(recommendation["notify"]?.stringValue ?? ""))")
        if let command = recommendation["command"]?.stringValue, !command.isEmpty { lines.append("  - command: `\(command)`") }
        let obligation = object["execution_obligation"] ?? .null
        lines.append("- must attempt work: \(obligation["must_attempt_work"]?.boolValue ?? false) (`\(obligation["kind"]?.stringValue ?? "")`)")
        if let contract = object["handoff_delivery_contract"], !contract.isNull {
            lines.append("- delivery contract: `\(contract["mode"]?.stringValue ?? "")` — \(contract["summary"]?.stringValue ?? "")")
        }
        for warning in object["warnings"]?.arrayValue ?? [] {
            lines.append("- warning `\(warning["warning"]?.stringValue ?? "")`: \(warning["message"]?.stringValue ?? "")")
        }
        for problem in object["registry_problems"]?.arrayValue ?? [] {
            lines.append("- registry problem `\(problem["code"]?.stringValue ?? "")`: \(problem["message"]?.stringValue ?? "")")
        }
        if let error = object["error"]?.stringValue { lines.append("- **error**: \(error)") }
        lines += ["", "## Stages", ""]
        lines += WhyNot.stageLines(result, whyNot: whyNot)
        if result.traceLevel != .off {
            lines += ["", "## Rule trace", "", result.markdown]
        } else {
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
