import ArgumentParser
import LoopXCore

struct RefreshStateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh-state",
        abstract: "Record a state_refreshed run derived from the goal's active state.",
        discussion: "Example: loopx refresh-state --goal-id shop-goal --delivery-batch-scale implementation --delivery-outcome outcome_progress"
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The goal.") var goalId: String
    @Option(help: "Project directory (resolves --state-file).") var project: String?
    @Option(help: "Active state file (default: the goal's).") var stateFile: String?
    @Option(help: "Run classification.") var classification = "state_refreshed"
    @Option(help: "Recommended action (default: first public-safe Next Action item).") var recommendedAction: String?
    @Option(help: "test_only, single_surface, multi_surface or implementation.") var deliveryBatchScale: String?
    @Option(help: "surface_only, outcome_gap, outcome_progress or primary_goal_outcome.") var deliveryOutcome: String?
    @Flag(help: "Report what would be written; write nothing.") var dryRun = false
    @Flag(help: "Do not sync the goal into the global registry.") var noGlobalSync = false

    func run() throws {
        let (context, store) = try global.store(allowMissing: stateFile != nil)
        var refresh = RefreshState(store: store, goalID: goalId)
        (refresh.project, refresh.stateFile, refresh.classification, refresh.recommendedAction) = (project, stateFile, classification, recommendedAction)
        (refresh.deliveryBatchScale, refresh.deliveryOutcome, refresh.dryRun, refresh.noGlobalSync) = (deliveryBatchScale, deliveryOutcome, dryRun, noGlobalSync)
        try emit(try refresh.run(), format: context.format)
    }
}
