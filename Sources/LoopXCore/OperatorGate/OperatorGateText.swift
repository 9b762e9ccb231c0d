/// Default wordings of `operator-gate` (the original's were Chinese), in English or Chinese.
struct OperatorGateText {
    var language: PromptLanguage

    /// The question the operator answers.
    func question(gate: String, goalID: String) -> String {
        if gate == OperatorGateRequest.defaultGate {
            return language.text(
                "Approve the read-only project map opt-in for goal \(goalID)?",
                "是否批准目标 \(goalID) 的 read-only project map opt-in？")
        }
        return language.text("Approve gate \(gate) for goal \(goalID)?", "是否批准目标 \(goalID) 的 \(gate) 闸门？")
    }

    /// What the goal should do next after the decision.
    func recommendedAction(_ decision: OperatorGateRequest.Decision, gate: String, hasCommand: Bool) -> String {
        switch decision {
        case .approve:
            return hasCommand
                ? language.text(
                    "operator approved \(gate): run the approved agent command once and record its result",
                    "操作者已批准 \(gate)：执行一次已批准的 agent 命令并记录结果")
                : language.text(
                    "operator approved \(gate): continue with the approved step and record its result",
                    "操作者已批准 \(gate)：继续已批准的步骤并记录结果")
        case .reject:
            return language.text(
                "operator rejected \(gate): keep the gated step closed and do not run its command",
                "操作者已拒绝 \(gate)：保持闸门关闭，不要执行对应命令")
        case .postpone:
            return language.text(
                "operator deferred \(gate): wait for the operator before running the gated step",
                "操作者暂缓 \(gate)：在操作者答复前不要执行闸门后的步骤")
        }
    }

    var title: String { language.text("# loopx operator-gate", "# loopx 操作者闸门") }
}
