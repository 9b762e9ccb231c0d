import LoopXCore
import LoopXRules
import LoopXSupport

/// The identity of a reward preview: what the person saw before confirming. Appending is
/// allowed only while recomputing it gives the same id, so a run recorded (or a reward
/// appended) after the preview turns the confirmation stale instead of binding blindly.
public struct RewardPreview: Sendable {
    /// The reward code's dry-run payload the preview was computed from.
    public var report: JSONValue
    /// First 24 hex digits of SHA-256 over the compact, key-sorted JSON of the four fields.
    public var id: String

    /// Computes the preview of a dry-run reward payload.
    public init(report: JSONValue) {
        self.report = report
        self.id = RewardPreview.id(of: report)
    }

    /// The fields that identify a preview, taken from the reward payload.
    public static func identity(of report: JSONValue) -> JSONValue {
        [
            "goal_id": report["goal_id"] ?? .null,
            "raw_index_records_before": report["raw_index_records_before"] ?? .null,
            "selected_run": report["selected_run"] ?? .null,
            "human_reward": report["human_reward"] ?? .null,
        ]
    }

    /// The preview id of a reward payload.
    public static func id(of report: JSONValue) -> String {
        let canonical = JSONWriter(sortedKeys: true, pretty: false).string(identity(of: report))
        return String(Digest.sha256Hex(Array(canonical.utf8)).prefix(24))
    }

    /// The compact answer both reward routes give (the full report stays on the CLI).
    public func payload(dryRun: Bool, appended: Bool, writeEnabled: Bool) -> JSONValue {
        var out: JSONObject = [
            "ok": true, "dry_run": .bool(dryRun), "appended": .bool(appended), "preview_id": .string(id),
            "reward_write_enabled": .bool(writeEnabled),
        ]
        for key in [
            "goal_id", "raw_index_records_before", "selected_run", "human_reward", "active_state_summary",
            "project_agent_visibility", "already_recorded", "active_state_update",
        ] {
            if let value = report[key] { out[key] = value }
        }
        return .object(out)
    }
}
