/// The wording of the heartbeat bodies. The fixed lifecycle steps are written here in English
/// and Chinese; everything a rule decides is quoted from the rule's `prompt:`.
struct HeartbeatPromptText {
    var prompt: HeartbeatPrompt
    var language: PromptLanguage

    func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    var goal: String { prompt.inputs.goalID.rawValue }
    var c: AgentCommands { prompt.commands }
    var g: HeartbeatGuidance { prompt.guidance }

    func fence(_ lines: String...) -> String { "```sh\n" + lines.joined(separator: "\n") + "\n```" }

    func bullets(_ items: [HeartbeatGuidance.Item], indent: String = "") -> [String] {
        items.map { "\(indent)- `\($0.label)`: \(prompt.render($0))" }
    }

    var headline: String {
        t("Advance `\(goal)` using `\(prompt.state.resolved)`.", "按 `\(prompt.state.resolved)` 推进 `\(goal)`。")
    }

    var preflightFailure: String {
        t("If the preflight fails, end quietly (DONT_NOTIFY) and spend nothing.",
          "预检失败时安静结束（DONT_NOTIFY），不花费配额。")
    }

    var writeBackFields: String {
        t("scale: test_only | single_surface | multi_surface | implementation; outcome: surface_only | outcome_gap | outcome_progress | primary_goal_outcome",
          "规模：test_only | single_surface | multi_surface | implementation；结果：surface_only | outcome_gap | outcome_progress | primary_goal_outcome")
    }

    func full() -> String {
        var lines = [
            headline,
            t("This body is loopx's generic heartbeat lifecycle, generated from the loaded rules. Project policy lives in the registry, the active state and goal_boundary, not here.",
              "本正文是 loopx 通用的心跳生命周期，由已加载的规则生成。项目策略属于 registry、活动状态和 goal_boundary，不写在这里。"),
            "",
            t("Preflight and guard, every tick:", "每次心跳先做预检和守卫："),
            fence(c.preflight, c.quotaGuard),
            preflightFailure,
            t("The guard's `heartbeat_recommendation.recommended_mode` names one of the modes below, and `guidance` quotes the rules that decided.",
              "守卫输出的 `heartbeat_recommendation.recommended_mode` 是下列模式之一，`guidance` 引用了做出决定的规则。"),
        ]
        if !g.first.isEmpty {
            lines += ["", t("Checked first, whatever should_run says:", "无论 should_run 为何，先检查：")] + bullets(g.first)
        }
        if !g.whenSkipping.isEmpty {
            lines += ["", t("Otherwise, when should_run=false:", "否则，should_run=false 时：")] + bullets(g.whenSkipping)
        }
        lines += ["", t("When should_run=true:", "should_run=true 时：")]
        lines.append(t("1. Read the active state, the priority todos, goal_boundary, work_lane_contract and handoff_delivery_contract, then follow the recommended mode:",
                       "1. 阅读活动状态、优先待办、goal_boundary、work_lane_contract 和 handoff_delivery_contract，然后按推荐模式执行："))
        lines += bullets(g.whenRunning, indent: "   ")
        lines.append(t("2. Obey execution_obligation; notification is never the execution gate:",
                       "2. 遵守 execution_obligation；通知从来不是执行门槛："))
        lines += bullets(g.obligations, indent: "   ")
        if !g.deliveryContracts.isEmpty {
            lines.append(t("3. When handoff_delivery_contract is present:", "3. 存在 handoff_delivery_contract 时："))
            lines += bullets(g.deliveryContracts, indent: "   ")
        } else {
            lines.append(t("3. No delivery contract rule applies.", "3. 没有适用的交付契约规则。"))
        }
        lines += [
            t("4. Steering audit: list at least three candidate segments, name the bottleneck, choose one bounded segment.",
              "4. 方向审计：列出至少三个候选片段，指出瓶颈，选择一个有界片段。"),
            t("5. No-progress stop: after five eligible heartbeats without progress, pause the automation, NOTIFY once, spend nothing.",
              "5. 无进展自停：连续五次可运行心跳没有进展时，暂停自动化，通知一次，不花费。"),
            t("6. Work inside goal_boundary. Before a commit, push, PR, publish, production, destructive-git or out-of-scope write, ask the gate (exit 1 means stop):",
              "6. 在 goal_boundary 内工作。提交、推送、PR、发布、生产、破坏性 git 或范围外写入之前先问门控（退出码 1 表示停止）："),
            "   " + fence(c.gateCheck).replacing("\n", with: "\n   "),
        ]
        lines += bullets(g.gates, indent: "   ")
        lines += [
            t("7. Validate with targeted checks.", "7. 用有针对性的检查验证。"),
            t("8. Write back the active state; questions for people become user todos: `\(c.userTodo)`",
              "8. 写回活动状态；需要人处理的问题记为用户待办：`\(c.userTodo)`"),
            t("9. Spend exactly once, only after validated delivery:", "9. 只有在交付经过验证之后，恰好花费一次："),
            "   " + fence(c.quotaSpend).replacing("\n", with: "\n   "),
            t("10. Refresh the state with explicit delivery fields (\(writeBackFields)):",
              "10. 用明确的交付字段刷新状态（\(writeBackFields)）："),
            "   " + fence(c.refreshState).replacing("\n", with: "\n   "),
            t("11. Report in a few lines. NOTIFY only for a committed artifact, a gate, a blocker or a self-stop.",
              "11. 用几行汇报。只有提交了产物、遇到门控、阻塞或自停时才通知。"),
            "",
            t("Material: ", "学习材料：") + prompt.materialRule,
            t("Permissions: ", "权限：") + prompt.permissionRule,
        ]
        return lines.joined(separator: "\n")
    }

