import LoopXRules
import LoopXSupport

/// The short "why not" of a decision: per stage, its nearest near miss — the rule that would
/// have decided instead, what it would have given, the condition that was false and the facts
/// that condition read. One derivation for should-run, `gate check` and their Markdown.
public struct WhyNot: Sendable {
    public var stage: String
    public var rule: String
    /// What the rule gives when it fires, shortly (see `outcome(of:)`).
    public var wouldBe: String
    public var condition: String
    public var facts: [(path: String, value: Value)]

    /// How many facts of a near miss are listed (the `--trace` JSON has them all).
    static let factLimit = 3

    /// One entry per traced stage with a near miss, in stage order.
    public static func items(_ result: DecisionResult, ruleSet: RuleSet) -> [WhyNot] {
        result.stages.compactMap { stage -> WhyNot? in
            guard let miss = stage.nearMisses.first, let why = miss.why, let condition = why.conjunct else { return nil }
            return WhyNot(
                stage: stage.stage, rule: miss.rule.id, wouldBe: outcome(of: ruleSet.rule(id: miss.rule.id)),
                condition: condition, facts: Array(why.facts.prefix(factLimit)))
        }
    }

    /// What a rule gives when it fires, shortly: its constant scalar `then` fields (at most
    /// two, without `reason`), else its id.
    static func outcome(of rule: Rule?) -> String {
        guard let rule else { return "another outcome" }
        guard case .map(let entries) = rule.then else { return rule.id }
        var shown: [String] = []
        for entry in entries where !["reason", "rule_id", "message"].contains(entry.key) {
            guard case .constant(let value) = entry.value else { continue }
            switch value {
            case .string, .bool, .int, .double: shown.append("\(entry.key): \(value.celLiteral)")
            default: continue
            }
            if shown.count == 2 { break }
        }
        return shown.isEmpty ? rule.id : shown.joined(separator: ", ")
    }

    /// `{stage, rule, would_be, condition, facts: {path: value}}`.
    public var json: JSONValue {
        [
            "stage": .string(stage), "rule": .string(rule), "would_be": .string(wouldBe), "condition": .string(condition),
            "facts": .object(JSONObject(facts.map { ($0.path, $0.value.plainJSON) })),
        ]
    }

    /// "would have been `X` (`rule`) if `cond` were true: fact = `value`, …".
    public var line: String {
        var text = "would have been `\(wouldBe)` (`\(rule)`) if `\(condition)` were true"
        if !facts.isEmpty {
            text += ": " + facts.map { "\($0.path) = `\(RuleTrace.abbreviated($0.value))`" }.joined(separator: ", ")
        }
        return text
    }

    /// One Markdown line per stage: what decided it, and its near miss when there is one.
    public static func stageLines(_ result: DecisionResult, whyNot: [WhyNot]) -> [String] {
        result.stages.map { stage in
            let verdict = stage.decided.isEmpty
                ? (stage.mode == .firstMatch ? "defaults" : "no rule matched")
                : stage.decided.map { "`\($0.id)`" }.joined(separator: ", ")
            var line = "- **\(stage.stage)** → \(verdict)"
            if let miss = whyNot.first(where: { $0.stage == stage.stage }) { line += "; " + miss.line }
            return line
        }
    }
}
