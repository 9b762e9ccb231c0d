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
        var template = GoalTemplate(goalID: goalID, projectPath: project, stateFile: stateRelative)
        template.domain = options.domain ?? template.domain
        template.role = options.role ?? template.role
        template.parentGoalID = options.parentGoalID
        template.goalDoc = goalDoc
        template.adapterKind = options.adapterKind ?? template.adapterKind
        template.adapterStatus = options.adapterStatus ?? template.adapterStatus
        template.spawnAllowed = options.spawnAllowed
        template.maxChildren = options.maxChildren
        template.allowedDomains = options.allowedDomains
        template.writeScope = lists.scopes
        template.claimTTLMinutes = options.claimTTLMinutes
        template.registeredAgents = lists.agents
        template.profile = try options.profile()
        template.registryArgument = registryArgument
        let entry = template.entry

        let goalAction: String
        if registry.goal(id: goalID.rawValue) == nil {
            goalAction = "appended"
        } else {
            goalAction = options.force ? "replaced" : "kept-existing"
        }
        if goalAction != "kept-existing" {
            registry.upsert(entry)
            registry.root["updated_at"] = .string(String(context.now.rfc3339.prefix(10)))
            if registry.commonRuntimeRoot == nil { registry.root["common_runtime_root"] = .string(runtimeRoot) }
        }
        let stateExists = FileSystem.exists(statePath)
        let stateAction = !stateExists ? "created" : (options.force ? "replaced" : "kept-existing")
        let objective = options.objective ?? "Advance the \(FileSystem.basename(project)) project goal in bounded, validated segments."
        let stateText = StateTemplate(
            goalID: goalID, objective: objective, goalDoc: goalDoc, profile: template.profile,
            registryPath: registryArgument, projectPath: project, now: context.now).text

        var actions: [JSONValue] = []
        func action(_ path: String, _ what: String) {
            actions.append(["path": .string(path), "action": .string(options.dryRun ? "would-\(what)" : what), "goal": .string(goalID.rawValue)])
        }
        if goalAction != "kept-existing" {
            action(registryPath, existing == nil ? "create" : "write")
            if !options.dryRun {
                do { try LockedRewrite.write(registry.fileBytes, over: existing?.1 ?? FileSnapshot(path: registryPath, bytes: nil)) } catch { throw error.commandFailure }
            }
        } else {
            action(registryPath, "keep-existing")
        }
        switch stateAction {
        case "kept-existing": action(statePath, "keep-existing")
        default:
            action(statePath, stateAction == "created" ? "create" : "replace")
            if !options.dryRun {
                do {
                    let snapshot = try FileSnapshot.read(statePath)
                    try LockedRewrite.write(Array(stateText.utf8), over: snapshot)
                } catch let failure as LockedRewrite.Failure {
                    throw failure.commandFailure
                } catch {
                    throw CommandFailure("\(error)")
                }
            }
        }

        var globalSync: JSONValue = ["skipped": true, "reason": "--no-global-sync"]
        if !options.noGlobalSync {
            var sync = GlobalRegistrySync(
                sourceRegistryPath: registryPath, source: registry, globalPath: FileSystem.join(runtimeRoot, "registry.global.json"),
                runtimeRoot: runtimeRoot, now: context.now)
            sync.dryRun = options.dryRun
            sync.goalIDs = [goalID.rawValue]
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
        payload["private_boundary_note"] = .string(boundary.note)
        payload["gitignore"] = boundary.json
        return PayloadReport(payload, markdown: markdown(payload))
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
        var lines = ["# LoopX Bootstrap", ""]
        lines += MarkdownText.bullets(payload, ["dry_run", "project", "goal_id", "registry", "state_file", "goal_doc", "runtime_root", "registry_goal_action", "state_action"])
        lines += ["", "## Actions", ""]
        for action in payload["actions"]?.arrayValue ?? [] {
            lines.append("- \(action["action"]?.stringValue ?? ""): `\(action["path"]?.stringValue ?? "")`")
        }
        lines += ["", "## Next Commands", ""]
        lines += (payload["next_commands"]?.arrayValue ?? []).map { "- `\($0.stringValue ?? "")`" }
        lines += ["", "## Private Boundary", "", payload["private_boundary_note"]?.stringValue ?? ""]
        return lines.joined(separator: "\n")
    }
}
