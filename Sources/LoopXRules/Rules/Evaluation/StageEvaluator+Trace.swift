extension StageEvaluator {
    /// Evaluates a rule's `when` (traced when tracing is on).
    mutating func judge(_ rule: Rule, _ activation: Activation) -> Verdict {
        let value: Value
        if trace == .off {
            value = rule.when.evaluate(activation)
        } else {
            let traced = rule.when.evaluateTraced(activation)
            value = traced.0
            lastTrace = traced.1
        }
        switch value {
        case .bool(true): return .matched
        case .bool(false): return .missed
        case .error(let error): return .failed(error.message)
        default: return .failed("'when' evaluated to \(value.celType.name), not bool")
        }
    }

    mutating func record(_ rule: Rule, _ outcome: RuleOutcome, why: RuleWhy?, error: String?, nodes: [(expression: String, value: Value)]) {
        traces.append(RuleTrace(
            rule: RuleReference(id: rule.id, origin: rule.origin), priority: rule.priority, outcome: outcome, why: why,
            error: error, nodes: nodes))
    }

    /// Records the outcome of a judged rule with its explanation from the last trace.
    /// `whenHeld`: the condition was true but the `then` failed.
    mutating func finishTrace(_ rule: Rule, _ verdict: Verdict, matchedOutcome: RuleOutcome, whenHeld: Bool = false) {
        let nodeValues = lastTrace
        lastTrace = nil
        let nodes = trace == .full ? Self.nodes(rule.when, nodeValues) : []
        switch verdict {
        case .matched:
            record(rule, matchedOutcome, why: RuleWhy(conjunct: nil, facts: Self.facts(rule.when, nodeValues, within: nil)),
                   error: nil, nodes: nodes)
        case .missed:
            // The first conjunct that is false; an error absorbed by a later `false` is not the reason.
            let failing = rule.when.conjuncts.first { nodeValues?[$0.id].flatMap(\.boolValue) == false }
                ?? rule.when.conjuncts.first { nodeValues?[$0.id].flatMap(\.boolValue) != true }
            record(rule, .notFired, why: RuleWhy(conjunct: failing?.text, facts: Self.facts(rule.when, nodeValues, within: failing)),
                   error: nil, nodes: nodes)
        case .failed(let message):
            let failing = whenHeld ? nil : rule.when.conjuncts.first { nodeValues?[$0.id].flatMap(\.boolValue) != true }
            record(rule, .error, why: RuleWhy(conjunct: failing?.text, facts: Self.facts(rule.when, nodeValues, within: failing)),
                   error: message, nodes: nodes)
        }
    }

    /// The referenced paths with their traced values (inside `conjunct` when given), each once.
    static func facts(_ expression: RuleExpression, _ values: ExpressionTrace?, within conjunct: ExpressionPart?) -> [(path: String, value: Value)] {
        guard let values else { return [] }
        var seen = Set<String>()
        var result: [(path: String, value: Value)] = []
        for reference in expression.references {
            if let conjunct {
                let range = reference.range
                guard range.lowerBound >= conjunct.range.lowerBound, range.upperBound <= conjunct.range.upperBound else { continue }
            }
            guard let value = values[reference.nodeID], seen.insert(reference.dotted).inserted else { continue }
            result.append((reference.dotted, value))
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Every traced sub-expression with its value, in source order (outer before inner).
    static func nodes(_ expression: RuleExpression, _ values: ExpressionTrace?) -> [(expression: String, value: Value)] {
        guard let values, let map = expression.program?.sourceMap else { return [] }
        let ids = values.values.keys.sorted {
            let a = map.range(of: $0)
            let b = map.range(of: $1)
            return (a.lowerBound, -a.count, $0) < (b.lowerBound, -b.count, $1)
        }
        return ids.compactMap { id in values[id].map { (expression.text(of: id), $0) } }
    }
}
