import LoopXRules
import LoopXSupport

/// `loopx configure-goal` and `loopx register-agent`: applies validated field edits to one goal
/// of the project registry, atomically under the registry lock, then syncs the goal into the
/// global registry. A preview unless `execute` is set: the report lists every field with its
/// value before and after either way.
public struct ConfigureGoal: Sendable {
    public var store: GoalStore
    public var goalID: GoalID
    public var edits: [RegistryFieldEdit]
    public var execute = false
    public var noGlobalSync = false
    /// `configure-goal` or `register-agent`, for the report.
    public var mode = "configure-goal"

    public init(store: GoalStore, goalID: GoalID, edits: [RegistryFieldEdit]) {
        self.store = store
        self.goalID = goalID
        self.edits = edits
    }

    public func run() throws(CommandFailure) -> PayloadReport {
        guard store.exists, !store.usesGlobalFallback else {
            throw CommandFailure(
                "no project registry at \(store.registryPath)",
                hint: "run it from the project (or pass --registry .loopx/registry.json); configure-goal edits the project registry, then syncs the global one",
                status: .usage)
        }
        let entry = try store.goal(goalID)
        guard !edits.isEmpty else {
            throw CommandFailure("nothing to change", hint: "pass at least one field option; see `loopx help \(mode)`", status: .usage)
        }
        var object = entry.object
        var changes: [JSONValue] = []
        for edit in edits {
            let before = edit.current(in: object)
            object = edit.applied(to: object)
            guard before != edit.value else { continue }
            changes.append(["field": .string(edit.field), "before": before ?? .null, "after": edit.value ?? .null])
        }
        var registry = store.registry
        registry.upsert(GoalEntry(object))
        registry.root["updated_at"] = .string(String(store.context.now.rfc3339.prefix(10)))
        let write = execute && !changes.isEmpty
        if write { try store.save(registry) }

        var globalSync: JSONValue = ["skipped": true, "reason": write ? "--no-global-sync" : "nothing written"]
        if write, !noGlobalSync {
            var sync = GlobalRegistrySync(
                sourceRegistryPath: store.registryPath, source: registry, globalPath: store.globalRegistryPath,
                runtimeRoot: store.runtimeRoot, now: store.context.now)
            sync.goalIDs = [goalID.rawValue]
            globalSync = .object(try sync.run())
        }
        let payload: JSONObject = [
            "ok": .bool(globalSync["ok"]?.boolValue ?? true), "mode": .string(mode), "goal_id": .string(goalID.rawValue),
            "registry": .string(store.registryPath), "dry_run": .bool(!execute), "written": .bool(write),
            "changes": .array(changes), "goal_entry": .object(object), "global_sync": globalSync,
        ]
        return PayloadReport(payload, markdown: markdown(payload, changes: changes))
    }

    func markdown(_ payload: JSONObject, changes: [JSONValue]) -> String {
        var lines = ["# \(mode) `\(goalID)`", ""]
        lines += MarkdownText.bullets(payload, ["registry", "dry_run", "written"])
        lines += ["", "## Changes", ""]
        if changes.isEmpty { lines.append("- none: every field already has the value asked for") }
        for change in changes {
            let before = change["before"].map(MarkdownText.inline) ?? "null"
            let after = change["after"].map(MarkdownText.inline) ?? "null"
            lines.append("- `\(change["field"]?.stringValue ?? "")`: `\(before)` → `\(after)`")
        }
        if !execute, !changes.isEmpty { lines += ["", "Preview only: rerun with `--execute` to write the registry."] }
        return lines.joined(separator: "\n")
    }
}

extension ConfigureGoal {
    /// `configure-goal` and `register-agent` from the command line: opens the project registry
    /// (never the global fallback), validates `options` against the goal's entry, and runs.
    public static func run(
        _ context: LoopXContext, goalID: String, options: ConfigureGoalOptions, execute: Bool, noGlobalSync: Bool, mode: String
    ) throws(CommandFailure) -> PayloadReport {
        let id = try GoalID.parse(goalID)
        let store = try GoalStore.open(context, allowGlobalFallback: false)
        var operation = ConfigureGoal(store: store, goalID: id, edits: try options.edits(for: try store.goal(id), fields: try FieldRules.builtin(context)))
        (operation.execute, operation.noGlobalSync, operation.mode) = (execute, noGlobalSync, mode)
        return try operation.run()
    }
}
