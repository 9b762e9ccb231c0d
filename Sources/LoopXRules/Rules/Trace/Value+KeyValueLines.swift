extension Value {
    /// The widest line the key/value rendering writes before wrapping a value.
    public static let keyValueWidth = 100

    /// A stage output as indented Markdown key/value lines: one `- key: value` per map entry,
    /// nested maps indented under their key, and values longer than the width wrapped onto
    /// continuation lines (never cut: the JSON trace and this text hold the same values).
    public func keyValueLines(indent: String) -> [String] {
        guard case .map(let map) = self, map.count > 0 else { return Value.wrapped("\(indent)- ", celLiteral, indent: indent) }
        var lines: [String] = []
        for (key, value) in zip(map.keys, map.values) {
            let name: String
            if case .string(let text) = key { name = text } else { name = key.celLiteral }
            if case .map(let inner) = value, inner.count > 0 {
                lines.append("\(indent)- \(name):")
                lines += value.keyValueLines(indent: indent + "  ")
            } else {
                lines += Value.wrapped("\(indent)- \(name): ", value.celLiteral, indent: indent)
            }
        }
        return lines
    }

    /// `head` then `text` in backticks, broken at spaces into lines of at most the width (a
    /// single word longer than that stays whole); continuation lines are indented past `- `.
    static func wrapped(_ head: String, _ text: String, indent: String) -> [String] {
        let first = head + "`" + text + "`"
        guard first.count > keyValueWidth else { return [first] }
        let continuation = indent + "    "
        var lines: [String] = []
        var current = head + "`"
        var atStart = true
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !atStart, current.count + 1 + word.count > keyValueWidth {
                lines.append(current)
                current = continuation + word
            } else {
                current += (atStart ? "" : " ") + word
            }
            atStart = false
        }
        lines.append(current + "`")
        return lines
    }
}
