import LoopXRules
import LoopXSupport

/// Execution obligations tracked across heartbeats. When `quota should-run` tells an agent
/// it must attempt work, the obligation is recorded beside the goal's runs; later decisions
/// check whether a run written since discharged it or whether it lapsed.
public struct ObligationLedger: Sendable {
    public var goalDirectory: String
    /// The shared store holding the obligation, nil for `obligation.json`.
    public var shared: (any SharedStore)?

    public init(goalDirectory: String, shared: (any SharedStore)? = nil) {
        self.goalDirectory = goalDirectory
        self.shared = shared
    }

    var goalID: String { FileSystem.basename(goalDirectory) }

    public var path: String { FileSystem.join(goalDirectory, "obligation.json") }

    /// The recorded obligation, if any.
    public func current() -> JSONObject? {
        if let shared { return SharedStores.must { () throws(CommandFailure) in try shared.obligation(goalID: goalID) } }
        guard FileSystem.isRegularFile(path), let bytes = try? FileSystem.readBytes(path),
            let value = try? JSONParser.parse(bytes, path: path)
        else { return nil }
        return value.objectValue
    }

    /// Records an obligation issued at `now` (replacing the previous one). Atomic but not
    /// fsynced: every should-run re-issues the obligation, so a power loss costs at most the
    /// latest re-issue, while an fsync on every heartbeat would cost more than the decision.
    public func record(_ obligation: JSONObject, at now: Timestamp) throws(FileSystem.Failure) {
        var object = obligation
        object["issued_at"] = .string(now.rfc3339)
        object["schema_version"] = "loopx_obligation_v1"
        if let shared {
            SharedStores.must { () throws(CommandFailure) in try shared.recordObligation(goalID: goalID, object) }
            return
        }
        try FileSystem.writeAtomically(path, text: JSONWriter(pretty: true).string(.object(object)) + "\n", durable: false)
    }

    /// Whether a run discharges an obligation: a write-back that names its delivery outcome
    /// (what every heartbeat's `refresh-state` records), or a spent quota slot (spending
    /// requires validated delivery).
    public static func discharges(_ run: RunRecord) -> Bool {
        if run.classification == "quota_slot_spent" { return true }
        if run.fields["quota_event"]?["event_type"]?.stringValue == "quota_slot_spent" { return true }
        return !(run.deliveryOutcome ?? "").isEmpty
    }

    /// An obligation younger than this is still `pending` (a guard re-run within one tick).
    public static let graceSeconds: Int64 = 300

    /// The `obligation` fact at `now` against the newest runs (newest first): `discharged`
    /// by a run written since it was issued, `pending` within the grace period, else `lapsed`.
    /// An obligation issued after `now` (a replay with `--now`) did not exist yet: `none`.
    public func fact(runs: [RunRecord], now: Timestamp) -> JSONValue {
        guard let recorded = current(), let issuedText = recorded["issued_at"]?.stringValue,
            let issued = Timestamp(rfc3339: issuedText), issued <= now
        else { return ["exists": false, "status": "none"] }
        var fact: JSONObject = [
            "exists": true, "issued_at": .string(issued.rfc3339),
            "kind": recorded["kind"] ?? "", "minimum": recorded["minimum"] ?? "",
            "effective_action": recorded["effective_action"] ?? "",
            "must_attempt_work": recorded["must_attempt_work"] ?? false,
        ]
        let discharging = runs.last { run in
            guard let instant = run.timestamp, instant >= issued else { return false }
            return ObligationLedger.discharges(run)
        }
        if let run = discharging, let instant = run.timestamp {
            fact["status"] = "discharged"
            fact["discharged_by"] = [
                "generated_at": .string(instant.rfc3339), "classification": .string(run.classification ?? ""),
                "delivery_outcome": .string(run.deliveryOutcome ?? ""),
            ]
        } else if now.seconds.saturatingSubtracting(issued.seconds) < ObligationLedger.graceSeconds {
            fact["status"] = "pending"
        } else {
            fact["status"] = "lapsed"
        }
        return .object(fact)
    }
}
