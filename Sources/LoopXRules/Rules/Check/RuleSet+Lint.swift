import LoopXSupport
extension RuleSet {
    /// The linter of `rules check` (warnings; `--strict` makes them errors): variables no
    /// expression uses, conditions that are literally false or contradict themselves, and
    /// first_match rules an earlier rule's simple comparison always pre-empts.
    func lint(_ stage: Stage, _ sink: inout DiagnosticSink) {
        lintVariables(stage, &sink)
        var earlier: [(rule: Rule, conjuncts: [Comparison?], count: Int)] = []
        for rule in stage.rules where !rule.isDisabled {
            guard let program = rule.when.program else { continue }
            let parts = Self.conjunctNodes(program.ast)
            let comparisons = parts.map { Comparison.parse($0, in: program) }
            if stage.mode == .firstMatch, rule.origin.layer == .builtin, !rule.isOtherwise, rule.when.isLiteralTrue {
                warn("rule '\(rule.id)' always matches: a first_match stage says what it decides when no rule matches "
                         + "once, under 'otherwise:' (an id, a description and the 'then' over the defaults)", rule, &sink)
            }
            if parts.contains(where: { if case .literal(.bool(false)) = $0.kind { return true } else { return false } }) {
                warn("rule '\(rule.id)' can never fire: its condition is literally false", rule, &sink)
            } else if let (a, b) = Self.contradiction(comparisons) {
                warn("rule '\(rule.id)' can never fire: '\(Self.text(a))' contradicts '\(Self.text(b))'", rule, &sink)
            }
            if stage.mode == .firstMatch {
                // B can never decide when some earlier A holds whenever B does: each of A's
                // conjuncts is implied by one of B's.
                if let a = earlier.first(where: { a in
                    !a.conjuncts.isEmpty && a.conjuncts.count == a.count && a.conjuncts.allSatisfy { ac in
                        guard let ac else { return false }
                        return comparisons.contains { $0?.implies(ac) == true }
                    }
                }), !(a.rule.when.normalizedSource == rule.when.normalizedSource) {
                    warn("rule '\(rule.id)' can never fire: '\(a.rule.id)' (\(a.rule.origin)) runs before it and holds whenever it does",
                         rule, &sink)
                }
                earlier.append((rule, comparisons, parts.count))
            }
        }
    }

    private func warn(_ message: String, _ rule: Rule, _ sink: inout DiagnosticSink) {
        sink.add(diagnostic(message, path: rule.when.origin.path, at: rule.when.origin.position, severity: .warning))
    }

    private func lintVariables(_ stage: Stage, _ sink: inout DiagnosticSink) {
        var used = Set<String>()
        for expression in stage.defaults.expressions + stage.rules.flatMap({ [$0.when] + $0.then.expressions }) {
            used.formUnion(expression.roots)
        }
        // A variable only another unused variable reads is unused too: walk from the end.
        for variable in stage.variables.reversed() where used.contains(variable.name) {
            used.formUnion(variable.expression.roots)
        }
        for variable in stage.variables where !used.contains(variable.name) {
            sink.add(diagnostic("variable '\(variable.name)' of stage '\(stage.name)' is never used",
                                path: variable.expression.origin.path, at: variable.expression.origin.position, severity: .warning))
        }
    }

    /// Decision variables no stage reads (directly, or through a variable that is read).
    func lintDecisionVariables(_ sink: inout DiagnosticSink) {
        var used = Set<String>()
        for stage in orderedStages { for expression in stage.expressions { used.formUnion(expression.roots) } }
        for variable in decisionVariables.reversed() where used.contains(variable.name) {
            used.formUnion(variable.expression.roots)
        }
        for variable in decisionVariables where !used.contains(variable.name) {
            sink.add(diagnostic("decision variable '\(variable.name)' is never used",
                                path: variable.expression.origin.path, at: variable.expression.origin.position, severity: .warning))
        }
    }

    /// The top-level `&&` operands of an expression.
    static func conjunctNodes(_ e: Expr) -> [Expr] {
        var out: [Expr] = []
        var stack = [e]
        while let node = stack.popLast() {
            if case .call(nil, "_&&_", let args) = node.kind, args.count == 2 {
                stack.append(args[1])
                stack.append(args[0])
            } else {
                out.append(node)
            }
        }
        return out
    }

    static func contradiction(_ comparisons: [Comparison?]) -> (Comparison, Comparison)? {
        let known = comparisons.compactMap { $0 }
        for (i, a) in known.enumerated() {
            for b in known[(i + 1)...] where a.contradicts(b) { return (a, b) }
        }
        return nil
    }

    static func text(_ c: Comparison) -> String {
        let ops = ["_==_": "==", "_!=_": "!=", "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">="]
        let value: String
        switch c.value {
        case .number(let n): value = n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .text(let s): value = "\"\(s)\""
        case .flag(let b): value = String(b)
        }
        return "\(c.subject) \(ops[c.op] ?? c.op) \(value)"
    }
}
