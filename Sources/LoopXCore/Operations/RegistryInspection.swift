import LoopXRules
import LoopXSupport

/// `loopx registry`: every goal of the registry with its resolved paths and normalized
/// settings, and the validation problems with their stable codes.
public struct RegistryInspection: Sendable {
    public var store: GoalStore

    public init(store: GoalStore) {
        self.store = store
    }

    /// The report; fails (invalid rules) when Rules/facts.yaml, the home of the goal
    /// defaults the status, role and quota are read with, does not load.
    public func run() throws(CommandFailure) -> PayloadReport {
        let fields = try FieldRules.builtin(store.context)
        let env = store.context.environment
        let registry = store.registry
        let problems = registry.problems(environment: env)
        var statusCounts: [String: Int64] = [:]
        // Each repository's goal ids are listed once, under `repos`; a goal carries only its
        // repository's goal count, so the output stays linear in the number of goals.
        var repoGoals: [String: [String]] = [:]
        var repoOrder: [String] = []
        for goal in registry.goals {
            statusCounts[fields.status(of: goal), default: 0] += 1
            guard let repo = goal.repo.map(env.absolute) else { continue }
            if repoGoals[repo] == nil { repoOrder.append(repo) }
            repoGoals[repo, default: []].append(goal.id ?? "")
        }
        var sessions = GoalRuleSessions(store: store)
        let goals: [JSONValue] = registry.goals.map { goal in
            let repo = goal.repo.map(env.absolute)
            let stateAbs = goal.stateFilePath(environment: env)
            let spawn = goal["spawn_policy"]?.objectValue ?? JSONObject()
            let repoGoalCount = repo.flatMap { repoGoals[$0]?.count } ?? 0
            // What the goal leaves out reads as its default (defaults.goal.spawn_policy), as the rules read it.
            let byDefault = fields.goal["spawn_policy"]
            var orchestration: JSONObject = [
                "mode": spawn["mode"] ?? byDefault?["mode"] ?? .null, "spawn_allowed": spawn["allowed"] ?? byDefault?["allowed"] ?? .null,
                "max_children": spawn["max_children"] ?? byDefault?["max_children"] ?? .null,
            ]
            if let domains = spawn["allowed_domains"], domains != .array([]) { orchestration["allowed_domains"] = domains }
            var object: JSONObject = [
                "id": .optional(goal.id), "domain": .optional(goal.domain), "status": .string(fields.status(of: goal)), "role": .string(fields.role(of: goal)),
                "parent_goal_id": .optional(goal.parentGoalID), "repo": .optional(goal.repo),
                "repo_exists": .bool(repo.map(FileSystem.isDirectory) ?? false), "repo_goal_count": .int(Int64(repoGoalCount)),
                "state_file": .optional(goal.stateFile), "state_file_abs": .optional(stateAbs),
                "state_file_exists": .bool(stateAbs.map(FileSystem.isRegularFile) ?? false), "adapter_kind": .optional(goal.adapterKind),
                "adapter_status": .optional(goal.adapterStatus), "authority_sources": .array(goal.authoritySources),
                "authority_source_count": .int(Int64(goal.authoritySourceCount)), "quota": .object(QuotaConfig(goal: goal, defaults: fields.quota).json),
                "orchestration": .object(orchestration),
                "orchestration_mode": orchestration["mode"] ?? .null, "spawn_allowed": orchestration["spawn_allowed"] ?? .null,
                "max_children": orchestration["max_children"] ?? .null, "control_plane": goal["control_plane"] ?? .object(JSONObject()),
                "next_probe": .optional(goal.nextProbe), "guards": .strings(goal.guards),
            ]
            for key in GoalEntry.attentionOverrideKeys { object[key] = goal[key] ?? .null }
            for (key, value) in sessions.profileFields(of: goal) { object[key] = value }
            return .object(object)
        }
        var counts = JSONObject()
        for key in statusCounts.keys.sorted() { counts[key] = .int(statusCounts[key] ?? 0) }
        let payload: JSONObject = [
            "ok": .bool(problems.isEmpty), "registry": .string(store.registryPath), "schema_version": .optional(registry.schemaVersion),
            "updated_at": .optional(registry.updatedAt), "common_runtime_root": .optional(registry.commonRuntimeRoot),
            "registry_role": .optional(registry.registryRole), "global_fallback": .bool(store.usesGlobalFallback),
            "goal_count": .int(Int64(registry.goals.count)), "status_counts": .object(counts),
            "problems": .strings(problems.map(\.text)), "problem_diagnostics": .array(problems.map(\.json)), "goals": .array(goals),
            "repos": .array(repoOrder.map { repo in
                ["repo": .string(repo), "goal_count": .int(Int64(repoGoals[repo]?.count ?? 0)), "goal_ids": .strings(repoGoals[repo] ?? [])]
            }),
        ]
        return PayloadReport(payload, markdown: markdown(payload))
    }

    func markdown(_ payload: JSONObject) -> String {
        var lines = ["# loopx registry", ""]
        lines += MarkdownText.bullets(payload, ["registry", "schema_version", "updated_at", "common_runtime_root", "goal_count", "status_counts"])
        if payload["global_fallback"] == true { lines.append("- **note**: no project registry here; showing the global registry") }
        lines.append("")
        let rows: [[String]] = (payload["goals"]?.arrayValue ?? []).map { goal in
            func text(_ key: String) -> String { goal[key].map { $0 == .null ? "-" : MarkdownText.inline($0) } ?? "-" }
            let spawn = goal["spawn_allowed"] == true ? "yes(\(text("max_children")))" : "no"
            return [text("id"), text("role"), text("parent_goal_id"), text("domain"), text("status"), text("repo_exists"),
                    text("repo_goal_count"), text("state_file_exists"), spawn, "\(text("adapter_kind"))/\(text("adapter_status"))", text("next_probe")]
        }
        lines += MarkdownText.table(["goal", "role", "parent", "domain", "status", "repo_exists", "repo_goals", "state_exists", "spawn", "adapter", "next_probe"], rows)
        lines += ["", "## Problems", ""]
        let problems = payload["problems"]?.arrayValue ?? []
        lines += problems.isEmpty ? ["- none"] : problems.map { "- \($0.stringValue ?? "")" }
        return lines.joined(separator: "\n")
    }
}
