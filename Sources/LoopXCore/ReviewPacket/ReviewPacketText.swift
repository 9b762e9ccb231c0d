/// The wordings of review packets and handoffs (the original's were Chinese), per language.
struct ReviewPacketText {
    var language: PromptLanguage
    var goalID: String

    /// Forward condition, execution boundary and stop condition of a handoff.
    func handoffConditions(_ kind: ReviewKind, approvedCommand: Bool) -> (forward: String, boundary: String, stop: String) {
        let t = language.text
        switch kind {
        case .controller:
            return (t("only as a read-only preview, or after the operator's approval is recorded", "仅作为只读预览，或在操作者批准已记录之后"),
                    t("read-only: no writes, no gated command, no publishing or production action", "只读：不写入、不执行闸门后的命令、不发布、不动生产"),
                    t("after reporting the preview, or as soon as the operator rejects or defers", "汇报预览结果后，或操作者拒绝/暂缓时立即停止"))
        case .codex:
            return (approvedCommand
                    ? t("the operator approved this command (operator_gate_approved); run it once", "操作者已批准该命令（operator_gate_approved）；只执行一次")
                    : t("`loopx quota should-run --goal-id \(goalID)` allows the goal now", "`loopx quota should-run --goal-id \(goalID)` 当前允许执行"),
                    t("one bounded segment inside the goal's write scope; no push, publish or production without its gate", "在目标写入范围内完成一个有界片段；未过闸门不推送、不发布、不动生产"),
                    t("after one validated segment with the active state written back, or at the first blocker (report it, spend nothing)", "完成一个已验证片段并回写 active state 后停止；遇到阻塞即汇报，不消耗配额"))
        case .reward:
            return (t("after the operator's reward is recorded on the run", "操作者的奖励已记录到该运行之后"),
                    t("read the reward and its lesson; the lesson is advisory and grants no write control", "读取奖励和经验；经验仅供参考，不授予写入权限"),
                    t("after reading the latest 3 runs and adjusting the next action", "读完最近 3 次运行并调整下一步后停止"))
        case .evidence:
            return (t("when the awaited external evidence has arrived", "等待的外部证据到达时"),
                    t("observe only; no delivery work", "只观察，不做交付工作"),
                    t("now, if nothing changed since the last check", "若自上次检查以来没有变化，立即停止"))
        case .health:
            return (t("once the health problem is understood", "弄清健康问题之后"),
                    t("repair only the failing contract or artifacts; no delivery work", "只修复失败的契约或产物，不做交付工作"),
                    t("when status shows no high-severity item for the goal", "status 不再显示该目标的高严重度条目时"))
        case .focusWait:
            return (t("when the focus window opens", "专注窗口打开时"),
                    t("no new delivery work in this tick", "本轮不做新的交付工作"),
                    t("now; report the wait reason", "立即停止并汇报等待原因"))
        case .status:
            return (t("when status shows an item for the goal", "status 显示该目标有待处理条目时"),
                    t("read-only", "只读"),
                    t("after reading status", "读完 status 后停止"))
        }
    }

