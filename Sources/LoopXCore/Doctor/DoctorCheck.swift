import LoopXRules
import LoopXSupport

/// One line of `loopx doctor`: what was checked, whether it passed, and how to fix it.
public struct DoctorCheck: Sendable {
    public var name: String
    public var ok: Bool
    /// A failed required check makes the whole report not ok; others only warn.
    public var required: Bool
    public var detail: String
    public var fix: String?

    public init(name: String, ok: Bool, required: Bool = true, detail: String, fix: String? = nil) {
        self.name = name
        self.ok = ok
        self.required = required
        self.detail = detail
        self.fix = ok ? nil : fix
    }

    var json: JSONValue {
        var object: JSONObject = [
            "name": .string(name), "ok": .bool(ok), "required": .bool(required), "detail": .string(detail),
        ]
        if let fix { object["fix"] = .string(fix) }
        return .object(object)
    }
}
