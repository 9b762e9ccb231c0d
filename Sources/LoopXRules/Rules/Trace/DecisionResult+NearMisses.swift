extension StageResult {
    /// The near misses of a traced stage, nearest first: in a first_match stage the rules
    /// evaluated before the deciding one that did not fire (any of them would have decided
    /// instead); in an all_matches stage every rule that did not fire. Only rules whose why
    /// names the false condition count. Empty when the stage was not traced.
    public var nearMisses: [RuleTrace] {
        var candidates = rules[...]
        if mode == .firstMatch, let decider = decided.first,
            let index = rules.firstIndex(where: { $0.rule.id == decider.id })
        {
            candidates = rules[..<index]
        }
        return candidates.filter { $0.outcome == .notFired && $0.why?.conjunct != nil }.reversed()
    }
}

extension DecisionResult {
    /// The same result as if evaluated at `level` or below: at `.off` the per-rule traces are
    /// dropped, so a decision traced only to derive its near misses prints the compact trace.
    public func trimmed(to level: TraceLevel) -> DecisionResult {
        guard level == .off, traceLevel != .off else { return self }
        let compact = stages.map { stage in
            StageResult(stage: stage.stage, mode: stage.mode, output: stage.output, decided: stage.decided,
                        ruleErrors: stage.ruleErrors, rules: [])
        }
        var result = DecisionResult(decision: decision, traceLevel: .off, stages: compact, error: error, waivers: waivers)
        result.expiredWaivers = expiredWaivers
        result.answer = answer
        return result
    }
}
