import ArgumentParser
import LoopXCore

/// `loopx decisions`: a goal's logged decisions.
struct DecisionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decisions",
        abstract: "A goal's recent logged decisions: answers, rules fired, changes, obligations.",
        discussion: """
            Every quota should-run and gate check (not --read-only) appends to
            <runtime-root>/goals/<goal-id>/decisions.jsonl. See docs/decisions.md.
            Example: loopx decisions --goal-id my-goal --limit 20 --format json
            """
    )

    @Option(help: "The goal whose decisions to list.") var goalId: String
    @Option(help: "How many of the newest decisions to show.") var limit: Int = 20
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let id = try GoalID.parse(goalId)
        guard limit > 0 else { throw CommandFailure("--limit must be at least 1", status: .usage) }
        let store = try GoalStore.open(context)
        let entry = try store.goal(id)
        let settings = DecisionLogSettings(goal: entry, environment: context.environment)
        let log = store.decisionLog(id, settings: settings)
        let current = store.obligationLedger(id)
            .fact(runs: store.history(id).newest(limit: FactsBuilder.historyWindow), now: context.now)
        try emit(DecisionsReport(goalID: id.rawValue, log: log, limit: limit, currentObligation: current), format: context.format)
    }
}
