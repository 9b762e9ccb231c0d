import LoopXSupport
extension RuleSet {
    /// The leading stages of `decision` whose outputs do not depend on the clock, evaluated
    /// once with no `now` bound: every stage up to (not including) the first one in which a
    /// rule failed — a stage error, or a rule error set aside by `on_error: skip` or
    /// `fail_closed`. CEL absorbs an error only where the other operand decides the result, so
    /// a stage that succeeds without `now` has the output it has at every instant; a read of
    /// `now` that matters makes a rule fail. Replays decide a quiet goal's identical facts with
    /// these once and resume each record from them (`evaluate(decision:facts:now:after:)`).
    public func clockFreeStages(decision: String, facts: [String: Value]) -> [StageResult] {
        guard let names = pipeline.stages(of: decision) else { return [] }
        var unclocked = facts
        unclocked["now"] = nil
        var activation = Activation(unclocked)
        var shared = DecisionVariableMemo(decisionVariables, trace: .off)
        var results: [StageResult] = []
        for name in names {
            guard let stage = stages[name] else { break }
            var evaluator = StageEvaluator(stage: stage, trace: .off)
            guard case .success(let result) = evaluator.run(&activation, &shared), result.ruleErrors.isEmpty else { break }
            activation.bind(name, result.output)
            results.append(result)
        }
        return results
    }

    /// `evaluate` resumed after `prefix`, the decision's leading stages from
    /// `clockFreeStages` over the same facts: the remaining stages run at `now`. The result is
    /// the one `evaluate` gives (trace off).
    public func evaluate(decision: String, facts: [String: Value], now: Timestamp, after prefix: [StageResult]) -> DecisionResult {
        let names = pipeline.stages(of: decision) ?? []
        let fits = prefix.count <= names.count && zip(prefix, names).allSatisfy { $0.stage == $1 }
        return completed(run(decision: decision, facts: facts, now: now, trace: .off, prefix: fits ? prefix : []))
    }
}
