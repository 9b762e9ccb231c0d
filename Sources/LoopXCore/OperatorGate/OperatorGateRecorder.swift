import LoopXRules
import LoopXSupport

/// `loopx operator-gate`: records an operator's answer to a gate as a run of its own (JSON and
/// Markdown artifacts plus an index row). An approval with an `agent_command` is what the
/// attention rules read to make the goal agent-ready; reject/defer keep it gated.
public enum OperatorGateRecorder {
    /// Validates the request, records (or previews) the gate run and refreshes the global registry.
    public static func run(_ request: OperatorGateRequest, context: LoopXContext) throws(CommandFailure) -> OperatorGateReport {
        try request.validate()
        let workspace = try GoalWorkspace(context: context, goalID: request.goalID)
        let goalID = workspace.goalID.rawValue
        let recordedAt = try RecordedAt.resolve(request.recordedAt, now: context.now)
        let generatedAt = RecordedAt.seconds(context.now)
        let text = OperatorGateText(language: request.language)
        if request.agentCommand == nil, request.decision == .approve, request.gate == OperatorGateRequest.defaultGate,
            !ReadOnlyMapper.acceptsAdapterKind(workspace.goal.adapterKind)
        {
            // The default command would be `read-only-map`, which refuses this adapter: every
            // later answer would tell the agent to run a command that fails.
            throw CommandFailure(
                "cannot approve gate '\(request.gate)' for goal '\(goalID)' with the default command: its adapter kind '\(workspace.goal.adapterKind ?? "none")' is not served by read-only-map",
                hint: "pass the command the agent should run with --agent-command, or change the adapter with `loopx configure-goal --goal-id \(goalID) --adapter-kind read_only_project_map_v0 --execute`")
        }
        let agentCommand = request.agentCommand ?? defaultAgentCommand(request, goalID: goalID)
        let question = request.operatorQuestion ?? text.question(gate: request.gate, goalID: goalID)
        let action = request.recommendedAction
            ?? text.recommendedAction(request.decision, gate: request.gate, hasCommand: agentCommand != nil)

        var gate: JSONObject = [
            "recorded_at": .string(recordedAt), "gate": .string(request.gate), "decision": .string(request.decision.rawValue),
            "operator_question": .string(question), "reason_summary": .string(request.reasonSummary),
        ]
        if let followUp = request.followUp { gate["follow_up"] = .string(followUp) }
        if let agentCommand { gate["agent_command"] = .string(agentCommand) }
        let health = "operator_gate decision=\(request.decision.rawValue); registry_goal 1/1; agent_command \(agentCommand == nil ? 0 : 1)/1"
        let row: JSONObject = [
            "generated_at": .string(generatedAt), "goal_id": .string(goalID),
            "classification": .string(request.decision.classification), "recommended_action": .string(action),
            "health_check": .string(health), "operator_gate": .object(gate),
        ]
        let draft = RunDraft(
            stem: RunHistory.stem(generatedAt: generatedAt, suffix: "-operator-gate"), row: row,
            detail: ["registry_goal": try workspace.registryGoalSummary, "language": .string(request.language.rawValue)])
        let recorded = try workspace.history.record(draft, dryRun: request.dryRun) { record in
            OperatorGateReport.render(record: record, dryRun: false, language: request.language)
        }
        return OperatorGateReport(
            workspace: workspace, recorded: recorded, dryRun: request.dryRun, language: request.language,
            globalSync: recorded.appended || request.dryRun
                ? workspace.syncGlobal(dryRun: request.dryRun, enabled: request.globalSync) : .null)
    }

    /// Approving the default gate lets the agent run the read-only map preview.
    static func defaultAgentCommand(_ request: OperatorGateRequest, goalID: String) -> String? {
        guard request.decision == .approve, request.gate == OperatorGateRequest.defaultGate else { return nil }
        return "loopx read-only-map --goal-id \(goalID) --dry-run"
    }
}
