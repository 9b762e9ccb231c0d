import LoopXRules
import LoopXSupport

/// Assembles the facts of one goal from the real files: registry entry, run history (read
/// backwards, so the cost does not grow with the index), active state, spend window, health,
/// project checkout, recorded obligation and, for gates, the proposed action. The `profile`
/// fact depends on the rule layers and is added by `DecisionSession.document`.
public struct FactsBuilder: Sendable {
    /// How many of the newest runs the `history` fact holds.
    public static let historyWindow = 50

    /// The session whose registry, goal defaults (`Rules/facts.yaml`) and health facts the
    /// facts are built from.
    public var session: DecisionSession
    var store: GoalStore { session.store }
    var fields: FieldRules { session.fields }

    public init(session: DecisionSession) {
        self.session = session
    }

    /// The facts document for `goalID` (its registry entry `entry`, looked up once by the
    /// caller) as of the context's `now`: runs, spends and obligations recorded after `now`
    /// are ignored and the state file's modification time is cut at `now`, so `--now T`
    /// replays the facts of `T`. A goal missing from the registry yields `goal.missing: true`
    /// and otherwise default facts.
    public func facts(goalID: GoalID, entry: GoalEntry?, action: JSONValue? = nil) -> FactsDocument {
        let now = store.context.now
        var document = FactsDocument()
        document["now"] = .string(now.rfc3339)
        let quota = entry.map { QuotaConfig(goal: $0, defaults: fields.quota) }
        document["goal"] = GoalFacts.goal(entry, id: goalID.rawValue, fields: fields, quota: quota)
        document["health"] = session.health.json
        if let action { document["action"] = action }
        // A goal missing from the registry may still have runtime history (an unregistered
        // runtime goal); the attention rules report it.
        let history = store.history(goalID)
        let runs = history.newest(limit: FactsBuilder.historyWindow, until: now)
        document["history"] = HistoryFacts.history(runs, runtimeRoot: store.runtimeRoot)
        guard let entry, let quota else { return document }

        let since = quota.windowStart(at: now)
        document["spend"] = HistoryFacts.spend(history.spendEvents(since: since, until: now), since: since)
        let statePath = (try? store.stateFilePath(of: entry)) ?? nil  // outside its repo: a registry problem, never read
        document["state"] = StateFacts.state(path: statePath, now: now)
        document["project"] = ProjectFacts.project(repo: entry.repo.map(store.context.environment.absolute), statePath: statePath)
        document["obligation"] = store.obligationLedger(goalID).fact(runs: runs, now: now)
        return document
    }
}
