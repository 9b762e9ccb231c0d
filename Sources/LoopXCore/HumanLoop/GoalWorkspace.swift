import LoopXRules
import LoopXSupport

/// What every human-in-the-loop command resolves for one goal before it reads or writes:
/// the registry in use, the goal's entry, its run history and where its files live.
public struct GoalWorkspace: Sendable {
    public var store: GoalStore
    public var goalID: GoalID
    public var goal: GoalEntry
    public var history: RunHistory

    /// Validates the id (before any path is built from it) and finds the goal in the registry.
    public init(context: LoopXContext, goalID text: String) throws(CommandFailure) {
        goalID = try GoalID.parse(text)
        store = try GoalStore.open(context)
        goal = try store.goal(goalID)
        history = store.history(goalID)
    }

    /// The goal in an already opened registry (e.g. a decision session's).
    public init(store: GoalStore, goalID: GoalID) throws(CommandFailure) {
        self.store = store
        self.goalID = goalID
        goal = try store.goal(goalID)
        history = store.history(goalID)
    }

    /// The invocation's context, clock and runtime root.
    public var context: LoopXContext { store.context }
    public var now: Timestamp { store.context.now }
    public var runtimeRoot: String { store.runtimeRoot }

    /// The active state file: the override when given, else the registry's `state_file`
    /// against `repo`, else the conventional `.codex/goals/<id>/ACTIVE_GOAL_STATE.md`.
    /// A declared `state_file` outside the goal's repository is refused.
    public func stateFilePath(override: String? = nil) throws(CommandFailure) -> String? {
        if let override { return context.environment.absolute(override) }
        if let declared = try store.stateFilePath(of: goal) { return declared }
        return projectDirectory().map {
            FileSystem.join($0, ".codex/goals/\(goalID.rawValue)/ACTIVE_GOAL_STATE.md")
        }
    }

    /// The project directory: the override, else the goal's `repo`, else the directory that
    /// holds the project registry's `.loopx/` (never the global registry's directory).
    public func projectDirectory(override: String? = nil) -> String? {
        if let override { return context.environment.absolute(override) }
        if let repo = goal.repo { return context.environment.absolute(repo) }
        guard !store.usesGlobalFallback else { return nil }
        let registryDir = FileSystem.dirname(store.registryPath)
        guard FileSystem.basename(registryDir) == ".loopx" else { return nil }
        return FileSystem.dirname(registryDir)
    }

    /// The `registry_goal` summary written into run records; its status as every command
    /// shows it (the default from Rules/facts.yaml, which must load).
    public var registryGoalSummary: JSONValue {
        get throws(CommandFailure) {
            try summary(status: FieldRules.builtin(store.context).status(of: goal))
        }
    }

    private func summary(status: String) -> JSONValue {
        [
            "present": true, "domain": goal.domain.map(JSONValue.string) ?? .null, "status": .string(status),
            "adapter": [
                "kind": goal.adapterKind.map(JSONValue.string) ?? .null,
                "status": goal.adapterStatus.map(JSONValue.string) ?? .null,
            ],
        ]
    }

    /// Copies this goal into the global registry after a write (skipped when the registry in
    /// use is the global one). A refusal is reported in the payload rather than failing the
    /// command, since the run itself was recorded.
    public func syncGlobal(dryRun: Bool, enabled: Bool) -> JSONValue {
        guard enabled else { return ["skipped": true, "reason": "--no-global-sync"] }
        var sync = GlobalRegistrySync(
            sourceRegistryPath: store.registryPath, source: store.registry,
            globalPath: store.globalRegistryPath, runtimeRoot: runtimeRoot, now: now)
        sync.dryRun = dryRun
        sync.goalIDs = [goalID.rawValue]
        do {
            return .object(try sync.run())
        } catch {
            return ["ok": false, "error": .string(error.detail)]
        }
    }
}
