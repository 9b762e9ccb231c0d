/// A failure a command reports to the user: a message, a hint of what to do, its stable code
/// (which decides the exit status), and the positioned diagnostics behind it, if any.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var code: ErrorCode
    /// The positioned problems behind the failure (rule files, a JSON file); their rendering
    /// is the failure's text, and the first one positions `error` in the JSON envelope.
    public var diagnostics: [Diagnostic]
    /// Extra top-level fields of the JSON envelope (for example the report a check produced).
    public var extra: JSONObject

    /// A failure whose site names only an exit status; its code is the general one for it.
    public init(_ message: String, hint: String? = nil, status: ExitStatus = .notOK) {
        self.init(message, hint: hint, code: .general(for: status))
    }

    public init(_ message: String, hint: String? = nil, code: ErrorCode, diagnostics: [Diagnostic] = [], extra: JSONObject = [:]) {
        self.message = message
        self.hint = hint
        self.code = code
        self.diagnostics = diagnostics
        self.extra = extra
    }

    /// Every diagnostic of a rule load, as one failure with exit status 3.
    public static func invalidRules(_ list: DiagnosticList) -> CommandFailure {
        let errors = list.items.filter { $0.severity == .error }.count
        return CommandFailure(
            "the rule files do not load (\(errors) error\(errors == 1 ? "" : "s"))", code: .invalidRules, diagnostics: list.items)
    }

    /// The exit status of this failure: the one its code has.
    public var status: ExitStatus { code.exitStatus }

    /// The text printed on stderr: the diagnostics when there are any (they carry the message),
    /// else `error: message`, then the hint.
    public var description: String {
        var text = diagnostics.isEmpty ? "error: \(message)" : DiagnosticList(diagnostics).rendered
        if let hint { text += "\nhint: \(hint)" }
        return text
    }
}
