import LoopXSupport
extension RuleSet {
    /// The static checks every load runs: each expression type-checked against `facts.yaml`,
    /// the outputs of earlier stages and the stage's variables; `when` must be a bool; each
    /// expression's worst-case cost must fit the step budget. Errors and warnings, positioned
    /// in the rule files.
    public func typeCheck() -> [Diagnostic] {
        var checker = RuleSetTypeChecker(ruleSet: self)
        checker.run()
        return checker.diagnostics
    }
}

/// Walks the stages in pipeline order, typing each stage's output from its templates so that
/// later stages are checked against it.
struct RuleSetTypeChecker {
    let ruleSet: RuleSet
    var diagnostics: [Diagnostic] = []
    /// Each checked stage's output type.
    var outputs: [String: Typed] = [:]

    init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
    }

    mutating func run() {
        let facts = ruleSet.schema.typedFacts
        // Decision variables first (each after the ones it reads): every stage sees their types.
        var shared = TypeEnvironment(variables: facts, unknownHint: "; facts are declared in facts.yaml")
        shared.undeclared = ruleSet.schema.undeclaredType
        // Stage names and cycle members are reported by the loader, not again as unknown names.
        for name in ruleSet.pipeline.allStages { shared.bind(name, .dyn) }
        for variable in ruleSet.decisionVariables { shared.bind(variable.name, .dyn) }
        var sharedTypes: [(String, Typed)] = []
        for variable in ruleSet.decisionVariables {
            let typed = check(variable.expression, shared)
            shared.bind(variable.name, typed)
            sharedTypes.append((variable.name, typed))
        }
        for stage in ruleSet.orderedStages {
            var environment = TypeEnvironment(variables: facts, unknownHint: "; facts are declared in facts.yaml")
            environment.undeclared = ruleSet.schema.undeclaredType
            for (name, typed) in sharedTypes { environment.bind(name, typed) }
            for name in ruleSet.pipeline.allStages { environment.bind(name, outputs[name] ?? .dyn) }
            // Every variable is known up front (as dyn), so a forward reference is reported
            // once, by the loader, not again as an unknown name.
            for variable in stage.variables { environment.bind(variable.name, .dyn) }
            for variable in stage.variables {
                environment.bind(variable.name, check(variable.expression, environment))
            }
            let defaults = template(stage.defaults, environment, name: stage.name)
            var thens: [(Rule, StaticType)] = []
            for rule in stage.rules {
                let when = check(rule.when, environment)
                if !when.type.fits(.bool) {
                    add("'when' must be a bool expression, found \(when.type)", rule.when, offset: 0)
                }
                thens.append((rule, template(rule.then, environment, name: stage.name).type))
            }
            outputs[stage.name] = output(of: stage, defaults: defaults.type, thens: thens.map(\.1))
        }
    }

    /// Checks one expression, reporting its problems; its type, or dyn when it has none.
    mutating func check(_ expression: RuleExpression, _ environment: TypeEnvironment) -> Typed {
        guard let program = expression.program else { return .dyn }
        let result = program.check(in: environment)
        for error in result.errors { add(error.message, expression, offset: error.utf8Offset) }
        if result.cost > Program.defaultStepBudget {
            add("the worst-case cost of this expression is \(result.cost) steps, over the step budget of "
                    + "\(Program.defaultStepBudget): macros over lists multiply (list sizes are the limits in facts.yaml; "
                    + "a list without one counts as \(TypeEnvironment.defaultListBound) elements)",
                expression, offset: 0)
        }
        return Typed(result.type, bound: result.bound, element: result.element)
    }

    mutating func add(_ message: String, _ expression: RuleExpression, offset: Int, severity: Diagnostic.Severity = .error) {
        diagnostics.append(ruleSet.diagnostic(message, path: expression.path, at: expression.position(ofSourceOffset: offset),
                                              severity: severity))
    }

    /// The type of a `then` or `defaults` template; each `${...}` is checked.
    mutating func template(_ template: ThenTemplate, _ environment: TypeEnvironment, name: String) -> Typed {
        switch template {
        case .constant(let value): return Typed(Self.constantType(value, name: name))
        case .expression(let expression): return check(expression, environment)
        case .text(let parts):
            for case .expression(let expression) in parts { _ = check(expression, environment) }
            return Typed(.string)
        case .list(let items):
            let types = items.map { self.template($0, environment, name: name).type }
            return Typed(.list(items.isEmpty ? .dyn : StaticType.join(types)), bound: items.count)
        case .map(let entries):
            var fields: [String: StaticType] = [:]
            var bounds: [String: Int] = [:]
            for entry in entries {
                let typed = self.template(entry.value, environment, name: name + "." + entry.key)
                fields[entry.key] = typed.type
                if let bound = typed.bound { bounds[entry.key] = bound }
            }
            return Typed(.record(RecordType(name: name, kind: .literal, fields: fields, order: entries.map(\.key), open: nil,
                                            bounds: bounds)))
        }
    }

    /// A literal's type; maps with string keys are records (their fields are checked).
    static func constantType(_ value: Value, name: String) -> StaticType {
        switch value {
        case .list(let items):
            return .list(items.isEmpty ? .dyn : StaticType.join(items.map { constantType($0, name: name) }))
        case .map(let map):
            var fields: [String: StaticType] = [:]
            var order: [String] = []
            for (key, child) in zip(map.keys, map.values) {
                guard case .string(let k) = key else { return StaticType(of: value) }
                fields[k] = constantType(child, name: name + "." + k)
                order.append(k)
            }
            return .record(RecordType(name: name, kind: .literal, fields: fields, order: order, open: nil))
        default:
            return StaticType(of: value)
        }
    }

    /// A stage's output: first_match gives the defaults with every rule's `then` fields (each
    /// the join of its types) plus `rule_id`; all_matches gives `items` and `rule_ids`.
    func output(of stage: Stage, defaults: StaticType, thens: [StaticType]) -> Typed {
        let errors = StaticType.list(.record(RecordType(
            name: stage.name + ".rule_errors", kind: .literal, fields: ["id": .string, "error": .string],
            order: ["id", "error"], open: nil)))
        var merged: RecordType?
        for type in [defaults] + thens {
            guard case .record(let record) = type else { continue }
            merged = merged.map { $0.union(record) } ?? record
        }
        let base = merged ?? RecordType(name: stage.name, kind: .literal, fields: [:], order: [], open: nil)
        switch stage.mode {
        case .firstMatch:
            var fields = base.fields
            var order = base.order
            for (key, type) in [("rule_id", StaticType.string), ("rule_errors", errors)] where fields[key] == nil {
                fields[key] = type
                order.append(key)
            }
            return Typed(.record(RecordType(name: stage.name, kind: .stage, fields: fields, order: order, open: nil,
                                            bounds: base.bounds)))
        case .allMatches:
            var itemFields = base.fields
            var itemOrder = base.order
            for key in ["id", "error"] where itemFields[key] == nil {
                itemFields[key] = .string
                itemOrder.append(key)
            }
            let item = RecordType(name: stage.name + ".items", kind: .literal, fields: itemFields, order: itemOrder, open: nil)
            let count = stage.rules.count
            return Typed(.record(RecordType(
                name: stage.name, kind: .stage,
                fields: ["items": .list(.record(item)), "rule_ids": .list(.string), "rule_errors": errors],
                order: ["items", "rule_ids", "rule_errors"], open: nil,
                bounds: ["items": count, "rule_ids": count, "rule_errors": count])))
        }
    }
}
