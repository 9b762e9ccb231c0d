import LoopXCore
import LoopXRules
import LoopXSupport

/// `loopx hook claude-code`: answers a Claude Code `PreToolUse` event. The call's gate actions
/// (see `HookMapping`) are evaluated exactly as `loopx gate check --read-only` does, for the
/// goal whose repository contains the event's `cwd`; the strictest gate decides: `blocked` →
/// `deny`, an approval gate → `ask`, allow → no output. Failures answer `ask` with the error.
public struct ClaudeCodeHook: Sendable {
    /// The hook's answer: nil when the call may proceed without comment.
    public struct Decision: Sendable, Equatable {
        public var permission: String
        public var reason: String

        /// The documented PreToolUse output.
        public var json: JSONValue {
            [
                "hookSpecificOutput": [
                    "hookEventName": "PreToolUse", "permissionDecision": .string(permission),
                    "permissionDecisionReason": .string(reason),
                ],
            ]
        }
    }

    public var settings: GlobalSettings
    public var environment: LoopXEnvironment

    public init(settings: GlobalSettings, environment: LoopXEnvironment) {
        (self.settings, self.environment) = (settings, environment)
    }

    /// The answer to one event's text; never throws: an internal error is an `ask` that says so.
    public func respond(to input: String) -> Decision? {
        do { return try decide(input) } catch {
            return Decision(permission: "ask", reason: "loopx hook could not decide (\(error)); approve only if the action is safe")
        }
    }

    func decide(_ input: String) throws -> Decision? {
        let event = try JSONParser.parse(input, path: "<stdin>")
        // Wired to another event by mistake: a PreToolUse answer would be misread there.
        if let name = event["hook_event_name"]?.stringValue, name != "PreToolUse" { return nil }
        guard let tool = event["tool_name"]?.stringValue else { throw CommandFailure("the event has no tool_name") }
        let input = event["tool_input"] ?? .object([:])
        let cwd = FileSystem.normalize(event["cwd"]?.stringValue ?? environment.workingDirectory)
        // Cheap first: a tool that raises no gate question needs no registry.
        let probe = HookMapping(repo: "/", cwd: cwd, branch: nil)
        guard !probe.actions(tool: tool, input: input).isEmpty else { return nil }

        var environment = self.environment
        environment.workingDirectory = ClaudeCodeHook.projectRoot(from: cwd) ?? cwd
        let context = try LoopXContext(environment: environment, settings: settings)
        let store = try GoalStore.open(context, allowMissing: true)
        guard let (goal, repo) = ClaudeCodeHook.goal(containing: cwd, store: store) else { return nil }
        let mapping = HookMapping(repo: repo, cwd: cwd, branch: GitHead.branch(repo: repo))
        let actions = mapping.actions(tool: tool, input: input)
        guard !actions.isEmpty else { return nil }
        let session: DecisionSession
        do { session = try DecisionSession.open(context, goalID: goal) } catch {
            switch error {
            case .command(let failure): throw failure
            case .invalidRules(let list): throw CommandFailure("invalid rule files:\n" + list.rendered)
            }
        }
        var reports: [(HookAction, GateCheckReport)] = []
        for action in actions {
            let request = action.request(goalID: goal.rawValue)
            reports.append((action, try GateCheck(session: session).run(request, trace: .off, record: false)))
        }
        return ClaudeCodeHook.decision(goal: goal.rawValue, reports)
    }

    /// The strictest gate over the actions, as a decision with the deciding rules' reasons.
    static func decision(goal: String, _ reports: [(HookAction, GateCheckReport)]) -> Decision? {
        let order = ["blocked", "operator_approval", "parent_approval"]
        guard let strictest = order.first(where: { gate in reports.contains { $0.1.gate == gate } }) else { return nil }
        var lines: [String] = []
        for (action, report) in reports where report.gate != "allow" {
            for rule in report.decisions where rule["gate"]?.stringValue != "allow" {
                var line = "\(rule["id"]?.stringValue ?? "?") → \(rule["gate"]?.stringValue ?? "?"): \(rule["reason"]?.stringValue ?? "")"
                    + " [\(action.label)]"
                if let prompt = rule["prompt"]?.stringValue { line += " — \(prompt)" }
                lines.append(line)
            }
            if let error = report.result.error { lines.append("decision failed (gated): \(error.description)") }
        }
        let lead = strictest == "blocked"
            ? "loopx gate (goal \(goal)): blocked."
            : "loopx gate (goal \(goal)): needs \(strictest == "operator_approval" ? "the operator's" : "the parent goal's") approval."
        return Decision(permission: strictest == "blocked" ? "deny" : "ask", reason: ([lead] + lines).joined(separator: "\n"))
    }

    /// The nearest directory at or above `cwd` holding `.loopx/registry.json`.
    static func projectRoot(from cwd: String) -> String? {
        var directory = cwd
        while true {
            if FileSystem.isRegularFile(FileSystem.join(directory, ".loopx/registry.json")) { return directory }
            guard directory != "/", let slash = directory.lastIndex(of: "/") else { return nil }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }

    /// The registered goal whose repository contains `cwd` (the deepest repository wins).
    static func goal(containing cwd: String, store: GoalStore) -> (GoalID, String)? {
        var best: (GoalID, String)?
        for goal in store.registry.goals {
            guard let repo = goal.repo, let name = goal.id, let id = GoalID(name) else { continue }
            let root = FileSystem.normalize(store.context.environment.absolute(repo))
            let inside = cwd == root || cwd.hasPrefix(root.hasSuffix("/") ? root : root + "/")
            if inside, root.count > (best?.1.count ?? -1) { best = (id, root) }
        }
        return best
    }
}
