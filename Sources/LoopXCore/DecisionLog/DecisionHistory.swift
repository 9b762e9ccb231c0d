import LoopXRules
import LoopXSupport

/// A goal's logged decisions read back: each with whether its answer changed from the
/// previous decision of the same kind, and the execution obligations they issued with how
/// each ended (discharged, lapsed, superseded by a re-issue within the grace, or pending).
public struct DecisionHistory: Sendable {
    public var records: [DecisionRecord]

    public init(records: [DecisionRecord]) {
        self.records = records
    }

    /// Whether each record's answer differs from the previous record of its kind.
    public var changedFlags: [Bool] {
        var last: [String: JSONObject] = [:]
        return records.map { record in
            defer { last[record.kind] = record.answer }
            guard let previous = last[record.kind] else { return false }
            return !DecisionAnswer.same(previous, record.answer)
        }
    }

    /// One obligation a should-run decision issued.
    public struct Obligation: Sendable {
        public var issuedAt: Timestamp
        public var kind: String
        /// `discharged`, `lapsed`, `superseded` or `pending`.
        public var status: String

        public var json: JSONValue { ["issued_at": .string(issuedAt.rfc3339), "kind": .string(kind), "status": .string(status)] }
    }

    /// Every obligation issued, oldest first. Each ends as the next should-run found it (the
    /// `obligation` fact, derived from the runs written since); the newest ends as `current`
    /// (today's `obligation` fact of the goal) says.
    public func obligations(current: JSONValue) -> [Obligation] {
        let decisions = records.filter { $0.kind == "should_run" }
        var found: [Obligation] = []
        for (index, record) in decisions.enumerated() where record.obligation?["issued"] == .bool(true) {
            let issued = record.at.rfc3339
            var status = "pending"
            if let next = decisions[(index + 1)...].first(where: { $0.obligation?["previous"]?["issued_at"]?.stringValue == issued }),
                let seen = next.obligation?["previous"]?["status"]?.stringValue
            {
                status = seen == "pending" ? "superseded" : seen
            } else if current["issued_at"]?.stringValue == issued, let seen = current["status"]?.stringValue {
                status = seen
            }
            found.append(Obligation(issuedAt: record.at, kind: record.obligation?["kind"]?.stringValue ?? "", status: status))
        }
        return found
    }

    /// Obligations issued at or after `since` that lapsed.
    public func lapses(since: Timestamp, current: JSONValue) -> Int {
        obligations(current: current).filter { $0.issuedAt >= since && $0.status == "lapsed" }.count
    }
}
