import LoopXRules
import LoopXSupport

/// Attention items as the status contract shows them: who the goal waits on, how urgent it
/// is, and exactly one recommended action.
enum AttentionItem {
    static let optionalKeys = [
        "operator_question", "agent_command", "controller_stage", "next_handoff_condition",
    ]

    static func make(goalID: String, attention: JSONValue, quota: JSONValue) -> JSONObject {
        var item: JSONObject = [
            "goal_id": .string(goalID),
            "status": attention["status"] ?? "",
            "waiting_on": attention["waiting_on"] ?? "none",
            "severity": attention["severity"] ?? "info",
            "recommended_action": attention["recommended_action"] ?? "",
            "source": attention["source"] ?? "run_history",
            "lifecycle_phase": attention["lifecycle_phase"] ?? "",
            "lifecycle_flags": attention["lifecycle_flags"] ?? .array([]),
        ]
        for key in optionalKeys {
            if let text = attention[key]?.stringValue, !text.isEmpty { item[key] = .string(text) }
        }
        if let gates = attention["missing_gates"]?.arrayValue, !gates.isEmpty { item["missing_gates"] = .array(gates) }
        if attention["obligation_lapsed"] == .bool(true) { item["obligation_lapsed"] = true }
        if quota.objectValue != nil {
            var compact = JSONObject()
            for key in ["state", "reason", "blocked_action_scope", "safe_bypass_allowed", "safe_bypass_kind"] {
                if let value = quota[key] { compact[key] = value }
            }
            item["quota"] = .object(compact)
        }
        return item
    }

    static func global(status: String, severity: String, source: String, action: String) -> JSONObject {
        [
            "goal_id": "", "status": .string(status), "waiting_on": "codex", "severity": .string(severity),
            "recommended_action": .string(action), "source": .string(source),
        ]
    }
}

/// One goal's entry in `run_history.goals`.
enum RunHistorySummary {
    static let runKeys = [
        "generated_at", "classification", "recommended_action", "health_check", "delivery_batch_scale",
        "delivery_outcome", "json_exists", "markdown_exists", "project_map", "operator_gate", "human_reward",
        "quota_event", "host",
    ]

    /// `status` is the goal's status as decided on (the `goal` fact), "unregistered" without an entry.
    static func goal(id: String, entry: GoalEntry?, status: String, attention: JSONValue, history: [JSONValue], limit: Int) -> JSONObject {
        let runs = history.prefix(limit).map { run -> JSONValue in
            var compact = JSONObject()
            for key in runKeys { if let value = run[key] { compact[key] = value } }
            return .object(compact)
        }
        return [
            "id": .string(id), "domain": .string(entry?.domain ?? ""), "status": .string(entry == nil ? "unregistered" : status),
            "registry_member": .bool(entry != nil), "adapter_kind": .string(entry?.adapterKind ?? ""),
            "adapter_status": .string(entry?.adapterStatus ?? ""),
            "lifecycle_phase": attention["lifecycle_phase"] ?? "", "lifecycle_flags": attention["lifecycle_flags"] ?? .array([]),
            "run_count_loaded": .int(Int64(history.count)), "latest_runs": .array(Array(runs)),
        ]
    }
}
