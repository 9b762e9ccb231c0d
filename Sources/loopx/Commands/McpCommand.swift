import ArgumentParser
import LoopXCore
import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#endif

struct McpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve loopx's decisions as MCP tools over stdio (for Claude Code, Codex, Cursor ...).",
        discussion: """
            Tools: should_run, gate_check, refresh_state, spend_slot, void_slot, todo_claim, todo_release,
            todo_complete, reward_preview (dry run only), status, rules_explain; each answers with the
            CLI's JSON as structured content. Resources: loopx://goals/<id>/{active-state,runs,profile}.
            Prompt: heartbeat (thin, brief, compact, full). The server is the loopx-mcp executable
            installed beside loopx (kept apart so the MCP SDK does not slow loopx's start-up).
            See docs/agents.md. Example: loopx mcp --goal-id my-goal
            """
    )

    @Option(help: "Pin the server to this goal: goal_id defaults to it and other goals are refused.") var goalId: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        if let goalId { _ = try GoalID.parse(goalId) }
        // Fail before serving when the settings themselves are bad (e.g. --now).
        let context = try global.context()
        let server = try McpCommand.serverPath(context.environment)
        var arguments = [server, "--server-version", LoopXVersion.string]
        if let goalId { arguments += ["--goal-id", goalId] }
        let settings = global.settings
        if let registry = settings.registry { arguments += ["--registry", registry] }
        if let runtimeRoot = settings.runtimeRoot { arguments += ["--runtime-root", runtimeRoot] }
        if let now = settings.now { arguments += ["--now", now] }
        for rules in settings.rules { arguments += ["--rules", rules] }
        var pointers = arguments.map { strdup($0) }
        pointers.append(nil)
        execv(server, &pointers)
        throw CommandFailure("cannot run \(server): \(String(cString: strerror(errno)))")
    }

    /// `loopx-mcp` beside this executable (as installed or built), else on PATH.
    static func serverPath(_ environment: LoopXEnvironment) throws -> String {
        for executable in [environment.executableRealPath, environment.executablePath] {
            guard let slash = executable.lastIndex(of: "/") else { continue }
            let candidate = String(executable[..<slash]) + "/loopx-mcp"
            if FileSystem.isRegularFile(candidate) { return candidate }
        }
        if let found = FileSystem.findOnPath("loopx-mcp", path: environment.variables["PATH"] ?? "") { return found }
        throw CommandFailure(
            "the MCP server executable loopx-mcp is not beside \(environment.executableRealPath) nor on PATH",
            hint: "build it with `swift build --product loopx-mcp` (release: `-c release`) and install it beside loopx")
    }
}
