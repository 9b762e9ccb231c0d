import LoopXCore
import LoopXRules
import LoopXSupport

/// `GET /history.json?window=24h|7d|30d[&goal=ID]`: each goal's runs and quota spends in the
/// window ending now, oldest first, for the dashboard's time axis. Read through the run
/// history's own backwards reader (rewards merged into their runs); writes nothing.
struct RunWindow: Sendable {
    static let path = "/history.json"
    /// The windows the page offers, by the name used in the query.
    static let windows: [(name: String, hours: Int64)] = [("24h", 24), ("7d", 168), ("30d", 720)]
    /// Newest runs read per goal at most; a goal with more in the window says `truncated`.
    static let maxRuns = 2000

    let context: @Sendable () throws(CommandFailure) -> LoopXContext

    /// The answer for a raw query string; 400 for an unknown window or malformed goal id.
    func answer(query: String) -> APIResponse {
        let fields = RunWindow.queryFields(query)
        let name = fields["window"] ?? "7d"
        guard let hours = RunWindow.windows.first(where: { $0.name == name })?.hours else {
            return .failure(400, "unknown window '\(name)'", extra: ["windows": .array(RunWindow.windows.map { .string($0.name) })])
        }
        let store: GoalStore
        var ids: [GoalID]
        do throws(CommandFailure) {
            store = try GoalStore.open(try context())
            ids = store.registry.goals.compactMap(\.goalID)
            for id in store.runtimeGoalIDs() where !ids.contains(id) { ids.append(id) }
            if let goal = fields["goal"] {
                let wanted = try GoalID.parse(goal)
                ids = ids.filter { $0 == wanted }
            }
        } catch {
            return .failure(400, error.detail, code: error.code)
        }
        let now = store.context.now
        let since = now.adding(seconds: -hours * 3600)
        let goals = ids.map { RunWindow.goal($0, history: store.history($0), since: since, until: now) }
        return .json(200, [
            "ok": true, "window": .string(name), "window_hours": .int(hours),
            "now": .string(now.rfc3339), "since": .string(since.rfc3339), "goals": .array(goals),
        ])
    }

    /// One goal's runs and spends in `[since, until]`, oldest first.
    static func goal(_ id: GoalID, history: RunHistory, since: Timestamp, until: Timestamp) -> JSONValue {
        let newest = history.newest(limit: maxRuns)
        var runs: [JSONValue] = []
        var spends: [JSONValue] = []
        for record in newest.reversed() {
            guard let instant = record.timestamp, instant >= since, instant <= until else { continue }
            if let event = SpendEvent(row: record.fields, instant: instant) {
                spends.append(["generated_at": .string(record.generatedAt), "kind": .string(event.kind.rawValue), "slots": .int(event.slots)])
            } else {
                runs.append(summary(record))
            }
        }
        let oldestRead = newest.last?.timestamp
        return [
            "id": .string(id.rawValue), "runs": .array(runs), "spends": .array(spends),
            "truncated": .bool(newest.count == maxRuns && oldestRead.map { $0 >= since } == true),
        ]
    }

    /// What the time axis shows of a run: time, classification, action, delivery labels,
    /// the reward (with whether it carries a lesson) and the operator gate decision.
    static func summary(_ run: RunRecord) -> JSONValue {
        var out: JSONObject = [
            "generated_at": .string(run.generatedAt), "classification": .optional(run.classification),
            "recommended_action": .optional(run.recommendedAction), "delivery_outcome": .optional(run.deliveryOutcome),
            "delivery_batch_scale": .optional(run.deliveryBatchScale),
        ]
        // The machine the run was recorded on (over a shared store, every machine's runs appear).
        if let host = run.fields["host"]?.stringValue { out["host"] = .string(host) }
        if let reward = run.humanReward {
            out["human_reward"] = [
                "reward": reward["reward"] ?? .null, "decision": reward["decision"] ?? .null,
                "reason_summary": reward["reason_summary"] ?? .null, "lesson": .bool(run.lesson != nil),
            ]
        }
        if let gate = run.fields["operator_gate"]?.objectValue {
            out["operator_gate"] = ["decision": gate["decision"] ?? .null]
        } else if let kind = run.classification, kind.hasPrefix("operator_gate_") {
            out["operator_gate"] = ["decision": .string(String(kind.dropFirst("operator_gate_".count)))]
        }
        return .object(out)
    }

    /// `a=1&b=2` as a dictionary (percent-decoded, `+` as space); the last value wins.
    static func queryFields(_ query: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = percentDecoded(parts[0]) else { continue }
            out[key] = parts.count > 1 ? percentDecoded(parts[1]) ?? "" : ""
        }
        return out
    }

    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
