import LoopXCore
import MCP

/// One tool of `loopx mcp`: its advertised definition and the LoopXCore call that answers it.
struct LoopXTool: Sendable {
    var name: String
    var description: String
    var properties: [ToolSchema.Property]
    /// Required arguments besides `goal_id` (which the pinned goal may supply).
    var required: [String]
    /// Whether the tool takes `goal_id` (required unless pinned).
    var takesGoal = true
    var readOnly: Bool
    var destructive = false
    /// The answer: the same report the CLI command builds for the same request.
    var run: @Sendable (ToolArguments, LoopXContext) throws -> any Report

    /// The MCP definition, with the input schema (goal_id required unless `pinned`).
    func definition(pinned: Bool) -> Tool {
        let all = (takesGoal ? [ToolSchema.goal] : []) + properties
        let required = (takesGoal && !pinned ? ["goal_id"] : []) + self.required
        return Tool(
            name: name, description: description, inputSchema: ToolSchema.object(all, required: required),
            annotations: .init(readOnlyHint: readOnly, destructiveHint: destructive, idempotentHint: readOnly, openWorldHint: false))
    }
}
