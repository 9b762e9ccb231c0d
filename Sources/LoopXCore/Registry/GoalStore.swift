import LoopXRules
import LoopXSupport

/// The registry a command works against, resolved once: the project registry, or the global
/// registry as a fallback; plus the runtime root and the paths derived from a goal.
/// This is the loader the decisions layer uses to reach goals, state files and run history.
public struct GoalStore: Sendable {
    public var context: LoopXContext
    /// The registry file in use (project, or global when falling back).
    public var registryPath: String
    /// The registry as read; an empty registry when the file does not exist.
    public var registry: Registry
    /// The file as read, for change detection on rewrite.
    public var snapshot: FileSnapshot
    /// True when the project registry was missing and the global registry is used instead.
    public var usesGlobalFallback: Bool
    /// Where runs, leases, spends, obligations and decisions live (see `StoreChoice`), or why
    /// the registry's `store` is refused; resolved at open, connected on first use.
    public var storeChoice: Result<StoreChoice, CommandFailure> = .success(.files)

    public var exists: Bool { snapshot.bytes != nil }

    /// Opens the registry for a command. Falls back to `<runtime-root>/registry.global.json`
    /// when `--registry` was not given, the project registry does not exist and the global
    /// one does (unless `allowGlobalFallback` is false). A missing registry is an error unless
    /// `allowMissing`.
    public static func open(
        _ context: LoopXContext, allowGlobalFallback: Bool = true, allowMissing: Bool = false
    ) throws(CommandFailure) -> GoalStore {
        var path = context.registryPath
        var fallback = false
        if allowGlobalFallback, !context.registryIsExplicit, !FileSystem.exists(path) {
            let global = context.globalRegistryPath()
            if FileSystem.isRegularFile(global) {
                path = global
                fallback = true
            }
        }
        let snapshot: FileSnapshot
        do { snapshot = try FileSnapshot.read(path) } catch { throw CommandFailure(error.description) }
        guard let bytes = snapshot.bytes else {
            guard allowMissing else {
                throw CommandFailure(
                    "registry file does not exist: \(path)",
                    hint: "run `loopx bootstrap` in the project, or pass --registry PATH", code: .missingRegistry)
            }
            var store = GoalStore(context: context, registryPath: path, registry: Registry(), snapshot: snapshot, usesGlobalFallback: false)
            store.resolveStore()
            return store
        }
        let registry = try RegistryCodec.decode(bytes, path: path)
        var store = GoalStore(context: context, registryPath: path, registry: registry, snapshot: snapshot, usesGlobalFallback: fallback)
        store.resolveStore()
        return store
    }

    mutating func resolveStore() {
        do {
            let choice = try StoreChoice.resolve(registry: registry, registryPath: registryPath, environment: context.environment.variables)
            storeChoice = .success(choice)
            // Made now, a shared store starts connecting while the command loads its rules
            // and reads its files; a failure is reported at its first use.
            if case .postgres(let url, _) = choice { _ = try? SharedStores.store(for: url) }
        } catch {
            storeChoice = .failure(error)
        }
    }

    /// The shared store in use, nil for the local files; a refused `store` entry or a store
    /// that cannot be made fails.
    public func sharedStore() throws(CommandFailure) -> (any SharedStore)? {
        switch storeChoice {
        case .failure(let failure): throw failure
        case .success(.files): return nil
        case .success(.postgres(let url, _)): return try SharedStores.store(for: url)
        }
    }

    /// Fails with `store_unavailable` (naming the store) unless the shared store answers; the
    /// local files always do. `quota should-run` asks first, so an unreachable database gives
    /// a skip, never a decision made on missing history.
    public func requireReachableStore() throws(CommandFailure) {
        guard let shared = try sharedStore() else { return }
        do {
            _ = try shared.counts(goalID: "")
        } catch {
            var failure = error
            failure.extra["should_run"] = false
            failure.extra["decision"] = "skip"
            failure.extra["effective_action"] = "store_unavailable"
            failure.extra["reason"] = .string(error.message + "; skipping this tick")
            throw failure
        }
    }

    /// `--runtime-root`, `$LOOPX_RUNTIME_ROOT`, the registry's `common_runtime_root`, `~/.codex/loopx`.
    public var runtimeRoot: String { context.runtimeRoot(registryCommonRoot: registry.commonRuntimeRoot) }

    public var globalRegistryPath: String { FileSystem.join(runtimeRoot, "registry.global.json") }

    /// The goal with this id, or a failure that says how to register it.
    public func goal(_ id: GoalID) throws(CommandFailure) -> GoalEntry {
        guard let goal = registry.goal(id: id.rawValue) else {
            throw unknownGoal(id)
        }
        return goal
    }

