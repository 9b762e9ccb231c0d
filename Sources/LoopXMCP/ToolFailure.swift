import LoopXCore
import MCP

/// A tool call that could not be answered: a stable error code (the CLI's error classes, plus
/// the server's own argument and pinning errors), a message and an optional hint. Returned to
/// the client as an MCP tool error (`isError`) whose structured content is the CLI's JSON
/// failure envelope `{"ok": false, "error": {"code", "message", "exit_status"}, "hint"}`.
public struct ToolFailure: Error, Sendable {
    /// The stable codes an agent can branch on.
    public enum Code: String, Sendable, CaseIterable {
        /// The request was refused by the command's logic (exit status 1).
        case failed
        /// Bad arguments: unknown values, out-of-range numbers (exit status 2).
        case usage
        /// The rule files are invalid (exit status 3); `message` lists every diagnostic.
        case invalidRules = "invalid_rules"
        /// A required argument is missing or has the wrong JSON type.
        case invalidArguments = "invalid_arguments"
        /// The server is pinned to another goal (`loopx mcp --goal-id`).
        case goalPinned = "goal_pinned"
        /// No tool, resource or prompt of that name.
        case unknown

        /// The exit status the CLI uses for this class of error.
        public var exitStatus: Int32 {
            switch self {
            case .failed: return ExitStatus.notOK.rawValue
            case .invalidRules: return ExitStatus.invalidRules.rawValue
            case .usage, .invalidArguments, .goalPinned, .unknown: return ExitStatus.usage.rawValue
            }
        }
    }

    public var code: Code
    public var message: String
    public var hint: String?

    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// The failure of a LoopXCore call, classified by its exit status.
    public init(_ failure: CommandFailure) {
        let code: Code
        switch failure.status {
        case .usage: code = .usage
        case .invalidRules: code = .invalidRules
        case .ok, .notOK: code = .failed
        }
        self.init(code, failure.message, hint: failure.hint)
    }

    /// The failure of opening a decision session (bad rule files keep every diagnostic).
    public init(_ failure: DecisionSessionFailure) {
        switch failure {
        case .command(let failure): self.init(failure)
        case .invalidRules(let list): self.init(.invalidRules, list.rendered)
        }
    }

    /// The JSON failure envelope.
    public var json: JSONValue {
        let error: JSONObject = [
            "code": .string(code.rawValue), "message": .string(message), "exit_status": .int(Int64(code.exitStatus)),
        ]
        var object: JSONObject = ["ok": false, "error": .object(error)]
        if let hint { object["hint"] = .string(hint) }
        return .object(object)
    }

    /// The MCP tool error.
    public var result: CallTool.Result {
        let text = "error[\(code.rawValue)]: \(message)" + (hint.map { "\nhint: \($0)" } ?? "")
        return CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], structuredContent: Optional(json.mcpValue), isError: true)
    }
}
