extension DecisionResult {
    /// The trace as an indented Markdown tree: stages, the rules that decided, and (when
    /// tracing) every rule's outcome with its why.
    public var markdown: String {
        var lines = waiverLines
        for stage in stages {
            let by = stage.decided.map { "`\($0.id)`" }.joined(separator: ", ")
            let verdict = stage.decided.isEmpty ? (stage.mode == .firstMatch ? "defaults" : "no rule matched") : by
            lines.append("- **\(stage.stage)** (\(stage.mode.rawValue)) → \(verdict)")
            lines.append("  - output:")
            lines += stage.output.keyValueLines(indent: "    ")
            for error in stage.ruleErrors {
                lines.append("  - rule error `\(error.id)`: \(error.message)")
            }
            for rule in stage.rules {
                lines.append(contentsOf: rule.markdownLines(indent: "  "))
            }
        }
        if let error { lines.append("- **decision failed**: \(error.description)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension RuleTrace {
    /// A value as CEL source, cut to 120 characters for reading (the JSON trace has it whole).
    public static func abbreviated(_ value: Value) -> String {
        let text = value.celLiteral
        guard text.count > 120 else { return text }
        var cut = String(text.prefix(100)) + " …"
        if case .list(let items) = value { cut += " (\(items.count) items)" }
        if case .map(let map) = value { cut += " (\(map.count) entries)" }
        return cut
    }

    /// This rule's outcome line and its explanation, indented under `indent`.
    public func markdownLines(indent: String) -> [String] {
        var lines = ["\(indent)- \(outcome.rawValue) `\(rule.id)` (priority \(priority), \(rule.layer.rawValue) \(rule.origin))"]
        let inner = indent + "  "
        if let error { lines.append("\(inner)- error: \(error)") }
        if let why {
            var factIndent = inner
            if let conjunct = why.conjunct {
                lines.append("\(inner)- \(outcome == .error ? "failed at" : "false"): `\(conjunct)`")
                factIndent += "  "
            }
            for fact in why.facts {
                lines.append("\(factIndent)- \(fact.path) = `\(RuleTrace.abbreviated(fact.value))`")
            }
        }
        if !nodes.isEmpty {
            lines.append("\(inner)- values:")
            for node in nodes { lines.append("\(inner)  - `\(node.expression)` = `\(RuleTrace.abbreviated(node.value))`") }
        }
        return lines
    }
}

extension DecisionResult {
    /// One Markdown line per active waiver and per expired one (a warning): what every
    /// command that shows a decision prints.
    public var waiverLines: [String] {
        waivers.map { waiver in
            "- waiver: `\(waiver.ruleID)` until \(waiver.expiresText) — \(waiver.reason)"
                + (waiver.owner.isEmpty ? "" : ", owner \(waiver.owner)") + " (\(waiver.origin))"
        } + expiredWaivers.map { waiver in
            "- warning: waiver for `\(waiver.ruleID)` expired on \(waiver.expiresText); the rule is back in force (\(waiver.origin))"
        }
    }
}
