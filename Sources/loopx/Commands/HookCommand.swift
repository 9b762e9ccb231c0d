import ArgumentParser
import LoopXAgents
import LoopXCore

/// `loopx hook ...`: agent hooks that enforce the boundary gates before a tool runs.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Agent hooks: enforce the boundary gates before a tool call runs.",
        subcommands: [HookClaudeCodeCommand.self]
    )
}

struct HookClaudeCodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claude-code",
        abstract: "Answer a Claude Code PreToolUse event (JSON on stdin) with the gate's decision.",
        discussion: """
            Prints {"hookSpecificOutput": {"permissionDecision": "deny"|"ask", ...}} when a gate stops the
            call, nothing when it may proceed or the tool is not governed; always exits 0. Internal
            errors answer "ask" with the error. See docs/agents.md.
            Example: echo '{"tool_name":"Bash","tool_input":{"command":"git push --force"},"cwd":"'$PWD'"}' | loopx hook claude-code
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let hook = ClaudeCodeHook(settings: global.settings, environment: .current())
        if let decision = hook.respond(to: StandardInput.readAll()) {
            Output.write(JSONWriter(sortedKeys: true, pretty: false).string(decision.json) + "\n")
        }
    }
}
