/// The ordering operators `<`, `<=`, `>`, `>=`.
enum OrderOperator: String, Sendable {
    case less = "_<_", lessOrEqual = "_<=_", greater = "_>_", greaterOrEqual = "_>=_"
}

extension Ops {
    /// `x == y` (`negate`: `x != y`) on any two values; strings compare by their scalars.
    static func equal(_ x: Value, _ y: Value, negate: Bool) -> Value {
        if case .string(let s) = x, case .string(let t) = y { return .bool(s.celEquals(t) != negate) }
        return .bool(Value.equal(x, y) != negate)
    }

    /// `x op y` across all ordered types; unordered pairs (NaN) are false, others no overload.
    static func compare(_ x: Value, _ y: Value, _ op: OrderOperator, _ id: Int) -> Value {
        if case .int(let i) = x, case .int(let j) = y {
            switch op {
            case .less: return .bool(i < j)
            case .lessOrEqual: return .bool(i <= j)
            case .greater: return .bool(i > j)
            case .greaterOrEqual: return .bool(i >= j)
            }
        }
        switch Value.order(x, y) {
        case .less: return .bool(op == .less || op == .lessOrEqual)
        case .equal: return .bool(op == .lessOrEqual || op == .greaterOrEqual)
        case .greater: return .bool(op == .greater || op == .greaterOrEqual)
        case .unordered: return .bool(false)
        case .incomparable: return .err("no such overload: \(op.rawValue)(\(x.celType), \(y.celType))", id)
        }
    }

    /// `!x` on a bool.
    static func not(_ x: Value, _ id: Int) -> Value {
        guard case .bool(let b) = x else { return .err("no such overload: !_(\(x.celType))", id) }
        return .bool(!b)
    }
}
