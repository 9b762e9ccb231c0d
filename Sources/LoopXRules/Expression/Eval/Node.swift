/// A compiled node: evaluation is a protocol call on a tree of specialised, immutable final
/// classes (class-bound, so a child is one reference and a call goes straight to its witness).
protocol Node: AnyObject, Sendable {
    /// The id of the expression this node was planned from (errors and traces point at it).
    var id: Int { get }
    /// The node's value in one evaluation.
    func eval(_ f: Frame) -> Value
}

/// Wraps a node so its value is recorded in the trace; only used in traced plans.
final class TraceNode: Node {
    let id: Int
    let inner: any Node

    init(inner: any Node) {
        id = inner.id
        self.inner = inner
    }

    func eval(_ f: Frame) -> Value {
        let v = inner.eval(f)
        f.trace?.record(id, v)
        return v
    }
}
