import LoopXRules
import LoopXSupport

/// `loopx rules effective`: the merged rule set and profile, each rule and profile field with
/// the layer and `path:line` it came from.
public struct RulesEffectiveReport: Report {
    public var ruleSet: RuleSet
    public var profile: EffectiveProfile

    public init(ruleSet: RuleSet, profileBase: [ProfileLayer]) {
        self.ruleSet = ruleSet
        profile = ruleSet.effectiveProfile(base: profileBase)
    }

    public var ok: Bool { true }

    public var json: JSONValue {
        .object([
            "ok": true,
            "rules": .array(ruleSet.allRules.map(RulesListReport.summary)),
            "profile": profile.json,
            "waivers": .array(ruleSet.activeWaivers.map(\.json)),
            "warnings": .array(ruleSet.warnings.map { .string($0.rendered) }),
        ])
    }

    public var markdown: String {
        var lines = ["# Effective rules", ""]
        for stage in ruleSet.orderedStages {
            lines.append("## \(stage.name) (\(stage.mode.rawValue), on_error \(stage.onError.rawValue)) — \(stage.origin)")
            for rule in stage.rules {
                var line = "- `\(rule.id)` priority \(rule.priority), \(rule.origin.layer.rawValue) \(rule.origin)"
                if rule.locked { line += ", locked" }
                for patch in rule.patchedBy { line += "; patched by \(patch.layer.rawValue) \(patch)" }
                if let by = rule.disabledBy { line += "; DISABLED by \(by.layer.rawValue) \(by)" }
                if let waiver = rule.waiver { line += "; waiver until \(waiver.expiresText): \(waiver.reason)" }
                lines.append(line)
            }
            lines.append("")
        }
        lines += ["# Effective profile", ""]
        if profile.fields.isEmpty { lines.append("(no profile fields)") }
        for field in profile.fields {
            lines.append("- \(field.dottedPath) = `\(JSONWriter().string(field.value))` — \(field.layer) \(field.source)")
        }
        for waiver in ruleSet.activeWaivers {
            lines.append("")
            lines.append("waiver: `\(waiver.ruleID)` until \(waiver.expiresText) — \(waiver.reason) (\(waiver.origin))")
        }
        for warning in ruleSet.warnings { lines += ["", warning.rendered] }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `loopx rules explain`: a decision's full trace.
public struct RulesExplainReport: Report {
    public var result: DecisionResult
    /// The goal's facts document, when the decision was explained for a real goal.
    public var facts: JSONValue?
    public var goalID: String?

    public init(result: DecisionResult, facts: JSONValue? = nil, goalID: String? = nil) {
        self.result = result
        self.facts = facts
        self.goalID = goalID
    }

    public var ok: Bool { result.error == nil }

    public var json: JSONValue {
        guard case .object(var object) = result.json else { return .null }
        object["ok"] = .bool(ok)
        if let goalID { object["goal_id"] = .string(goalID) }
        if let facts { object["facts"] = facts }
        return .object(object)
    }

    public var markdown: String {
        "# Decision \(result.decision)" + (goalID.map { " for `\($0)`" } ?? "") + "\n\n" + result.markdown
    }
}
