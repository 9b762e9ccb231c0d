extension Planner {
    mutating func planCall(_ e: Expr, target: Expr?, function: String, args: [Expr]) -> any Node {
        let id = e.id
        if target == nil, let op = planOperator(id, function, args) { return op }
        if let target {
            // `math.greatest(...)`, `optional.of(...)`: a namespaced global function.
            if case .ident(let root, false) = Planner.chainRoot(target), functions.namespaces.contains(root),
               let chain = qualifiedChain(target), !chain.absolute {
                let qualified = chain.segments.joined(separator: ".") + "." + function
                if let impl = functions.global[FunctionTable.key(qualified, args.count)] {
                    return node(id, impl, args.map { plan($0) })
                }
            }
            let all = [target] + args
            if function == "matches", args.count == 1, let n = planMatches(id, all) { return n }
            let nodes = all.map { plan($0) }
            if let impl = functions.member[FunctionTable.key(function, all.count)] {
                return node(id, impl, nodes)
            }
            return unresolved(id, "no such overload: unknown method '\(function)' with \(args.count) argument(s)")
        }
        if function == "matches", args.count == 2, let n = planMatches(id, args) { return n }
        let qualified = qualifiedFunction(function, args.count)
        let nodes = args.map { plan($0) }
        if let impl = functions.global[FunctionTable.key(qualified, args.count)] {
            return node(id, impl, nodes)
        }
        return unresolved(id, "no such overload: unknown function '\(function)' with \(args.count) argument(s)")
    }

    /// A call no built-in implements: an evaluation error (CEL lets `||`/`&&` absorb it),
    /// also listed so that loaders can warn at load time.
    mutating func unresolved(_ id: Int, _ message: String) -> any Node {
        if !traced {
            unresolvedCalls.append(ExpressionError(utf8Offset: sourceMap.range(of: id).lowerBound, message: message))
        }
        return ErrorNode(id: id, message: message)
    }

    /// A global function name resolved against the container (`f` in `a.b` may be `a.b.f`).
    func qualifiedFunction(_ name: String, _ arity: Int) -> String {
        guard let container, !container.isEmpty else { return name }
        var parts = container.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            let candidate = parts.joined(separator: ".") + "." + name
            if functions.global[FunctionTable.key(candidate, arity)] != nil { return candidate }
            parts.removeLast()
        }
        return name
    }

    func node(_ id: Int, _ impl: FunctionImpl, _ args: [any Node]) -> any Node {
        switch impl {
        case .unary(let fn) where args.count == 1: return Call1Node(id: id, a: args[0], fn: fn)
        case .binary(let fn) where args.count == 2: return Call2Node(id: id, a: args[0], b: args[1], fn: fn)
        case .nary(let fn): return CallNNode(id: id, args: args, fn: fn)
        default: return ErrorNode(id: id, message: "internal error: arity mismatch")
        }
    }

    /// `s.matches(re)` with a constant pattern compiles the pattern once, at compile time.
    mutating func planMatches(_ id: Int, _ args: [Expr]) -> (any Node)? {
        guard case .literal(.string(let pattern)) = args[1].kind else { return nil }
        switch Regex.compile(pattern) {
        case .failure(let message):
            error("invalid regular expression: \(message)", args[1].id)
            return ErrorNode(id: id, message: "invalid regular expression: \(message)")
        case .success(let re):
            return Call1Node(id: id, a: plan(args[0])) { v, id in
                guard case .string(let s) = v else { return Ops.noOverload("matches", v, id: id) }
                return .bool(re.matches(s))
            }
        }
    }

    /// The innermost operand of a select chain (`a` of `a.b.c`).
    static func chainRoot(_ e: Expr) -> Expr.Kind {
        var cur = e
        while case .select(let operand, _, false) = cur.kind { cur = operand }
        return cur.kind
    }

    mutating func planOperator(_ id: Int, _ fn: String, _ args: [Expr]) -> (any Node)? {
        // Operators are named `_op_`, `!_`, `-_` or `@in`; anything else is a function.
        guard let first = fn.utf8.first, first == UInt8(ascii: "_") || first == UInt8(ascii: "!")
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
        else { return nil }
        if args.count == 2, let apply = Planner.binaryOperators[fn] {
            return Call2Node(id: id, a: plan(args[0]), b: plan(args[1]), fn: apply)
        }
        if args.count == 2, let op = OrderOperator(rawValue: fn) {
            return Call2Node(id: id, a: plan(args[0]), b: plan(args[1])) { x, y, id in Ops.compare(x, y, op, id) }
        }
        switch (fn, args.count) {
        case ("_&&_", 2): return LogicNode(id: id, a: plan(args[0]), b: plan(args[1]), absorbing: false, name: fn)
        case ("_||_", 2): return LogicNode(id: id, a: plan(args[0]), b: plan(args[1]), absorbing: true, name: fn)
        case ("_?_:_", 3): return TernaryNode(id: id, c: plan(args[0]), a: plan(args[1]), b: plan(args[2]))
        case ("!_", 1): return Call1Node(id: id, a: plan(args[0]), fn: Ops.not)
        case ("-_", 1): return Call1Node(id: id, a: plan(args[0]), fn: Ops.negate)
        case ("_==_", 2), ("_!=_", 2):
            let negate = fn == "_!=_"
            let a = plan(args[0])
            let b = plan(args[1])
            if !traced, let c = b as? ConstNode, case .string(let s) = c.value {
                return EqualStringNode(id: id, a: a, s: s, negate: negate)
            }
            if !traced, let c = a as? ConstNode, case .string(let s) = c.value {
                return EqualStringNode(id: id, a: b, s: s, negate: negate)
            }
            return Call2Node(id: id, a: a, b: b) { x, y, _ in Ops.equal(x, y, negate: negate) }
        case ("@in", 2):
            let a = plan(args[0])
            let b = plan(args[1])
            if !traced, let c = b as? ConstNode, case .list(let l) = c.value {
                let strings = l.compactMap(\.stringValue)
                if strings.count == l.count { return InStringsNode(id: id, a: a, strings: strings, fallback: c.value) }
            }
            return Call2Node(id: id, a: a, b: b) { x, y, id in Ops.contains(y, x, id) }
        default: return nil
        }
    }

    /// The binary operators that are plain calls of an `Ops` implementation.
    static let binaryOperators: [String: @Sendable (Value, Value, Int) -> Value] = [
        "_+_": Ops.add, "_-_": Ops.subtract, "_*_": Ops.multiply, "_/_": Ops.divide, "_%_": Ops.modulo,
        "_[_]": Ops.index, "_[?_]": Ops.optIndex,
    ]
}
