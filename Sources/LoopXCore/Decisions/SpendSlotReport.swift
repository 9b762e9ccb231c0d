import LoopXRules
import LoopXSupport

/// The answer of `quota spend-slot` (reference §7.11 keys): the should-run quota before, the
/// quota after the spend, whether it would throttle, and what was (or would be) written.
public struct SpendSlotReport: Report {
    public var request: SpendSlotRequest
    public var goalID: String
    public var before: ShouldRunReport
    /// Why should-run allows the spend; nil when it was refused.
    public var allowedBy: String?
    public var after: JSONValue?
    public var reason = ""
    public var quotaEvent: JSONValue = .null
    public var generatedAt: String?
    public var indexPath = ""
    public var recorded: RecordedRun?

    init(request: SpendSlotRequest, goalID: String, before: ShouldRunReport) {
        self.request = request
        self.goalID = goalID
        self.before = before
    }

    public var ok: Bool { allowedBy != nil }

    public var json: JSONValue {
        let beforeQuota = QuotaSummary.compact(shouldRun: before.shouldRun, quota: before.quota)
        var object: JSONObject = [
            "ok": .bool(ok), "mode": "spend-slot", "dry_run": .bool(!request.execute), "goal_id": .string(goalID),
            "slots": .int(request.slots), "source": .string(request.source.rawValue),
            "classification": .string(SpendSlot.classification), "appended": .bool(recorded?.appended ?? false),
            "registry_mutated": false, "refused": .bool(!ok), "reason": .string(reason),
            "before": beforeQuota, "after": after ?? beforeQuota,
            "would_throttle": .bool(after?["state"]?.stringValue == "throttled"),
            "decision": before.answer.decision.isNull ? "skip" : before.answer.decision,
            "allowed_by": .optional(allowedBy), "generated_at": .optional(generatedAt),
            "quota_event": quotaEvent, "json_path": .optional(recorded?.jsonPath),
            "markdown_path": .optional(recorded?.markdownPath), "index_path": .string(indexPath),
        ]
        if let agentID = request.agentID { object["agent_id"] = .string(agentID) }
        if let row = recorded?.row { object["index_row"] = .object(row) }
        return .object(object)
    }

    public var markdown: String {
        let object = json
        var lines = ["# Quota spend-slot: `\(goalID)`", ""]
        if !ok {
            lines.append("**Refused.** \(reason)")
            lines.append("")
            lines.append("- decision: `\(object["decision"]?.stringValue ?? "skip")`")
            lines.append("- quota: " + MarkdownText.inline(object["before"] ?? .null))
            return lines.joined(separator: "\n")
        }
        lines.append(request.execute
            ? (recorded?.appended == true ? "Spent \(request.slots) slot(s); one run appended." : "Nothing appended.")
            : "Dry run: nothing written. Pass `--execute` to spend.")
        lines.append("")
        lines += MarkdownText.bullets(object.objectValue ?? [:], [
            "allowed_by", "slots", "source", "before", "after", "would_throttle", "generated_at", "json_path",
            "markdown_path", "index_path", "registry_mutated",
        ])
        return lines.joined(separator: "\n")
    }

    /// The Markdown artifact of a spend run.
    static func artifactMarkdown(_ record: JSONObject) -> String {
        var lines = ["# Quota slot spent", ""]
        lines += MarkdownText.bullets(record, ["goal_id", "generated_at", "classification", "slots", "source", "agent_id", "health_check"])
        if let event = record["quota_event"] {
            lines.append("")
            lines.append("## Quota event")
            lines.append("")
            lines += MarkdownText.bullets(event.objectValue ?? [:], ["event_type", "reason_summary", "before", "after"])
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
