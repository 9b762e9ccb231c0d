/// The validation patterns of todo metadata values, as the original enforced them.
public enum TodoValidation {
    static func all(_ text: String, first: (UInt8) -> Bool, rest: (UInt8) -> Bool, maxRest: Int) -> Bool {
        let bytes = Array(text.utf8)
        guard let head = bytes.first, first(head), bytes.count - 1 <= maxRest else { return false }
        return bytes.dropFirst().allSatisfy(rest)
    }

    static func lower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7a }
    static func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func any(_ b: UInt8, of set: String) -> Bool { set.utf8.contains(b) }

    /// `^todo_[a-z0-9_-]{3,64}$`
    public static func isTodoID(_ text: String) -> Bool {
        guard text.hasPrefix("todo_") else { return false }
        let rest = Array(text.utf8.dropFirst(5))
        return (3...64).contains(rest.count) && rest.allSatisfy { lower($0) || digit($0) || any($0, of: "_-") }
    }

    /// `^[a-z][a-z0-9_.:@-]{0,79}$` (agent ids in `claimed_by`, `blocks_agent`).
    public static func isAgentID(_ text: String) -> Bool {
        all(text, first: lower, rest: { lower($0) || digit($0) || any($0, of: "_.:@-") }, maxRest: 79)
    }

    /// Lower-cases and turns spaces into `-`, as the original did before validating an agent id.
    public static func normalizeAgentID(_ text: String) -> String {
        text.trimmingWhitespace.lowercased().replacing(" ", with: "-")
    }

    /// `^[a-z][a-z0-9_-]{0,63}$`
    public static func isActionKind(_ text: String) -> Bool {
        all(text, first: lower, rest: { lower($0) || digit($0) || any($0, of: "_-") }, maxRest: 63)
    }

    /// `^[a-z][a-z0-9_:-]{0,63}$`
    public static func isCapability(_ text: String) -> Bool {
        all(text, first: lower, rest: { lower($0) || digit($0) || any($0, of: "_:-") }, maxRest: 63)
    }

    /// A relative write scope: at most 160 characters, no `..`, no whitespace or `<>`.
    public static func isWriteScope(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 160 && !text.hasPrefix("/") && !text.contains("..")
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }
}
