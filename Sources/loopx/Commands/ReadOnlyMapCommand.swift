import ArgumentParser
import LoopXCore

struct ReadOnlyMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-only-map",
        abstract: "Record a read-only project map run: inventory, state sections and residual risks.",
        discussion: """
            Serves adapters read_only_project_map_v0 and *_read_only_map_v0. A planned adapter allows only \
            --dry-run (opt_in_required: true).
            Example: loopx read-only-map --goal-id app-goal --dry-run
            """
    )

    @Option(help: "The goal to map.") var goalId: String
    @Option(help: "Project directory (default: the goal's repo).") var project: String?
    @Option(help: "Active state file (default: the goal's state_file).") var stateFile: String?
    @Option(help: "Run classification.") var classification = "read_only_project_map"
    @Option(help: "Override the recommended action (default: the state's Next Action).") var recommendedAction: String?
    @Flag(help: "Report what would be recorded; write nothing.") var dryRun = false
    @Flag(help: "Do not copy the goal into the global registry.") var noGlobalSync = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        var request = ReadOnlyMapper.Request(goalID: goalId)
        request.project = project
        request.stateFile = stateFile
        request.classification = classification
        request.recommendedAction = recommendedAction
        request.dryRun = dryRun
        request.globalSync = !noGlobalSync
        try emit(try ReadOnlyMapper.run(request, context: try global.context()), format: global.format)
    }
}
