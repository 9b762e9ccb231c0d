import ArgumentParser
import LoopXAgents
import LoopXCore
import LoopXRules
import LoopXSupport

extension AgentSetup.Agent: ExpressibleByArgument {}

struct AgentSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent-setup",
        abstract: "Wire an agent to loopx: its MCP server entry (and Claude Code's PreToolUse hook).",
        discussion: """
            claude-code: .mcp.json (mcpServers.loopx) and .claude/settings.json (a PreToolUse hook running
            `loopx hook claude-code`) in --project. codex: [mcp_servers.loopx] in $CODEX_HOME/config.toml
            (default ~/.codex). Prints the diff (dry run) unless --write; other entries are never changed.
            Example: loopx agent-setup --agent claude-code --goal-id my-goal --write
            """
    )

    @Option(help: "claude-code or codex.") var agent: AgentSetup.Agent
    @Option(help: "Project directory (default: the working directory).") var project: String?
    @Option(help: "Pin the MCP server to this goal.") var goalId: String?
    @Option(help: "The command that runs loopx (default: this executable).") var cliBin: String?
    @Flag(help: "Apply the changes (default: show the diff only).") var write = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try global.context()
        let environment = context.environment
        if let goalId { _ = try GoalID.parse(goalId) }
        let codexHome = environment.variables["CODEX_HOME"].map(environment.absolute) ?? FileSystem.join(environment.home, ".codex")
        let setup = AgentSetup(
            agent: agent, project: environment.absolute(project ?? "."), codexHome: codexHome,
            cliBin: cliBin ?? environment.executablePath, goalID: goalId)
        try emit(try setup.run(write: write), format: context.format)
    }
}