    /// The human part: question, suggested decision, reply format, boundary.
    func decision(_ kind: ReviewKind, operatorQuestion: String?) -> (question: String, suggested: String, reply: String, boundary: String) {
        let t = language.text
        switch kind {
        case .controller:
            return (operatorQuestion ?? t("Approve the next gated step for goal \(goalID)?", "是否批准目标 \(goalID) 的下一个闸门步骤？"),
                    t("approve if the step stays read-only and inside the goal's scope; otherwise defer with a reason", "若该步骤只读且在目标范围内则批准，否则暂缓并说明原因"),
                    t("approve | reject | defer, plus a one-line reason", "approve | reject | defer，并附一句原因"),
                    t("the answer records an operator gate only; it grants no write control or production action", "答复只记录操作者闸门，不授予写入权限或生产操作"))
        case .reward:
            return (t("How did the latest run of \(goalID) go: positive, mixed, negative or neutral?", "目标 \(goalID) 最近一次运行的结果如何：positive、mixed、negative 还是 neutral？"),
                    t("judge the latest run against its recommended action", "对照其 recommended action 评判最近一次运行"),
                    t("reward value, decision, one-line reason (optionally a lesson)", "奖励值、决定、一句原因（可附经验）"),
                    t("the reward binds to that one run; a lesson is advisory", "奖励只绑定该次运行；经验仅供参考"))
        case .codex:
            return (t("Nothing to decide: forward the handoff to the project agent?", "无需决策：是否把交接转发给项目 Agent？"),
                    t("forward", "转发"), t("forward | hold", "转发 | 暂停"),
                    t("forwarding authorizes one bounded segment only", "转发只授权一个有界片段"))
        case .evidence:
            return (t("Is the external evidence goal \(goalID) waits for available yet?", "目标 \(goalID) 等待的外部证据是否已到？"),
                    t("hold until it is", "到达前保持等待"), t("available | still waiting", "已到 | 仍在等待"),
                    t("no delivery work while waiting", "等待期间不做交付"))
        case .health:
            return (t("Repair the health problem of goal \(goalID) before any delivery?", "是否先修复目标 \(goalID) 的健康问题再交付？"),
                    t("yes: repair first", "是：先修复"), t("repair | ignore, with a reason", "修复 | 忽略，并说明原因"),
                    t("repairs touch only the failing contract or artifacts", "修复只涉及失败的契约或产物"))
        case .focusWait:
            return (t("Goal \(goalID) waits for its focus window: keep it waiting?", "目标 \(goalID) 正在等待专注窗口：是否继续等待？"),
                    t("keep waiting", "继续等待"), t("keep | release, with a reason", "继续 | 放行，并说明原因"),
                    t("no delivery work while waiting", "等待期间不做交付"))
        case .status:
            return (t("No open item for goal \(goalID): anything to change?", "目标 \(goalID) 没有待处理条目：是否需要调整？"),
                    t("no action", "无需操作"), t("none | an instruction", "无 | 一条指示"),
                    t("read-only", "只读"))
        }
    }

    var guardLine: String {
        language.text(
            "Goal guard: this handoff is for goal \(goalID) only; if your active goal is not \(goalID), stop and report the mismatch.",
            "目标守卫：本交接只针对目标 \(goalID)；如果你当前的目标不是 \(goalID)，停止并报告不一致。")
    }

    var contextLine: String {
        language.text(
            "Context: read only this goal's active state, `loopx status --goal-id \(goalID)` and `loopx history --goal-id \(goalID) --limit 3`.",
            "上下文：只读取本目标的 active state、`loopx status --goal-id \(goalID)` 和 `loopx history --goal-id \(goalID) --limit 3`。")
    }

    var sourceLine: String {
        language.text("Source: the project asset of \(goalID) (registry entry, active state, run history).", "来源：\(goalID) 的项目资产（registry 条目、active state、运行历史）。")
    }

    func todoLine(_ first: String?, more: Int) -> String {
        guard let first else { return language.text("Agent todo: none open; follow the state's Next Action.", "Agent 待办：无未完成项；按 active state 的 Next Action 执行。") }
        let extra = more > 0 ? language.text(" (+\(more) more)", "（另有 \(more) 项）") : ""
        return language.text("Agent todo: ", "Agent 待办：") + first + extra
    }

    func latestRunLine(_ run: RunRecord?, action: String) -> String {
        guard let run else { return language.text("Latest run: none recorded yet.", "最近运行：尚无记录。") }
        return language.text("Latest run: ", "最近运行：") + "\(run.classification ?? "-") @ \(run.generatedAt): \(action)"
    }

    var labels: (forward: String, boundary: String, stop: String, command: String) {
        (language.text("Forward when: ", "转发条件："), language.text("Execution boundary: ", "执行边界："),
         language.text("Stop when: ", "停止条件："), language.text("Command:", "命令："))
    }
}
