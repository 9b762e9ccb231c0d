/// The outcome of evaluating one decision: each stage's output and trace.
public struct DecisionResult: Sendable {
    public let decision: String
    public let traceLevel: TraceLevel
    /// Stage results in evaluation order (up to the failing stage when the decision aborted).
    public let stages: [StageResult]
    /// Set when a rule with `on_error: abort` failed, or the decision is unknown.
    public let error: DecisionError?
    /// Waivers in force for this rule set (printed in every trace).
    public let waivers: [Waiver]
    /// Waivers past their date: ignored, and printed as warnings wherever decisions are.
    public var expiredWaivers: [Waiver] = []
    /// The decision's declared answer (`answers:` of pipeline.yaml), when it declares one.
    public var answer: AnswerShape?
    /// The decision variables evaluated, in evaluation order, with their values; each at most
    /// once (they are memoized per decision evaluation). Recorded only when tracing.
    public var decisionVariables: [(name: String, value: Value)] = []

    /// Each stage's output by stage name.
    public var outputs: [String: Value] {
        var result: [String: Value] = [:]
        for stage in stages { result[stage.stage] = stage.output }
        return result
    }

    public func stage(_ name: String) -> StageResult? { stages.first { $0.stage == name } }

    /// Every rule that failed to evaluate, over all stages (skipped or failed closed).
    public var ruleErrors: [(stage: String, id: String, message: String)] {
        stages.flatMap { stage in stage.ruleErrors.map { (stage.stage, $0.id, $0.message) } }
    }

    /// The ids of the rules that decided or contributed, over all stages.
    public var firedRuleIDs: [String] { stages.flatMap { $0.decided.map(\.id) } }
}

/// Why a decision could not be completed.
public struct DecisionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var stage: String?
    public var ruleID: String?
    public var message: String

    public var description: String {
        var prefix = ""
        if let stage { prefix += "stage '\(stage)'" }
        if let ruleID { prefix += (prefix.isEmpty ? "" : ", ") + "rule '\(ruleID)'" }
        return prefix.isEmpty ? message : prefix + ": " + message
    }
}

/// One stage's output with the rules that made it.
public struct StageResult: Sendable {
    public let stage: String
    public let mode: StageMode
    public let output: Value
    /// first_match: the deciding rule (none when the defaults applied); all_matches: every
    /// contributing rule, in run order.
    public let decided: [RuleReference]
    /// Errors swallowed by `on_error: skip` (and those of fail-closed rules).
    public let ruleErrors: [(id: String, message: String)]
    /// Every rule's trace, in run order; empty when tracing is off.
    public let rules: [RuleTrace]
}

/// A rule as named in a trace: id, layer and `path:line`.
public struct RuleReference: Sendable, Hashable {
    public let id: String
    public let origin: RuleOrigin

    public var layer: RuleLayerKind { origin.layer }
}

/// What happened to one rule in a traced evaluation.
public enum RuleOutcome: String, Sendable, Hashable {
    case fired
    case notFired = "not_fired"
    case error
    /// first_match only: it would have matched, but an earlier rule decided.
    case shadowed
    case disabled
}

/// One rule's traced evaluation.
public struct RuleTrace: Sendable {
    public let rule: RuleReference
    public let priority: Int
    public let outcome: RuleOutcome
    /// The explanation: the referenced facts, and for a miss the conjunct that failed.
    public let why: RuleWhy?
    /// The evaluation error, for outcome `error`.
    public let error: String?
    /// `--trace=full`: every evaluated sub-expression of `when` with its value, in source order.
    public let nodes: [(expression: String, value: Value)]
}

/// The near-miss (or fired) explanation of a rule.
public struct RuleWhy: Sendable {
    /// The first top-level conjunct of `when` that was false (or failed); nil for a fired rule.
    public let conjunct: String?
    /// The facts, variables and stage outputs read (by the conjunct, for a miss), with values.
    public let facts: [(path: String, value: Value)]
}
