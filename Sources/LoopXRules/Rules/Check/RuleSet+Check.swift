extension RuleSet {
    /// The static checks of `loopx rules check`, beyond what loading enforces: every fact
    /// path against `facts.yaml` (with suggestions), and rules that can never fire. Includes
    /// the load's warnings; sorted by file and position.
    public func check() -> [Diagnostic] {
        var sink = DiagnosticSink()
        for warning in warnings where warning.severity != .error { sink.add(warning) }
        for stage in orderedStages {
            checkFacts(stage, &sink)
            checkReachability(stage, &sink)
        }
        return sink.sorted
    }

    private func checkFacts(_ stage: Stage, _ sink: inout DiagnosticSink) {
        let variables = Set(stage.variables.map(\.name))
        let stageNames = Set(pipeline.allStages)
        let known = schema.rootNames + pipeline.allStages + stage.variables.map(\.name) + ["now"]
        var expressions = stage.variables.map(\.expression) + stage.defaults.expressions
        for rule in stage.rules { expressions += [rule.when] + rule.then.expressions }
        for expression in expressions {
            for (index, reference) in expression.references.enumerated() {
                let root = reference.root
                if variables.contains(root) || CELTypeNames.all.contains(root) { continue }
                func report(_ message: String, segment: Int) {
                    let positions = expression.positions(ofReference: index)
                    let position = positions.indices.contains(segment) ? positions[segment] : expression.origin.position
                    sink.add(diagnostic(message, path: expression.origin.path, at: position, severity: .error))
                }
                if stageNames.contains(root) {
                    guard reference.segments.count > 1, let other = stages[root] else { continue }
                    let field = reference.segments[1]
                    if !other.outputFields.contains(field) {
                        report("stage '\(root)' has no output field '\(field)'" + Suggestion.hint(for: field, in: other.outputFields),
                               segment: 1)
                    }
                    continue
                }
                if root == "now" && schema.root.field("now") == nil { continue }
                guard var type = schema.root.field(root) else {
                    report("unknown identifier '\(root)'" + Suggestion.hint(for: root, in: known)
                        + "; facts are declared in facts.yaml", segment: 0)
                    continue
                }
                for (offset, field) in reference.segments.dropFirst().enumerated() {
                    let prefix = reference.segments[0...offset].joined(separator: ".")
                    guard let next = type.field(field) else {
                        if case .scalar(let name) = type {
                            report("'\(prefix)' is \(name == "int" ? "an" : "a") \(name); it has no field '\(field)'", segment: offset + 1)
                        } else if case .list = type {
                            report("'\(prefix)' is a list; select fields of its elements inside a macro such as exists()", segment: offset + 1)
                        } else {
                            report("unknown field '\(field)' of '\(prefix)'" + Suggestion.hint(for: field, in: type.fieldNames),
                                   segment: offset + 1)
                        }
                        break
                    }
                    type = next
                }
            }
        }
    }

    /// In a first_match stage, a rule after one whose `when` is literally `true`, or the same
    /// condition, can never decide.
    private func checkReachability(_ stage: Stage, _ sink: inout DiagnosticSink) {
        guard stage.mode == .firstMatch else { return }
        var earlier: [Rule] = []
        for rule in stage.rules where !rule.isDisabled {
            if let always = earlier.first(where: { $0.when.isLiteralTrue }) {
                sink.add(diagnostic(
                    "rule '\(rule.id)' can never fire: '\(always.id)' (\(always.origin)) runs before it and its condition is always true",
                    path: rule.when.origin.path, at: rule.when.origin.position, severity: .warning))
            } else if let same = earlier.first(where: { $0.when.normalizedSource == rule.when.normalizedSource }) {
                sink.add(diagnostic(
                    "rule '\(rule.id)' can never fire: '\(same.id)' (\(same.origin)) runs before it with the identical condition",
                    path: rule.when.origin.path, at: rule.when.origin.position, severity: .warning))
            }
            earlier.append(rule)
        }
    }
}

/// CEL type names, which are valid identifiers in expressions (`type(x) == int`).
enum CELTypeNames {
    static let all: Set<String> = [
        "int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type", "dyn",
        "google", "optional", "math", "base64", "strings",
    ]
}
