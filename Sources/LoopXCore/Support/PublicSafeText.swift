/// The public/private boundary for strings loopx records in run history, registries and
/// state: private local paths, internal document hosts, task handles and credentials are
/// refused so they never reach a file an agent may publish.
public enum PublicSafeText {
    /// Substrings refused anywhere (case-insensitive).
    static let markers = [
        "/users/", "/ext_data/", "larkoffice", "docs.internal", "bearer ", "authorization",
        "token=", "password", "secret",
    ]

    /// The reason a text is not public-safe, or nil when it is.
    public static func problem(in text: String) -> String? {
        let lower = text.lowercased()
        for marker in markers where lower.contains(marker) {
            return "contains private marker '\(marker.trimmingWhitespace)'"
        }
        if containsTaskHandle(Array(lower.utf8)) { return "contains a private task handle (t-20…)" }
        return nil
    }

    public static func isSafe(_ text: String) -> Bool { problem(in: text) == nil }

    /// Throws a usage failure naming the field when the text is not public-safe.
    public static func require(_ text: String, field: String) throws(CommandFailure) {
        if let problem = problem(in: text) {
            throw CommandFailure(
                "\(field) is not public-safe: \(problem)",
                hint: "describe the work without private paths, internal links or credentials", code: .unsafeText)
        }
    }

    /// `t-20` followed by 12 digits, `-` and an id character: a private task handle.
    static func containsTaskHandle(_ bytes: [UInt8]) -> Bool {
        let prefix = Array("t-20".utf8)
        var index = 0
        while index + prefix.count + 14 <= bytes.count {
            if Array(bytes[index..<index + prefix.count]) == prefix {
                let digits = bytes[(index + 4)..<(index + 16)]
                let dash = bytes[index + 16]
                let next = bytes[index + 17]
                let isIDChar = (next >= 0x30 && next <= 0x39) || (next >= 0x61 && next <= 0x7a)
                if digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), dash == 0x2d, isIDChar { return true }
            }
            index += 1
        }
        return false
    }
}
