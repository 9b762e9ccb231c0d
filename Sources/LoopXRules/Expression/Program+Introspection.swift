import LoopXSupport
/// A node of the source expression: its id, UTF-8 range and text.
public struct ExpressionPart: Sendable, Hashable {
    public let id: Int
    public let range: Range<Int>
    public let text: String
}

/// A variable or field path the expression reads (`goal.adapter.kind`, `history`).
public struct ExpressionReference: Sendable, Hashable {
    /// The dotted path as written (a leading dot for absolute names is dropped).
    public let path: String
    /// The id of the outermost node of the path.
    public let id: Int
    public let range: Range<Int>
}

extension Program {
    /// An evaluation error as a diagnostic of `text`, where this expression starts at UTF-8
    /// offset `baseOffset` (0 when `text` is the expression itself).
    public func diagnostic(for error: CELError, in text: SourceText, baseOffset: Int = 0) -> Diagnostic {
        text.diagnostic(error.message, at: text.position(ofUTF8Offset: baseOffset + sourceMap.errorOffset(of: error.node)))
    }

    /// The source text of a node.
    public func text(of id: Int) -> String {
        let r = sourceMap.range(of: id)
        let utf8 = source.utf8
        guard r.lowerBound >= 0, r.lowerBound <= r.upperBound, r.upperBound <= utf8.count else { return "" }
        let start = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
        let end = utf8.index(start, offsetBy: r.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// The operands of the top-level `&&` chain (the whole expression when it is not one).
    public var conjuncts: [ExpressionPart] {
        var out: [ExpressionPart] = []
        var stack = [ast]
        while let e = stack.popLast() {
            if case .call(nil, "_&&_", let args) = e.kind, args.count == 2 {
                stack.append(args[1])
                stack.append(args[0])
            } else {
                out.append(ExpressionPart(id: e.id, range: sourceMap.range(of: e.id), text: text(of: e.id)))
            }
        }
        return out
    }

    /// Every variable path read, longest form, in source order; loop variables are excluded.
    public var references: [ExpressionReference] {
        referencePaths.map { ExpressionReference(path: $0.segments.joined(separator: "."), id: $0.id, range: $0.range) }
    }

    /// `references` with each path as its segments (`["goal", "adapter", "kind"]`).
    var referencePaths: [(segments: [String], id: Int, range: Range<Int>)] {
        var out: [(segments: [String], id: Int, range: Range<Int>)] = []
        collect(ast, locals: [], into: &out)
        return out.sorted { ($0.range.lowerBound, $0.id) < ($1.range.lowerBound, $1.id) }
    }

    private func collect(_ e: Expr, locals: Set<String>, into out: inout [(segments: [String], id: Int, range: Range<Int>)]) {
        if let path = Program.segments(e, locals: locals) {
            out.append((path, e.id, sourceMap.range(of: e.id)))
            return
        }
        if case .presence(let operand, let field) = e.kind, let base = Program.segments(operand, locals: locals) {
            out.append((base + [field], e.id, sourceMap.range(of: e.id)))
            return
        }
        if case .comprehension(let c) = e.kind {
            collect(c.range, locals: locals, into: &out)
            var inner = locals
            inner.insert(c.variable)
            if let v2 = c.variable2 { inner.insert(v2) }
            for a in c.args { collect(a, locals: inner, into: &out) }
            return
        }
        e.forEachChild { collect($0, locals: locals, into: &out) }
    }

    /// `["a", "b", "c"]` when `e` is the name path `a.b.c` rooted at a non-local identifier.
    static func segments(_ e: Expr, locals: Set<String>) -> [String]? {
        var fields: [String] = []
        var cur = e
        while case .select(let operand, let field, _) = cur.kind {
            fields.append(field)
            cur = operand
        }
        guard case .ident(let name, let absolute) = cur.kind, absolute || !locals.contains(name) else { return nil }
        fields.append(name)
        return fields.reversed()
    }
}
