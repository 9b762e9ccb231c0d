extension RuleSet {
    /// Evaluates a decision's stages in pipeline order over `facts` (plus `now`), each stage
    /// reading the outputs of the stages before it by name. Pure: the same inputs always give
    /// the same result; the trace level never changes the outputs.
    public func evaluate(
        decision: String, facts: [String: Value], now: Timestamp, trace: TraceLevel = .off
    ) -> DecisionResult {
        completed(run(decision: decision, facts: facts, now: now, trace: trace))
    }

    /// `evaluate` with no `now` bound at all, or nil when any rule failed (a stage error, or
    /// a rule error set aside by `on_error: skip`/`fail_closed`). CEL absorbs an error only
    /// where the other operand decides the result, so a result here does not depend on the
    /// clock and holds at every instant; a read of `now` that matters makes a rule fail.
    /// Replays use it to decide a quiet goal's identical facts once.
    public func evaluateWithoutClock(decision: String, facts: [String: Value]) -> DecisionResult? {
        var unclocked = facts
        unclocked["now"] = nil
        let result = run(decision: decision, facts: unclocked, now: nil, trace: .off)
        guard result.error == nil, !result.stages.contains(where: { $0.output.plainJSON["rule_errors"] != nil }) else { return nil }
        return completed(result)
    }

    /// What every evaluation carries besides its stages: the expired waivers and the
    /// decision's declared answer.
    private func completed(_ run: DecisionResult) -> DecisionResult {
        var result = run
        result.expiredWaivers = expiredWaivers
        result.answer = pipeline.answer(of: run.decision)
        return result
    }

    private func run(decision: String, facts: [String: Value], now: Timestamp?, trace: TraceLevel) -> DecisionResult {
        guard let names = pipeline.stages(of: decision) else {
            return DecisionResult(
                decision: decision, traceLevel: trace, stages: [],
                error: DecisionError(message: "unknown decision '\(decision)'"
                    + Suggestion.hint(for: decision, in: pipeline.decisions.map(\.name))),
                waivers: activeWaivers)
        }
        var activation = Activation(facts)
        if let now, let stamp = CELTimestamp(seconds: now.seconds, nanos: now.nanos) { activation.bind("now", .timestamp(stamp)) }
        var results: [StageResult] = []
        results.reserveCapacity(names.count)
        for name in names {
            guard let stage = stages[name] else { continue }
            var evaluator = StageEvaluator(stage: stage, trace: trace)
            switch evaluator.run(&activation) {
            case .success(let result):
                activation.bind(name, result.output)
                results.append(result)
            case .failure(let error):
                return DecisionResult(
                    decision: decision, traceLevel: trace, stages: results, error: error, waivers: activeWaivers)
            }
        }
        return DecisionResult(decision: decision, traceLevel: trace, stages: results, error: nil, waivers: activeWaivers)
    }

    /// `evaluate` for a single stage over bindings that already hold the earlier outputs.
    public func evaluate(stage name: String, bindings: [String: Value], trace: TraceLevel = .off) -> Result<StageResult, DecisionError> {
        guard let stage = stages[name] else {
            return .failure(DecisionError(stage: name, message: "unknown stage"))
        }
        var activation = Activation(bindings)
        var evaluator = StageEvaluator(stage: stage, trace: trace)
        return evaluator.run(&activation)
    }
}
