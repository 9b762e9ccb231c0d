import ArgumentParser
import LoopXAgents
import LoopXCore
import LoopXRules
import LoopXSupport

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
        HookClaudeCodeCommand.answer(global.settings)
    }

    /// Reads the event, prints the answer (if any). Never fails: errors are `ask` answers.
    static func answer(_ settings: GlobalSettings) {
        let hook = ClaudeCodeHook(settings: settings, environment: .current())
        if let decision = hook.respond(to: StandardInput.readAll()) {
            Output.write(JSONWriter(sortedKeys: true, pretty: false).string(decision.json) + "\n")
        }
    }

    /// The settings of `hook claude-code` when the line is exactly that plus global options,
    /// each `--name value` or `--name=value` once (`--rules` may repeat); nil otherwise, and the
    /// full parser runs. The hook runs before every tool call, so it skips building
    /// ArgumentParser's command model, as `quota should-run` does (`LOOPX_FAST_ARGS=off` too).
    static func fastSettings(_ arguments: [String]) -> GlobalSettings? {
        guard arguments.count >= 2, arguments[0] == "hook", arguments[1] == "claude-code" else { return nil }
        return FastArguments(arguments.dropFirst(2), options: [])?.settings
    }
}
