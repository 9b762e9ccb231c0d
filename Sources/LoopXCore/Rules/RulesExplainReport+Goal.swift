import LoopXRules
import LoopXSupport

extension RulesExplainReport {
    /// `rules explain --goal-id G`: the decision (a gate decision over `action`, the proposed
    /// action) evaluated over the goal's facts, built from the
    /// real files through the same session should-run uses (the CLI and `loopx mcp` share it).
    public static func forGoal(
        session: DecisionSession, goalID: GoalID, decision: String, trace: TraceLevel, action: JSONValue? = nil
    ) throws(CommandFailure) -> RulesExplainReport {
        try session.store.requireKnown(goalID)
        guard session.ruleSet.pipeline.stages(of: decision) != nil else {
            throw CommandFailure(
                "unknown decision '\(decision)'" + Suggestion.hint(for: decision, in: session.ruleSet.pipeline.decisions.map(\.name)),
                status: .usage)
        }
        let (result, document) = session.evaluate(decision, goalID: goalID, action: action, trace: trace)
        return RulesExplainReport(result: result, facts: document, goalID: goalID.rawValue)
    }
}
