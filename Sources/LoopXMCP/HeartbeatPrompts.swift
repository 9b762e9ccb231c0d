import LoopXCore
import MCP

/// The `heartbeat` prompt: the heartbeat task body of a goal (`loopx heartbeat-prompt --mcp`),
/// in the thin, brief, compact or full variant, naming the MCP tools instead of the commands.
enum HeartbeatPrompts {
    static let name = "heartbeat"

    static var definition: Prompt {
        Prompt(
            name: name, description: "The heartbeat task body for a goal, written for an agent that has these MCP tools.",
            arguments: [
                .init(name: "goal_id", description: "The goal (optional when the server is pinned).", required: false),
                .init(name: "variant", description: "thin, brief, compact or full (default thin).", required: false),
                .init(name: "agent_id", description: "The agent running the heartbeat.", required: false),
                .init(name: "lang", description: "en or zh (default en).", required: false),
            ])
    }

    static func get(_ arguments: [String: String]?, _ configuration: MCPServerConfiguration) throws -> GetPrompt.Result {
        let values = (arguments ?? [:]).mapValues(MCP.Value.string)
        let reader = ToolArguments(values: values, pinnedGoal: configuration.goalID)
        var inputs = HeartbeatPrompt.Inputs(goalID: try GoalID.parse(try reader.goalID()))
        let variantName = try reader.string("variant") ?? "thin"
        guard let variant = HeartbeatVariant(rawValue: variantName) else {
            throw MCPError.invalidParams("unknown variant '\(variantName)'; one of thin, brief, compact, full")
        }
        let languageName = try reader.string("lang") ?? "en"
        guard let language = PromptLanguage(rawValue: languageName) else {
            throw MCPError.invalidParams("unknown lang '\(languageName)'; en or zh")
        }
        (inputs.variant, inputs.agentID, inputs.language, inputs.mcp) = (variant, try reader.string("agent_id"), language, true)
        let prompt: HeartbeatPrompt
        let context = try configuration.context()
        do { prompt = try HeartbeatPrompt.make(context, inputs: inputs) } catch {
            switch error {
            case .command(let failure): throw ToolFailure(failure)
            case .invalid(let list): throw ToolFailure(CommandFailure.invalidRules(list))
            }
        }
        return .init(
            description: "Heartbeat (\(variant.rawValue)) for \(inputs.goalID.rawValue)",
            messages: [.user(.text(text: HeartbeatPromptReport(prompt: prompt).taskBody))])
    }
}
