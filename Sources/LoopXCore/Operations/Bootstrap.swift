import LoopXRules
import LoopXSupport

/// `loopx bootstrap` / `connect`: creates or merges the project's registry entry and active
/// state file, then syncs the goal into the global registry. Safe to rerun: without `--force`
/// nothing that exists is replaced.
public struct Bootstrap: Sendable {
    public var context: LoopXContext
    public var options: BootstrapOptions

    public init(context: LoopXContext, options: BootstrapOptions) {
        self.context = context
        self.options = options
    }

    public func run() throws(CommandFailure) -> PayloadReport {
        let env = context.environment
        let project = env.absolute(options.project ?? ".")
        guard FileSystem.isDirectory(project) else {
            throw CommandFailure("project directory does not exist: \(project)", status: .usage)
        }
        let goalID = try GoalID.parse(options.goalID ?? GoalID.defaultID(forProjectDirectory: project))
        let registryPath = context.registryIsExplicit ? context.registryPath : FileSystem.join(project, ".loopx/registry.json")
        let registryArgument = registryPath.hasPrefix(project + "/") ? String(registryPath.dropFirst(project.count + 1)) : registryPath
        let existing = try RegistryCodec.read(registryPath)
        var registry = existing?.0 ?? Registry(root: ["schema_version": "0.1", "updated_at": .null, "common_runtime_root": .null])
        let runtimeRoot = context.runtimeRoot(registryCommonRoot: registry.commonRuntimeRoot)
        let stateRelative = GoalTemplate.defaultStateFile(goalID)
        let statePath = FileSystem.join(project, stateRelative)

        var goalDoc: String?
        var goalDocExists = false
        if let doc = options.goalDoc {
            let absolute = doc.hasPrefix("/") || doc.hasPrefix("~") ? env.absolute(doc) : FileSystem.normalize(FileSystem.join(project, doc))
            goalDoc = absolute.hasPrefix(project + "/") ? String(absolute.dropFirst(project.count + 1)) : absolute
            goalDocExists = FileSystem.isRegularFile(absolute)
        }
        let lists = try options.validatedLists()
        let fields = try FieldRules.builtin(context)
        var template = GoalTemplate(goalID: goalID, projectPath: project, stateFile: stateRelative, fields: fields)
        template.domain = options.domain ?? template.domain
        template.role = options.role ?? template.role
        template.parentGoalID = options.parentGoalID
        template.goalDoc = goalDoc
        template.adapterKind = options.adapterKind ?? template.adapterKind
        template.adapterStatus = options.adapterStatus ?? template.adapterStatus
        template.spawnAllowed = options.spawnAllowed
        template.maxChildren = options.maxChildren ?? template.maxChildren
        template.allowedDomains = options.allowedDomains
        template.writeScope = lists.scopes
        template.claimTTLMinutes = options.claimTTLMinutes ?? template.claimTTLMinutes
        template.registeredAgents = lists.agents
        template.profile = try options.profile(fields)
        template.registryArgument = registryArgument
        let entry = template.entry

        var goalAction = merge(entry, into: &registry, runtimeRoot: runtimeRoot)
        var stateAction = !FileSystem.exists(statePath) ? "created" : (options.force ? "replaced" : "kept-existing")
        let objective = options.objective ?? "Advance the \(FileSystem.basename(project)) project goal in bounded, validated segments."
        let stateText = StateTemplate(
            goalID: goalID, objective: objective, goalDoc: goalDoc, profile: template.profile,
            registryPath: registryArgument, projectPath: project, now: context.now).text

        var actions: [JSONValue] = []
        func action(_ path: String, _ what: String) {
            actions.append(["path": .string(path), "action": .string(options.dryRun ? "would-\(what)" : what), "goal": .string(goalID.rawValue)])
        }
        var sync = GlobalRegistrySync(
            sourceRegistryPath: registryPath, source: registry, globalPath: FileSystem.join(runtimeRoot, "registry.global.json"),
            runtimeRoot: runtimeRoot, now: context.now)
        sync.goalIDs = [goalID.rawValue]
        sync.collisionHint = "choose another --goal-id; to move the route to this project, rerun bootstrap with --no-global-sync, then `loopx --registry \(registryArgument) sync-global --replace-state` (a backup is written first)"
        if !options.noGlobalSync {
            // Routing is checked before anything is written: a collision leaves no file behind.
            sync.dryRun = true
            _ = try sync.run()
        }
        if !options.dryRun {
            (registry, goalAction) = try writeRegistry(registryPath, entry: entry, runtimeRoot: runtimeRoot)
            sync.source = registry
            stateAction = try writeState(statePath, text: stateText)
        }
        action(registryPath, goalAction == "kept-existing" ? "keep-existing" : (existing == nil ? "create" : "write"))
        switch stateAction {
        case "kept-existing": action(statePath, "keep-existing")
        default: action(statePath, stateAction == "created" ? "create" : "replace")
        }

        var globalSync: JSONValue = ["skipped": true, "reason": "--no-global-sync"]
        if !options.noGlobalSync {
            sync.dryRun = options.dryRun
            let result = try sync.run()
            globalSync = .object(result)
            actions.append(["path": .string(sync.globalPath), "action": .string(options.dryRun ? "would-sync" : "synced"), "goal": .string(goalID.rawValue)])
        }
        let boundary = GitignoreAdvice(project: project)
        var payload: JSONObject = [
            "ok": .bool(globalSync["ok"]?.boolValue ?? true), "dry_run": .bool(options.dryRun), "project": .string(project),
            "goal_id": .string(goalID.rawValue), "registry": .string(registryPath), "state_file": .string(statePath),
            "goal_doc": .optional(goalDoc), "goal_doc_exists": .bool(goalDocExists), "runtime_root": .string(runtimeRoot),
            "registry_goal_action": .string(options.dryRun ? Bootstrap.would(goalAction) : goalAction),
            "state_action": .string(options.dryRun ? Bootstrap.would(stateAction) : stateAction),
            "execution_profile": template.profile.json, "global_sync": globalSync, "actions": .array(actions),
        ]
        payload["next_commands"] = .strings(nextCommands(goalID, registryArgument: registryArgument, project: project, runtimeRoot: runtimeRoot))
        // What the goal entry and the state file are (or would be) on disk.
        payload["goal_entry"] = .object(goalAction == "kept-existing" ? (registry.goal(id: goalID.rawValue)?.object ?? entry.object) : entry.object)
        if options.dryRun, stateAction != "kept-existing" { payload["state_text"] = .string(stateText) }
        let kept = goalAction == "kept-existing" ? registry.goal(id: goalID.rawValue) : nil
        payload["kept_fields"] = .array(keptFields(
            kept: kept, passed: entry, goalID: goalID, statePath: statePath, stateKept: stateAction == "kept-existing"))
        var warnings: [JSONValue] = []
        if let goalDoc, !goalDocExists {
            warnings.append(.string("--goal-doc \(goalDoc) does not exist in \(project); create it, or pass the goal document's real path"))
        }
        payload["warnings"] = .array(warnings)
        payload["private_boundary_note"] = .string(boundary.note)
        payload["gitignore"] = boundary.json
        return PayloadReport(payload, markdown: markdown(payload))
    }

