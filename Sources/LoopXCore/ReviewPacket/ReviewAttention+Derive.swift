extension ReviewAttention {
    static let codexReady: Set<String> = [
        "controller_opted_in_waiting_for_run", "design_next_experiment", "inspect_eval_result", "inspect_result",
        "needs_more_read_only_evidence", "needs_validation", "read_only_project_map", "run_validation", "state_refreshed",
        "operator_gate_approved", "public_harness_healthy",
    ]
    static let userOrController: Set<String> = [
        "needs_human_reward", "needs_controller_opt_in", "needs_user_relay", "ready_for_controller_opt_in",
        "ready_for_user_relay", "operator_gate_deferred", "operator_gate_rejected",
    ]
    static let connectedStatuses: Set<String> = ["connected", "connected-read-only", "pre-tick-runnable", "connected-delivery"]
    /// Runs that never decide a goal's attention (quota bookkeeping).
    static let statusNeutral: Set<String> = ["quota_slot_spent", "quota_slot_voided"]

    /// The attention item read straight from the data layer (registry entry and newest runs),
    /// following the original's goal-attention table. A stand-in until the `attention` stage
    /// of the rules feeds review packets; registry overrides are applied on top.
    public static func derive(
        goal: GoalEntry, goalID: String, runs: [RunRecord], language: PromptLanguage = .en
    ) -> ReviewAttention {
        var item = fromRuns(goal: goal, goalID: goalID, runs: runs, language: language)
        item.applyOverrides(of: goal)
        return item
    }

    static func fromRuns(goal: GoalEntry, goalID: String, runs: [RunRecord], language: PromptLanguage) -> ReviewAttention {
        guard let latest = runs.first(where: { !statusNeutral.contains($0.classification ?? "") }) else {
            return withoutRuns(goal: goal, goalID: goalID, language: language)
        }
        let classification = latest.classification ?? "unclassified"
        let action = latest.recommendedAction ?? "inspect the latest run"
        let reported = latest.reported
        if reported["json_exists"] != true || reported["markdown_exists"] != true {
            return ReviewAttention(
                status: "run_artifact_missing", waitingOn: "codex", severity: "high",
                recommendedAction: "repair or regenerate the latest run's missing artifacts", source: "run_history")
        }
        var item: ReviewAttention
        if classification == "blocked_by_safety" {
            item = ReviewAttention(status: classification, waitingOn: "user_or_controller", severity: "high", recommendedAction: action, source: "latest_run")
        } else if userOrController.contains(classification) {
            item = ReviewAttention(status: classification, waitingOn: "user_or_controller", severity: "action", recommendedAction: action, source: "latest_run")
        } else if codexReady.contains(classification) {
            item = ReviewAttention(status: classification, waitingOn: "codex", severity: "action", recommendedAction: action, source: "latest_run")
        } else if classification.hasPrefix("await_") || classification.hasPrefix("monitor_") {
            item = ReviewAttention(status: classification, waitingOn: "external_evidence", severity: "watch", recommendedAction: action, source: "latest_run")
        } else {
            item = ReviewAttention(status: classification, waitingOn: nil, severity: nil, recommendedAction: action, source: "latest_run")
        }
        if let gate = latest.fields["operator_gate"]?.objectValue {
            if gate["decision"]?.stringValue == "approve" {
                item.agentCommand = gate["agent_command"]?.stringValue
            } else {
                item.operatorQuestion = gate["operator_question"]?.stringValue
            }
        }
        let readiness = latest.fields["controller_readiness"]
        item.missingGates = readiness?["missing_gates"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if classification == "needs_human_reward", !item.missingGates.contains("human_reward_capture") {
            item.missingGates.append("human_reward_capture")
        }
        // Same precedence as the attention rules: the controller's condition, then the gate's
        // follow-up; a reward's follow-up is the last resort.
        item.nextHandoffCondition = readiness?["next_handoff_condition"]?.stringValue
            ?? latest.fields["operator_gate"]?["follow_up"]?.stringValue
            ?? latest.humanReward?["follow_up"]?.stringValue
        return item
    }

    static func withoutRuns(goal: GoalEntry, goalID: String, language: PromptLanguage) -> ReviewAttention {
        let adapterStatus = goal.adapterStatus ?? ""
        if connectedStatuses.contains(adapterStatus) {
            return ReviewAttention(
                status: "connected_without_run", waitingOn: "codex", severity: "action",
                recommendedAction: "run the first read-only adapter tick", source: "run_history")
        }
        if adapterStatus == "planned", ReadOnlyMapper.acceptsAdapterKind(goal.adapterKind) {
            var item = ReviewAttention(
                status: goal.object["status"]?.stringValue ?? "planned", waitingOn: "user_or_controller", severity: "action",
                recommendedAction: "review the operator gate for the read-only map opt-in", source: "registry")
            item.operatorQuestion = OperatorGateText(language: language).question(gate: OperatorGateRequest.defaultGate, goalID: goalID)
            item.agentCommand = "loopx read-only-map --goal-id \(goalID) --dry-run"
            return item
        }
        return ReviewAttention(
            status: goal.object["status"]?.stringValue ?? "no_run", waitingOn: "controller", severity: "action",
            recommendedAction: "connect an adapter or run a read-only map", source: "registry")
    }
}
