/// The copy-paste handoff that connects a new project to loopx, with its `connect` command.
public struct NewProjectPrompt: Sendable {
    public struct Inputs: Sendable {
        public var project: String
        public var goalDoc: String
        public var goalID: String?
        public var objective: String?
        public var domain: String?
        public var adapterKind = "read_only_project_map_v0"
        public var adapterStatus = "connected-read-only"
        public var nextProbe: String?
        public var spawnAllowed = false
        public var allowedDomains: [String] = []
        public var writeScope: [String] = []
        public var cliBin = "loopx"
        public var language = PromptLanguage.en

        public init(project: String, goalDoc: String) {
            self.project = project
            self.goalDoc = goalDoc
        }
    }

    public var inputs: Inputs
    public var goalID: String
    public var objective: String
    public var domain: String
    public var commands: AgentCommands

    public init(_ inputs: Inputs) throws(CommandFailure) {
        self.inputs = inputs
        goalID = try GoalID.parse(inputs.goalID ?? GoalID.defaultID(forProjectDirectory: inputs.project)).rawValue
        objective = inputs.objective ?? "<OBJECTIVE_FROM_GOAL_DOC>"
        domain = inputs.domain ?? "<DOMAIN>"
        commands = AgentCommands(cliBin: inputs.cliBin, goalID: goalID)
    }

    /// `cd <project>` and a multi-line `loopx connect` with every chosen flag.
    public var connectCommand: String {
        var lines = [
            "cd \(ShellQuote.quote(inputs.project))", "\(inputs.cliBin) connect \\",
            "  --goal-id \(ShellQuote.quote(goalID)) \\", "  --objective \(ShellQuote.quote(objective)) \\",
            "  --domain \(ShellQuote.quote(domain)) \\", "  --goal-doc \(ShellQuote.quote(inputs.goalDoc)) \\",
            "  --adapter-kind \(ShellQuote.quote(inputs.adapterKind)) \\",
            "  --adapter-status \(ShellQuote.quote(inputs.adapterStatus))",
        ]
        var extra: [String] = []
        if let probe = inputs.nextProbe { extra.append("  --next-probe \(ShellQuote.quote(probe))") }
        if inputs.spawnAllowed { extra.append("  --spawn-allowed") }
        extra += inputs.allowedDomains.map { "  --allowed-domain \(ShellQuote.quote($0))" }
        extra += inputs.writeScope.map { "  --write-scope \(ShellQuote.quote($0))" }
        if !extra.isEmpty {
            lines[lines.count - 1] += " \\"
            for (index, line) in extra.enumerated() { lines.append(index == extra.count - 1 ? line : line + " \\") }
        }
        return lines.joined(separator: "\n")
    }

    public var prompt: String {
        NewProjectPromptText(prompt: self).render(inputs.language)
    }
}
