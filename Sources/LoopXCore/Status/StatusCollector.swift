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
        report.goalFilter = options.goalID?.rawValue
        report.contract = contract(store)
        if let scan = report.contract.scan {
            session.health.boundaryFindings = scan.findings.filter { $0.severity == .error }.map { finding in
                ["rule": .string(finding.rule.rawValue), "path": .string(finding.path), "line": .int(Int64(finding.line))]
            }
        }
        report.globalRegistry = GlobalRegistryHealth(store: store)
        report.waivers = session.ruleSet.activeWaivers.map(\.json)
        report.expiredWaivers = session.ruleSet.expiredWaivers.map(\.json)
        var sessions = ProjectRuleSessions(base: session, context: context)
        let ids = goalIDs(store)
        if let only = options.goalID, ids.isEmpty { throw .command(store.unknownGoal(only)) }
        let perGoal = ids.map { sessions.session(for: $0) }
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
            return goalSession.evaluate("status", goalID: ids[index])
        }
        for (index, id) in ids.enumerated() {
            let entry = store.registry.goal(id: id.rawValue)
            if case .failure(let problem) = perGoal[index] {
                report.addInvalidRules(goal: id.rawValue, entry: entry, problem: problem.message)
            } else if let (result, facts) = results[index] {
                report.add(goal: id.rawValue, entry: entry, result: result, facts: facts)
                let log = DecisionLog(goalDirectory: store.goalDirectory(id))
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

    private func contract(_ store: GoalStore) -> StatusContract {
        var contract = StatusContract()
        for problem in store.registry.problems(environment: context.environment) {
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

/// Rule sets per project: a goal whose repository has its own `.loopx/rules` layer is
/// decided with it (as `quota should-run` does); other goals share the base rule set.
struct ProjectRuleSessions {
    var base: DecisionSession
    var context: LoopXContext
    var byRepo: [String: Result<DecisionSession, ProjectRulesProblem>] = [:]

    init(base: DecisionSession, context: LoopXContext) {
        self.base = base
        self.context = context
    }

    /// The goal's session, or (fail closed) why its project's rule layer does not load: the
    /// goal is then reported with that problem instead of being decided by other rules.
    mutating func session(for id: GoalID) -> Result<DecisionSession, ProjectRulesProblem> {
        guard let repo = base.store.registry.goal(id: id.rawValue)?.repo.map(context.environment.absolute),
            FileSystem.isDirectory(FileSystem.join(repo, ".loopx/rules"))
        else { return .success(base) }
        if let cached = byRepo[repo] { return cached }
        var discovery = RuleLayerDiscovery(context: context)
        discovery.projectOverride = repo
        let outcome: Result<DecisionSession, ProjectRulesProblem>
        do {
            outcome = .success(DecisionSession(store: base.store, ruleSet: try discovery.load(), health: base.health))
        } catch {
            outcome = .failure(ProjectRulesProblem(error, repo: repo))
        }
        byRepo[repo] = outcome
        return outcome
    }
}

/// Why a goal's project rule layer does not load: its first error, naming the file.
struct ProjectRulesProblem: Error {
    let message: String

    init(_ failure: RuleLoadFailure, repo: String) {
        switch failure {
        case .command(let command): message = command.detail
        case .invalid(let list):
            let errors = list.items.filter { $0.severity == .error }
            let first = errors.first.map { "\($0.path):\($0.position.line):\($0.position.column): \($0.message)" } ?? "invalid rules"
            let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
            message = "the rule layers of \(repo) do not load: \(first)\(more)"
        }
    }
}
