import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

@Suite struct ReviewPacketUnitTests {
    @Test func redactsLocalAbsolutePathsButNotUrlsOrRatios() {
        #expect(PathRedaction.redact("run /home/me/app/x.sh now") == "run <local-path> now")
        #expect(PathRedaction.redact("--registry=/srv/a/registry.json") == "--registry=<local-path>")
        #expect(PathRedaction.redact("see `~/notes/plan.md`.") == "see `<local-path>`.")
        #expect(PathRedaction.redact("open https://example.com/a/b and 3/4 of /tmp") == "open https://example.com/a/b and 3/4 of /tmp")
        #expect(PathRedaction.redact("a / b") == "a / b")
    }

    @Test func kindFollowsTheOriginalOrder() {
        var item = ReviewAttention(status: "s", waitingOn: "codex", severity: "high", recommendedAction: "a", source: "latest_run")
        #expect(ReviewKind.infer(item) == .health)
        item.severity = "action"
        item.missingGates = ["human_reward_capture"]
        #expect(ReviewKind.infer(item) == .reward)
        item.missingGates = []
        #expect(ReviewKind.infer(item) == .codex)
        item.quotaState = "focus_wait"
        #expect(ReviewKind.infer(item) == .focusWait)
        item.waitingOn = "controller"
        #expect(ReviewKind.infer(item) == .controller)
        item.waitingOn = "external_evidence"
        #expect(ReviewKind.infer(item) == .evidence)
        item.waitingOn = nil
        #expect(ReviewKind.infer(item) == .status)
    }

    @Test func handoffShrinksVariableTextToFitTheBudget() {
        let todo = "- [ ] " + String(repeating: "word ", count: 2000) + "\n"
        let document = ActiveStateDocument(text: "## Agent Todo\n\n" + todo)
        let goal = GoalEntry(["id": "g"])
        var input = ReviewPacketInput(
            goalID: "g", goal: goal,
            attention: ReviewAttention(status: "state_refreshed", waitingOn: "codex", severity: "action",
                                       recommendedAction: String(repeating: "step ", count: 800), source: "latest_run"))
        input.agentTodos = document.todos
        let handoff = AgentHandoff(input: input, kind: .codex, command: "loopx history --goal-id g --limit 3")
        #expect(handoff.withinBudget)
        #expect(handoff.charCount <= AgentHandoff.maxChars)
        #expect(handoff.text.contains("…"))
        #expect(handoff.text.hasSuffix("```bash\nloopx history --goal-id g --limit 3\n```"))
    }
}

@Suite struct ReviewAttentionItemTests {
    @Test func readsAnAttentionItemFromTheRulesOutput() throws {
        let item: JSONValue = [
            "status": "operator_gate_approved", "waiting_on": "codex", "severity": "action", "source": "latest_run",
            "recommended_action": "run it", "agent_command": "loopx read-only-map --goal-id g", "missing_gates": ["x"],
        ]
        let attention = ReviewAttention(item: item, quotaState: "focus_wait")
        #expect(attention.agentCommand == "loopx read-only-map --goal-id g")
        #expect(attention.missingGates == ["x"])
        #expect(ReviewKind.infer(attention) == .focusWait)
        // The attention stage's defaults when the goal needs nothing: no item.
        let quiet = ReviewAttention(
            item: ["status": "", "waiting_on": "none", "severity": "info", "recommended_action": "", "operator_question": ""],
            fallbackStatus: "state_refreshed", fallbackAction: "keep going")
        #expect(quiet.status == "state_refreshed")
        #expect(quiet.waitingOn == nil)
        #expect(quiet.operatorQuestion == nil)
        #expect(quiet.recommendedAction == "keep going")
        #expect(ReviewKind.infer(quiet) == .status)
    }
}
