/// The shell commands an agent host embeds in prompts: preflight, quota guard, spend.
/// One place builds them so every prompt quotes them identically.
public struct AgentCommands: Sendable {
    public var cliBin: String
    public var goalID: String
    public var agentID: String?
    /// The install script the preflight runs when the CLI is missing (none: fail instead).
    public var installScript: String?

    /// The global registry every heartbeat reads, written so it expands on the agent's machine.
    public static let globalRegistry = "\"$HOME/.codex/loopx/registry.global.json\""

    public init(cliBin: String = "loopx", goalID: String, agentID: String? = nil, installScript: String? = nil) {
        self.cliBin = cliBin
        self.goalID = goalID
        self.agentID = agentID
        self.installScript = installScript
    }

    private var agentSuffix: String {
        agentID.map { " --agent-id \(ShellQuote.quote($0))" } ?? ""
    }

    /// Puts `~/.local/bin` on PATH, installs the CLI when it is missing (when the install
    /// script is known), and runs `doctor` quietly.
    public var preflight: String {
        let install = installScript.map { "\(ShellQuote.quote($0)) >&2 || " } ?? ""
        return """
            export PATH="$HOME/.local/bin:$PATH"
            command -v \(cliBin) >/dev/null 2>&1 || \(install){ echo "\(cliBin) missing" >&2; exit 1; }
            \(cliBin) doctor >/dev/null
            """
    }

    /// Asks the boundary gates about a risky action before it happens (exit 1: gated). The kind
    /// is one of commit, push, pr, publish, production, destructive-git, write.
    public var gateCheck: String {
        "\(cliBin) --registry \(AgentCommands.globalRegistry) gate check --goal-id \(ShellQuote.quote(goalID)) --kind <kind> [--path P] [--validated] [--scan-clean]"
    }

    /// Records a question for a person as a user todo.
    public var userTodo: String {
        "\(cliBin) --registry \(AgentCommands.globalRegistry) todo add --goal-id \(ShellQuote.quote(goalID)) --role user --text '<question>'"
    }

    /// Asks whether this goal may spend compute now (JSON, against the global registry).
    public var quotaGuard: String {
        "\(cliBin) --format json --registry \(AgentCommands.globalRegistry) quota should-run --goal-id \(ShellQuote.quote(goalID))\(agentSuffix)"
    }

    /// Spends exactly one slot after validated delivery.
    public var quotaSpend: String {
        "\(cliBin) --registry \(AgentCommands.globalRegistry) quota spend-slot --goal-id \(ShellQuote.quote(goalID)) --slots 1 --source heartbeat --execute\(agentSuffix)"
    }

    /// Writes back state with the delivery fields spelled out.
    public var refreshState: String {
        "\(cliBin) --registry \(AgentCommands.globalRegistry) refresh-state --goal-id \(ShellQuote.quote(goalID)) --classification <classification> --delivery-batch-scale <scale> --delivery-outcome <outcome>"
    }
}

/// POSIX shell quoting: bare when safe, else single quotes.
public enum ShellQuote {
    public static func quote(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-_./:=@%+,".unicodeScalars.contains(scalar))
        }
        if safe { return text }
        return "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
