extension Expr {
    /// A compact rendering with every node's id (`_+_#3(1#1, 2#2)`), for tests and debugging.
    public var debugTree: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch kind {
        case .literal(let v):
            out += v.celLiteral + "#\(id)"
        case .ident(let name, let absolute):
            out += (absolute ? "." : "") + name + "#\(id)"
        case .select(let operand, let field, let optional):
            operand.write(into: &out)
            out += (optional ? ".?" : ".") + field + "#\(id)"
        case .presence(let operand, let field):
            out += "has("
            operand.write(into: &out)
            out += "." + field + ")#\(id)"
        case .call(let target, let function, let args):
            if let target {
                target.write(into: &out)
                out += "."
            }
            out += function + "#\(id)("
            Expr.writeList(args, into: &out)
            out += ")"
        case .list(let elements, let optional):
            out += "["
            for (i, e) in elements.enumerated() {
                if i > 0 { out += ", " }
                if optional.contains(i) { out += "?" }
                e.write(into: &out)
            }
            out += "]#\(id)"
        case .map(let entries):
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += ", " }
                if entry.optional { out += "?" }
                entry.key.write(into: &out)
                out += ": "
                entry.value.write(into: &out)
            }
            out += "}#\(id)"
        case .comprehension(let c):
            out += c.kind.rawValue + "#\(id)("
            c.range.write(into: &out)
            out += ", " + c.variable
            if let v2 = c.variable2 { out += ", " + v2 }
            for a in c.args {
                out += ", "
                a.write(into: &out)
            }
            out += ")"
        }
    }

    private static func writeList(_ items: [Expr], into out: inout String) {
        for (i, e) in items.enumerated() {
            if i > 0 { out += ", " }
            e.write(into: &out)
        }
    }
}
