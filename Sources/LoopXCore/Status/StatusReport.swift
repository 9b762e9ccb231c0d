import LoopXRules
import LoopXSupport

/// The status data contract (docs/status.md): `ok`, `contract` and `attention_queue` first,
/// then global-registry health, run history, active waivers and lapsed obligations.
public struct StatusReport: Report {
    public var registryPath: String
    public var runtimeRoot: String
    public var limit: Int
    public var goalFilter: String?
    public var contract = StatusContract()
    public var globalRegistry: GlobalRegistryHealth?
    public var items: [JSONObject] = []
    public var goals: [JSONObject] = []
    public var waivers: [JSONValue] = []
    /// Waivers past their date (warnings: the rules they relaxed are back in force).
    public var expiredWaivers: [JSONValue] = []
    public var lapsedObligations: [JSONObject] = []
    public var runCount = 0
    /// Goals whose rule layers do not load (fail closed: such a goal is not ok).
    public var invalidRuleGoals: [String] = []
    /// The store the runs come from (`StoreChoice.json`): over a shared store every machine's runs, each with its `host`.
    public var store: JSONValue = ["kind": "files"]

    public init(registryPath: String, runtimeRoot: String, limit: Int) {
        self.registryPath = registryPath
        self.runtimeRoot = runtimeRoot
        self.limit = limit
    }

    public var ok: Bool { contract.ok && (globalRegistry?.ok ?? true) && invalidRuleGoals.isEmpty }

    /// Adds a goal whose rule layers do not load: a high-severity attention item naming the
    /// file and its first error, and the goal marked not ok (it is not decided at all).
    mutating func addInvalidRules(goal id: String, entry: GoalEntry?, status: String, problem: String) {
        var item = AttentionItem.global(
            status: "invalid_rules", severity: "high", source: "rules",
            action: "fix the goal's rule files (run `loopx rules check`): \(problem)")
        item["goal_id"] = .string(id)
        item["rules_error"] = .string(problem)
        items.append(item)
        invalidRuleGoals.append(id)
        var summary = RunHistorySummary.goal(id: id, entry: entry, status: status, attention: .null, history: [], limit: limit)
        summary["ok"] = false
        summary["rules_error"] = .string(problem)
        goals.append(summary)
    }

    /// Adds one goal: its attention item (when the rules raise one), its run history and a
    /// lapsed obligation.
    mutating func add(goal id: String, entry: GoalEntry?, result: DecisionResult, facts: JSONValue) {
        let attention = result.stage("attention")?.output.plainJSON ?? .null
        let quota = result.stage("outcome_floor")?.output.plainJSON ?? result.stage("quota")?.output.plainJSON ?? .null
        if let status = attention["status"]?.stringValue, !status.isEmpty {
            items.append(AttentionItem.make(goalID: id, attention: attention, quota: quota))
        }
        let history = facts["history"]?.arrayValue ?? []
        runCount += history.count
        var summary = RunHistorySummary.goal(
            id: id, entry: entry, status: facts["goal"]?["status"]?.stringValue ?? "", attention: attention, history: history, limit: limit)
        summary["project_asset"] = GoalBoundary.projectAsset(facts: facts)
        goals.append(summary)
        let obligation = facts["obligation"] ?? .null
        if obligation["status"]?.stringValue == "lapsed" {
            var lapsed = obligation.objectValue ?? JSONObject()
            lapsed["goal_id"] = .string(id)
            lapsedObligations.append(lapsed)
        }
    }

    /// Items for the whole registry (a failed contract, high/action global findings) first,
    /// then per-goal items in registry order.
    var queue: [JSONObject] {
        var global: [JSONObject] = []
        if !contract.ok {
            global.append(AttentionItem.global(
                status: "contract_check_failed", severity: "high", source: "contract",
                action: "fix the contract errors first: " + contract.errors.prefix(3).joined(separator: "; ")))
        }
        for finding in globalRegistry?.findings ?? [] {
            let severity = finding["severity"]?.stringValue ?? "info"
            guard severity == "high" || severity == "action" else { continue }
            var item = AttentionItem.global(
                status: finding["kind"]?.stringValue ?? "", severity: severity, source: "global_registry",
                action: finding["action"]?.stringValue ?? "")
            item["goal_id"] = finding["goal_id"] ?? ""
            global.append(item)
        }
        return global + items
    }

    public var json: JSONValue {
        let queue = queue
        func count(_ values: Set<String>) -> JSONValue {
            .int(Int64(queue.filter { values.contains($0["waiting_on"]?.stringValue ?? "") }.count))
        }
        var object: JSONObject = [
            "ok": .bool(ok), "registry": .string(registryPath), "runtime_root": .string(runtimeRoot), "store": store,
            "goal_count": .int(Int64(goals.count)), "run_count": .int(Int64(runCount)),
            "status_contract": ["schema_version": 2, "producer": "loopx", "required": ["ok", "contract", "attention_queue"]],
            "contract": contract.json,
            "global_registry": globalRegistry?.json ?? .null,
            "attention_queue": [
                "available": true, "item_count": .int(Int64(queue.count)),
                "needs_user_or_controller": count(["user_or_controller", "controller"]),
                "needs_controller": count(["controller"]), "needs_codex": count(["codex"]),
                "watching_external_evidence": count(["external_evidence"]),
                "items": .array(queue.map(JSONValue.object)),
            ],
            "run_history": [
                "available": true, "goal_count": .int(Int64(goals.count)), "run_count": .int(Int64(runCount)),
                "goals": .array(goals.map(JSONValue.object)),
            ],
            "waivers": .array(waivers),
            "expired_waivers": .array(expiredWaivers),
            "lapsed_obligations": .array(lapsedObligations.map(JSONValue.object)),
        ]
        object["goal_filter"] = goalFilter.map(JSONValue.string) ?? .null
        return .object(object)
    }
}
