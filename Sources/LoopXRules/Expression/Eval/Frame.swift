/// The mutable state of one evaluation: variable and local slots, the step budget, the tracer.
final class Frame {
    /// Values of the variable references, resolved once per evaluation.
    let slots: UnsafeMutablePointer<Value>
    /// Comprehension and `cel.bind` variables.
    let locals: UnsafeMutablePointer<Value>
    let localCount: Int
    /// For each variable reference: how many select segments its bound name consumed (-1: unbound).
    let consumed: UnsafeMutablePointer<Int>
    let slotCount: Int
    let refCount: Int
    var steps: Int = 0
    let budget: Int
    var exhausted = false
    let trace: ExpressionTrace?

    init(refCount: Int, localCount: Int, budget: Int, trace: ExpressionTrace?) {
        slotCount = refCount
        self.refCount = refCount
        self.localCount = localCount
        slots = .allocate(capacity: max(refCount, 1))
        slots.initialize(repeating: .null, count: max(refCount, 1))
        locals = .allocate(capacity: max(localCount, 1))
        locals.initialize(repeating: .null, count: max(localCount, 1))
        consumed = .allocate(capacity: max(refCount, 1))
        consumed.initialize(repeating: 0, count: max(refCount, 1))
        self.budget = budget
        self.trace = trace
    }

    deinit {
        slots.deinitialize(count: max(slotCount, 1))
        slots.deallocate()
        locals.deinitialize(count: max(localCount, 1))
        locals.deallocate()
        consumed.deallocate()
    }

    /// Charges `n` steps; false once the budget is spent.
    @inline(__always)
    func charge(_ n: Int) -> Bool {
        steps &+= n
        if steps > budget {
            exhausted = true
            return false
        }
        return true
    }
}

/// Records the value of every evaluated node, keyed by node id (the last value wins in loops).
public final class ExpressionTrace {
    public private(set) var values: [Int: Value] = [:]

    public init() {}

    func record(_ id: Int, _ v: Value) {
        values[id] = v
    }

    /// The recorded value of a node, nil when it was not evaluated.
    public subscript(id: Int) -> Value? { values[id] }
}
