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
        goalID = inputs.goalID ?? NewProjectPrompt.defaultGoalID(project: inputs.project)
        guard GoalIDRule.isValid(goalID) else {
            throw CommandFailure(
                "invalid goal id '\(goalID)'", hint: "use letters, digits, '.', '_' or '-' (one path segment)",
                status: .usage)
        }
        objective = inputs.objective ?? "<OBJECTIVE_FROM_GOAL_DOC>"
        domain = inputs.domain ?? "<DOMAIN>"
        commands = AgentCommands(cliBin: inputs.cliBin, goalID: goalID)
    }

    /// `<slug of the project folder>-goal`.
    public static func defaultGoalID(project: String) -> String {
        let base = FileSystem.basename(project.hasSuffix("/") ? String(project.dropLast()) : project).lowercased()
        var slug = ""
        for scalar in base.unicodeScalars {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            if keep { slug.unicodeScalars.append(scalar) } else if !slug.isEmpty, !slug.hasSuffix("-") { slug += "-" }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return (slug.isEmpty ? "project" : slug) + "-goal"
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
