import LoopXRules
import LoopXSupport

/// The short text handed to a project agent: goal guard, context rule, source, first todo,
/// latest run, forward condition, execution boundary, stop condition and one command — kept
/// within 16 lines and 1,800 characters, with local paths redacted.
public struct AgentHandoff: Sendable {
    public static let maxLines = 16
    public static let maxChars = 1800
    /// Caps tried, longest first, for the variable texts (todo, run action) until the text fits.
    static let caps = [240, 160, 100, 60, 30]

    public var text: String
    public var lineCount: Int
    public var charCount: Int
    public var withinBudget: Bool { lineCount <= AgentHandoff.maxLines && charCount <= AgentHandoff.maxChars }

    public init(input: ReviewPacketInput, kind: ReviewKind, command: String) {
        let words = ReviewPacketText(language: input.language, goalID: input.goalID)
        let conditions = words.handoffConditions(kind, approvedCommand: input.attention.agentCommand != nil && kind == .codex)
        let latest = input.latestRun
        var best = ""
        for cap in AgentHandoff.caps {
            let todo = input.agentTodos.first.map { AgentHandoff.clip($0.text, cap) }
            let action = AgentHandoff.clip(latest?.recommendedAction ?? input.attention.recommendedAction, cap)
            let labels = words.labels
            let lines = [
                words.guardLine, words.contextLine, words.sourceLine,
                words.todoLine(todo, more: max(0, input.agentTodos.count - 1)),
                words.latestRunLine(latest, action: action),
                labels.forward + conditions.forward, labels.boundary + conditions.boundary, labels.stop + conditions.stop,
                labels.command, "```bash", command, "```",
            ]
            best = PathRedaction.redact(lines.joined(separator: "\n"))
            if best.count <= AgentHandoff.maxChars { break }
        }
        text = best
        lineCount = best.split(separator: "\n", omittingEmptySubsequences: false).count
        charCount = best.count
    }

    /// Shortens a text to `cap` characters, marking the cut with an ellipsis.
    static func clip(_ text: String, _ cap: Int) -> String {
        text.count <= cap ? text : String(text.prefix(max(1, cap - 1))) + "…"
    }

    /// `handoff_interface_budget`: the limits and the measured size.
    public var budget: JSONValue {
        [
            "mode": "project_agent_handoff", "max_lines": .int(Int64(AgentHandoff.maxLines)),
            "max_chars": .int(Int64(AgentHandoff.maxChars)), "line_count": .int(Int64(lineCount)),
            "char_count": .int(Int64(charCount)), "within_budget": .bool(withinBudget),
        ]
    }
}
