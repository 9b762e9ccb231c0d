import LoopXSupport
extension RuleSetLoader {
    /// Compiles `pipeline.yaml`'s `variables:` (the decision variables) into dependency order.
    /// A variable may read facts, `now` and other decision variables in any order; a stage
    /// output, a name that hides a fact or stage, or a cycle is a positioned error.
    mutating func compileDecisionVariables() -> [DecisionVariable] {
        guard let unit = pipelineUnit, let node = unit.root.mappingValue(for: "variables"), !node.isNull else { return [] }
        guard let pairs = node.mapping else {
            sink.add(unit.diagnostic("'variables' must be a mapping of name to expression, found \(node.kindDescription)", at: node))
            return []
        }
        let stageNames = Set(pipeline.allStages)
        let reserved = stageNames.union(["now"]).union(schema?.rootNames ?? [])
        var written: [(name: String, key: YAMLNode, expression: RuleExpression)] = []
        for pair in pairs {
            guard let name = pair.key.string, StageDecl.isIdentifier(name) else {
                sink.add(unit.diagnostic("a variable name must be a lowercase identifier", at: pair.key))
                continue
            }
            if reserved.contains(name) {
                sink.add(unit.diagnostic("variable '\(name)' would hide the fact or stage of the same name; rename it", at: pair.key))
                continue
            }
            if written.contains(where: { $0.name == name }) {
                sink.add(unit.diagnostic("variable '\(name)' is defined twice", at: pair.key))
                continue
            }
            guard let source = pair.value.scalar.flatMap({ $0.isNull ? nil : $0.text }) else {
                sink.add(unit.diagnostic("variable '\(name)' must be an expression (a string), found \(pair.value.kindDescription)",
                                         at: pair.value))
                continue
            }
            guard let expression = RuleExpression.compile(source, node: pair.value, unit: unit, sink: &sink) else { continue }
            for (index, reference) in expression.references.enumerated() where stageNames.contains(reference.root) {
                report("decision variable '\(name)' reads stage '\(reference.root)': decision variables are shared by every "
                           + "stage, so they read facts and other decision variables only", expression, index)
            }
            written.append((name, pair.key, expression))
        }
        return ordered(written, unit: unit)
    }

    /// The variables with each one's dependencies before it (otherwise in file order);
    /// variables on a cycle are reported at the first of them and left out.
    private mutating func ordered(_ written: [(name: String, key: YAMLNode, expression: RuleExpression)],
                                  unit: RuleFileUnit) -> [DecisionVariable] {
        let names = written.map(\.name)
        let reads = written.map { entry in names.indices.filter { entry.expression.roots.contains(names[$0]) } }
        var state = Array(repeating: 0, count: written.count)  // 0 new, 1 on the path, 2 placed, 3 on a cycle
        var order: [Int] = []
        var path: [Int] = []
        func visit(_ index: Int, _ sink: inout DiagnosticSink) {
            if state[index] != 0 { return }
            state[index] = 1
            path.append(index)
            for next in reads[index] {
                if state[next] == 1, let start = path.firstIndex(of: next) {
                    let cycle = path[start...] + [next]
                    let first = path[start...].min() ?? next
                    sink.add(unit.diagnostic(
                        "decision variables form a cycle: " + cycle.map { "'\(names[$0])'" }.joined(separator: " -> ")
                            + "; a variable cannot depend on itself", at: written[first].key))
                    for member in path[start...] { state[member] = 3 }
                } else {
                    visit(next, &sink)
                }
                if state[next] == 3 { state[index] = 3 }
            }
            path.removeLast()
            if state[index] == 1 {
                state[index] = 2
                order.append(index)
            }
        }
        for index in written.indices { visit(index, &sink) }
        var position: [Int: Int] = [:]
        for (placed, index) in order.enumerated() { position[index] = placed }
        return order.map { index in
            DecisionVariable(name: names[index], expression: written[index].expression,
                             dependencies: reads[index].compactMap { position[$0] }.sorted())
        }
    }
}
