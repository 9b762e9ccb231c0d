import LoopXRules
import LoopXSupport

/// The report of `loopx heartbeat-prompt`: the task body, the commands it embeds, where its
/// active state came from, and its size against the variant's budget.
public struct HeartbeatPromptReport: Report {
    public var prompt: HeartbeatPrompt
    public var taskBody: String

    public init(prompt: HeartbeatPrompt) {
        self.prompt = prompt
        taskBody = prompt.taskBody
    }

    public var ok: Bool { true }

    public var budgetCharCount: Int { taskBody.count }
    public var withinBudget: Bool { budgetCharCount <= prompt.inputs.variant.maxChars }

    public var json: JSONValue {
        let i = prompt.inputs
        let variant = i.variant
        return [
            "ok": true, "goal_id": .string(i.goalID.rawValue),
            "active_state": .string(prompt.state.activeState), "active_state_source": .string(prompt.state.source),
            "resolved_active_state": .string(prompt.state.resolved),
            "compact": .bool(variant == .compact), "brief": .bool(variant == .brief), "thin": .bool(variant == .thin),
            "cli_bin": .string(i.cliBin), "agent_id": i.agentID.map(JSONValue.string) ?? .null,
            "language": .string(i.language.rawValue),
            "expanded_prompt_command": .string(prompt.command(for: .full)),
            "compact_prompt_command": .string(prompt.command(for: .compact)),
            "brief_prompt_command": .string(prompt.command(for: .brief)),
            "thin_prompt_command": .string(prompt.command(for: .thin)),
            "quota_guard_command": .string(prompt.commands.quotaGuard),
            "quota_spend_command": .string(prompt.commands.quotaSpend),
            "refresh_state_command": .string(prompt.commands.refreshState),
            "gate_check_command": .string(prompt.commands.gateCheck),
            "cli_preflight": .string(prompt.commands.preflight),
            "material_queue_rule": .string(prompt.materialRule), "permission_rule": .string(prompt.permissionRule),
            "rule_guidance": .array(prompt.guidance.all.map { item in
                ["rule": .string(item.ruleID), "stage": .string(item.stage), "label": .string(item.label), "layer": .string(item.layer)]
            }),
            "task_body": .string(taskBody),
            "interface_budget": [
                "mode": .string(variant.rawValue), "budget_char_count": .int(Int64(budgetCharCount)),
                "max_chars": .int(Int64(variant.maxChars)), "within_budget": .bool(withinBudget),
            ],
        ]
    }

    public var markdown: String {
        let i = prompt.inputs
        let layers = Set(prompt.guidance.all.map(\.layer)).sorted().joined(separator: ", ")
        var lines = [
            "# Heartbeat Automation Prompt", "", "````text", taskBody, "````", "", "## Generator Inputs", "",
            "- goal id: `\(i.goalID)`",
            "- variant: \(i.variant.rawValue) (\(budgetCharCount) of \(i.variant.maxChars) characters\(withinBudget ? "" : ", OVER BUDGET"))",
            "- active state: `\(prompt.state.resolved)` (\(prompt.state.source))",
            "- CLI: `\(i.cliBin)`",
            "- rule guidance: \(prompt.guidance.all.count) rules (layers: \(layers.isEmpty ? "none" : layers))",
        ]
        if let agent = i.agentID { lines.append("- agent: `\(agent)`") }
        return lines.joined(separator: "\n")
    }
}
