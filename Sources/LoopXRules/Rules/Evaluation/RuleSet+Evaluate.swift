import LoopXSupport
extension RuleSet {
    /// Evaluates a decision's stages in pipeline order over `facts` (plus `now`), each stage
    /// reading the outputs of the stages before it by name. Pure: the same inputs always give
    /// the same result; the trace level never changes the outputs. With `nearMissesOnly`, a
    /// traced first_match stage stops at its deciding rule (enough for `why_not`).
    public func evaluate(
        decision: String, facts: [String: Value], now: Timestamp, trace: TraceLevel = .off, nearMissesOnly: Bool = false
    ) -> DecisionResult {
        completed(run(decision: decision, facts: facts, now: now, trace: trace, nearMissesOnly: nearMissesOnly))
    }

    /// What every evaluation carries besides its stages: the expired waivers and the
    /// decision's declared answer.
    func completed(_ run: DecisionResult) -> DecisionResult {
        var result = run
        result.expiredWaivers = expiredWaivers
        result.answer = pipeline.answer(of: run.decision)
        return result
    }

    /// Runs the stages; the first `prefix.count` stages are taken as already decided by
    /// `prefix` (their outputs are bound, they are not run again).
    func run(
        decision: String, facts: [String: Value], now: Timestamp?, trace: TraceLevel, prefix: [StageResult] = [],
        nearMissesOnly: Bool = false
    ) -> DecisionResult {
        guard let names = pipeline.stages(of: decision) else {
            return DecisionResult(
                decision: decision, traceLevel: trace, stages: [],
                error: DecisionError(message: "unknown decision '\(decision)'"
                    + Suggestion.hint(for: decision, in: pipeline.decisions.map(\.name))),
                waivers: activeWaivers)
        }
        var activation = Activation(facts)
        if let now, let stamp = CELTimestamp(seconds: now.seconds, nanos: now.nanos) { activation.bind("now", .timestamp(stamp)) }
        var shared = DecisionVariableMemo(decisionVariables, trace: trace)
        var results: [StageResult] = []
        results.reserveCapacity(names.count)
        for done in prefix {
            activation.bind(done.stage, done.output)
            results.append(done)
        }
        for name in names.dropFirst(prefix.count) {
            guard let stage = stages[name] else { continue }
            var evaluator = StageEvaluator(stage: stage, trace: trace, stopAtDecision: nearMissesOnly)
            switch evaluator.run(&activation, &shared) {
            case .success(let result):
                activation.bind(name, result.output)
                results.append(result)
            case .failure(let error):
                var failed = DecisionResult(
                    decision: decision, traceLevel: trace, stages: results, error: error, waivers: activeWaivers)
                failed.decisionVariables = shared.evaluated
                return failed
            }
        }
        var result = DecisionResult(decision: decision, traceLevel: trace, stages: results, error: nil, waivers: activeWaivers)
        result.decisionVariables = shared.evaluated
        return result
    }

    /// `evaluate` for a single stage over bindings that already hold the earlier outputs.
    public func evaluate(stage name: String, bindings: [String: Value], trace: TraceLevel = .off) -> Result<StageResult, DecisionError> {
        guard let stage = stages[name] else {
            return .failure(DecisionError(stage: name, message: "unknown stage"))
        }
        var activation = Activation(bindings)
        var shared = DecisionVariableMemo(decisionVariables, trace: trace)
        var evaluator = StageEvaluator(stage: stage, trace: trace)
        return evaluator.run(&activation, &shared)
    }
}
