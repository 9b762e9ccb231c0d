import LoopXRules
import LoopXSupport

/// Health of the global registry (reference §8.4): duplicate ids, missing or stale source
/// registries, missing or undeclared state files, and global goals the current registry
/// does not list. `ok` means no high-severity finding; an absent file is `available: false`.
public struct GlobalRegistryHealth: Sendable {
    /// A source registry modified more than this many seconds after the global registry was
    /// last written is stale.
    static let staleSlackSeconds: Int64 = 5
    static let excludedListLimit = 8

    public var path: String
    public var available: Bool
    public var findings: [JSONObject]
    public var globalGoalCount: Int
    public var sourceRegistryCount: Int
    public var currentRegistryIsGlobal: Bool
    public var currentGoalCount: Int
    public var currentRegistry: String

    public var ok: Bool { !findings.contains { $0["severity"]?.stringValue == "high" } }

    /// Checks the global registry of `store` against the registry the command runs on.
    public init(store: GoalStore) {
        path = store.globalRegistryPath
        currentRegistry = store.registryPath
        currentRegistryIsGlobal = FileSystem.normalize(store.registryPath) == FileSystem.normalize(path)
        currentGoalCount = store.registry.goals.count
        findings = []
        globalGoalCount = 0
        sourceRegistryCount = 0
        guard let (global, _) = try? RegistryCodec.read(path) else {
            available = false
            return
        }
        available = true
        globalGoalCount = global.goals.count
        let environment = store.context.environment
        var seen: Set<String> = []
        var sources: Set<String> = []
        for goal in global.goals {
            let id = goal.id ?? ""
            if !seen.insert(id).inserted {
                add("duplicate_goal_id", "high", id, "remove the duplicate entry with `loopx sync-global --replace-state`")
            }
            if let source = goal.sourceRegistry {
                sources.insert(source)
                checkSource(goal, source: source, id: id)
            }
            if let state = goal.stateFilePath(environment: environment) {
                if !FileSystem.isRegularFile(state) {
                    add("state_file_missing", "action", id, "recreate the state file with `loopx bootstrap --goal-id \(id)`")
                }
            } else {
                add("state_file_not_declared", "action", id, "declare state_file for \(id) in its project registry and sync")
            }
        }
        sourceRegistryCount = sources.count
        if !currentRegistryIsGlobal {
            let current = Set(store.registry.goals.compactMap(\.id))
            let excluded = global.goals.compactMap(\.id).filter { !current.contains($0) }
            if !excluded.isEmpty {
                var finding = makeFinding(
                    "current_registry_scope_excludes_global_goals", "info", "",
                    "pass --registry with the global registry to see every goal")
                finding["goal_ids"] = .array(excluded.prefix(GlobalRegistryHealth.excludedListLimit).map(JSONValue.string))
                finding["excluded_count"] = .int(Int64(excluded.count))
                findings.append(finding)
            }
        }
    }

    private mutating func checkSource(_ goal: GoalEntry, source: String, id: String) {
        guard FileSystem.isRegularFile(source) else {
            add("source_registry_missing", "action", id, "reconnect the project or remove \(id) from the global registry")
            return
        }
        // File times on both sides, so an injected clock (`--now`) cannot fake staleness.
        if let synced = StateFacts.modificationTime(path), let modified = StateFacts.modificationTime(source),
            modified.seconds > synced.seconds.saturatingAdding(GlobalRegistryHealth.staleSlackSeconds)
        {
            add("stale_source_registry", "action", id, "run `loopx sync-global` in the project of \(id)")
        }
    }

    private mutating func add(_ kind: String, _ severity: String, _ goalID: String, _ action: String) {
        findings.append(makeFinding(kind, severity, goalID, action))
    }

    private func makeFinding(_ kind: String, _ severity: String, _ goalID: String, _ action: String) -> JSONObject {
        ["kind": .string(kind), "severity": .string(severity), "goal_id": .string(goalID), "action": .string(action)]
    }

    /// The `global_registry` section of the status payload.
    public var json: JSONValue {
        var counts: [String: Int64] = ["high": 0, "action": 0, "info": 0]
        for finding in findings { counts[finding["severity"]?.stringValue ?? "info", default: 0] += 1 }
        return [
            "available": .bool(available), "ok": .bool(ok), "registry": .string(path),
            "current_registry": .string(currentRegistry), "current_registry_is_global": .bool(currentRegistryIsGlobal),
            "global_goal_count": .int(Int64(globalGoalCount)), "current_goal_count": .int(Int64(currentGoalCount)),
            "source_registry_count": .int(Int64(sourceRegistryCount)),
            "summary": [
                "high": .int(counts["high"] ?? 0), "action": .int(counts["action"] ?? 0),
                "info": .int(counts["info"] ?? 0), "findings": .int(Int64(findings.count)),
            ],
            "findings": .array(findings.map(JSONValue.object)),
        ]
    }

    /// The findings in the `health.global_findings` fact shape.
    public var factFindings: [JSONValue] {
        findings.map { finding in
            ["kind": finding["kind"] ?? "", "severity": finding["severity"] ?? "", "goal_id": finding["goal_id"] ?? "",
             "action": finding["action"] ?? ""]
        }
    }
}
