import ArgumentParser
import LoopXCore
import LoopXMCP

struct McpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve loopx's decisions as MCP tools over stdio (for Claude Code, Codex, Cursor ...).",
        discussion: """
            Tools: should_run, gate_check, refresh_state, spend_slot, void_slot, todo_claim, todo_release,
            todo_complete, reward_preview (dry run only), status, rules_explain; each answers with the
            CLI's JSON as structured content. Resources: loopx://goals/<id>/{active-state,runs,profile}.
            Prompt: heartbeat (thin, brief, compact, full). See docs/agents.md.
            Example: loopx mcp --goal-id my-goal
            """
    )

    @Option(help: "Pin the server to this goal: goal_id defaults to it and other goals are refused.") var goalId: String?
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        if let goalId { _ = try GoalID.parse(goalId) }
        // Fail before serving when the settings themselves are bad (e.g. --now).
        _ = try global.context()
        try await LoopXMCPServer.run(MCPServerConfiguration(settings: global.settings, goalID: goalId), version: LoopXVersion.string)
    }
}
