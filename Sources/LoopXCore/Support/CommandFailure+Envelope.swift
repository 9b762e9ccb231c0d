import LoopXRules
import LoopXSupport

/// The JSON error envelope every command prints on stdout for a failure under `--format json`:
/// `{"ok": false, "error": {"code", "message", "path", "line", "column"}, "hint", "diagnostics"?}`.
extension CommandFailure {
    /// The envelope as a JSON value (`path`, `line`, `column` and `hint` are null when unknown).
    public var envelope: JSONValue {
        let first = diagnostics.first { $0.severity == .error } ?? diagnostics.first
        var error: JSONObject = [
            "code": .string(code.rawValue),
            "message": .string(message),
            "path": first.map { .string($0.path) } ?? .null,
            "line": first.map { .int(Int64($0.position.line)) } ?? .null,
            "column": first.map { .int(Int64($0.position.column)) } ?? .null,
        ]
        if diagnostics.count == 1, let first { error["message"] = .string(message + ": " + first.message) }
        var object: JSONObject = ["ok": false, "error": .object(error), "hint": hint.map(JSONValue.string) ?? .null]
        if diagnostics.count > 1 {
            object["diagnostics"] = .array(diagnostics.map(CommandFailure.json))
        }
        for (key, value) in extra where object[key] == nil { object[key] = value }
        return .object(object)
    }

    /// The envelope as printed: pretty JSON with sorted keys and a final newline.
    public var renderedEnvelope: String {
        JSONWriter(sortedKeys: true, pretty: true).string(envelope) + "\n"
    }

    /// One diagnostic in the envelope's `diagnostics` list.
    static func json(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            "severity": .string(diagnostic.severity.rawValue),
            "path": .string(diagnostic.path),
            "line": .int(Int64(diagnostic.position.line)),
            "column": .int(Int64(diagnostic.position.column)),
            "message": .string(diagnostic.message),
        ])
    }
}
