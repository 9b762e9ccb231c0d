extension TypeChecker {
    mutating func checkCall(_ e: Expr, target: Expr?, function: String, args: [Expr]) -> Info {
        if target == nil, let op = checkOperator(e, function, args) { return op }
        if let target {
            // `math.greatest(...)`, `optional.of(...)`: a namespaced global function.
            if let chain = nameChain(target), !chain.absolute, Signatures.namespaces.contains(chain.segments[0]),
               environment.variables[chain.segments[0]] == nil
            {
                let qualified = chain.segments.joined(separator: ".") + "." + function
                if let resolve = Signatures.global[qualified] {
                    return apply(resolve, e.id, args.map { check($0) }, display: { "\(qualified)(\($0.joined(separator: ", ")))" })
                }
            }
            let receiver = check(target)
            let infos = [receiver] + args.map { check($0) }
            guard let resolve = Signatures.member[function] else {
                error("unknown method '\(function)' on \(receiver.type)" + Suggestion.hint(for: function, in: Signatures.member.keys),
                      e.id)
                return Info(.dyn, cost: Self.add(infos.reduce(1) { Self.add($0, $1.cost) }))
            }
            var result = apply(resolve, e.id, infos) { types in
                "\(types[0]).\(function)(\(types.dropFirst().joined(separator: ", ")))"
            }
            result.bound = Self.resultBound(function, infos, args)
            if ["take", "drop", "intersect"].contains(function) { result.element = infos[0].element }
            return result
        }
        let infos = args.map { check($0) }
        let name = qualifiedFunction(function)
        guard let resolve = Signatures.global[name] else {
            let known = Signatures.global.keys.filter { !$0.contains(".") }
            error("unknown function '\(function)'" + Suggestion.hint(for: function, in: known), e.id)
            return Info(.dyn, cost: infos.reduce(1) { Self.add($0, $1.cost) })
        }
        var result = apply(resolve, e.id, infos) { "\(function)(\($0.joined(separator: ", ")))" }
        if name == "optional.unwrap" { result.bound = infos.first?.bound }
        return result
    }

    /// A global function name inside the container (`f` in `a.b` may be `a.b.f`).
    func qualifiedFunction(_ name: String) -> String {
        guard let container = environment.container, !container.isEmpty else { return name }
        var parts = container.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            let candidate = parts.joined(separator: ".") + "." + name
            if Signatures.global[candidate] != nil { return candidate }
            parts.removeLast()
        }
        return name
    }

    /// Resolves an overload; on failure reports `no matching overload for '<display>'`.
    mutating func apply(_ resolve: Signatures.Resolve, _ id: Int, _ infos: [Info], display: ([String]) -> String) -> Info {
        let cost = infos.reduce(1) { Self.add($0, $1.cost) }
        guard let type = resolve(infos.map(\.type)) else {
            error("no matching overload for '\(display(infos.map(\.type.description)))'", id)
            return Info(.dyn, cost: cost)
        }
        return Info(type, cost: cost)
    }

    /// The size bound of a list method's result: `take(n)` holds at most n, the others no
    /// more than their receiver.
    static func resultBound(_ function: String, _ infos: [Info], _ args: [Expr]) -> Int? {
        switch function {
        case "take":
            if case .literal(.int(let n))? = args.first?.kind, n >= 0 {
                return min(Int(clamping: n), infos[0].bound ?? Int(clamping: n))
            }
            return infos[0].bound
        case "drop", "intersect", "unwrapOpt": return infos[0].bound
        case "orValue": return infos.count == 2 ? Info.most([infos[0].bound, infos[1].bound]) : nil
        default: return nil
        }
    }
}