    /// Adds (or with `--force` replaces) the goal entry; returns the action taken.
    func merge(_ entry: GoalEntry, into registry: inout Registry, runtimeRoot: String) -> String {
        guard let id = entry.id else { return "kept-existing" }
        let goalAction = registry.goal(id: id) == nil ? "appended" : (options.force ? "replaced" : "kept-existing")
        guard goalAction != "kept-existing" else { return goalAction }
        registry.upsert(entry)
        registry.root["updated_at"] = .string(String(context.now.rfc3339.prefix(10)))
        if registry.commonRuntimeRoot == nil { registry.root["common_runtime_root"] = .string(runtimeRoot) }
        return goalAction
    }

    /// Merges the entry into the registry as it is on disk now, under its lock (a concurrent
    /// bootstrap of another goal is kept, not refused); returns the registry and the action.
    func writeRegistry(_ path: String, entry: GoalEntry, runtimeRoot: String) throws(CommandFailure) -> (Registry, String) {
        do {
            return try LockedRewrite.update(path) { snapshot in
                var registry = try snapshot.bytes.map { bytes throws(CommandFailure) in try RegistryCodec.decode(bytes, path: path) }
                    ?? Registry(root: ["schema_version": "0.1", "updated_at": .null, "common_runtime_root": .null])
                let action = merge(entry, into: &registry, runtimeRoot: runtimeRoot)
                return (action == "kept-existing" ? nil : registry.fileBytes, (registry, action))
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch let failure as LockedRewrite.Failure {
            throw failure.commandFailure
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// Creates the state file, or replaces it with `--force`; a file another writer created
    /// meanwhile is kept. Returns the action taken.
    func writeState(_ path: String, text: String) throws(CommandFailure) -> String {
        do {
            return try LockedRewrite.update(path) { snapshot in
                if snapshot.bytes != nil, !options.force { return (nil, "kept-existing") }
                return (Array(text.utf8), snapshot.bytes == nil ? "created" : "replaced")
            }
        } catch let failure as LockedRewrite.Failure {
            throw failure.commandFailure
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// The dry-run form of an action: `appended` → `would-append`, `kept-existing` → `would-keep-existing`.
    static func would(_ action: String) -> String {
        let verbs = ["appended": "append", "replaced": "replace", "created": "create", "kept-existing": "keep-existing"]
        return "would-" + (verbs[action] ?? action)
    }

    func nextCommands(_ id: GoalID, registryArgument: String, project: String, runtimeRoot: String) -> [String] {
        let global = FileSystem.join(runtimeRoot, "registry.global.json")
        return [
            "loopx --registry \(registryArgument) registry",
            "loopx --registry \(registryArgument) status",
            "loopx --registry \(registryArgument) check --scan-root \(project)",
            "loopx --registry \(global) quota should-run --goal-id \(id)",
            "loopx --registry \(registryArgument) refresh-state --goal-id \(id)",
            "loopx --registry \(global) status",
            "loopx --registry \(registryArgument) history --goal-id \(id) --limit 5",
        ]
    }

    func markdown(_ payload: JSONObject) -> String {
        var lines = ["# loopx bootstrap", ""]
        lines += MarkdownText.bullets(payload, ["dry_run", "project", "goal_id", "registry", "state_file", "goal_doc", "runtime_root", "registry_goal_action", "state_action"])
        lines += ["", "## Actions", ""]
        for action in payload["actions"]?.arrayValue ?? [] {
            lines.append("- \(action["action"]?.stringValue ?? ""): `\(action["path"]?.stringValue ?? "")`")
        }
        lines += Bootstrap.keptMarkdown(payload)
        lines += ["", "## Next commands", ""]
        lines += (payload["next_commands"]?.arrayValue ?? []).map { "- `\($0.stringValue ?? "")`" }
        lines += ["", "## Private boundary", "", payload["private_boundary_note"]?.stringValue ?? ""]
        return lines.joined(separator: "\n")
    }
}
