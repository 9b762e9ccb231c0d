import LoopXRules
import LoopXSupport

/// Collects the status contract: contract health, global-registry health, the attention
/// queue (the `status` decision of the rules for every goal), run history, active waivers and
/// lapsed obligations.
public struct StatusCollector: Sendable {
    public var context: LoopXContext
    public var options: StatusOptions

    public init(context: LoopXContext, options: StatusOptions = StatusOptions()) {
        self.context = context
        self.options = options
    }

    public func collect() throws(DecisionSessionFailure) -> StatusReport {
        var session = try DecisionSession.open(context, goalID: nil)
        let store = session.store
        var report = StatusReport(registryPath: store.registryPath, runtimeRoot: store.runtimeRoot, limit: options.limit)
        if case .success(let choice) = store.storeChoice { report.store = choice.json }
        report.goalFilter = options.goalID?.rawValue
        report.contract = contract(store, problems: session.health.problems)
        if let scan = report.contract.scan {
            session.health.boundaryFindings = scan.findings.filter { $0.severity == .error }.map { finding in
                ["rule": .string(finding.rule.rawValue), "path": .string(finding.path), "line": .int(Int64(finding.line))]
            }
        }
        report.globalRegistry = session.health.global ?? GlobalRegistryHealth(store: store)
        report.waivers = session.ruleSet.activeWaivers.map(\.json)
        report.expiredWaivers = session.ruleSet.expiredWaivers.map(\.json)
        var sessions = GoalRuleSessions(base: session)
        let ids = goalIDs(store)
        if let only = options.goalID, ids.isEmpty { throw .command(store.unknownGoal(only)) }
        // Each goal's entry is looked up once (the first entry with the id, as everywhere).
        var byID: [GoalID: GoalEntry] = [:]
        for goal in store.registry.goals { if let id = goal.goalID, byID[id] == nil { byID[id] = goal } }
        let entries = ids.map { byID[$0] }
        let perGoal = entries.map { sessions.session(for: $0) }
        // Waivers of the goals' own project layers too, each listed once.
        for case .success(let goalSession) in perGoal {
            for waiver in goalSession.ruleSet.activeWaivers.map(\.json) where !report.waivers.contains(waiver) {
                report.waivers.append(waiver)
            }
            for waiver in goalSession.ruleSet.expiredWaivers.map(\.json) where !report.expiredWaivers.contains(waiver) {
                report.expiredWaivers.append(waiver)
            }
        }
        // Goals are independent: decide them on every core, then report in registry order.
        let results = ParallelMap.map(ids.indices) { index -> (DecisionResult, JSONValue)? in
            guard case .success(let goalSession) = perGoal[index] else { return nil }
            return goalSession.evaluate("status", goalID: ids[index], entry: entries[index])
        }
        for (index, id) in ids.enumerated() {
            let entry = entries[index]
            if case .failure(let problem) = perGoal[index] {
                report.addInvalidRules(
                    goal: id.rawValue, entry: entry, status: entry.map(session.fields.status(of:)) ?? "", problem: problem.message)
            } else if let (result, facts) = results[index] {
                report.add(goal: id.rawValue, entry: entry, result: result, facts: facts)
                let log = store.decisionLog(id)
                let lapses = log.obligationLapses(since: context.now.adding(seconds: -7 * 86_400), current: facts["obligation"] ?? .null)
                report.goals[report.goals.count - 1]["obligation_lapses_7d"] = .int(Int64(lapses))
            }
        }
        return report
    }

    /// Registered goals in registry order, then runtime goals the registry does not list.
    private func goalIDs(_ store: GoalStore) -> [GoalID] {
        var ids = store.registry.goals.compactMap(\.goalID)
        let registered = Set(ids)
        ids += store.runtimeGoalIDs().filter { !registered.contains($0) }
        if let only = options.goalID { return ids.filter { $0 == only } }
        return ids
    }

    /// `problems`: the registry problems the session's health facts already hold.
    private func contract(_ store: GoalStore, problems: [RegistryProblem]) -> StatusContract {
        var contract = StatusContract()
        for problem in problems {
            contract.errors.append("registry problem: \(problem.text)")
        }
        contract.checks.append("registry goals checked: \(store.registry.goals.count)")
        if options.scans {
            let check = ContractCheck(context: context, scanRoot: options.scanRoot, scanPaths: options.scanPaths).run()
            contract.errors = check.errors
            contract.warnings = check.warnings
            contract.checks = check.checks
            contract.scan = check.scan
        }
        return contract
    }
}
