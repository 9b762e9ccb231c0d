/// `loopx sync-global`: copies every goal of the project registry into the global registry.
public struct SyncGlobal: Sendable {
    public var store: GoalStore
    public var replaceState = false
    public var dryRun = false

    public init(store: GoalStore) {
        self.store = store
    }

    public func run() throws(CommandFailure) -> PayloadReport {
        var sync = GlobalRegistrySync(
            sourceRegistryPath: store.registryPath, source: store.registry, globalPath: store.globalRegistryPath,
            runtimeRoot: store.runtimeRoot, now: store.context.now)
        sync.replaceState = replaceState
        sync.dryRun = dryRun
        let payload = try sync.run()
        var lines = ["# loopx sync-global", ""]
        lines += MarkdownText.bullets(payload, ["registry", "global_registry", "dry_run", "skipped", "reason", "wrote", "source_goal_count", "global_goal_count", "backup_path", "error"])
        let actions = payload["actions"]?.arrayValue ?? []
        if !actions.isEmpty { lines += ["", "## Actions", ""] + actions.map { "- \($0.stringValue ?? "")" } }
        return PayloadReport(payload, markdown: lines.joined(separator: "\n"))
    }
}
