/// The heartbeat automation task body of one goal: generated from the loaded rule set (the
/// `prompt:` guidance of the rules that can fire) and the shared agent commands.
public struct HeartbeatPrompt: Sendable {
    public struct Inputs: Sendable {
        public var goalID: GoalID
        public var variant = HeartbeatVariant.full
        public var cliBin = "loopx"
        /// `--active-state`: overrides the registry's state_file.
        public var activeState: String?
        public var agentID: String?
        public var materialRule: String?
        public var permissionRule: String?
        public var language = PromptLanguage.en
        /// `--mcp`: the agent has the `loopx mcp` tools; the body names them (see `mcpNote`).
        public var mcp = false

        public init(goalID: GoalID) {
            self.goalID = goalID
        }
    }

    public var inputs: Inputs
    public var state: ActiveStateResolution
    public var guidance: HeartbeatGuidance
    public var commands: AgentCommands

    public init(inputs: Inputs, state: ActiveStateResolution, guidance: HeartbeatGuidance, installScript: String?) {
        self.inputs = inputs
        self.state = state
        self.guidance = guidance
        commands = AgentCommands(
            cliBin: inputs.cliBin, goalID: inputs.goalID.rawValue, agentID: inputs.agentID, installScript: installScript)
    }

    /// Resolves the goal and its active state, and loads the rule layers that apply to it
    /// (built-in, user, the goal repository's project layer, `--rules`).
    public static func make(_ context: LoopXContext, inputs: Inputs) throws(RuleLoadFailure) -> HeartbeatPrompt {
        let state: ActiveStateResolution
        do { state = try ActiveStateResolution.resolve(context, goalID: inputs.goalID, explicit: inputs.activeState) } catch {
            throw .command(error)
        }
        let ruleSet = try RuleLayerDiscovery.forGoal(state.goal, context: context).load()
        let layout = InstallLayout(environment: context.environment)
        return HeartbeatPrompt(
            inputs: inputs, state: state, guidance: HeartbeatGuidance(ruleSet: ruleSet), installScript: layout.installScript)
    }

    public static let defaultMaterialRule =
        "Do not consume the learning-material queue unless the user asks for it in this goal."
    public static let defaultPermissionRule =
        "Do not ask for permissions this session already has; work inside the trusted scope."

    public var materialRule: String { inputs.materialRule ?? Self.defaultMaterialRule }
    public var permissionRule: String { inputs.permissionRule ?? Self.defaultPermissionRule }

    /// The command that regenerates this prompt in another variant.
    public func command(for variant: HeartbeatVariant) -> String {
        var parts = [inputs.cliBin, "heartbeat-prompt"]
        if let flag = variant.flag { parts.append(flag) }
        parts += ["--goal-id", ShellQuote.quote(inputs.goalID.rawValue)]
        if inputs.cliBin != "loopx" { parts += ["--cli-bin", ShellQuote.quote(inputs.cliBin)] }
        if let agent = inputs.agentID { parts += ["--agent-id", ShellQuote.quote(agent)] }
        if state.source == "explicit" { parts += ["--active-state", ShellQuote.quote(state.activeState)] }
        if inputs.language != .en { parts += ["--lang", inputs.language.rawValue] }
        if inputs.mcp { parts.append("--mcp") }
        return parts.joined(separator: " ")
    }

    /// The task body of the chosen variant.
    public var taskBody: String {
        let text = HeartbeatPromptText(prompt: self, language: inputs.language)
        let body: String
        switch inputs.variant {
        case .full: body = text.full()
        case .compact: body = text.compact()
        case .brief: body = text.brief()
        case .thin: body = inputs.mcp ? text.thinMCP() : text.thin()
        }
        guard inputs.mcp, inputs.variant != .thin else { return body }
        return body.hasSuffix("\n") ? body + Self.mcpNote + "\n" : body + "\n" + Self.mcpNote
    }

    /// The line `--mcp` adds to the brief, compact and full bodies (the thin one is rewritten
    /// around the tools): the agent calls the typed tools of `loopx mcp` instead of shelling out.
    public static let mcpNote =
        "MCP: you have the loopx MCP tools; call should_run, gate_check, refresh_state, spend_slot, "
        + "todo_claim/todo_release/todo_complete, status and rules_explain instead of running the commands above "
        + "(same JSON answers). Errors carry error.code."

    /// Rule guidance as the body quotes it: the goal and CLI filled in.
    func render(_ item: HeartbeatGuidance.Item) -> String {
        var text = item.text.replacing("<goal>", with: inputs.goalID.rawValue)
        if inputs.cliBin != "loopx" { text = text.replacing("`loopx ", with: "`\(inputs.cliBin) ") }
        return text
    }
}
