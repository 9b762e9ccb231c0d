import ArgumentParser
import LoopXCore
import LoopXRules

struct QuotaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quota",
        abstract: "The heartbeat guard and quota accounting.",
        subcommands: [
            QuotaShouldRunCommand.self, QuotaSpendSlotCommand.self, QuotaVoidSlotCommand.self,
            QuotaStatusCommand.self, QuotaPlanCommand.self,
        ]
    )
}

struct QuotaShouldRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "should-run",
        abstract: "Should this goal spend compute now? The staged decision with its rule trace.",
        discussion: """
            Exit 0 when ok, 1 when not (the JSON still says why).
            Example: loopx --format json quota should-run --goal-id my-goal --trace
            """
    )

    @Option(help: "The goal to decide for.") var goalId: String
    @Option(help: "The agent asking (recorded with the obligation).") var agentId: String?
    @Flag(help: "Trace every rule: outcome and near-miss why (--trace=full adds every sub-expression).")
    var trace = false
    @Flag(name: .customLong("trace-full"), help: .hidden) var traceFull = false
    @Option(help: "Write the facts, now and decision as a fixture file (*.test.yaml).") var saveFixture: String?
    @Flag(help: "Decide without recording anything (no obligation, no decision-log record); --now implies it.") var readOnly = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let request = ShouldRunRequest(
            goalID: goalId, agentID: agentId, trace: traceFull ? .full : (trace ? .on : .off), saveFixture: saveFixture,
            readOnly: readOnly, settings: global.settings)
        try request.run()
    }
}
