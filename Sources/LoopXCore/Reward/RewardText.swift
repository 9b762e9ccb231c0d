/// The wordings of `reward` that the original wrote in Chinese, in English or Chinese.
struct RewardText {
    var language: PromptLanguage

    /// The sentence an agent may copy into the active state; `recorded` false for a preview.
    func summary(goalID: String, runAt: String, request: RewardRequest, recorded: Bool) -> String {
        let reward = request.reward.rawValue
        var parts: [String] = []
        if language == .zh {
            let head = recorded ? "已记录" : "人工奖励预览（未写入）："
            parts.append("\(head)目标 \(goalID) 在运行 \(runAt) 上的人工奖励：reward=\(reward)，decision=\(request.decision)；以运行绑定的 human_reward overlay 为准，本条仅为摘要。")
            parts.append("原因：\(request.reasonSummary)。")
            if let follow = request.followUp { parts.append("后续：\(follow)。") }
            if let lesson = request.lesson {
                var text = "经验（\(lesson.kind.rawValue)）：\(lesson.summary)"
                if !lesson.avoid.isEmpty { text += "；避免：" + lesson.avoid.joined(separator: " / ") }
                if !lesson.prefer.isEmpty { text += "；优先：" + lesson.prefer.joined(separator: " / ") }
                parts.append(text + "。")
            }
            return parts.joined()
        }
        let head = recorded ? "Recorded human reward" : "Human reward preview (not recorded)"
        parts.append("\(head) for goal \(goalID) on run \(runAt): reward=\(reward), decision=\(request.decision); the run-bound human_reward overlay is the source of truth, this line is only a summary.")
        parts.append("Reason: \(request.reasonSummary).")
        if let follow = request.followUp { parts.append("Follow-up: \(follow).") }
        if let lesson = request.lesson {
            var text = "Lesson (\(lesson.kind.rawValue)): \(lesson.summary)"
            if !lesson.avoid.isEmpty { text += "; avoid: " + lesson.avoid.joined(separator: " / ") }
            if !lesson.prefer.isEmpty { text += "; prefer: " + lesson.prefer.joined(separator: " / ") }
            parts.append(text + ".")
        }
        return parts.joined(separator: " ")
    }

    /// What happened to the run overlay.
    func overlayEffect(dryRun: Bool, appended: Bool, alreadyRecorded: Bool) -> String {
        if dryRun { return language.text("preview only: the overlay was not appended", "仅预览：未追加 overlay") }
        if alreadyRecorded {
            return language.text("already recorded: an identical reward is on this run, nothing appended", "已存在：该运行已有相同的奖励，未重复追加")
        }
        return appended
            ? language.text("appended one run-bound human_reward overlay to the index", "已向 index 追加一条运行绑定的 human_reward overlay")
            : language.text("not written", "未写入")
    }

    /// What happened to the active state.
    func stateEffect(requested: Bool, dryRun: Bool, written: Bool, alreadyPresent: Bool) -> String {
        guard requested else {
            return language.text("not requested (pass --write-active-state-summary to add the summary)", "未请求（加 --write-active-state-summary 写入摘要）")
        }
        if alreadyPresent { return language.text("already present: the summary is in the Progress Ledger", "已存在：摘要已在 Progress Ledger 中") }
        if dryRun { return language.text("would write the summary under Progress Ledger (not written)", "将写入 Progress Ledger（未写入）") }
        return written
            ? language.text("wrote the summary under Progress Ledger", "已写入 Progress Ledger 摘要")
            : language.text("not written", "未写入")
    }
}
