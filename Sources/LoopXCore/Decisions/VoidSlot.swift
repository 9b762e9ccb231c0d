import LoopXRules
import LoopXSupport

/// `quota void-slot`: a non-destructive correction of a spend. Nothing is removed from the
/// index; a `quota_slot_voided` run naming the spend's `generated_at` is appended, and the
/// `spend` fact subtracts its slots while the voided spend is inside the quota window.
public enum VoidSlot {
    public static let classification = "quota_slot_voided"

    /// What `quota void-slot` was asked to do.
    public struct Request: Sendable {
        public var goalID: String
        public var voidGeneratedAt: String
        public var reasonSummary: String
        /// Slots to void; default: whatever of the spend is not voided yet.
        public var slots: Int64?
        public var dryRun: Bool
        public var agentID: String?

        public init(goalID: String, voidGeneratedAt: String, reasonSummary: String, slots: Int64? = nil, dryRun: Bool = false, agentID: String? = nil) {
            self.goalID = goalID
            self.voidGeneratedAt = voidGeneratedAt
            self.reasonSummary = reasonSummary
            self.slots = slots
            self.dryRun = dryRun
            self.agentID = agentID
        }
    }

    /// Finds the spend, checks what is left to void, and appends (or previews) the correction.
    public static func run(_ request: Request, context: LoopXContext) throws(CommandFailure) -> PayloadReport {
        let workspace = try GoalWorkspace(context: context, goalID: request.goalID)
        let target = request.voidGeneratedAt
        guard Timestamp(rfc3339: target) != nil else {
            throw CommandFailure("invalid --void-generated-at '\(target)'", hint: "give the spend run's generated_at (RFC 3339)", status: .usage)
        }
        guard !request.reasonSummary.trimmingWhitespace.isEmpty else {
            throw CommandFailure("--reason-summary must say why the spend is voided", status: .usage)
        }
        if let slots = request.slots { _ = try NumberRange.slotsPerEvent.checkedFlag(slots, flag: "--slots") }
        let history = workspace.history
        let found = scan(history, target: target)
        guard let event = found.spend else {
            throw CommandFailure(
                "goal '\(workspace.goalID)' has no quota_slot_spent run at \(target)",
                hint: "list spends with `loopx history --goal-id \(workspace.goalID) --format json`")
        }
        let remaining = event.slots.saturatingSubtracting(found.voided)
        let slots = request.slots ?? remaining
        guard slots >= 1, slots <= remaining else {
            throw CommandFailure(
                remaining <= 0 ? "the spend at \(target) is already fully voided"
                    : "--slots \(slots) is outside 1...\(remaining) (slots of the spend not voided yet)")
        }
        let generatedAt = RecordedAt.seconds(context.now)
        let quotaEvent: JSONObject = [
            "event_type": .string(classification), "slots": .int(slots), "voided_generated_at": .string(target),
            "reason_summary": .string(request.reasonSummary),
        ]
        var row: JSONObject = [
            "generated_at": .string(generatedAt), "goal_id": .string(workspace.goalID.rawValue),
            "classification": .string(classification),
            "recommended_action": .string("correction: \(slots) slot(s) of the spend at \(target) voided"),
            "health_check": "quota slot void event public-safe", "slots": .int(slots),
            "voided_generated_at": .string(target), "quota_event": .object(quotaEvent),
        ]
        if let agentID = request.agentID { row["agent_id"] = .string(agentID) }
        let draft = RunDraft(stem: RunHistory.stem(generatedAt: generatedAt, suffix: "-quota-slot-voided"), row: row)
        let recorded = try history.record(draft, dryRun: request.dryRun) { record in
            (["# Quota slot voided", ""] + MarkdownText.bullets(record, [
                "goal_id", "generated_at", "voided_generated_at", "slots", "quota_event",
            ])).joined(separator: "\n") + "\n"
        }
        let payload: JSONObject = [
            "ok": true, "mode": "void-slot", "dry_run": .bool(request.dryRun), "goal_id": .string(workspace.goalID.rawValue),
            "appended": .bool(recorded.appended), "registry_mutated": false, "classification": .string(classification),
            "voided_generated_at": .string(target), "slots": .int(slots), "remaining_after": .int(remaining - slots),
            "generated_at": .string(generatedAt), "quota_event": .object(quotaEvent),
            "json_path": .string(recorded.jsonPath), "markdown_path": .string(recorded.markdownPath),
            "index_path": .string(history.indexPath), "reason_summary": .string(request.reasonSummary),
        ]
        let verb = request.dryRun ? "Would void" : "Voided"
        let markdown = (["# Quota void-slot: `\(workspace.goalID)`", "", "\(verb) \(slots) slot(s) of the spend at \(target).", ""]
            + MarkdownText.bullets(payload, ["reason_summary", "generated_at", "json_path", "index_path", "appended"])).joined(separator: "\n")
        return PayloadReport(payload, markdown: markdown)
    }

    /// The spend at `target` and the slots already voided for it. Void rows are newer than
    /// their spend, so the backwards scan stops at the spend itself; only lines that mention
    /// the timestamp are parsed.
    static func scan(_ history: RunHistory, target: String) -> (spend: SpendEvent?, voided: Int64) {
        var voided: Int64 = 0
        var spend: SpendEvent?
        history.visitRows(mentioning: target) { row in
            guard !RunRecord.isOverlay(row), let instant = Timestamp(rfc3339: row["generated_at"]?.stringValue ?? ""),
                let event = SpendEvent(row: row, instant: instant)
            else { return true }
            if event.kind == .spent, event.generatedAt == target {
                spend = event
                return false
            }
            if event.kind == .voided, (row["voided_generated_at"] ?? row["quota_event"]?["voided_generated_at"])?.stringValue == target {
                voided = voided.saturatingAdding(event.slots)
            }
            return true
        }
        return (spend, voided)
    }
}