    func compact() -> String {
        func labels(_ items: [HeartbeatGuidance.Item]) -> String { items.map { "`\($0.label)`" }.joined(separator: ", ") }
        var lines = [
            headline, "",
            fence(c.preflight, c.quotaGuard),
            preflightFailure,
            t("- Modes that outrank should_run: \(labels(g.first)).", "- 优先于 should_run 的模式：\(labels(g.first))。"),
        ]
        lines += bullets(g.first, indent: "  ")
        if !g.whenSkipping.isEmpty {
            lines.append(t("- should_run=false otherwise: \(g.whenSkipping.map { prompt.render($0) }.joined(separator: " "))",
                           "- 否则 should_run=false：\(g.whenSkipping.map { prompt.render($0) }.joined(separator: " "))"))
        }
        lines.append(t("- should_run=true: follow the recommended mode:", "- should_run=true：按推荐模式执行："))
        lines += bullets(g.whenRunning, indent: "  ")
        lines.append(t("- Obligation (DONT_NOTIFY never excuses owed work):", "- 执行义务（DONT_NOTIFY 不能免除应做的工作）："))
        lines += bullets(g.obligations, indent: "  ")
        if !g.deliveryContracts.isEmpty {
            lines.append(t("- Delivery contract: \(labels(g.deliveryContracts)) — expand to the profile's minimum scale or record a blocker without spending.",
                           "- 交付契约：\(labels(g.deliveryContracts))——扩展到 profile 的最低规模，或记录阻塞且不花费。"))
        }
        lines += [
            t("- Risky step: `\(c.gateCheck)`; exit 1 means stop. Gates: \(labels(g.gates)).",
              "- 风险操作前：`\(c.gateCheck)`；退出码 1 表示停止。门控：\(labels(g.gates))。"),
            t("Steps: 1 read state/todos/goal_boundary; 2 audit three candidates, pick one bounded segment; 3 stop after five no-progress ticks; 4 work inside goal_boundary; 5 validate; 6 write back (user questions: `todo add --role user`); 7 spend once; 8 refresh-state; 9 report; 10 NOTIFY only for artifact/gate/blocker/self-stop.",
              "步骤：1 读状态/待办/goal_boundary；2 审计三个候选，选一个有界片段；3 五次无进展即停；4 在 goal_boundary 内工作；5 验证；6 写回（用户问题：`todo add --role user`）；7 花费一次；8 refresh-state；9 汇报；10 仅在产物/门控/阻塞/自停时通知。"),
            fence(c.quotaSpend, c.refreshState),
            t("Edge cases: `\(prompt.command(for: .full))`.", "边界情况见：`\(prompt.command(for: .full))`。"),
            t("Material: ", "学习材料：") + prompt.materialRule,
            t("Permissions: ", "权限：") + prompt.permissionRule,
        ]
        return lines.joined(separator: "\n")
    }
}
