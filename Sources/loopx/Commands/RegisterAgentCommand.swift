import ArgumentParser
import LoopXCore

struct RegisterAgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register-agent",
        abstract: "Add agents to a goal's coordination.registered_agents (and set its primary agent); a preview unless --execute.",
        discussion: "Example: loopx register-agent --goal-id shop-goal --agent-id codex-main --primary-agent codex-main --execute"
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The goal.") var goalId: String
    @Option(help: "An agent id to register (repeatable or comma-separated).") var agentId: [String]
    @Option(help: "The registered agent that owns review, merge and coordination.") var primaryAgent: String?
    @Flag(help: "Write the registry (default: preview only).") var execute = false
    @Flag(help: "Do not sync the goal into the global registry.") var noGlobalSync = false

    func run() throws {
        let context = try global.context()
        var o = ConfigureGoalOptions()
        (o.registeredAgents, o.primaryAgent) = (agentId, primaryAgent)
        let report = try ConfigureGoal.run(
            context, goalID: goalId, options: o, execute: execute, noGlobalSync: noGlobalSync, mode: "register-agent")
        try emit(report, format: context.format)
    }
}
