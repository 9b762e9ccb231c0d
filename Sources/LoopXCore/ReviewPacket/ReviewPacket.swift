/// `loopx review-packet`: the human decision packet for one goal and the agent handoff inside
/// it. Read-only packaging: it records no decision, writes no run and spends no quota.
public struct ReviewPacket: Sendable {
    public var input: ReviewPacketInput
    public var kind: ReviewKind
    /// The one command handed to the project agent (local paths redacted).
    public var command: String
    public var handoff: AgentHandoff
    public var question: String
    public var suggestedDecision: String
    public var replyFormat: String
    public var boundary: String
    /// What unlocks the next step: the handoff condition, else the first open user todo.
    public var unlockCondition: String?
    /// `loopx operator-gate` commands for the three answers, for controller packets.
    public var gateCommands: [(decision: String, command: String)]

    public init(_ input: ReviewPacketInput) {
        self.input = input
        let kind = input.actionKind ?? ReviewKind.infer(input.attention)
        self.kind = kind
        command = PathRedaction.redact(
            kind.agentCommand(goalID: input.goalID, attention: input.attention, adapterStatus: input.goal.adapterStatus))
        handoff = AgentHandoff(input: input, kind: kind, command: command)
        let words = ReviewPacketText(language: input.language, goalID: input.goalID)
        let decision = words.decision(kind, operatorQuestion: input.attention.operatorQuestion)
        question = PathRedaction.redact(decision.question)
        suggestedDecision = decision.suggested
        replyFormat = decision.reply
        boundary = decision.boundary
        unlockCondition = (input.attention.nextHandoffCondition ?? input.userTodos.first?.text).map(PathRedaction.redact)
        let reason = input.language.text("<one-line reason>", "<一句原因>")
        gateCommands = ["approve", "reject", "defer"].map { decision in
            (decision, "loopx operator-gate --goal-id \(input.goalID) --decision \(decision) --reason-summary \"\(reason)\"")
        }
    }

    /// The dry-run form of the approval, for the operator to try first.
    public var gateDryRunCommand: String { (gateCommands.first?.command ?? "") + " --dry-run" }

    /// The full packet text: header, the human decision, the gate draft (controller packets),
    /// the handoff, and the report-back line.
    public var text: String {
        let language = input.language
        let t = language.text
        let attention = input.attention
        let runCount = input.runs.count
        var lines = [
            t("[LoopX Review Packet] goal \(input.goalID)", "【LoopX Review Packet】目标 \(input.goalID)"),
            t("- Kind: ", "- 类型：") + "\(kind.rawValue) · waiting_on: \(attention.waitingOn ?? "-") · severity: \(attention.severity ?? "-")",
            t("- Status: ", "- 状态：") + attention.status,
            t("- Link: ", "- 链接：") + (input.reviewURL ?? t("none", "无")),
            t("- Summary: ", "- 摘要：") + attention.recommendedAction,
            t("- Source: ", "- 来源：") + attention.source,
            t("- Material: \(runCount) recent run(s), \(input.userTodos.count) open user todo(s), \(input.agentTodos.count) open agent todo(s)",
              "- 材料：最近 \(runCount) 次运行，\(input.userTodos.count) 个未完成用户待办，\(input.agentTodos.count) 个未完成 Agent 待办"),
            "", t("[Human decides only]", "【人只需判断】"),
            t("- Question: ", "- 问题：") + question, t("- Suggested decision: ", "- 建议决定：") + suggestedDecision,
            t("- Reply format: ", "- 回复格式：") + replyFormat, t("- Boundary: ", "- 边界：") + boundary,
        ]
        if let unlock = unlockCondition { lines.append(t("- Unlock condition: ", "- 解锁条件：") + unlock) }
        if kind == .controller {
            lines += ["", t("[User-local gate draft]", "【用户本地闸门草稿】"), "```bash", gateDryRunCommand, "```"]
        }
        lines += ["", t("[For the project agent]", "【给项目 Agent】"), handoff.text, ""]
        lines.append(t("Report back: changed files, validation run, and the next action.", "请用中文汇报：改动文件、验证结果和下一步。"))
        return PathRedaction.redact(lines.joined(separator: "\n"))
    }
}
