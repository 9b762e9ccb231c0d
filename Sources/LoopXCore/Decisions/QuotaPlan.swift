import LoopXRules
import LoopXSupport

/// `quota status` and `quota plan` (reference §7.4): the `status` decision (attention, quota
/// ladder, outcome floor) run for every registered goal, grouped by quota state in a fixed
/// order, with the next goal that would get an automatic turn.
public struct QuotaPlan: Sendable {
    /// The group order; a state the rules invent lands in `unknown`.
    public static let groupOrder = ["blocked_health", "operator_gate", "focus_wait", "eligible", "waiting", "throttled", "paused", "unknown"]

    public var session: DecisionSession
    /// `status` or `plan` (plan's Markdown omits empty groups).
    public var mode: String

    public init(session: DecisionSession, mode: String) {
        self.session = session
        self.mode = mode
    }

    /// Evaluates every goal and assembles the plan.
    public func build() -> QuotaPlanReport {
        let store = session.store
        var items: [JSONValue] = []
        var runCount = 0
        // A goal whose repository has its own rule layer is decided with it, as should-run does.
        var sessions = GoalRuleSessions(base: session)
        var rulesOK = true
        // "Health ok" is decided by the rules (the contract_health stage), goal by goal with
        // each goal's own layer: the plan is healthy when every goal's contract is.
        var contractsOK = true
        var decided = 0
        for entry in store.registry.goals {
            guard let id = entry.id.flatMap(GoalID.init) else { continue }
            switch sessions.session(for: id) {
            case .success(let goalSession):
                let (result, facts) = goalSession.evaluate("status", goalID: id)
                items.append(QuotaPlan.item(result: result, facts: facts))
                decided += 1
                if result.stage("contract_health")?.output.plainJSON["ok"]?.boolValue != true { contractsOK = false }
            case .failure(let problem):
                // Fail closed: a goal whose rules do not load is not planned, and says why.
                rulesOK = false
                items.append(["goal_id": .string(id.rawValue), "status": "invalid_rules", "severity": "high",
                              "recommended_action": .string("fix the goal's rule files (run `loopx rules check`)"),
                              "quota": ["state": "unknown"], "error": .string(problem.message)])
            }
            runCount += store.history(id).rawLineCount()
        }
        // Runtime goals no registry lists raise health items (their attention item), not plan items.
        let registered = Set(store.registry.goals.compactMap(\.id))
        var healthItems: [JSONValue] = []
        for id in store.runtimeGoalIDs() where !registered.contains(id.rawValue) {
            let attention = session.evaluate("status", goalID: id).result.stage("attention")?.output.plainJSON ?? .null
            guard attention["status"]?.stringValue == "unregistered_runtime_goal" else { continue }
            var item = attention.objectValue ?? JSONObject()
            item["goal_id"] = .string(id.rawValue)
            healthItems.append(.object(item))
        }
        var report = QuotaPlanReport(
            mode: mode, registryPath: store.registryPath, runtimeRoot: store.runtimeRoot,
            // With no goal to decide, the registry's own problems still make the plan unhealthy.
            healthOK: rulesOK && contractsOK && (decided > 0 || session.health.registryProblems.isEmpty), groups: QuotaPlan.group(items), healthItems: healthItems, runCount: runCount)
        report.registryProblems = session.health.registryProblems
        return report
    }

    /// One plan item: the attention item's fields, the goal's boundary and the effective quota.
    static func item(result: DecisionResult, facts: JSONValue) -> JSONValue {
        let attention = result.stage("attention")?.output.plainJSON ?? .null
        let goal = facts["goal"] ?? .null
        var item: JSONObject = [
            "goal_id": goal["id"] ?? "", "status": attention["status"] ?? "",
            "lifecycle_phase": attention["lifecycle_phase"] ?? "", "lifecycle_flags": attention["lifecycle_flags"] ?? .array([]),
            "waiting_on": nonEmpty(attention["waiting_on"], "none"), "severity": nonEmpty(attention["severity"], "info"),
            "source": nonEmpty(attention["source"], "run_history"), "recommended_action": attention["recommended_action"] ?? "",
            "adapter_kind": goal["adapter"]?["kind"] ?? "", "adapter_status": goal["adapter"]?["status"] ?? "",
            "coordination": goal["coordination"] ?? .null, "spawn_policy": goal["spawn_policy"] ?? .null,
            "guards": goal["guards"] ?? .array([]), "next_probe": goal["next_probe"] ?? "",
            "latest_run_generated_at": facts["history"]?.arrayValue?.first?["generated_at"] ?? .null,
            "quota": QuotaSummary.json(outcomeFloor: result.stage("outcome_floor")?.output.plainJSON ?? .null, facts: facts),
            "next_action": facts["state"]?["next_action"] ?? "",
            "open_user_todos": .int(openCount(facts["state"]?["user_todos"])),
            "open_agent_todos": .int(openCount(facts["state"]?["agent_todos"])),
            "obligation_status": facts["obligation"]?["status"] ?? "none",
        ]
        for key in ["operator_question", "agent_command", "controller_stage", "next_handoff_condition"] {
            if let text = attention[key]?.stringValue, !text.isEmpty { item[key] = .string(text) }
        }
        if let gates = attention["missing_gates"]?.arrayValue, !gates.isEmpty { item["missing_gates"] = .array(gates) }
        if let error = result.error { item["error"] = .string(error.description) }
        return .object(item)
    }

    /// Items grouped by quota state in `groupOrder`; within a group by compute (highest first),
    /// spent slots (fewest first), then goal id.
    static func group(_ items: [JSONValue]) -> [(state: String, items: [JSONValue])] {
        var groups: [String: [JSONValue]] = [:]
        for item in items {
            let state = item["quota"]?["state"]?.stringValue ?? "unknown"
            groups[groupOrder.contains(state) ? state : "unknown", default: []].append(item)
        }
        return groupOrder.map { state in
            (state, (groups[state] ?? []).sorted { a, b in
                let ca = a["quota"]?["compute"]?.doubleValue ?? 0, cb = b["quota"]?["compute"]?.doubleValue ?? 0
                if ca != cb { return ca > cb }
                let sa = a["quota"]?["spent_slots"]?.intValue ?? 0, sb = b["quota"]?["spent_slots"]?.intValue ?? 0
                if sa != sb { return sa < sb }
                return (a["goal_id"]?.stringValue ?? "") < (b["goal_id"]?.stringValue ?? "")
            })
        }
    }

    static func nonEmpty(_ value: JSONValue?, _ fallback: String) -> JSONValue {
        guard let text = value?.stringValue, !text.isEmpty else { return .string(fallback) }
        return .string(text)
    }

    static func openCount(_ todos: JSONValue?) -> Int64 {
        Int64((todos?.arrayValue ?? []).filter { $0["status"]?.stringValue == "open" }.count)
    }
}
