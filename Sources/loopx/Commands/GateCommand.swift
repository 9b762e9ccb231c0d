import ArgumentParser
import LoopXCore

/// `loopx gate ...`: boundary gates for proposed actions.
struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Boundary gates: may a proposed action proceed?",
        subcommands: [GateCheckCommand.self]
    )
}

struct GateCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Evaluate a proposed action against the boundary gates (exit 0 allowed, 1 gated).",
        discussion: """
            KIND: commit, push, pr, publish, production, destructive-git, write.
            Example: loopx gate check --goal-id my-goal --kind push --ref feature/x --validated --scan-clean
            """
    )

    @Option(help: "The goal proposing the action.") var goalId: String
    @Option(help: "commit, push, pr, publish, production, destructive-git or write.") var kind: String
    @Option(name: .customLong("path"), help: "A repo-relative path the action writes (repeatable).") var paths: [String] = []
    @Option(help: "The target branch or ref.") var ref: String = ""
    @Option(help: "The literal command, when the action is one.") var command: String = ""
    @Flag(help: "Targeted validation of the change passed.") var validated = false
    @Flag(help: "The boundary scan of the change is clean.") var scanClean = false
    @Option(help: "Target environment (production, staging, ...).") var environment: String = ""
    @Flag(help: "A repository rule requires review for this action.") var requiresReview = false
    @Option(help: "The agent proposing the action.") var agentId: String = ""
    @Flag(help: "Trace every gate rule: outcome and near-miss why.") var trace = false
    @Flag(name: .customLong("trace-full"), help: .hidden) var traceFull = false
    @Flag(help: "Decide without appending to the goal's decision log.") var readOnly = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let id = try GoalID.parse(goalId)
        var request = GateCheck.Request(goalID: goalId, kind: kind)
        request.paths = paths
        request.ref = ref
        request.command = command
        request.validated = validated
        request.scanClean = scanClean
        request.environment = environment
        request.requiresReview = requiresReview
        request.agentID = agentId
        _ = try GateCheck.action(request)
        let session = try openSession(context, goalID: id)
        let report = try GateCheck(session: session).run(
            request, trace: traceFull ? .full : (trace ? .on : .off), record: !readOnly)
        emitAndExit(report, format: context.format)
    }
}
