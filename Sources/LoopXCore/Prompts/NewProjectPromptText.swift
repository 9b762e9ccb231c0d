import LoopXRules
import LoopXSupport

/// The wording of the new-project handoff, in English or Chinese.
struct NewProjectPromptText {
    var prompt: NewProjectPrompt

    func render(_ language: PromptLanguage) -> String {
        let p = prompt
        let steps = language == .zh ? chineseSteps : englishSteps
        var lines: [String] = []
        lines.append(language == .zh
            ? "把项目 `\(p.inputs.project)` 接入 loopx，目标文档为 `\(p.inputs.goalDoc)`。按顺序执行："
            : "Connect the project `\(p.inputs.project)` to loopx, with `\(p.inputs.goalDoc)` as its goal document. Work through these steps in order:")
        lines.append("")
        for (number, step) in steps.enumerated() { lines.append("\(number). \(step)") }
        lines.append("")
        lines.append(p.inputs.spawnAllowed
            ? (language == .zh
                ? "并行：允许派生子目标，但每个子目标必须在 allowed_domains 与 write_scope 之内。"
                : "Parallelism: spawning child goals is allowed, each inside allowed_domains and write_scope.")
            : (language == .zh
                ? "并行：保持单一控制者；未获允许不要派生子代理或子目标。"
                : "Parallelism: keep a single controller; do not spawn child agents or goals unless allowed."))
        return lines.joined(separator: "\n")
    }

    private var fence: (String) -> String { { "\n```sh\n\($0)\n```" } }

    private var englishSteps: [String] {
        let p = prompt
        return [
            "CLI preflight:" + fence(p.commands.preflight),
            "Read the goal document and the repository read-only. Extract the goal id, objective, domain, authority sources, work clusters, validation surfaces, the boundary (what must not be touched) and a first bounded action. Change nothing yet.",
            "Keep these defaults unless the goal document says otherwise: goal id `\(p.goalID)`, domain `\(p.domain)`, adapter `\(p.inputs.adapterKind)` (`\(p.inputs.adapterStatus)`), no spawning, public-safe text only in state and history.",
            "Connect the project (safe to rerun; it keeps existing files unless `--force`):" + fence(p.connectCommand),
            "Confirm `.loopx/registry.json` and `.codex/goals/\(p.goalID)/ACTIVE_GOAL_STATE.md` exist, and that `.loopx/` and `.codex/goals/` are in `.gitignore`.",
            "Run the quota guard. If it reports an operator gate, ask the operator the gate question and stop; if `safe_bypass_allowed` is true, only one bounded gate-independent step is allowed. Record questions for the user with `\(p.inputs.cliBin) todo add --role user`." + fence(p.commands.quotaGuard),
            "Generate the heartbeat task body with `\(p.inputs.cliBin) heartbeat-prompt --goal-id \(p.goalID)` and install it in the agent host.",
            "Run the first read-only map: `\(p.inputs.cliBin) read-only-map --goal-id \(p.goalID)`.",
            "If only the active state changed, write it back with `\(p.inputs.cliBin) refresh-state --goal-id \(p.goalID)` and explicit `--classification --delivery-batch-scale --delivery-outcome`.",
            "Validate: `\(p.inputs.cliBin) registry`, `\(p.inputs.cliBin) status --goal-id \(p.goalID)`, `\(p.inputs.cliBin) check`.",
            "Spend exactly one slot, and only after real compute was used:" + fence(p.commands.quotaSpend),
            "Report what was connected, what the guard said, and the first action, in a few lines.",
        ]
    }

    private var chineseSteps: [String] {
        let p = prompt
        return [
            "CLI 预检：" + fence(p.commands.preflight),
            "只读阅读目标文档和仓库，提取目标 id、目标、领域、权威来源、工作簇、验证面、边界（不能触碰的内容）和第一个有界动作。此步不做任何修改。",
            "除非目标文档另有规定，使用以下默认值：目标 id `\(p.goalID)`，领域 `\(p.domain)`，适配器 `\(p.inputs.adapterKind)`（`\(p.inputs.adapterStatus)`），不派生子代理，状态和历史中只写可公开的文本。",
            "接入项目（可安全重复执行；除非加 `--force`，已有文件会保留）：" + fence(p.connectCommand),
            "确认 `.loopx/registry.json` 和 `.codex/goals/\(p.goalID)/ACTIVE_GOAL_STATE.md` 已存在，并且 `.loopx/` 与 `.codex/goals/` 已写入 `.gitignore`。",
            "运行配额守卫。若提示 operator gate，向操作者提出门控问题后停止；若 `safe_bypass_allowed` 为 true，只允许一个与门控无关的有界步骤。需要用户处理的事项用 `\(p.inputs.cliBin) todo add --role user` 记录。" + fence(p.commands.quotaGuard),
            "用 `\(p.inputs.cliBin) heartbeat-prompt --goal-id \(p.goalID)` 生成心跳任务正文，并安装到代理宿主。",
            "运行第一次只读映射：`\(p.inputs.cliBin) read-only-map --goal-id \(p.goalID)`。",
            "如果只有活动状态发生变化，用 `\(p.inputs.cliBin) refresh-state --goal-id \(p.goalID)` 写回，并明确给出 `--classification --delivery-batch-scale --delivery-outcome`。",
            "验证：`\(p.inputs.cliBin) registry`、`\(p.inputs.cliBin) status --goal-id \(p.goalID)`、`\(p.inputs.cliBin) check`。",
            "只有在真正消耗了计算之后，才恰好花费一个配额槽：" + fence(p.commands.quotaSpend),
            "用几行中文汇报：接入了什么、守卫的结论、第一个动作。",
        ]
    }
}

/// The report of `loopx new-project-prompt`.
public struct NewProjectPromptReport: Report {
    public var prompt: NewProjectPrompt

    public init(prompt: NewProjectPrompt) {
        self.prompt = prompt
    }

    public var ok: Bool { true }

    public var json: JSONValue {
        let i = prompt.inputs
        return [
            "ok": true, "project": .string(i.project), "goal_doc": .string(i.goalDoc), "goal_id": .string(prompt.goalID),
            "objective": .string(prompt.objective), "domain": .string(prompt.domain),
            "adapter_kind": .string(i.adapterKind), "adapter_status": .string(i.adapterStatus),
            "next_probe": i.nextProbe.map(JSONValue.string) ?? .null, "spawn_allowed": .bool(i.spawnAllowed),
            "allowed_domains": .array(i.allowedDomains.map(JSONValue.string)),
            "write_scope": .array(i.writeScope.map(JSONValue.string)),
            "connect_command": .string(prompt.connectCommand), "quota_guard_command": .string(prompt.commands.quotaGuard),
            "quota_spend_command": .string(prompt.commands.quotaSpend), "cli_preflight": .string(prompt.commands.preflight),
            "language": .string(i.language.rawValue), "prompt": .string(prompt.prompt),
        ]
    }

    public var markdown: String {
        let i = prompt.inputs
        return """
            # New Project Handoff Prompt

            ````text
            \(prompt.prompt)
            ````

            ## Generator Inputs

            - project: `\(i.project)`
            - goal document: `\(i.goalDoc)`
            - goal id: `\(prompt.goalID)`
            - adapter: `\(i.adapterKind)` (`\(i.adapterStatus)`)
            - language: \(i.language.rawValue)
            """
    }
}
