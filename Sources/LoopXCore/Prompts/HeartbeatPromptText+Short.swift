/// The brief and thin bodies: dispatchers that name the rules' modes and defer the detail to
/// the guard's output (its `guidance` quotes the deciding rules' `prompt:`).
extension HeartbeatPromptText {
    func labels(_ items: [HeartbeatGuidance.Item]) -> String {
        items.map(\.label).joined(separator: ", ")
    }

    func brief() -> String {
        let skipModes = labels(g.first + g.whenSkipping)
        let runModes = labels(g.whenRunning)
        return [
            headline,
            t("Thin dispatcher: run the preflight and the guard, then obey its JSON.", "精简调度：先运行预检和守卫，再服从其 JSON 输出。"),
            fence(c.preflight, c.quotaGuard),
            preflightFailure,
            "",
            t("should_run=false: do only what heartbeat_recommendation says (\(skipModes)) and its `guidance`; ask at a gate, push at most three user todos, or end quietly. No delivery work, no spend.",
              "should_run=false：只做 heartbeat_recommendation（\(skipModes)）及其 `guidance` 要求的事；在门控处提问、推送至多三个用户待办，或安静结束。不做交付，不花费。"),
            "",
            t("should_run=true: obey effective_action, recovery_delivery_allowed, heartbeat_recommendation (\(runModes)), safe_bypass_kind, goal_boundary, execution_obligation (must_attempt_work=true means attempt one bounded segment even with DONT_NOTIFY), delivery_batch_scale, delivery_outcome, the streaks and handoff_delivery_contract. For context: `\(c.cliBin) status --goal-id \(ShellQuote.quote(goal)) --limit 3` and `\(c.cliBin) review-packet --goal-id \(ShellQuote.quote(goal)) --handoff-only`. Before a risky step: `\(c.gateCheck)` (exit 1: stop).",
              "should_run=true：服从 effective_action、recovery_delivery_allowed、heartbeat_recommendation（\(runModes)）、safe_bypass_kind、goal_boundary、execution_obligation（must_attempt_work=true 时即使 DONT_NOTIFY 也要尝试一个有界片段）、delivery_batch_scale、delivery_outcome、streak 和 handoff_delivery_contract。上下文：`\(c.cliBin) status --goal-id \(ShellQuote.quote(goal)) --limit 3` 与 `\(c.cliBin) review-packet --goal-id \(ShellQuote.quote(goal)) --handoff-only`。风险操作前：`\(c.gateCheck)`（退出码 1：停止）。"),
            "",
            t("Spend exactly once, after validated delivery, then refresh the state (\(writeBackFields)):",
              "交付验证后恰好花费一次，然后刷新状态（\(writeBackFields)）："),
            fence(c.quotaSpend, c.refreshState),
            t("Never spend for: a failed preflight, a skip, a gate question, a blocker push, an unchanged no-op, or a blocker report.",
              "以下情况不花费：预检失败、跳过、门控提问、阻塞推送、无变化的空操作、阻塞汇报。"),
            t("NOTIFY only for a committed artifact, a gate, a blocker or a self-stop. Details: `\(prompt.command(for: .compact))`.",
              "只有提交了产物、门控、阻塞或自停时才通知。细节：`\(prompt.command(for: .compact))`。"),
        ].joined(separator: "\n")
    }

    func thin() -> String {
        // The registry names the state file; only an explicit override is worth its characters.
        let explicit = prompt.state.source == "explicit"
        let state = explicit ? t(" (state: `\(prompt.state.resolved)`)", "（状态：`\(prompt.state.resolved)`）") : ""
        var lines = [
            t("Heartbeat for loopx goal `\(goal)`\(state); use the loopx-project skill.",
              "loopx 目标 `\(goal)` 的心跳\(state)；使用 loopx-project 技能。"),
            fence(c.preflight, c.quotaGuard),
            t("Preflight fails: end quietly, no spend. Re-read registry, state, history and repo each tick.",
              "预检失败：安静结束，不花费。每次都重新读 registry、状态、历史和仓库。"),
            t("should_run=false: do only what heartbeat_recommendation and `guidance` say, no spend.",
              "should_run=false：只做 heartbeat_recommendation 和 `guidance` 要求的事，不花费。"),
            t("should_run=true: obey effective_action, heartbeat_recommendation, `guidance`, goal_boundary and handoff_delivery_contract; must_attempt_work=true means one bounded segment even with DONT_NOTIFY. Before commit/push/PR/publish/production/destructive git: `\(c.gateCheck)` (exit 1: stop).",
              "should_run=true：服从 effective_action、heartbeat_recommendation、`guidance`、goal_boundary 和 handoff_delivery_contract；must_attempt_work=true 时即使 DONT_NOTIFY 也做一个有界片段。提交/推送/PR/发布/生产/破坏性 git 前：`\(c.gateCheck)`（退出码 1：停止）。"),
            t("Only after validated delivery: spend once, refresh with explicit fields.", "仅在交付验证后：花费一次，再用明确字段刷新。"),
            fence(c.quotaSpend, c.refreshState),
            t("Stop for private material, credentials, destructive git or unapproved production.",
              "遇到私有材料、凭据、破坏性 git 或未批准的生产操作时停止。"),
        ]
        if let agent = prompt.inputs.agentID {
            lines.append(t("Agent scope: you are `\(agent)`; claim todos under that id only.", "代理范围：你是 `\(agent)`，只以该 id 认领待办。"))
        }
        return lines.joined(separator: "\n")
    }
}
