/// Runs one stage's rules over the bindings: first_match or all_matches, lazy memoized
/// variables, `on_error` handling, and (when tracing) each rule's outcome and why.
struct StageEvaluator {
    let stage: Stage
    let trace: TraceLevel
    /// Traced for near misses only: a first_match stage stops at its deciding rule (the rules
    /// after it are shadowed and never a near miss), as an untraced stage does.
    let stopAtDecision: Bool
    /// Memoized variable values, by index.
    private var variables: [Value?]
    private var ruleErrors: [(id: String, message: String)] = []
    var traces: [RuleTrace] = []
    /// The node values of the last traced `when`.
    var lastTrace: ExpressionTrace?

    init(stage: Stage, trace: TraceLevel, stopAtDecision: Bool = false) {
        self.stage = stage
        self.trace = trace
        self.stopAtDecision = stopAtDecision || trace == .off
        variables = Array(repeating: nil, count: stage.variables.count)
    }

    /// What one rule's evaluation came to.
    enum Verdict {
        case matched
        case missed
        case failed(String)
    }

    /// Runs the stage; `shared` holds the decision variables of the decision being evaluated
    /// (each evaluated once, across all its stages).
    mutating func run(_ activation: inout Activation, _ shared: inout DecisionVariableMemo) -> Result<StageResult, DecisionError> {
        defer { hideVariables(&activation) }
        if trace != .off { traces.reserveCapacity(stage.rules.count) }
        var decided: [RuleReference] = []
        var items: [Value] = []
        var winner: (rule: Rule, then: Value)?
        for (index, rule) in stage.rules.enumerated() {
            if rule.isDisabled {
                if trace != .off { record(rule, .disabled, why: nil, error: nil, nodes: []) }
                continue
            }
            let decidedAlready = stage.mode == .firstMatch && winner != nil
            if decidedAlready && stopAtDecision { break }
            shared.bind(stage.neededShared[index], &activation)
            bindVariables(stage.neededVariables[index], &activation)
            var verdict = judge(rule, activation)
            let judged = verdict
            var thenValue: Value = .null
            if case .matched = verdict, !decidedAlready {
                let (value, failure) = ThenEvaluator.evaluate(rule, activation)
                thenValue = value
                if let failure { verdict = .failed(failure) }
            }
            if decidedAlready {
                if trace != .off { finishTrace(rule, verdict, matchedOutcome: .shadowed) }
                continue
            }
            switch verdict {
            case .matched:
                decided.append(RuleReference(id: rule.id, origin: rule.origin))
                if stage.mode == .firstMatch { winner = (rule, thenValue) } else { items.append(Self.item(thenValue, rule.id, nil)) }
            case .missed:
                break
            case .failed(let message):
                switch rule.onError {
                case .abort:
                    return .failure(DecisionError(stage: stage.name, ruleID: rule.id, message: message))
                case .skip:
                    ruleErrors.append((rule.id, message))
                case .failClosed:
                    ruleErrors.append((rule.id, message))
                    decided.append(RuleReference(id: rule.id, origin: rule.origin))
                    if case .null = thenValue { thenValue = ThenEvaluator.evaluate(rule, activation).value }
                    if stage.mode == .firstMatch { winner = (rule, thenValue) } else { items.append(Self.item(thenValue, rule.id, message)) }
                }
            }
            if trace != .off {
                if case .matched = judged, case .failed = verdict {
                    finishTrace(rule, verdict, matchedOutcome: .fired, whenHeld: true)
                } else {
                    finishTrace(rule, verdict, matchedOutcome: .fired)
                }
            }
        }
        let output: Value
        switch stage.mode {
        case .firstMatch: output = firstMatchOutput(winner, &activation, &shared)
        case .allMatches:
            var pairs: [(String, Value)] = [("items", .list(items)), ("rule_ids", .list(decided.map { .string($0.id) }))]
            if !ruleErrors.isEmpty { pairs.append(("rule_errors", errorList)) }
            output = .map(pairs)
        }
        return .success(StageResult(
            stage: stage.name, mode: stage.mode, output: output, decided: decided, ruleErrors: ruleErrors, rules: traces))
    }

    private var errorList: Value {
        .list(ruleErrors.map { .map([("id", .string($0.id)), ("error", .string($0.message))]) })
    }

    /// The defaults with the winner's `then` set over them, plus `rule_id`.
    private mutating func firstMatchOutput(
        _ winner: (rule: Rule, then: Value)?, _ activation: inout Activation, _ shared: inout DecisionVariableMemo
    ) -> Value {
        var pairs: [(String, Value)] = []
        var defaults = stage.constantDefaults
        if defaults == nil {
            shared.bind(stage.defaultsNeedShared, &activation)
            bindVariables(stage.defaultsNeed, &activation)
            defaults = ThenEvaluator.value(of: stage.defaults, activation).value
        }
        if case .map(let map)? = defaults {
            for i in 0..<map.count { if case .string(let key) = map.keys[i] { pairs.append((key, map.values[i])) } }
        }
        if let winner, case .map(let then) = winner.then {
            for i in 0..<then.count {
                guard case .string(let key) = then.keys[i] else { continue }
                if let at = pairs.firstIndex(where: { $0.0 == key }) { pairs[at].1 = then.values[i] } else { pairs.append((key, then.values[i])) }
            }
        }
        pairs.removeAll { $0.0 == "rule_id" || $0.0 == "rule_errors" }
        pairs.append(("rule_id", winner.map { .string($0.rule.id) } ?? .null))
        if !ruleErrors.isEmpty { pairs.append(("rule_errors", errorList)) }
        return .map(pairs)
    }

    static func item(_ then: Value, _ id: String, _ error: String?) -> Value {
        var pairs: [(String, Value)] = []
        if case .map(let map) = then {
            for i in 0..<map.count {
                if case .string(let key) = map.keys[i], key != "id" { pairs.append((key, map.values[i])) }
            }
        }
        pairs.append(("id", .string(id)))
        if let error { pairs.append(("error", .string(error))) }
        return .map(pairs)
    }

    /// Evaluates (once) and binds the variables a rule needs.
    private mutating func bindVariables(_ indexes: [Int], _ activation: inout Activation) {
        for i in indexes where variables[i] == nil {
            let value = stage.variables[i].expression.evaluate(activation)
            variables[i] = value
            activation.bind(stage.variables[i].name, value)
        }
    }

    /// Variables are the stage's own: later stages must not see them.
    private func hideVariables(_ activation: inout Activation) {
        for (i, variable) in stage.variables.enumerated() where variables[i] != nil {
            activation.bind(variable.name, variable.hidden)
        }
    }
}
