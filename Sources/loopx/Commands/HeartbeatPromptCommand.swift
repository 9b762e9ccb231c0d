import ArgumentParser
import LoopXCore

struct HeartbeatPromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heartbeat-prompt",
        abstract: "Print the heartbeat automation task body for a goal, generated from the rules.",
        discussion: """
            Variants: full (default), --compact, --brief, --thin; each reports its size against a budget.
            Example: loopx heartbeat-prompt --thin --goal-id my-goal --cli-bin loopx-canary
            """
    )

    @Option(help: "The goal the heartbeat advances.") var goalId: String
    @Flag(help: "The condensed lifecycle.") var compact = false
    @Flag(help: "The paragraph-form dispatcher.") var brief = false
    @Flag(help: "The smallest dispatcher (under 1,500 characters).") var thin = false
    @Option(help: "The CLI the body calls (e.g. loopx-canary).") var cliBin = "loopx"
    @Option(help: "Active state file (default: the registry goal's state_file).") var activeState: String?
    @Option(help: "The agent running the heartbeat.") var agentId: String?
    @Option(help: "Replace the learning-material rule.") var materialRule: String?
    @Option(help: "Replace the permission rule.") var permissionRule: String?
    @Option(help: "Language of the fixed text.") var lang: PromptLanguage = .en
    @Flag(help: "The agent has the `loopx mcp` tools: the body names them instead of the commands.") var mcp = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if [compact, brief, thin].filter({ $0 }).count > 1 {
            throw ValidationError("--compact, --brief and --thin are mutually exclusive")
        }
    }

    func run() throws {
        let context = try global.context()
        var inputs = HeartbeatPrompt.Inputs(goalID: try GoalID.parse(goalId))
        inputs.variant = compact ? .compact : (brief ? .brief : (thin ? .thin : .full))
        inputs.cliBin = cliBin
        inputs.activeState = activeState
        inputs.agentID = agentId
        inputs.materialRule = materialRule
        inputs.permissionRule = permissionRule
        inputs.language = lang
        inputs.mcp = mcp
        let prompt: HeartbeatPrompt
        do { prompt = try HeartbeatPrompt.make(context, inputs: inputs) } catch {
            switch error {
            case .command(let failure): throw failure
            case .invalid(let list): throw CommandFailure.invalidRules(list)
            }
        }
        try emit(HeartbeatPromptReport(prompt: prompt), format: context.format)
    }
}
