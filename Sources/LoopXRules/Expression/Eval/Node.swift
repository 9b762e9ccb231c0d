/// A compiled node: evaluation is a protocol call on a tree of specialised, immutable nodes.
protocol Node: Sendable {
    /// The id of the expression this node was planned from (errors and traces point at it).
    var id: Int { get }
    /// The node's value in one evaluation.
    func eval(_ f: Frame) -> Value
}

/// A node of two strict operands, evaluated left to right: an error operand is the result,
/// otherwise `apply` combines the two values.
protocol StrictBinaryNode: Node {
    var a: any Node { get }
    var b: any Node { get }
    /// The result for two operands that are not errors.
    func apply(_ x: Value, _ y: Value) -> Value
}

extension StrictBinaryNode {
    func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .error = x { return x }
        let y = b.eval(f)
        if case .error = y { return y }
        return apply(x, y)
    }
}

/// Wraps a node so its value is recorded in the trace; only used in traced plans.
struct TraceNode: Node {
    let inner: any Node
    var id: Int { inner.id }

    func eval(_ f: Frame) -> Value {
        let v = inner.eval(f)
        f.trace?.record(id, v)
        return v
    }
}