    /// Fails with `unknown_goal` unless the registry lists the goal or it has a runtime
    /// directory (an unregistered goal with history, which the rules still decide for).
    public func requireKnown(_ id: GoalID) throws(CommandFailure) {
        guard registry.goal(id: id.rawValue) != nil || FileSystem.isDirectory(goalDirectory(id)) else { throw unknownGoal(id) }
    }

    /// The failure for a goal id the registry does not hold (`unknown_goal`, exit status 1).
    public func unknownGoal(_ id: GoalID, orStateFile: Bool = false) -> CommandFailure {
        CommandFailure(
            "goal '\(id)' is not in the registry \(registryPath)" + (orStateFile ? " and no --state-file was given" : "")
                + Suggestion.hint(for: id.rawValue, in: registry.goals.compactMap(\.id)),
            hint: orStateFile
                ? "run `loopx bootstrap --goal-id \(id)` or pass --state-file PATH"
                : "run `loopx registry` to list goals, or `loopx bootstrap --goal-id \(id)` to connect it",
            code: .unknownGoal)
    }

    /// The absolute path of a goal's active state file (nil when the entry has none); refused
    /// when it resolves outside the goal's repository (see `StateFileContainment`).
    public func stateFilePath(of goal: GoalEntry) throws(CommandFailure) -> String? {
        try goal.containedStateFilePath(environment: context.environment)
    }

    /// The goal's active state, parsed; nil when the entry names no state file or the file
    /// does not exist.
    public func activeState(of goal: GoalEntry) throws(CommandFailure) -> ActiveStateDocument? {
        guard let path = try stateFilePath(of: goal), FileSystem.isRegularFile(path) else { return nil }
        return try ActiveStateFile.read(path).0
    }

    /// `<runtime-root>/goals/<id>`.
    public func goalDirectory(_ id: GoalID) -> String {
        FileSystem.join(FileSystem.join(runtimeRoot, "goals"), id.rawValue)
    }

    /// `<runtime-root>/goals/<id>/runs`.
    public func runsDirectory(_ id: GoalID) -> String { FileSystem.join(goalDirectory(id), "runs") }

    /// The run history of a goal: the single place the run index is opened (the local file,
    /// or the shared store the registry or `LOOPX_STORE_URL` names).
    public func history(_ id: GoalID) -> RunHistory {
        RunHistory(goalDirectory: goalDirectory(id), shared: SharedStores.must { () throws(CommandFailure) in try sharedStore() })
    }

    /// The obligation ledger of a goal, in the same store as its history.
    public func obligationLedger(_ id: GoalID) -> ObligationLedger {
        ObligationLedger(goalDirectory: goalDirectory(id), shared: SharedStores.must { () throws(CommandFailure) in try sharedStore() })
    }

    /// The decision log of a goal, in the same store as its history.
    public func decisionLog(_ id: GoalID, settings: DecisionLogSettings = DecisionLogSettings()) -> DecisionLog {
        DecisionLog(goalDirectory: goalDirectory(id), settings: settings, shared: SharedStores.must { () throws(CommandFailure) in try sharedStore() })
    }

    /// Goal ids with a runtime directory under `<runtime-root>/goals/` (safe ids only).
    public func runtimeGoalIDs() -> [GoalID] {
        let names = (try? FileSystem.list(FileSystem.join(runtimeRoot, "goals"))) ?? []
        return names.compactMap(GoalID.init).filter { FileSystem.isDirectory(goalDirectory($0)) }
    }

    /// Writes the registry back under its lock, refusing when the file changed since `open`.
    public func save(_ registry: Registry) throws(CommandFailure) {
        do {
            try LockedRewrite.write(registry.fileBytes, over: snapshot)
        } catch {
            throw error.commandFailure
        }
    }
}

/// Reading registry bytes into a `Registry`, with positioned JSON errors.
public enum RegistryCodec {
    public static func decode(_ bytes: [UInt8], path: String) throws(CommandFailure) -> Registry {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes, path: path)
        } catch {
            throw CommandFailure("invalid registry JSON", code: .invalidRegistry, diagnostics: [error])
        }
        return try Registry(json: json, path: path)
    }

    /// Reads a registry file; nil when it does not exist.
    public static func read(_ path: String) throws(CommandFailure) -> (Registry, FileSnapshot)? {
        let snapshot: FileSnapshot
        do { snapshot = try FileSnapshot.read(path) } catch { throw CommandFailure(error.description) }
        guard let bytes = snapshot.bytes else { return nil }
        return (try decode(bytes, path: path), snapshot)
    }
}
