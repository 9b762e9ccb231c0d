import ArgumentParser
import LoopXCore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Goals and their newest runs, with quota spend in the window.",
        discussion: "Example: loopx history --goal-id shop-goal --limit 20 --chart"
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this goal.") var goalId: String?
    @Option(help: "Newest runs per goal and overall.") var limit = 10
    @Flag(help: "Draw a compact timeline of delivery scale and outcome per run.") var chart = false
    @Flag(help: "Also count every index record (reads whole indexes).") var countRecords = false

    func run() throws {
        let (context, store) = try global.store(allowMissing: true)
        var query = HistoryQuery(store: store, goalFilter: goalId, limit: limit)
        (query.chart, query.countRecords) = (chart, countRecords)
        try emit(try query.run(), format: context.format)
    }
}
