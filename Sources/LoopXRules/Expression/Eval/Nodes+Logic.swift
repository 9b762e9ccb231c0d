/// `a && b` with CEL's commutative error absorption: false wins over errors.
final class AndNode: Node, @unchecked Sendable {
    let a: Node
    let b: Node

    init(id: Int, _ a: Node, _ b: Node) {
        self.a = a
        self.b = b
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .bool(false) = x { return x }
        let y = b.eval(f)
        if case .bool(let yb) = y {
            if !yb { return y }
            if case .bool = x { return y }
        }
        if case .error = x { return x }
        if case .error = y { return y }
        return .err("no such overload: _&&_(\(x.celType), \(y.celType))", id)
    }
}

/// `a || b`: true wins over errors.
final class OrNode: Node, @unchecked Sendable {
    let a: Node
    let b: Node

    init(id: Int, _ a: Node, _ b: Node) {
        self.a = a
        self.b = b
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .bool(true) = x { return x }
        let y = b.eval(f)
        if case .bool(let yb) = y {
            if yb { return y }
            if case .bool = x { return y }
        }
        if case .error = x { return x }
        if case .error = y { return y }
        return .err("no such overload: _||_(\(x.celType), \(y.celType))", id)
    }
}

/// `c ? a : b`.
final class TernaryNode: Node, @unchecked Sendable {
    let c: Node
    let a: Node
    let b: Node

    init(id: Int, _ c: Node, _ a: Node, _ b: Node) {
        self.c = c
        self.a = a
        self.b = b
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        switch c.eval(f) {
        case .bool(true): return a.eval(f)
        case .bool(false): return b.eval(f)
        case .error(let e): return .error(e)
        case let other: return .err("no such overload: _?_:_ on \(other.celType) condition", id)
        }
    }
}

/// `!a`.
final class NotNode: Node, @unchecked Sendable {
    let a: Node

    init(id: Int, _ a: Node) {
        self.a = a
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        switch a.eval(f) {
        case .bool(let b): return .bool(!b)
        case .error(let e): return .error(e)
        case let other: return .err("no such overload: !_(\(other.celType))", id)
        }
    }
}

/// `a == b` / `a != b`.
final class EqualNode: Node, @unchecked Sendable {
    let a: Node
    let b: Node
    let negate: Bool

    init(id: Int, _ a: Node, _ b: Node, negate: Bool) {
        self.a = a
        self.b = b
        self.negate = negate
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .error = x { return x }
        let y = b.eval(f)
        if case .error = y { return y }
        if case .string(let s) = x, case .string(let t) = y { return .bool(s.celEquals(t) != negate) }
        return .bool(Value.equal(x, y) != negate)
    }
}

/// `a == "const"` / `a != "const"`, the most common comparison in policies.
final class EqualStringNode: Node, @unchecked Sendable {
    let a: Node
    let s: String
    let negate: Bool

    init(id: Int, _ a: Node, _ s: String, negate: Bool) {
        self.a = a
        self.s = s
        self.negate = negate
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        switch x {
        case .string(let t): return .bool(s.celEquals(t) != negate)
        case .error: return x
        default: return .bool(negate)
        }
    }
}

/// `<`, `<=`, `>`, `>=` across all ordered types.
final class CompareNode: Node, @unchecked Sendable {
    enum Op { case lt, le, gt, ge }
    let a: Node
    let b: Node
    let op: Op
    let name: String

    init(id: Int, _ a: Node, _ b: Node, _ op: Op, name: String) {
        self.a = a
        self.b = b
        self.op = op
        self.name = name
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .error = x { return x }
        let y = b.eval(f)
        if case .error = y { return y }
        if case .int(let i) = x, case .int(let j) = y {
            switch op {
            case .lt: return .bool(i < j)
            case .le: return .bool(i <= j)
            case .gt: return .bool(i > j)
            case .ge: return .bool(i >= j)
            }
        }
        switch Value.order(x, y) {
        case .less: return .bool(op == .lt || op == .le)
        case .equal: return .bool(op == .le || op == .ge)
        case .greater: return .bool(op == .gt || op == .ge)
        case .unordered: return .bool(false)
        case .incomparable: return .err("no such overload: \(name)(\(x.celType), \(y.celType))", id)
        }
    }
}

/// `x in list` / `x in map`.
final class InNode: Node, @unchecked Sendable {
    let a: Node
    let b: Node

    init(id: Int, _ a: Node, _ b: Node) {
        self.a = a
        self.b = b
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .error = x { return x }
        let y = b.eval(f)
        if case .error = y { return y }
        return Ops.contains(y, x, id)
    }
}

/// `x in ["a", "b"]` with a constant list of strings, checked without building values.
final class InStringsNode: Node, @unchecked Sendable {
    let a: Node
    let strings: [String]
    let fallback: Value

    init(id: Int, _ a: Node, _ strings: [String], fallback: Value) {
        self.a = a
        self.strings = strings
        self.fallback = fallback
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
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
