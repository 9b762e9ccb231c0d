/// Static facts about a parsed expression: its top-level conjuncts and the paths it reads.
struct ExpressionAnalysis {
    var conjuncts: [Conjunct] = []
    var references: [ExpressionReference] = []
    /// Root names read outside any comprehension variable's scope.
    var roots: Set<String> = []

    init(root: Expr, source: String, sourceMap: SourceMap) {
        let utf8 = Array(source.utf8)
        for part in Self.flattenAnd(root) {
            let range = sourceMap.range(of: part.id)
            let clamped = max(0, min(range.lowerBound, utf8.count))..<max(0, min(range.upperBound, utf8.count))
            conjuncts.append(Conjunct(
                nodeID: part.id, text: String(decoding: utf8[clamped], as: UTF8.self), range: clamped))
        }
        collect(root, locals: [])
        roots = Set(references.map(\.root))
    }

    /// The operands of a chain of `&&` in source order (the expression itself when it is none).
    static func flattenAnd(_ e: Expr) -> [Expr] {
        if case .call(nil, "_&&_", let args) = e.kind, args.count == 2 {
            return flattenAnd(args[0]) + flattenAnd(args[1])
        }
        return [e]
    }

    /// The chain of identifiers and field selections `a.b.c`, innermost first; nil otherwise.
    private static func chain(_ e: Expr) -> [(String, Int)]? {
        switch e.kind {
        case .ident(let name, _): return [(name, e.id)]
        case .select(let operand, let field, _):
            guard let below = chain(operand) else { return nil }
            return below + [(field, e.id)]
        default: return nil
        }
    }

    private mutating func collect(_ e: Expr, locals: Set<String>) {
        switch e.kind {
        case .ident, .select:
            if let parts = Self.chain(e) {
                if !locals.contains(parts[0].0) {
                    references.append(ExpressionReference(
                        segments: parts.map(\.0), nodeID: e.id, segmentNodes: parts.map(\.1), isPresenceTest: false))
                }
                return
            }
            if case .select(let operand, _, _) = e.kind { collect(operand, locals: locals) }
        case .presence(let operand, let field):
            if let parts = Self.chain(operand), !locals.contains(parts[0].0) {
                references.append(ExpressionReference(
                    segments: parts.map(\.0) + [field], nodeID: e.id, segmentNodes: parts.map(\.1) + [e.id],
                    isPresenceTest: true))
            } else {
                collect(operand, locals: locals)
            }
        case .comprehension(let c):
            collect(c.range, locals: locals)
            var inner = locals
            inner.insert(c.variable)
            if let second = c.variable2 { inner.insert(second) }
            for arg in c.args { collect(arg, locals: inner) }
        default:
            for child in e.children { collect(child, locals: locals) }
        }
    }
}
