/// The thin body for an agent that has the `loopx mcp` tools (`heartbeat-prompt --thin --mcp`):
/// the same dispatcher with typed tool calls in place of the shell commands, so it is shorter.
extension HeartbeatPromptText {
    func thinMCP() -> String {
        let explicit = prompt.state.source == "explicit"
        let state = explicit ? t(" (state: `\(prompt.state.resolved)`)", "（状态：`\(prompt.state.resolved)`）") : ""
        let id = "goal_id=\"\(goal)\""
        var lines = [
            t("Heartbeat for loopx goal `\(goal)`\(state); call the loopx MCP tools (same JSON as the CLI).",
              "loopx 目标 `\(goal)` 的心跳\(state)；调用 loopx MCP 工具（与 CLI 相同的 JSON）。"),
            t("Call should_run(\(id)). No loopx tools or a tool error: end quietly, no spend. Re-read state, history and repo each tick.",
              "调用 should_run(\(id))。没有 loopx 工具或工具报错：安静结束，不花费。每次都重新读状态、历史和仓库。"),
            t("should_run=false: do only what heartbeat_recommendation and `guidance` say, no spend.",
              "should_run=false：只做 heartbeat_recommendation 和 `guidance` 要求的事，不花费。"),
            t("should_run=true: obey effective_action, heartbeat_recommendation, `guidance`, goal_boundary and handoff_delivery_contract; must_attempt_work=true means one bounded segment even with DONT_NOTIFY. Before commit/push/PR/publish/production/destructive git: gate_check(\(id), kind, ref, paths, command, validated, scan_clean) (allowed=false: stop).",
              "should_run=true：服从 effective_action、heartbeat_recommendation、`guidance`、goal_boundary 和 handoff_delivery_contract；must_attempt_work=true 时即使 DONT_NOTIFY 也做一个有界片段。提交/推送/PR/发布/生产/破坏性 git 前：gate_check(\(id), kind, ref, paths, command, validated, scan_clean)（allowed=false：停止）。"),
            t("Only after validated delivery: spend_slot(\(id), execute=true) once, then refresh_state(\(id), classification, delivery_batch_scale, delivery_outcome). Todos: todo_claim, todo_complete.",
              "仅在交付验证后：spend_slot(\(id), execute=true) 一次，再 refresh_state(\(id), classification, delivery_batch_scale, delivery_outcome)。待办：todo_claim、todo_complete。"),
            t("Stop for private material, credentials, destructive git or unapproved production.",
              "遇到私有材料、凭据、破坏性 git 或未批准的生产操作时停止。"),
        ]
        if let agent = prompt.inputs.agentID {
            lines.append(t("Agent scope: you are `\(agent)`; claim todos under that id only.", "代理范围：你是 `\(agent)`，只以该 id 认领待办。"))
        }
        return lines.joined(separator: "\n")
    }
}
