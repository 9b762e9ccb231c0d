import ArgumentParser
import LoopXCore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Contract health, the attention queue, run history, waivers and lapsed obligations.",
        discussion: "Example: loopx --format json status --limit 3"
    )

    @Option(help: "Only this goal (plus items about the whole registry).") var goalId: String?
    @Option(help: "Newest runs shown per goal.") var limit = 5
    @Option(help: "Scan this tree for public-boundary leaks as part of the contract.") var scanRoot: String?
    @Option(help: "Scan only this path (repeatable; relative to --scan-root).") var scanPath: [String] = []
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.deciding { context in
            let options = StatusOptions(
                goalID: try goalId.map(GoalID.parse), limit: max(limit, 0), scanRoot: scanRoot, scanPaths: scanPath)
            try emit(try StatusCollector(context: context, options: options).collect(), format: context.format)
        }
    }
}
