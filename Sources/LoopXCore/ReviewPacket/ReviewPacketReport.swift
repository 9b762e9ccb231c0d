import LoopXRules
import LoopXSupport

/// The output of `loopx review-packet`: the full packet, or only the agent handoff.
public struct ReviewPacketReport: Report {
    public var packet: ReviewPacket
    public var handoffOnly: Bool

    public init(packet: ReviewPacket, handoffOnly: Bool) {
        self.packet = packet
        self.handoffOnly = handoffOnly
    }

    public var ok: Bool { true }

    /// Fields both forms share.
    var common: JSONObject {
        let input = packet.input
        return [
            "ok": true, "handoff_only": .bool(handoffOnly), "goal_id": .string(input.goalID), "kind": .string(packet.kind.rawValue),
            "waiting_on": JSONField.string(input.attention.waitingOn), "status": .string(PathRedaction.redact(input.attention.status)),
            "project_agent_command": .string(packet.command), "project_agent_handoff": .string(packet.handoff.text),
            "handoff_interface_budget": packet.handoff.budget, "language": .string(input.language.rawValue),
        ]
    }

    public var json: JSONValue {
        var out = common
        if handoffOnly {
            out["handoff_text"] = .string(packet.handoff.text)
            out["handoff_delivery_contract"] = packet.input.deliveryContract
            for key in ["line_count", "char_count", "within_budget"] { out[key] = packet.handoff.budget[key] ?? .null }
            return .object(out)
        }
        let input = packet.input
        var decisions = JSONObject()
        for gate in packet.gateCommands { decisions[gate.decision] = .string(gate.command) }
        out["severity"] = JSONField.string(input.attention.severity)
        out["source"] = .string(input.attention.source)
        out["review_url"] = JSONField.string(input.reviewURL)
        out["question"] = .string(packet.question)
        out["suggested_decision"] = .string(packet.suggestedDecision)
        out["reply_format"] = .string(packet.replyFormat)
        out["unlock_condition"] = JSONField.string(packet.unlockCondition)
        out["operator_gate_dry_run_command"] = .string(packet.gateDryRunCommand)
        out["operator_gate_decision_commands"] = .object(decisions)
        out["user_todo_text"] = JSONField.string(input.userTodos.first.map { PathRedaction.redact($0.text) })
        out["agent_todo_text"] = JSONField.string(input.agentTodos.first.map { PathRedaction.redact($0.text) })
        out["agent_todo_items"] = .array(input.agentTodos.prefix(3).map { todo in
            ["todo_id": .string(todo.id), "text": .string(PathRedaction.redact(todo.text))]
        })
        out["attention"] = PathRedaction.redact(input.attention.json)
        out["latest_run"] = input.latestRun.map { PathRedaction.redact(ReviewPacketReport.compact($0)) } ?? .null
        out["packet"] = .string(packet.text)
        return .object(out)
    }

    /// A run as the packet shows it: identity, classification, action and the reward, no paths.
    static func compact(_ run: RunRecord) -> JSONValue {
        var out: JSONObject = [
            "generated_at": .string(run.generatedAt), "classification": JSONField.string(run.classification),
            "recommended_action": JSONField.string(run.recommendedAction),
        ]
        if let reward = run.humanReward { out["human_reward"] = .object(reward) }
        if let gate = run.fields["operator_gate"] { out["operator_gate"] = gate }
        return .object(out)
    }

    public var markdown: String { handoffOnly ? packet.handoff.text : packet.text }
}
