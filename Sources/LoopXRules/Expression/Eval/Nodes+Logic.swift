/// `a && b` and `a || b` with CEL's commutative error absorption: the absorbing value
/// (false for `&&`, true for `||`) wins over errors on either side.
final class LogicNode: Node {
    let id: Int
    let a: any Node
    let b: any Node
    /// The operand value that decides the result alone.
    let absorbing: Bool
    /// `_&&_` or `_||_`, for the overload error.
    let name: String

    init(id: Int, a: any Node, b: any Node, absorbing: Bool, name: String) {
        self.id = id
        self.a = a
        self.b = b
        self.absorbing = absorbing
        self.name = name
    }

    func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .bool(let xb) = x, xb == absorbing { return x }
        let y = b.eval(f)
        if case .bool(let yb) = y {
            if yb == absorbing { return y }
            if case .bool = x { return y }
        }
        if case .error = x { return x }
        if case .error = y { return y }
        return .err("no such overload: \(name)(\(x.celType), \(y.celType))", id)
    }
}

/// `c ? a : b`.
final class TernaryNode: Node {
    let id: Int
    let c: any Node
    let a: any Node
    let b: any Node

    init(id: Int, c: any Node, a: any Node, b: any Node) {
        self.id = id
        self.c = c
        self.a = a
        self.b = b
    }

    func eval(_ f: Frame) -> Value {
        switch c.eval(f) {
        case .bool(true): return a.eval(f)
        case .bool(false): return b.eval(f)
        case .error(let e): return .error(e)
        case let other: return .err("no such overload: _?_:_ on \(other.celType) condition", id)
        }
    }
}

/// `a == "const"` / `a != "const"`, the most common comparison in policies.
final class EqualStringNode: Node {
    let id: Int
    let a: any Node
    let s: String
    let negate: Bool

    init(id: Int, a: any Node, s: String, negate: Bool) {
        self.id = id
        self.a = a
        self.s = s
        self.negate = negate
    }

    func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        switch x {
        case .string(let t): return .bool(s.celEquals(t) != negate)
        case .error: return x
        default: return .bool(negate)
        }
    }
}

/// `x in ["a", "b"]` with a constant list of strings, checked without building values.
final class InStringsNode: Node {
    let id: Int
    let a: any Node
    let strings: [String]
    let fallback: Value

    init(id: Int, a: any Node, strings: [String], fallback: Value) {
        self.id = id
        self.a = a
        self.strings = strings
        self.fallback = fallback
    }

    func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        switch x {
        case .string(let s):
            for t in strings where t.celEquals(s) { return .bool(true) }
            return .bool(false)
        case .error: return x
        default: return Ops.contains(fallback, x, id)
        }
    }
}
