import LoopXSupport
extension RuleSetLoader {
    /// Compiles every stage with its rules, in pipeline order.
    mutating func compileStages() -> [String: Stage] {
        decisionVariables = compileDecisionVariables()
        var result: [String: Stage] = [:]
        let order = pipeline.allStages
        let decls = stageDecls.sorted {
            (order.firstIndex(of: $0.name) ?? Int.max, $0.name) < (order.firstIndex(of: $1.name) ?? Int.max, $1.name)
        }
        var idsByStage: [String: [String]] = [:]
        for id in ruleOrder {
            if let stage = rules[id]?.stage { idsByStage[stage, default: []].append(id) }
        }
        for decl in decls {
            result[decl.name] = compile(decl, ruleIDs: idsByStage[decl.name] ?? [])
        }
        return result
    }

    private mutating func compile(_ decl: StageDecl, ruleIDs: [String]) -> Stage {
        let unit = decl.unit
        let defaults = decl.defaults.flatMap { $0.mapping == nil ? nil : TemplateReader.read($0, unit: unit, sink: &sink) }
            ?? .empty
        let reserved = Set(pipeline.allStages + ["now"] + (schema?.rootNames ?? []))
        var variables: [StageVariable] = []
        for (name, keyNode, valueNode) in decl.variables {
            if reserved.contains(name) {
                sink.add(unit.diagnostic("variable '\(name)' would hide the fact or stage of the same name; rename it", at: keyNode))
            }
            if let shared = decisionVariables.first(where: { $0.name == name }) {
                sink.add(unit.diagnostic(
                    "variable '\(name)' is already a decision variable (\(shared.expression.origin)); read that one instead of "
                        + "declaring it again", at: keyNode))
                continue
            }
            if variables.contains(where: { $0.name == name }) {
                sink.add(unit.diagnostic("variable '\(name)' is defined twice", at: keyNode))
                continue
            }
            guard let source = expressionText(valueNode, unit: unit, what: "variable '\(name)'"),
                let expression = RuleExpression.compile(source, node: valueNode, unit: unit, sink: &sink)
            else { continue }
            let later = Set(decl.variables.map(\.name)).subtracting(variables.map(\.name))
            for (index, reference) in expression.references.enumerated() where later.contains(reference.root) {
                report("variable '\(name)' uses '\(reference.root)', which is not defined before it; a variable may only use earlier ones",
                       expression, index)
            }
            let dependencies = variables.indices.filter { expression.roots.contains(variables[$0].name) }
            variables.append(StageVariable(
                name: name, expression: expression, dependencies: dependencies,
                hidden: StageVariable.hiddenValue(name, stage: decl.name)))
        }
        var compiledRules: [Rule] = []
        for id in runOrder(ruleIDs, stage: decl.name) {
            guard let rule = rules[id], let compiled = compile(rule, stageOnError: decl.onError) else { continue }
            compiledRules.append(compiled)
        }
        let names = variables.map(\.name)
        let dependencies = variables.map(\.dependencies)
        let sharedNames = decisionVariables.map(\.name)
        let sharedDependencies = decisionVariables.map(\.dependencies)
        // What a rule (or the defaults) reads: its own roots' stage variables, and the decision
        // variables read by those roots or by the stage variables they need.
        func needs(_ roots: Set<String>) -> (stage: [Int], shared: [Int]) {
            let own = Self.closure(of: roots, names: names, dependencies: dependencies)
            let all = own.reduce(into: roots) { $0.formUnion(variables[$1].expression.roots) }
            return (own, Self.closure(of: all, names: sharedNames, dependencies: sharedDependencies))
        }
        let needed = compiledRules.map { rule in needs(rule.when.roots.union(rule.then.expressions.flatMap(\.roots))) }
        let defaultsNeed = needs(Set(defaults.expressions.flatMap(\.roots)))
        let stage = Stage(
            name: decl.name, description: decl.description, mode: decl.mode, onError: decl.onError,
            defaults: defaults, constantDefaults: defaults.constantValue, variables: variables, rules: compiledRules,
            origin: decl.origin, neededVariables: needed.map(\.stage), defaultsNeed: defaultsNeed.stage,
            neededShared: needed.map(\.shared), defaultsNeedShared: defaultsNeed.shared)
        checkStageOrder(stage)
        return stage
    }

