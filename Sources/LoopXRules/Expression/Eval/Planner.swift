/// Turns a parsed expression into a tree of specialised nodes: variables become slots,
/// functions and overloads are looked up once, constant literals are folded.
struct Planner {
    let container: String?
    let traced: Bool
    let sourceMap: SourceMap
    let functions = Builtins.table
    var refs: [RefSpec] = []
    var refKeys: [String: Int] = [:]
    var scope: [String: Int] = [:]
    var localCount = 0
    var nextLocal = 0
    var errors: [ExpressionError] = []
    var unresolvedCalls: [ExpressionError] = []

    init(container: String?, traced: Bool, sourceMap: SourceMap) {
        self.container = container
        self.traced = traced
        self.sourceMap = sourceMap
    }

    mutating func error(_ message: String, _ id: Int) {
        errors.append(ExpressionError(utf8Offset: sourceMap.range(of: id).lowerBound, message: message))
    }

    mutating func plan(_ e: Expr) -> any Node {
        let n = planNode(e)
        return traced && !(n is TraceNode) ? TraceNode(inner: n) : n
    }

    private mutating func planNode(_ e: Expr) -> any Node {
        switch e.kind {
        case .literal(let v):
            return ConstNode(id: e.id, value: v)
        case .ident(let name, false) where scope[name] != nil:
            return LocalNode(id: e.id, slot: scope[name] ?? 0)
        case .ident, .select(_, _, false):
            if let chain = qualifiedChain(e) { return planChain(chain, absolute: chain.absolute) }
            guard case .select(let operand, let field, _) = e.kind else { return ErrorNode(id: e.id, message: "bad name") }
            return SelectNode(id: e.id, operand: plan(operand), field: field)
        case .select(let operand, let field, true):
            return Call1Node(id: e.id, a: plan(operand)) { v, id in Ops.optSelect(v, field, id) }
        case .presence(let operand, let field):
            return Call1Node(id: e.id, a: plan(operand)) { v, id in Ops.has(v, field, id) }
        case .list(let elements, let optional):
            let nodes = elements.map { plan($0) }
            if optional.isEmpty, let consts = constants(nodes) { return ConstNode(id: e.id, value: .list(consts)) }
            return ListNode(id: e.id, elements: nodes, optional: Set(optional))
        case .map(let entries):
            let keys = entries.map { plan($0.key) }
            let values = entries.map { plan($0.value) }
            let node = MapNode(id: e.id, keys: keys, values: values, optional: entries.map(\.optional))
            if !entries.contains(where: \.optional), constants(keys) != nil, constants(values) != nil,
               case .map(let m) = node.eval(Frame(refCount: 0, localCount: 0, budget: 0, trace: nil))
            {
                return ConstNode(id: e.id, value: .map(m))
            }
            return node
        case .call(let target, let function, let args):
            return planCall(e, target: target, function: function, args: args)
        case .comprehension(let c):
            return planComprehension(e, c)
        }
    }

    /// The values of nodes that are all constants (and not traced wrappers).
    func constants(_ nodes: [any Node]) -> [Value]? {
        var out: [Value] = []
        out.reserveCapacity(nodes.count)
        for n in nodes {
            guard let c = n as? ConstNode else { return nil }
            if case .error = c.value { return nil }
            out.append(c.value)
        }
        return out
    }

    /// `a.b.c` rooted at a non-local identifier.
    func qualifiedChain(_ e: Expr) -> NameChain? {
        e.nameChain { scope[$0] != nil }
    }

    mutating func refIndex(_ chain: NameChain) -> Int {
        let names = RefSpec.dottedPrefixes(chain.segments)
        let key = chain.absolute ? "." + names[names.count - 1] : names[names.count - 1]
        if let i = refKeys[key] { return i }
        let spec = RefSpec(segments: chain.segments, names: names, absolute: chain.absolute, container: container,
                           rootID: chain.nodes[0].id)
        refs.append(spec)
        refKeys[key] = refs.count - 1
        return refs.count - 1
    }

    mutating func planChain(_ chain: NameChain, absolute: Bool) -> any Node {
        let ref = refIndex(chain)
        var node: any Node = RefNode(id: chain.nodes[0].id, ref: ref, level: 0, operand: nil, field: "")
        if traced { node = TraceNode(inner: node) }
        for level in 1..<max(chain.nodes.count, 1) {
            node = RefNode(id: chain.nodes[level].id, ref: ref, level: level, operand: node,
                           field: chain.segments[level])
            if traced { node = TraceNode(inner: node) }
        }
        return node
    }

    /// Declares a loop variable for the duration of `body`.
    mutating func withLocals<T>(_ names: [String], _ body: (inout Planner, [Int]) -> T) -> T {
        let saved = names.map { scope[$0] }
        var slots: [Int] = []
        for n in names {
            scope[n] = nextLocal
            slots.append(nextLocal)
            nextLocal += 1
        }
        localCount = max(localCount, nextLocal)
        let r = body(&self, slots)
        nextLocal -= names.count
        for (n, s) in zip(names, saved) { scope[n] = s }
        return r
    }

    mutating func planComprehension(_ e: Expr, _ c: Comprehension) -> any Node {
        let range = plan(c.range)
        let names = [c.variable] + (c.variable2.map { [$0] } ?? [])
        let cost = 1 + c.args.reduce(0) { $0 + Planner.count($1) }
        return withLocals(names) { p, slots in
            let bodies = c.args.map { p.plan($0) }
            switch c.kind {
            case .bind:
                return BindNode(id: e.id, slot: slots[0], initial: range, body: bodies[0])
            case .optMap, .optFlatMap:
                return OptMapNode(id: e.id, slot: slots[0], operand: range, body: bodies[0], flat: c.kind == .optFlatMap)
            case .map, .transformList, .transformMap, .transformMapEntry:
                return ComprehensionNode(id: e.id, kind: c.kind, range: range, slot1: slots[0],
                                         slot2: slots.count > 1 ? slots[1] : -1, predicate: nil,
                                         transform: bodies[0], cost: cost)
            case .mapFilter, .transformListFilter, .transformMapFilter, .transformMapEntryFilter:
                return ComprehensionNode(id: e.id, kind: c.kind, range: range, slot1: slots[0],
                                         slot2: slots.count > 1 ? slots[1] : -1, predicate: bodies[0],
                                         transform: bodies[1], cost: cost)
            default:
                return ComprehensionNode(id: e.id, kind: c.kind, range: range, slot1: slots[0],
                                         slot2: slots.count > 1 ? slots[1] : -1, predicate: bodies[0],
                                         transform: nil, cost: cost)
            }
        }
    }

    /// The number of nodes of a subtree, counted without recursion.
    static func count(_ e: Expr) -> Int {
        var stack = [e]
        var n = 0
        while let top = stack.popLast() {
            n += 1
            top.forEachChild { stack.append($0) }
        }
        return n
    }
}
