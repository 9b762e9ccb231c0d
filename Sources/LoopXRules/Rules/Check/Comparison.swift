/// A condition of the simple form `path op constant` (`spend.count > 5`, `quota.state == "x"`),
/// which the linter can reason about: which values satisfy it, and whether one such
/// condition implies or contradicts another.
struct Comparison: Equatable {
    /// The non-constant side, as normalized source text (`spend.count`).
    let subject: String
    let op: String
    let value: Constant

    enum Constant: Equatable {
        case number(Double)
        case text(String)
        case flag(Bool)
    }

    /// The comparison an expression node is, if it is one (a constant on the left is flipped).
    static func parse(_ e: Expr, in program: Program) -> Comparison? {
        guard case .call(nil, let fn, let args) = e.kind, args.count == 2,
            ["_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_"].contains(fn)
        else { return nil }
        let flipped: [String: String] = ["_<_": "_>_", "_<=_": "_>=_", "_>_": "_<_", "_>=_": "_<=_", "_==_": "_==_", "_!=_": "_!=_"]
        if let value = constant(args[1]), constant(args[0]) == nil {
            return Comparison(subject: RuleExpression.normalize(program.text(of: args[0].id)), op: fn, value: value)
        }
        if let value = constant(args[0]), constant(args[1]) == nil, let op = flipped[fn] {
            return Comparison(subject: RuleExpression.normalize(program.text(of: args[1].id)), op: op, value: value)
        }
        return nil
    }

    private static func constant(_ e: Expr) -> Constant? {
        switch e.kind {
        case .literal(.int(let i)): return .number(Double(i))
        case .literal(.uint(let u)): return .number(Double(u))
        case .literal(.double(let d)) where d.isFinite: return .number(d)
        case .literal(.string(let s)): return .text(s)
        case .literal(.bool(let b)): return .flag(b)
        case .call(nil, "-_", let args) where args.count == 1:
            if case .number(let n)? = constant(args[0]) { return .number(-n) }
            return nil
        default: return nil
        }
    }

    /// The satisfying numbers as an interval (nil bounds are infinite), for ordered numeric
    /// comparisons and `==`.
    private var interval: (lo: Double?, loIn: Bool, hi: Double?, hiIn: Bool)? {
        guard case .number(let n) = value else { return nil }
        switch op {
        case "_>_": return (n, false, nil, false)
        case "_>=_": return (n, true, nil, false)
        case "_<_": return (nil, false, n, false)
        case "_<=_": return (nil, false, n, true)
        case "_==_": return (n, true, n, true)
        default: return nil
        }
    }

    /// Whether every value satisfying `self` satisfies `other` (same subject).
    func implies(_ other: Comparison) -> Bool {
        guard subject == other.subject else { return false }
        if self == other { return true }
        if op == "_==_", other.op == "_!=_", value != other.value, sameKind(other) { return true }
        guard let a = interval, let b = other.interval else { return false }
        let lowerOK: Bool = {
            guard let bl = b.lo else { return true }
            guard let al = a.lo else { return false }
            return al > bl || (al == bl && (b.loIn || !a.loIn))
        }()
        let upperOK: Bool = {
            guard let bh = b.hi else { return true }
            guard let ah = a.hi else { return false }
            return ah < bh || (ah == bh && (b.hiIn || !a.hiIn))
        }()
        return lowerOK && upperOK
    }

    /// Whether no value satisfies both (same subject).
    func contradicts(_ other: Comparison) -> Bool {
        guard subject == other.subject, sameKind(other) else { return false }
        if op == "_==_", other.op == "_==_" { return value != other.value }
        if (op == "_==_" && other.op == "_!=_") || (op == "_!=_" && other.op == "_==_") { return value == other.value }
        guard let a = interval, let b = other.interval else { return false }
        // The intersection is empty when one interval ends before the other begins.
        func before(_ hi: Double?, _ hiIn: Bool, _ lo: Double?, _ loIn: Bool) -> Bool {
            guard let hi, let lo else { return false }
            return hi < lo || (hi == lo && !(hiIn && loIn))
        }
        return before(a.hi, a.hiIn, b.lo, b.loIn) || before(b.hi, b.hiIn, a.lo, a.loIn)
    }

    private func sameKind(_ other: Comparison) -> Bool {
        switch (value, other.value) {
        case (.number, .number), (.text, .text), (.flag, .flag): return true
        default: return false
        }
    }
}
