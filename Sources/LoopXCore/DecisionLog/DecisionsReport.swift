import LoopXRules
import LoopXSupport

/// The answer of `loopx decisions`: a goal's newest logged decisions (newest first) with the
/// rules that fired and whether the answer changed from the previous tick, and the
/// obligations issued with how each ended.
public struct DecisionsReport: Report {
    public var goalID: String
    public var logPath: String
    public var enabled: Bool
    public var entries: [(record: DecisionRecord, changed: Bool)]
    public var obligations: [DecisionHistory.Obligation]
    public var total: Int

    /// The newest `limit` decisions of a goal's log.
    public init(goalID: String, log: DecisionLog, limit: Int, currentObligation: JSONValue) {
        self.goalID = goalID
        logPath = log.path
        enabled = log.settings.enabled
        let history = DecisionHistory(records: log.records())
        total = history.records.count
        entries = Array(zip(history.records, history.changedFlags).suffix(max(0, limit)).reversed()).map { ($0.0, $0.1) }
        let oldestShown = entries.last?.record.at
        obligations = history.obligations(current: currentObligation).filter { oldest in
            oldestShown.map { oldest.issuedAt >= $0 } ?? false
        }.reversed()
    }

    public var ok: Bool { true }

    public var json: JSONValue {
        let decisions: [JSONValue] = entries.map { entry in
            var object = entry.record.json.objectValue ?? JSONObject()
            object["changed"] = .bool(entry.changed)
            object["v"] = nil
            return .object(object)
        }
        return [
            "ok": true, "mode": "decisions", "goal_id": .string(goalID), "log": .string(logPath),
            "logging": .bool(enabled), "total": .int(Int64(total)), "decisions": .array(decisions),
            "obligations": .array(obligations.map(\.json)),
        ]
    }

    public var markdown: String {
        var lines = ["# Decisions of `\(goalID)`", ""]
        lines.append("\(entries.count) of \(total) logged decisions, newest first (\(logPath)\(enabled ? "" : "; logging is off")).")
        lines.append("")
        if !entries.isEmpty {
            lines += ["| time | kind | answer | changed | rules fired |", "|---|---|---|---|---|"]
            for (record, changed) in entries {
                let fired = record.fired.map { "`\($0)`" }.joined(separator: ", ")
                lines.append("| \(record.at.rfc3339) | \(record.kind) | \(DecisionAnswer.summary(record.answer)) | \(changed ? "**yes**" : "") | \(fired) |")
            }
        }
        if !obligations.isEmpty {
            lines += ["", "## Obligations", ""]
            for obligation in obligations {
                lines.append("- \(obligation.issuedAt.rfc3339) `\(obligation.kind)`: \(obligation.status)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
