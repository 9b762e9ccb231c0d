import LoopXRules
import LoopXSupport

/// `loopx store migrate|status|import|export`: the shared store's administration. Every
/// action names the store without its password; on the file store only `status` answers.
public struct StoreOperation: Sendable {
    public enum Action: String, Sendable { case migrate, status, `import`, export }

    public var store: GoalStore
    public var action: Action
    public var goalID: String?
    /// `export`: replace local files whose content differs from the store's.
    public var replace = false

    public init(store: GoalStore, action: Action, goalID: String? = nil) {
        self.store = store
        self.action = action
        self.goalID = goalID
    }

    public func run() throws(CommandFailure) -> PayloadReport {
        let choice: StoreChoice
        switch store.storeChoice {
        case .success(let resolved): choice = resolved
        case .failure(let failure): throw failure
        }
        var payload: JSONObject = ["action": .string(action.rawValue), "store": choice.json, "registry": .string(store.registryPath)]
        guard let shared = try store.sharedStore() else {
            guard action == .status else {
                throw CommandFailure(
                    "`store \(action.rawValue)` needs a shared store; this project uses the local files",
                    hint: "set `store` in the registry to postgres://user@host:port/db, or set \(StoreChoice.environmentKey)", code: .refused)
            }
            payload["ok"] = true
            payload["reachable"] = true
            return PayloadReport(payload, markdown: StoreOperation.markdown(payload))
        }
        switch action {
        case .migrate:
            let migration = try shared.migrate()
            payload["schema_version_before"] = .int(Int64(migration.versionBefore))
            payload["schema_version"] = .int(Int64(migration.versionAfter))
            payload["applied"] = .array(migration.applied.map { .int(Int64($0)) })
            payload["changed"] = .bool(!migration.applied.isEmpty)
            payload["ok"] = true
        case .status:
            do {
                for (key, value) in try shared.status() { payload[key] = value }
                payload["ok"] = .bool(payload["schema_current"]?.boolValue ?? false)
            } catch {
                payload["reachable"] = false
                payload["error"] = ["code": .string(error.code.rawValue), "message": .string(error.message)]
                payload["ok"] = false
            }
        case .import:
            let id = try requiredGoal()
            let local = try StoreOperation.localData(store: store, goalID: id)
            let counts = try shared.importGoal(local.data)
            payload["goal_id"] = .string(id.rawValue)
            payload["runs"] = counts.runs.json
            payload["decisions"] = counts.decisions.json
            payload["fact_values"] = ["local": .int(Int64(counts.factValues.local)), "inserted": .int(Int64(counts.factValues.inserted))]
            payload["obligation"] = ["local": .bool(counts.obligation.local), "inserted": .bool(counts.obligation.inserted)]
            payload["leases"] = ["local": .int(Int64(counts.leases.local)), "inserted": .int(Int64(counts.leases.inserted))]
            payload["skipped_invalid_lines"] = .int(Int64(local.skipped))
            payload["verified"] = .bool(counts.verified)
            payload["ok"] = .bool(counts.verified)
        case .export:
            let id = try requiredGoal()
            let data = try shared.exportGoal(goalID: id.rawValue)
            let written = try StoreOperation.write(data, goalDirectory: store.goalDirectory(id), replace: replace)
            payload["goal_id"] = .string(id.rawValue)
            for (key, value) in written { payload[key] = value }
            payload["leases"] = .array(data.leases.map(\.json))
            payload["ok"] = true
        }
        return PayloadReport(payload, markdown: StoreOperation.markdown(payload))
    }

    func requiredGoal() throws(CommandFailure) -> GoalID {
        guard let goalID else { throw CommandFailure("`store \(action.rawValue)` needs --goal-id", status: .usage) }
        let id = try GoalID.parse(goalID)
        try store.requireKnown(id)
        return id
    }

    static func markdown(_ payload: JSONObject) -> String {
        var lines = ["# loopx store \(payload["action"]?.stringValue ?? "")", ""]
        let store = payload["store"]
        lines.append("- **store**: \(store?["kind"]?.stringValue ?? "files")\(store?["url"]?.stringValue.map { " `\($0)`" } ?? "")")
        lines += MarkdownText.bullets(payload, [
            "ok", "goal_id", "reachable", "server_version", "schema_version", "schema_version_expected", "applied", "changed", "verified",
        ])
        for key in ["rows", "runs", "decisions", "fact_values", "obligation", "leases", "error"] {
            guard let value = payload[key] else { continue }
            lines.append("- **\(key)**: `\(JSONWriter(sortedKeys: true, pretty: false).string(value))`")
        }
        return lines.joined(separator: "\n")
    }
}
