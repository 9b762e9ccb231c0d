/// `a && b` and `a || b` with CEL's commutative error absorption: the absorbing value
/// (false for `&&`, true for `||`) wins over errors on either side.
struct LogicNode: Node {
    let id: Int
    let a: any Node
    let b: any Node
    /// The operand value that decides the result alone.
    let absorbing: Bool
    /// `_&&_` or `_||_`, for the overload error.
    let name: String

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
struct TernaryNode: Node {
    let id: Int
    let c: any Node
    let a: any Node
    let b: any Node

    func eval(_ f: Frame) -> Value {
        switch c.eval(f) {
        case .bool(true): return a.eval(f)
        case .bool(false): return b.eval(f)
        case .error(let e): return .error(e)
        case let other: return .err("no such overload: _?_:_ on \(other.celType) condition", id)
        }
    }
}

/// `!a`.
struct NotNode: Node {
    let id: Int
    let a: any Node

    func eval(_ f: Frame) -> Value {
        switch a.eval(f) {
        case .bool(let b): return .bool(!b)
        case .error(let e): return .error(e)
        case let other: return .err("no such overload: !_(\(other.celType))", id)
        }
    }
}

/// `a == b` / `a != b`.
struct EqualNode: StrictBinaryNode {
    let id: Int
    let a: any Node
    let b: any Node
    let negate: Bool

    func apply(_ x: Value, _ y: Value) -> Value {
        if case .string(let s) = x, case .string(let t) = y { return .bool(s.celEquals(t) != negate) }
        return .bool(Value.equal(x, y) != negate)
    }
}

/// `a == "const"` / `a != "const"`, the most common comparison in policies.
struct EqualStringNode: Node {
    let id: Int
    let a: any Node
    let s: String
    let negate: Bool

    func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        switch x {
        case .string(let t): return .bool(s.celEquals(t) != negate)
        case .error: return x
        default: return .bool(negate)
        }
    }
}

/// `<`, `<=`, `>`, `>=` across all ordered types.
struct CompareNode: StrictBinaryNode {
    enum Op { case lt, le, gt, ge }
    let id: Int
    let a: any Node
    let b: any Node
    let op: Op
    let name: String

    func apply(_ x: Value, _ y: Value) -> Value {
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
struct InNode: StrictBinaryNode {
    let id: Int
    let a: any Node
    let b: any Node

    func apply(_ x: Value, _ y: Value) -> Value { Ops.contains(y, x, id) }
}

/// `x in ["a", "b"]` with a constant list of strings, checked without building values.
struct InStringsNode: Node {
    let id: Int
    let a: any Node
    let strings: [String]
    let fallback: Value

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
