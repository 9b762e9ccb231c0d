import LoopXCore
import MCP
import LoopXRules

/// Every tool `loopx mcp` offers, and the dispatch of a call to the LoopXCore function the
/// matching CLI command calls (so the structured result is the CLI's `--format json` payload).
enum ToolCatalog {
    static let all: [LoopXTool] = [
        shouldRun, gateCheck, refreshState, spendSlot, voidSlot, todoClaim, todoRelease, todoComplete, rewardPreview,
        status, rulesExplain,
    ]

    /// Answers one call: the report as structured content plus a short summary, or a tool error.
    static func call(_ name: String, arguments: [String: MCP.Value]?, configuration: MCPServerConfiguration) -> CallTool.Result {
        guard let tool = all.first(where: { $0.name == name }) else {
            return ToolFailure(
                .usage, "unknown tool '\(name)'" + Suggestion.hint(for: name, in: all.map(\.name)),
                hint: "tools: " + all.map(\.name).joined(separator: ", ")
            ).result
        }
        let allowed = Set((tool.takesGoal ? ["goal_id"] : []) + tool.properties.map(\.name))
        if let unknown = (arguments ?? [:]).keys.sorted().first(where: { !allowed.contains($0) }) {
            return ToolFailure(
                .invalidArguments, "unknown argument '\(unknown)' for \(name)" + Suggestion.hint(for: unknown, in: allowed.sorted())
            ).result
        }
        do {
            let context = try configuration.context()
            let report = try tool.run(ToolArguments(values: arguments ?? [:], pinnedGoal: configuration.goalID), context)
            return CallTool.Result(content: [.text(text: summary(of: report, tool: name), annotations: nil, _meta: nil)], structuredContent: Optional(report.json.mcpValue), isError: false)
        } catch let failure as ToolFailure {
            return failure.result
        } catch let failure as CommandFailure {
            return ToolFailure(failure).result
        } catch let failure as DecisionSessionFailure {
            return ToolFailure(failure).result
        } catch {
            return ToolFailure(.failed, "\(error)").result
        }
    }

    /// One line an agent can act on without reading the structured content: the verdict and
    /// the report's own headline fields.
    static func summary(of report: any Report, tool: String) -> String {
        let json = report.json
        var parts = ["\(tool): \(report.ok ? "ok" : "not ok")"]
        for key in ["decision", "gate", "reason", "state", "action", "classification", "recommended_action", "todo_id", "message"] {
            if let text = json[key]?.stringValue, !text.isEmpty { parts.append("\(key)=\(text)") }
        }
        return parts.joined(separator: "; ")
    }
}