    /// The variables (`names`, each reading the earlier ones in `dependencies`) that `roots`
    /// need, dependencies included, in definition order.
    static func closure(of roots: Set<String>, names: [String], dependencies: [[Int]]) -> [Int] {
        var needed = Set(names.indices.filter { roots.contains(names[$0]) })
        for index in names.indices.reversed() where needed.contains(index) {
            needed.formUnion(dependencies[index])
        }
        return needed.sorted()
    }

    private mutating func compile(_ decl: RuleDecl, stageOnError: OnErrorPolicy) -> Rule? {
        // `then` is compiled even when `when` fails, so every error of the rule is reported.
        var then = decl.then.flatMap { $0.mapping == nil ? nil : TemplateReader.read($0, unit: decl.unit, sink: &sink) }
            ?? .empty
        for patch in decl.thenPatches {
            then = TemplateReader.read(patch.node, unit: patch.unit, sink: &sink).overlaid(on: then)
        }
        guard let whenNode = decl.when,
            let source = expressionText(whenNode, unit: decl.whenUnit, what: "'when'"),
            let when = RuleExpression.compile(source, node: whenNode, unit: decl.whenUnit, sink: &sink)
        else { return nil }
        // A placed rule shows its anchor's priority; it runs right before or after the anchor.
        let priority = decl.placement.flatMap { rules[$0.anchor]?.priority } ?? decl.priority
        return Rule(
            id: decl.id, stage: decl.stage, name: decl.name, description: decl.description, priority: priority,
            when: when, then: then, constantThen: then.constantValue, prompt: decl.prompt, guidance: decl.guidance, locked: decl.locked,
            onError: decl.onError ?? stageOnError, origin: decl.origin, patchedBy: decl.patchedBy,
            disabledBy: decl.disabledBy, waiver: decl.waiver, isOtherwise: decl.isOtherwise, definition: (decl.unit.source, Self.lines(of: decl.node)))
    }

    /// The whole source lines a node spans.
    static func lines(of node: YAMLNode) -> ClosedRange<Int> {
        var last = node.endPosition.line
        if node.endPosition.column == 1, last > node.position.line { last -= 1 }
        return node.position.line...max(node.position.line, last)
    }

    /// The text of an expression node: a string, or a bool/number scalar written bare
    /// (`when: true`); anything else is an error.
    private mutating func expressionText(_ node: YAMLNode, unit: RuleFileUnit, what: String) -> String? {
        guard let scalar = node.scalar, !scalar.isNull else {
            sink.add(unit.diagnostic("\(what) must be an expression (a string), found \(node.kindDescription)", at: node))
            return nil
        }
        return scalar.text
    }

    /// A stage may read only stages that run before it in every decision containing it.
    private mutating func checkStageOrder(_ stage: Stage) {
        let stageNames = Set(pipeline.allStages)
        let variableNames = Set(stage.variables.map(\.name))
        let readable = pipeline.readableStages(from: stage.name)
        for expression in stage.expressions {
            for (index, reference) in expression.references.enumerated()
            where stageNames.contains(reference.root) && !variableNames.contains(reference.root) {
                if reference.root == stage.name {
                    report("stage '\(stage.name)' cannot read its own output '\(reference.root)'", expression, index)
                } else if !readable.contains(reference.root) {
                    let decision = pipeline.decision(whereNotBefore: reference.root, stage.name) ?? "?"
                    report("stage '\(stage.name)' reads '\(reference.root)', which does not run before it in decision '\(decision)' (see pipeline.yaml)",
                           expression, index)
                }
            }
        }
    }

    /// An error at a reference's root inside an expression.
    mutating func report(_ message: String, _ expression: RuleExpression, _ index: Int, severity: Diagnostic.Severity = .error) {
        let position = expression.positions(ofReference: index).first ?? expression.origin.position
        if let source = sources[expression.origin.path] {
            sink.add(source.diagnostic(message, at: position, severity: severity))
        } else {
            sink.add(Diagnostic(severity, path: expression.origin.path, position: position, message: message))
        }
    }
}
