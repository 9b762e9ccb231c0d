import LoopXRules
import LoopXSupport

/// `loopx refresh-state`: records a `state_refreshed` run derived from the goal's active
/// state (the recommended action is `## Next Action`'s first public-safe item): a JSON record,
/// a Markdown rendering and one index row. The state file itself is not edited.
public struct RefreshState: Sendable {
    public var store: GoalStore
    public var goalID: String
    public var project: String?
    public var stateFile: String?
    public var classification = "state_refreshed"
    public var recommendedAction: String?
    public var deliveryBatchScale: String?
    public var deliveryOutcome: String?
    public var dryRun = false
    public var noGlobalSync = false

    public init(store: GoalStore, goalID: String) {
        self.store = store
        self.goalID = goalID
    }

    public func run() throws(CommandFailure) -> PayloadReport {
        let id = try GoalID.parse(goalID)
        try PublicSafeText.require(classification, field: "--classification")
        let fields = try FieldRules.builtin(store.context)
        guard fields.isLabel(classification) else {
            throw CommandFailure("--classification '\(classification)' is not a label", hint: "letters, digits and _.:/- only", status: .usage)
        }
        if let scale = deliveryBatchScale, !DeliveryLabels.scales.contains(scale) {
            throw CommandFailure("--delivery-batch-scale must be one of \(DeliveryLabels.scales.joined(separator: ", "))", status: .usage)
        }
        if let outcome = deliveryOutcome, !DeliveryLabels.outcomes.contains(outcome) {
            throw CommandFailure("--delivery-outcome must be one of \(DeliveryLabels.outcomes.joined(separator: ", "))", status: .usage)
        }
        let env = store.context.environment
        let goal = store.registry.goal(id: id.rawValue)
        var statePath: String
        if let stateFile {
            statePath = project.map { FileSystem.normalize(FileSystem.join(env.absolute($0), stateFile)) } ?? env.absolute(stateFile)
        } else if let goal, let path = try store.stateFilePath(of: goal) {
            statePath = path
        } else if let project {
            statePath = FileSystem.join(env.absolute(project), GoalTemplate.defaultStateFile(id))
        } else {
            throw store.unknownGoal(id, orStateFile: true)
        }
        statePath = FileSystem.normalize(statePath)
        let (document, snapshot) = try ActiveStateFile.read(statePath)
        let action = recommendedAction ?? NextAction.recommendedAction(in: document)
        try PublicSafeText.require(action, field: "recommended action")

        let now = store.context.now
        let generatedAt = RecordedAt.seconds(now)
        let authorityCount = goal?.authoritySourceCount ?? 0
        let health = "state_file 1/1; registry_goal \(goal == nil ? 0 : 1)/1; authority_sources \(authorityCount)"
        var row: JSONObject = [
            "generated_at": .string(generatedAt), "goal_id": .string(id.rawValue), "classification": .string(classification),
            "recommended_action": .string(action), "health_check": .string(health),
        ]
        if let deliveryBatchScale { row["delivery_batch_scale"] = .string(deliveryBatchScale) }
        if let deliveryOutcome { row["delivery_outcome"] = .string(deliveryOutcome) }
        var frontMatter = JSONObject()
        for pair in document.frontMatter { frontMatter[pair.key] = .string(pair.value) }
        let state: JSONObject = [
            "path": .string(statePath), "sha256_16": .string(String(Digest.sha256Hex(snapshot.bytes ?? []).prefix(16))),
            "frontmatter": .object(frontMatter), "next_action": .strings(NextAction.items(in: document)),
            "recent_feedback": .strings(NextAction.bullets(in: document, section: "Recent User Feedback")),
            "progress": .strings(NextAction.bullets(in: document, section: "Progress Ledger")),
        ]
        var registryGoal: JSONObject = ["present": .bool(goal != nil)]
        if let goal {
            registryGoal["domain"] = .optional(goal.domain)
            registryGoal["status"] = .string(fields.status(of: goal))
            registryGoal["adapter"] = goal["adapter"] ?? .null
            registryGoal["authority_source_count"] = .int(Int64(authorityCount))
        }
        let history = store.history(id)
        let stem = RunHistory.stem(generatedAt: generatedAt)
        var payload: JSONObject = [
            "dry_run": .bool(dryRun), "registry": .string(store.registryPath), "runtime_root": .string(store.runtimeRoot),
            "project": .optional(goal?.repo ?? project.map(env.absolute)), "index_path": .string(history.indexPath),
            "state": .object(state), "registry_goal": .object(registryGoal),
        ]
        for (key, value) in row { payload[key] = value }
        var markdownText = ""
        func record(_ json: String, _ md: String) -> JSONValue {
            var out = payload
            out["json_path"] = .string(json)
            out["markdown_path"] = .string(md)
            out["dry_run"] = nil
            return .object(out)
        }
        if dryRun {
            let paths = history.proposedArtifactPaths(stem: stem)
            row["json_path"] = .string(paths.json)
            row["markdown_path"] = .string(paths.markdown)
        } else {
            markdownText = RefreshState.markdown(payload)
            let paths: (json: String, markdown: String)
            do {
                paths = try history.writeArtifacts(stem: stem, record: record, markdown: markdownText)
                row["json_path"] = .string(paths.json)
                row["markdown_path"] = .string(paths.markdown)
                try history.append(row: row)
            } catch {
                throw CommandFailure(error.description)
            }
        }
        payload["json_path"] = row["json_path"]
        payload["markdown_path"] = row["markdown_path"]
        payload["appended"] = .bool(!dryRun)
        payload["index_record"] = .object(row)
        payload["global_sync"] = try globalSync(goalPresent: goal != nil)
        payload["ok"] = .bool(payload["global_sync"]?["ok"]?.boolValue ?? true)
        return PayloadReport(payload, markdown: RefreshState.markdown(payload))
    }

    func globalSync(goalPresent: Bool) throws(CommandFailure) -> JSONValue {
        guard !noGlobalSync else { return ["skipped": true, "reason": "--no-global-sync"] }
        guard goalPresent, store.exists, !store.usesGlobalFallback else { return ["skipped": true, "reason": "the goal is not in a project registry"] }
        var sync = GlobalRegistrySync(
            sourceRegistryPath: store.registryPath, source: store.registry, globalPath: store.globalRegistryPath,
            runtimeRoot: store.runtimeRoot, now: store.context.now)
        sync.dryRun = dryRun
        sync.goalIDs = [goalID]
        return .object(try sync.run())
    }

    static func markdown(_ payload: JSONObject) -> String {
        var lines = ["# loopx refresh-state", ""]
        lines += MarkdownText.bullets(payload, ["goal_id", "generated_at", "classification", "delivery_batch_scale", "delivery_outcome", "health_check", "dry_run", "appended", "json_path", "markdown_path", "index_path"])
        lines += ["", "## Recommended action", "", payload["recommended_action"]?.stringValue ?? ""]
        for (title, key) in [("Next action", "next_action"), ("Recent feedback", "recent_feedback"), ("Progress", "progress")] {
            lines += ["", "## \(title)", ""]
            let items = payload["state"]?[key]?.arrayValue ?? []
            lines += items.isEmpty ? ["- none"] : items.map { "- \($0.stringValue ?? "")" }
        }
        return lines.joined(separator: "\n")
    }
}
