import LoopXRules
import LoopXSupport

/// `loopx rules list`: every rule with its stage, priority, layer and lock.
public struct RulesListReport: Report {
    public var rules: [Rule]

    public init(ruleSet: RuleSet) {
        rules = ruleSet.allRules
    }

    public var ok: Bool { true }

    public var json: JSONValue {
        .object(["ok": true, "rules": .array(rules.map(Self.summary))])
    }

    static func summary(_ rule: Rule) -> JSONValue {
        var object: JSONObject = [
            "id": .string(rule.id), "stage": .string(rule.stage), "priority": .int(Int64(rule.priority)),
            "layer": .string(rule.origin.layer.rawValue), "locked": .bool(rule.locked), "source": .string(rule.origin.description),
            "disabled": .bool(rule.isDisabled),
        ]
        if !rule.patchedBy.isEmpty { object["patched_by"] = .array(rule.patchedBy.map { .string("\($0.layer.rawValue) \($0)") }) }
        if let by = rule.disabledBy { object["disabled_by"] = .string("\(by.layer.rawValue) \(by)") }
        if let waiver = rule.waiver { object["waiver"] = waiver.json }
        return .object(object)
    }

    public var markdown: String {
        var lines = ["| id | stage | priority | layer | locked | source |", "|---|---|---|---|---|---|"]
        for rule in rules {
            var layer = rule.origin.layer.rawValue
            if !rule.patchedBy.isEmpty { layer += " (patched by \(rule.patchedBy.map(\.layer.rawValue).joined(separator: ", ")))" }
            if rule.isDisabled { layer += " (disabled)" }
            lines.append("| \(rule.id) | \(rule.stage) | \(rule.priority) | \(layer) | \(rule.locked ? "yes" : "no") | \(rule.origin) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `loopx rules show ID`: one rule in full, its YAML source and the fixtures naming it.
public struct RuleShowReport: Report {
    public var rule: Rule
    public var source: String?
    /// `path:line: test name (fired|not_fired)` of each fixture that names the rule.
    public var fixtures: [String]

    public init(rule: Rule, source: String?, fixtures: [String]) {
        self.rule = rule
        self.source = source
        self.fixtures = fixtures
    }

    public var ok: Bool { true }

    public var json: JSONValue {
        guard case .object(var object) = RulesListReport.summary(rule) else { return .null }
        object["name"] = rule.name.map { .string($0) } ?? .null
        object["description"] = rule.description.map { .string($0) } ?? .null
        object["when"] = .string(rule.when.source)
        object["prompt"] = rule.prompt.map { .string($0) } ?? .null
        object["on_error"] = .string(rule.onError.rawValue)
        object["yaml"] = source.map { .string($0) } ?? .null
        object["fixtures"] = .array(fixtures.map { .string($0) })
        return .object(["ok": true, "rule": .object(object)])
    }

    public var markdown: String {
        var lines = ["# \(rule.id)", ""]
        if let name = rule.name { lines.append("**\(name)**") }
        if let description = rule.description { lines.append(description) }
        lines.append("")
        lines.append("- stage: \(rule.stage), priority \(rule.priority), on_error \(rule.onError.rawValue)\(rule.locked ? ", locked" : "")")
        lines.append("- layer: \(rule.origin.layer.rawValue), source \(rule.origin)")
        for patch in rule.patchedBy { lines.append("- patched by the \(patch.layer.rawValue) layer at \(patch)") }
        if let by = rule.disabledBy { lines.append("- disabled by the \(by.layer.rawValue) layer at \(by)") }
        if let waiver = rule.waiver { lines.append("- waiver until \(waiver.expiresText): \(waiver.reason) (\(waiver.origin))") }
        lines.append("- when: `\(rule.when.source)`")
        if let prompt = rule.prompt { lines.append("- prompt: \(prompt)") }
        if let source {
            lines += ["", "```yaml", source, "```"]
        }
        lines += ["", "## Fixtures", ""]
        lines += fixtures.isEmpty ? ["(no fixture names this rule)"] : fixtures.map { "- \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
