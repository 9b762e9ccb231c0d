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
    @OptionGroup var action: GateActionOptions
    @Option(help: "The agent proposing the action.") var agentId: String = ""
    @Flag(help: "Trace every gate rule: outcome and near-miss why.") var trace = false
    @Flag(name: .customLong("trace-full"), help: .hidden) var traceFull = false
    @Flag(help: "Decide without appending to the goal's decision log.") var readOnly = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if action.kind == nil { throw ValidationError("Missing expected argument '--kind <kind>'") }
    }

    func run() throws {
        let (context, id) = try global.goal(goalId)
        guard var request = action.request(goalID: goalId) else { throw CommandFailure("--kind is required", status: .usage) }
        request.agentID = agentId
        _ = try GateCheck.action(request)
        let session = try openSession(context, goalID: id)
        let report = try GateCheck(session: session).run(
            request, trace: traceFull ? .full : (trace ? .on : .off), record: !readOnly)
        emitAndExit(report, format: context.format)
    }
}
