/// A qualified name `a.b.c` as written: the select nodes from the root identifier up.
struct NameChain {
    /// The expression of each level, root first (`a`, `a.b`, `a.b.c`).
    var nodes: [Expr]
    /// The name segments, root first (`a`, `b`, `c`).
    var segments: [String]
    /// True for a leading-dot name (`.a.b`), resolved from the root namespace.
    var absolute: Bool
}

extension Expr {
    /// The qualified name this select chain spells, nil when it is rooted at anything but an
    /// identifier or at an identifier `isLocal` claims (a macro or `cel.bind` variable).
    func nameChain(isLocal: (String) -> Bool) -> NameChain? {
        var nodes: [Expr] = []
        var segments: [String] = []
        var cur = self
        while true {
            switch cur.kind {
            case .select(let operand, let field, false):
                nodes.append(cur)
                segments.append(field)
                cur = operand
            case .ident(let name, let absolute):
                if !absolute, isLocal(name) { return nil }
                nodes.append(cur)
                segments.append(name)
                return NameChain(nodes: nodes.reversed(), segments: segments.reversed(), absolute: absolute)
            default:
                return nil
            }
        }
    }
}
