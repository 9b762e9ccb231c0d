import ArgumentParser
import LoopXCore

struct OperatorGateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator-gate",
        abstract: "Record an operator's approve/reject/defer decision on a goal's gate as a run.",
        discussion: """
            Example: loopx operator-gate --goal-id app-goal --decision approve \
            --reason-summary "read-only map scope reviewed" --dry-run
            """
    )

    @Option(help: "The goal the gate belongs to.") var goalId: String
    @Option(help: "approve, reject or defer.") var decision: String
    @Option(name: [.customLong("reason-summary"), .customLong("reason")], help: "Why, in one public-safe sentence.")
    var reasonSummary: String
    @Option(help: "The gate answered.") var gate = OperatorGateRequest.defaultGate
    @Option(help: "The question the operator answered (default: the gate's standard question).") var operatorQuestion: String?
    @Option(help: "What should happen next.") var followUp: String?
    @Option(help: "The command the agent may run once approved (default for the read-only map gate: its dry run).")
    var agentCommand: String?
    @Option(help: "Override the recommended action text.") var recommendedAction: String?
    @Option(help: "When the decision was made (default: now).") var recordedAt: String?
    @Flag(help: "Report what would be written; write nothing.") var dryRun = false
    @Flag(help: "Do not copy the goal into the global registry.") var noGlobalSync = false
    @Option(help: "Language of the default texts.") var lang: PromptLanguage = .en
    @OptionGroup var global: GlobalOptions

    func run() throws {
        var request = try OperatorGateRequest(goalID: goalId, decision: decision, reasonSummary: reasonSummary)
        request.gate = gate
        request.operatorQuestion = operatorQuestion
        request.followUp = followUp
        request.agentCommand = agentCommand
        request.recommendedAction = recommendedAction
        request.recordedAt = recordedAt
        request.dryRun = dryRun
        request.globalSync = !noGlobalSync
        request.language = lang
        try emit(try OperatorGateRecorder.run(request, context: try global.context()), format: global.format)
    }
}
