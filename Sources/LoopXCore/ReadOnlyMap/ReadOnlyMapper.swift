import LoopXRules
import LoopXSupport

/// `loopx read-only-map`: the generic first adapter tick. It reads registry metadata, samples the
/// goal's active state and inventories the project, then records a `read_only_project_map` run
/// (or previews it). It never writes inside the project.
public enum ReadOnlyMapper {
    public struct Request: Sendable {
        public var goalID: String
        public var project: String?
        public var stateFile: String?
        public var classification = "read_only_project_map"
        public var recommendedAction: String?
        public var dryRun = false
        public var globalSync = true

        public init(goalID: String) { self.goalID = goalID }
    }

    static let readyStatuses: Set<String> = ["connected", "connected-read-only", "read-only-map-ready"]

    /// Whether an adapter kind is served by the generic map.
    public static func acceptsAdapterKind(_ kind: String?) -> Bool {
        guard let kind else { return false }
        return kind == "read_only_project_map_v0" || kind.hasSuffix("_read_only_map_v0")
    }

    public static func run(_ request: Request, context: LoopXContext) throws(CommandFailure) -> ReadOnlyMapReport {
        try HumanText.require(request.classification, field: "--classification")
        if let action = request.recommendedAction { try HumanText.require(action, field: "--recommended-action") }
        let workspace = try GoalWorkspace(context: context, goalID: request.goalID)
        let goal = workspace.goal
        let goalID = workspace.goalID.rawValue
        let optInRequired = try checkAdapter(goal, goalID: goalID, dryRun: request.dryRun)

        let project = workspace.projectDirectory(override: request.project)
        let inventory = ProjectInventory.scan(root: project)
        let statePath = try workspace.stateFilePath(override: request.stateFile)
        let state = StateMap.sample(path: statePath)
        var observation = MapObservation(goalID: goalID)
        observation.adapterStatus = goal.adapterStatus
        observation.authoritySourceCount = goal.authoritySourceCount
        observation.missingSectionCodes = state.missingCodes
        observation.repoExists = project.map(FileSystem.isDirectory) ?? false
        observation.goalStateDirExists = statePath.map { FileSystem.isDirectory(FileSystem.dirname($0)) } ?? false
        observation.goalStateFileExists = state.exists
        observation.hasContextSurface = inventory.hasContextSurface
        observation.hasValidationSurface = inventory.hasValidationSurface
        let risks = observation.residualRisks

        let action = request.recommendedAction ?? state.nextAction ?? NextAction.fallback
        let generatedAt = RecordedAt.seconds(context.now)
        let sectionsFound = state.samples.count
        let health = "repo \(observation.repoExists ? 1 : 0)/1; state_file \(state.exists ? 1 : 0)/1; "
            + "sections \(sectionsFound)/\(StateMap.checkedSections.count); files \(inventory.filesPresent)/\(inventory.entries.count)"
        let projectMap: JSONValue = [
            "adapter_kind": JSONField.string(goal.adapterKind), "adapter_status": JSONField.string(goal.adapterStatus),
            "authority_source_count": .int(Int64(goal.authoritySourceCount)), "guard_count": .int(Int64(goal.guards.count)),
            "sections_found": .int(Int64(sectionsFound)), "sections_checked": .int(Int64(StateMap.checkedSections.count)),
            "files_present": .int(Int64(inventory.filesPresent)), "files_checked": .int(Int64(inventory.entries.count)),
            "residual_risk_count": .int(Int64(risks.count)),
        ]
        let row: JSONObject = [
            "generated_at": .string(generatedAt), "goal_id": .string(goalID), "classification": .string(request.classification),
            "recommended_action": .string(action), "health_check": .string(health),
            "residual_risks": JSONField.strings(risks), "project_map": projectMap,
        ]
        let goalState: JSONValue = [
            "project_registry_present": .bool(project.map { FileSystem.isRegularFile(FileSystem.join($0, ".loopx/registry.json")) } ?? false),
            "state_dir": JSONField.string(statePath.map(FileSystem.dirname)),
            "state_dir_exists": .bool(observation.goalStateDirExists),
            "state_file": JSONField.string(statePath), "state_file_exists": .bool(state.exists),
        ]
        let detail: JSONObject = [
            "project": JSONField.string(project), "opt_in_required": .bool(optInRequired), "state_map": state.json,
            "project_inventory": inventory.json, "authority_sources": authoritySummary(goal), "goal_state": goalState,
            "registry_goal": try workspace.registryGoalSummary,
        ]
        let draft = RunDraft(stem: RunHistory.stem(generatedAt: generatedAt), row: row, detail: detail)
        let recorded = try workspace.history.record(draft, dryRun: request.dryRun) { ReadOnlyMapReport.render(record: $0, dryRun: false) }
        return ReadOnlyMapReport(
            workspace: workspace, recorded: recorded, dryRun: request.dryRun,
            globalSync: workspace.syncGlobal(dryRun: request.dryRun, enabled: request.globalSync))
    }

    /// Refuses adapters the generic map does not serve; returns whether opt-in is still required.
    static func checkAdapter(_ goal: GoalEntry, goalID: String, dryRun: Bool) throws(CommandFailure) -> Bool {
        guard acceptsAdapterKind(goal.adapterKind) else {
            throw CommandFailure(
                "goal '\(goalID)' has adapter kind '\(goal.adapterKind ?? "none")'; read-only-map serves read_only_project_map_v0 or *_read_only_map_v0",
                hint: "set adapter.kind in the registry, or record state with `loopx refresh-state --goal-id \(goalID)`", code: .refused)
        }
        let status = goal.adapterStatus ?? "none"
        if readyStatuses.contains(status) { return false }
        guard status == "planned" else {
            throw CommandFailure(
                "goal '\(goalID)' has adapter status '\(status)', which does not allow a read-only map",
                hint: "use connected, connected-read-only or read-only-map-ready (planned allows --dry-run only)", code: .refused)
        }
        guard dryRun else {
            throw CommandFailure(
                "goal '\(goalID)' has a planned adapter: a read-only map needs controller opt-in first",
                hint: "preview with --dry-run, record the answer with `loopx operator-gate --goal-id \(goalID) --decision approve --reason-summary ...`, then set adapter.status to read-only-map-ready, connected-read-only or connected",
                code: .refused)
        }
        return true
    }

    /// Authority sources reduced to what they declare, never their paths or links.
    static func authoritySummary(_ goal: GoalEntry) -> JSONValue {
        .array(goal.authoritySources.map { source in
            let object = source.objectValue ?? JSONObject()
            func declares(_ key: String) -> Bool { !(object[key]?.stringValue ?? "").isEmpty }
            return [
                "kind": JSONField.string(object["kind"]?.stringValue), "role": JSONField.string(object["role"]?.stringValue),
                "declares_path": .bool(declares("path")), "declares_url": .bool(declares("url")),
            ]
        })
    }
}
