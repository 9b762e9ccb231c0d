import LoopXRules
import LoopXSupport

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
    /// True when `message` only summarises the diagnostics (rule files, an expression), so the
    /// text for people is the diagnostics alone.
    public var messageSummarisesDiagnostics = false

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
        return .summarising(list, "the rule files do not load (\(errors) error\(errors == 1 ? "" : "s"))", code: .invalidRules)
    }

    /// A failure whose text is its diagnostics, `summary` being their one-line gist.
    public static func summarising(_ list: DiagnosticList, _ summary: String, code: ErrorCode) -> CommandFailure {
        var failure = CommandFailure(summary, code: code, diagnostics: list.items)
        failure.messageSummarisesDiagnostics = true
        return failure
    }

    /// The message followed by its rendered diagnostics (source lines and carets), as one text.
    public var detail: String {
        diagnostics.isEmpty ? message : message + "\n" + DiagnosticList(diagnostics).rendered
    }

    /// The exit status of this failure: the one its code has.
    public var status: ExitStatus { code.exitStatus }

    /// The text printed on stderr: `error: message` and the rendered diagnostics (the
    /// diagnostics alone when the message only summarises them), then the hint.
    public var description: String {
        var text = messageSummarisesDiagnostics ? DiagnosticList(diagnostics).rendered : "error: \(detail)"
        if let hint { text += "\nhint: \(hint)" }
        return text
    }
}
