extension TypeChecker {
    /// `a.b.c` rooted at an identifier that is not a macro variable.
    func nameChain(_ e: Expr) -> NameChain? {
        e.nameChain { local($0) != nil }
    }

    /// Resolves a qualified name the way evaluation does (the longest declared name first,
    /// each inside the container's prefixes), then types the selects after it.
    mutating func checkChain(_ chain: NameChain) -> Info {
        // The usual case (rules): plain names, no container, and the root is declared.
        if !environment.hasDottedNames, environment.container?.isEmpty ?? true,
           let typed = environment.variables[chain.segments[0]]
        {
            return selects(Info(typed.type, bound: typed.bound, element: typed.element, cost: 1), chain, from: 1)
        }
        var prefixes: [String] = []
        if !chain.absolute, let container = environment.container, !container.isEmpty {
            var parts = container.split(separator: ".").map(String.init)
            while !parts.isEmpty {
                prefixes.append(parts.joined(separator: ".") + ".")
                parts.removeLast()
            }
        }
        prefixes.append("")
        var resolved: (Typed, Int)?
        var typeName: Int?
        search: for length in stride(from: chain.segments.count, through: 1, by: -1) {
            let name = chain.segments[0..<length].joined(separator: ".")
            for prefix in prefixes {
                if let typed = environment.variables[prefix + name] {
                    resolved = (typed, length)
                    break search
                }
                if typeName == nil, CELType.denotable[prefix + name] != nil { typeName = length }
            }
        }
        if resolved == nil, let length = typeName { resolved = (Typed(.type), length) }
        if resolved == nil, let open = environment.undeclared { resolved = (Typed(open), 1) }
        guard let (typed, consumed) = resolved else {
            let root = chain.segments[0]
            let known = environment.variables.keys.filter { !$0.contains(".") }.sorted()
            error("unknown identifier '\(root)'" + Suggestion.hint(for: root, in: known) + environment.unknownHint,
                  chain.nodes[0].id)
            return Info(.dyn, cost: chain.nodes.count)
        }
        return selects(Info(typed.type, bound: typed.bound, element: typed.element, cost: consumed), chain, from: consumed)
    }

    /// Types the selects of a name chain after the `consumed` segments its name took.
    private mutating func selects(_ base: Info, _ chain: NameChain, from consumed: Int)
        -> Info
    {
        var info = base
        for level in consumed..<chain.nodes.count {
            let next = select(info, chain.segments[level], chain.nodes[level].id, operand: chain.nodes[level - 1], optional: false)
            info = Info(next.type, bound: next.bound, cost: info.cost + 1)
        }
        return info
    }

    /// The dotted name an operand is written as (`goal.quota`, `t`), else its source text.
    func pathText(_ operand: Expr) -> String {
        Program.segments(operand, locals: []).map { $0.joined(separator: ".") } ?? text(operand.id)
    }

    /// `base.field` (or `base.?field`).
    mutating func select(_ base: Info, _ field: String, _ id: Int, operand: Expr, optional: Bool) -> Info {
        var type = base.type
        var wrapped = optional
        if case .optional(let inner) = type {
            type = inner
            wrapped = true
        }
        let result: Typed
        switch type {
        case .dyn:
            result = .dyn
        case .record(let record):
            result = recordField(record, field, id, operand: operand)
        case .map(let key, let value):
            if !StaticType.string.fits(key) {
                error("a map with \(key) keys has no field '\(field)'; index it with [...]", id)
            }
            result = Typed(value)
        case .list:
            error("'\(pathText(operand))' is a list; select fields of its elements inside a macro such as exists()", id)
            result = .dyn
        default:
            let name = pathText(operand)
            error("'\(name)' is \(type.withArticle); it has no field '\(field)'", id)
            result = .dyn
        }
        return Info(wrapped && !result.type.isDyn ? .optional(result.type) : (wrapped ? .optional(.dyn) : result.type),
                    bound: result.bound, cost: 1)
    }

    /// A declared field, the open type, or an error naming the record with a suggestion.
    mutating func recordField(_ record: RecordType, _ field: String, _ id: Int, operand: Expr) -> Typed {
        if let declared = record.fields[field] { return Typed(declared, bound: record.bounds[field]) }
        let hint = Suggestion.hint(for: field, in: record.order)
        if let open = record.open {
            // An open map takes any key, but one a single slip away from a declared field is
            // a typo far more often than a key loopx does not know: refuse it.
            guard record.kind == .fact, !hint.isEmpty else { return Typed(open) }
            error("unknown field '\(field)' of '\(pathText(operand))'\(hint); '\(record.name)' is open, but a key this "
                + "close to a declared one is taken for a typo (declare it in facts.yaml if it is meant)", id)
            return .dyn
        }
        switch record.kind {
        case .stage: error("stage '\(record.name)' has no output field '\(field)'\(hint)", id)
        case .fact, .literal: error("unknown field '\(field)' of '\(pathText(operand))'\(hint)", id)
        }
        return .dyn
    }

    /// `has(base.field)`: the operand must be a map (or optional or dyn); a record's field
    /// must be declared.
    mutating func presence(_ base: StaticType, _ field: String, _ id: Int, operand: Expr) {
        switch base {
        case .dyn, .map: return
        case .optional(let inner): presence(inner, field, id, operand: operand)
        case .record(let record):
            let before = errors.count
            _ = recordField(record, field, id, operand: operand)
            let offset = fieldOffset(after: operand, field, fallback: id)
            for index in before..<errors.count { errors[index].utf8Offset = offset }
        default: error("has() needs a map, found \(base) ('\(pathText(operand))')", id)
        }
    }
}
