import LoopXRules
import LoopXSupport

/// `loopx history`: the goals (registry goals and runtime directories) with their newest runs
/// and quota spend in the window. Every read goes backwards from the end of each index, so
/// the cost does not depend on how long a goal's history is.
public struct HistoryQuery: Sendable {
    public var store: GoalStore
    public var goalFilter: String?
    public var limit: Int
    public var chart = false
    /// Read every index in full for `raw_index_records`, `unique_runs`, `invalid_index_records`
    /// and `torn_last_line` (cost grows with the index; off by default). Without it the first
    /// two come from the appender's side count (`RunIndexCount`).
    public var countRecords = false

    public init(store: GoalStore, goalFilter: String?, limit: Int) {
        self.store = store
        self.goalFilter = goalFilter
        self.limit = limit
    }

    public func run() throws(CommandFailure) -> PayloadReport {
        let filterID = try goalFilter.map { text throws(CommandFailure) in try GoalID.parse(text) }
        guard limit >= 0 else { throw CommandFailure("--limit must be at least 0", status: .usage) }
        let now = store.context.now
        // The goal defaults (Rules/facts.yaml) the status and the quota are read with.
        let fields = try FieldRules.builtin(store.context)
        var ids: [GoalID] = store.registry.goals.compactMap(\.goalID)
        for id in store.runtimeGoalIDs() where !ids.contains(id) { ids.append(id) }
        if let filterID {
            ids = ids.filter { $0 == filterID }
            if ids.isEmpty { throw store.unknownGoal(filterID) }
        }
        var goals: [JSONValue] = []
        var allRuns: [RunRecord] = []
        var charts: [(GoalID, [RunRecord])] = []
        var sessions = GoalRuleSessions(store: store)
        for id in ids {
            let entry = store.registry.goal(id: id.rawValue)
            let history = store.history(id)
            let runs = history.newest(limit: limit)
            allRuns += runs
            charts.append((id, runs))
            var goal: JSONObject = [
                "id": .string(id.rawValue), "domain": .optional(entry?.domain), "status": .string(entry.map(fields.status(of:)) ?? "legacy-runtime"),
                "registry_member": .bool(entry != nil), "legacy_runtime_goal": .bool(entry == nil),
                "adapter_kind": .optional(entry?.adapterKind), "adapter_status": .optional(entry?.adapterStatus),
                "index_path": .string(history.indexPath), "index_exists": .bool(history.indexExists),
                "latest_runs": .array(runs.map(\.reported)),
            ]
            if countRecords {
                let scan = history.scanAll()
                goal["raw_index_records"] = .int(Int64(scan.rawCount))
                goal["invalid_index_records"] = .int(Int64(scan.invalidCount))
                goal["torn_last_line"] = .bool(scan.tornLastLine)
                goal["unique_runs"] = .int(Int64(scan.runs.count))
                goal["record_count_source"] = "full_scan"
            } else {
                // The appender's side count: no full read unless it is stale (see RunIndexCount).
                let counted = history.recordCount()
                goal["raw_index_records"] = .int(counted?.count.rows ?? 0)
                goal["unique_runs"] = .int(counted?.count.runs ?? 0)
                goal["record_count_source"] = .string(counted == nil ? "no_index" : counted?.fromSideFile == true ? "side_count" : "full_scan")
            }
            if let entry {
                for key in ["coordination", "spawn_policy", "control_plane", "guards", "next_probe", "authority_registry"] { goal[key] = entry[key] ?? .null }
                for (key, value) in sessions.profileFields(of: entry) { goal[key] = value }
                goal["quota"] = .object(QuotaConfig(goal: entry, defaults: fields.quota).ledger(history: history, now: now))
                for (key, value) in entry.attentionOverrides { goal[key] = value }
            }
            goals.append(.object(goal))
        }
        allRuns.sort(by: RunRecord.newestFirst)
        let runs = Array(allRuns.prefix(limit))
        var payload: JSONObject = [
            "ok": true, "registry": .string(store.registryPath), "runtime_root": .string(store.runtimeRoot),
            "goal_filter": .optional(goalFilter), "goal_count": .int(Int64(goals.count)), "run_count": .int(Int64(runs.count)),
            "goals": .array(goals), "runs": .array(runs.map(\.reported)),
        ]
        if chart { payload["chart"] = .strings(charts.flatMap { HistoryChart.lines(goal: $0.0.rawValue, runs: $0.1) }) }
        return PayloadReport(payload, markdown: markdown(payload))
    }

    func markdown(_ payload: JSONObject) -> String {
        var lines = ["# loopx history", ""]
        lines += MarkdownText.bullets(payload, ["registry", "runtime_root", "goal_filter", "goal_count", "run_count"])
        if let chart = payload["chart"]?.arrayValue {
            lines += ["", "## Timeline", "", "```"] + chart.compactMap(\.stringValue) + ["```"]
        }
        for goal in payload["goals"]?.arrayValue ?? [] {
            lines += ["", "## \(goal["id"]?.stringValue ?? "")", ""]
            lines += MarkdownText.bullets(goal.objectValue ?? JSONObject(), ["status", "registry_member", "adapter_kind", "index_exists"])
            if let quota = goal["quota"] {
                lines.append("- **quota**: spent \(MarkdownText.inline(quota["spent_slots"] ?? 0))/\(MarkdownText.inline(quota["allowed_slots"] ?? 0)) slots in \(MarkdownText.inline(quota["window_hours"] ?? "?"))h")
            }
            let runs = goal["latest_runs"]?.arrayValue ?? []
            if runs.isEmpty { lines.append("- no runs recorded") }
            for run in runs {
                var line = "- \(run["generated_at"]?.stringValue ?? "?") `\(run["classification"]?.stringValue ?? "?")`"
                if let action = run["recommended_action"]?.stringValue { line += ": \(action)" }
                if let reward = run["human_reward"]?["reward"]?.stringValue { line += " (reward: \(reward))" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }
}
