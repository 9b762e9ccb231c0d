import LoopXRules
import LoopXSupport

/// A decision as the log needs it: the answer, the facts it was decided on, and the facts as
/// built (before the profile and defaults were applied) so that a replay can apply another
/// rule set's profile and defaults.
public struct LoggedDecision: Sendable {
    public var result: DecisionResult
    public var facts: JSONValue
    public var built: JSONValue
    public var goal: GoalEntry?
}

extension DecisionSession {
    /// Runs a decision's stages for a goal, keeping what the decision log records. At trace
    /// `.off` the rules are still traced up to each stage's decision, for `why_not`.
    public func decide(
        _ decision: String, goalID: GoalID, action: JSONValue? = nil, trace: TraceLevel = .off
    ) -> LoggedDecision {
        let facts = facts(for: goalID, action: action)
        let result = ruleSet.evaluate(
            decision: decision, facts: facts.bindings, now: store.context.now, trace: trace == .off ? .on : trace,
            nearMissesOnly: trace == .off)
        return LoggedDecision(result: result, facts: facts.document, built: facts.built, goal: facts.goal)
    }

    /// Appends a decision to the goal's log unless logging is off for it. `obligation` is the
    /// should-run obligation entry (`{issued, kind?, previous?}`).
    public func log(
        _ decision: LoggedDecision, kind: String, goalID: GoalID, agentID: String?, obligation: JSONObject? = nil
    ) throws(CommandFailure) {
        let settings = DecisionLogSettings(goal: decision.goal, environment: store.context.environment)
        guard settings.enabled, decision.goal != nil else { return }
        var values: [(digest: String, bytes: [UInt8])] = []
        func stored(_ value: JSONValue) -> String {
            let bytes = Array(JSONWriter(sortedKeys: true, pretty: false).string(value).utf8)
            let digest = RuleSetSnapshot.contentDigest(bytes)
            values.append((digest, bytes))
            return digest
        }
        var facts = JSONObject()
        for entry in decision.built.objectValue ?? JSONObject() where entry.key != "now" && entry.key != "profile" {
            facts[entry.key] = .string(stored(entry.value))
        }
        var profileBase: String?
        if let profile = decision.goal?["execution_profile"], profile.objectValue != nil { profileBase = stored(profile) }
        let record = DecisionRecord(
            at: store.context.now, kind: kind, layers: DecisionRecord.layers(layers), facts: facts, profileBase: profileBase,
            answer: DecisionAnswer.of(decision.result, kind: kind, ruleSet: ruleSet), fired: decision.result.firedRuleIDs,
            agentID: agentID, obligation: obligation)
        do { try store.decisionLog(goalID, settings: settings).append(record, values: values) } catch {
            throw CommandFailure("cannot append to the decision log: \(error)")
        }
    }
}
