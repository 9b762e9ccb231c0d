import LoopXCore
import LoopXSupport
import MCP
import LoopXRules

/// A tool call that could not be answered: the CLI's failure (its `ErrorCode`, message, hint
/// and diagnostics), returned to the client as an MCP tool error (`isError`) whose structured
/// content is the CLI's JSON error envelope (`CommandFailure.envelope`) with the exit status
/// the CLI would use added as `error.exit_status`.
public struct ToolFailure: Error, Sendable {
    public var failure: CommandFailure

    /// A failure of the server's own (bad arguments, a pinned goal, an unknown tool).
    public init(_ code: ErrorCode, _ message: String, hint: String? = nil) {
        failure = CommandFailure(message, hint: hint, code: code)
    }

    /// The failure of a LoopXCore call: the same code and envelope as the CLI's.
    public init(_ failure: CommandFailure) {
        self.failure = failure
    }

    /// The failure of opening a decision session (bad rule files keep every diagnostic).
    public init(_ failure: DecisionSessionFailure) {
        switch failure {
        case .command(let failure): self.init(failure)
        case .invalidRules(let list): self.init(CommandFailure.invalidRules(list))
        }
    }

    public var code: ErrorCode { failure.code }
    public var message: String { failure.message }

    /// The JSON failure envelope.
    public var json: JSONValue {
        guard case .object(var object) = failure.envelope, case .object(var error)? = object["error"] else { return failure.envelope }
        error["exit_status"] = .int(Int64(failure.status.rawValue))
        object["error"] = .object(error)
        return .object(object)
    }

    /// The MCP tool error.
    public var result: CallTool.Result {
        let text = "error[\(code.rawValue)]: \(failure.detail)" + (failure.hint.map { "\nhint: \($0)" } ?? "")
        return CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], structuredContent: Optional(json.mcpValue), isError: true)
    }
}
