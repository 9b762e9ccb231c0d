import LoopXRules
import LoopXSupport

/// Where a spend comes from (reference §7.11).
public enum SpendSource: String, Sendable, CaseIterable {
    case heartbeat, controller, adapter
}

/// What `quota spend-slot` was asked to do.
public struct SpendSlotRequest: Sendable {
    public var goalID: String
    public var slots: Int64
    public var source: SpendSource
    public var execute: Bool
    public var agentID: String?
    public var reasonSummary: String?

    public init(
        goalID: String, slots: Int64 = 1, source: SpendSource = .heartbeat, execute: Bool = false,
        agentID: String? = nil, reasonSummary: String? = nil
    ) {
        self.goalID = goalID
        self.slots = slots
        self.source = source
        self.execute = execute
        self.agentID = agentID
        self.reasonSummary = reasonSummary
    }
}

/// `quota spend-slot`: spends quota slots after a validated delivery segment. The spend is
/// previewed by default; it is refused unless the should-run decision allows it; with
/// `execute` it writes the spend run's artifacts and appends one index row. The registry is
/// never written.
public enum SpendSlot {
    public static let classification = "quota_slot_spent"

    /// Decides, previews and (with `execute`) records the spend. On a shared store an
    /// executed spend decides and appends in one transaction holding the goal's lock, so two
    /// machines never both spend the window's last slot.
    public static func run(_ request: SpendSlotRequest, session: DecisionSession) throws(CommandFailure) -> SpendSlotReport {
        _ = try NumberRange.slotsPerEvent.checkedFlag(request.slots, flag: "--slots")
        let goalID = try GoalID.parse(request.goalID)
        try session.store.requireKnown(goalID)
        try session.store.requireReachableStore()
        let history = session.store.history(goalID)
        guard request.execute, let shared = history.shared else { return try decide(request, goalID: goalID, session: session) }
        return try shared.exclusively(goalID: goalID.rawValue) { () throws(CommandFailure) in
            try decide(request, goalID: goalID, session: session)
        }
    }

    static func decide(_ request: SpendSlotRequest, goalID: GoalID, session: DecisionSession) throws(CommandFailure) -> SpendSlotReport {
        let store = session.store
        let before = ShouldRunReport(
            goalID: goalID.rawValue, result: session.evaluate("should_run", goalID: goalID).result,
            facts: session.facts(for: goalID).document, agentID: request.agentID)
        var report = SpendSlotReport(request: request, goalID: goalID.rawValue, before: before)
        report.indexPath = store.history(goalID).indexPath
        guard let allowance = allowance(before) else {
            report.reason = refusal(before)
            return report
        }
        report.allowedBy = allowance
        report.after = after(before, slots: request.slots, session: session)
        report.reason = before.answer.reason

        let generatedAt = RecordedAt.seconds(store.context.now)
        let event: JSONObject = [
            "event_type": .string(classification), "source": .string(request.source.rawValue),
            "slots": .int(request.slots),
            "reason_summary": .string(request.reasonSummary ?? "validated delivery segment (\(allowance))"),
            "before": QuotaSummary.compact(shouldRun: before.shouldRun, quota: before.quota),
            "after": report.after ?? .null,
        ]
        let answer = before.answer
        let state = answer.state.stringValue ?? "unknown"
        var row: JSONObject = [
            "generated_at": .string(generatedAt), "goal_id": .string(goalID.rawValue),
            "classification": .string(classification),
            "recommended_action": answer.recommendedAction,
            "health_check": .string("quota should-run \(state); quota slot spend event public-safe"),
            "slots": .int(request.slots), "source": .string(request.source.rawValue),
        ]
        if let agentID = request.agentID { row["agent_id"] = .string(agentID) }
        let draft = RunDraft(
            stem: RunHistory.stem(generatedAt: generatedAt, suffix: "-quota-slot-spent"), row: row,
            detail: ["quota_event": .object(event), "decision": answer.decision.isNull ? "skip" : answer.decision])
        report.quotaEvent = .object(event)
        report.generatedAt = generatedAt
        let recorded = try store.history(goalID).record(draft, dryRun: !request.execute) { record in
            SpendSlotReport.artifactMarkdown(record)
        }
        report.recorded = recorded
        return report
    }

    /// Why should-run allows this spend, or nil: a normal run, an outcome-floor recovery, the
    /// operator gate's safe bypass, or a control-plane self-repair (reference §7.11).
    static func allowance(_ before: ShouldRunReport) -> String? {
        guard before.ok else { return nil }
        let decision = before.answer.fields
        let quota = before.quota
        if before.shouldRun { return "should_run:\(decision["decision"]?.stringValue ?? "run")" }
        let bypass = quota["safe_bypass_allowed"]?.boolValue ?? false
        if bypass, quota["state"]?.stringValue == "operator_gate" { return "operator_gate_safe_bypass" }
        if bypass, quota["safe_bypass_kind"]?.stringValue == "outcome_floor_recovery" { return "outcome_floor_recovery" }
        let effective = decision["effective_action"]?.stringValue ?? ""
        if effective.hasPrefix("control_plane_"), effective.hasSuffix("_repair") { return "self_repair:\(effective)" }
        return nil
    }

    static func refusal(_ before: ShouldRunReport) -> String {
        let decision = before.answer.fields
        if let error = before.result.error { return "the should-run decision failed: \(error.description); nothing spent" }
        let why = decision["reason"]?.stringValue ?? ""
        return "quota should-run does not allow a spend (decision \(decision["decision"]?.stringValue ?? "skip"), "
            + "state \(decision["state"]?.stringValue ?? "unknown"), effective action "
            + "\(decision["effective_action"]?.stringValue ?? "quota_skip")): \(why); nothing spent"
    }

    /// The quota after the spend: the should-run decision re-run with the window's spend
    /// raised by `slots`, so the rules (not this code) say whether the goal would throttle.
    static func after(_ before: ShouldRunReport, slots: Int64, session: DecisionSession) -> JSONValue {
        var document = before.facts
        let spend = document["spend"] ?? .null
        let raised: JSONObject = [
            "count": .int((spend["count"]?.intValue ?? 0).saturatingAdding(1)), "slots": .int((spend["slots"]?.intValue ?? 0).saturatingAdding(slots)),
            "voided_slots": spend["voided_slots"] ?? 0, "newest": .string(session.store.context.now.rfc3339),
        ]
        if case .object(var object) = document {
            object["spend"] = .object(raised)
            document = .object(object)
        }
        let result = session.evaluate("should_run", document: document)
        let report = ShouldRunReport(goalID: before.goalID, result: result, facts: document, agentID: nil)
        return QuotaSummary.compact(shouldRun: report.shouldRun, quota: report.quota)
    }
}
