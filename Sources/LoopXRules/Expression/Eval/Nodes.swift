/// A constant (literals and constant-folded subtrees).
final class ConstNode: Node, @unchecked Sendable {
    let value: Value

    init(id: Int, _ value: Value) {
        self.value = value
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value { value }
}

/// A comprehension or `cel.bind` variable, held in a slot.
final class LocalNode: Node, @unchecked Sendable {
    let slot: Int

    init(id: Int, slot: Int) {
        self.slot = slot
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value { f.locals[slot] }
}

/// One level of a (possibly qualified) variable name `a.b.c`: the binding found for the
/// reference may have consumed this level already, else the field is selected from below.
final class RefNode: Node, @unchecked Sendable {
    let ref: Int
    let level: Int
    let operand: Node?
    let field: String

    init(id: Int, ref: Int, level: Int, operand: Node?, field: String) {
        self.ref = ref
        self.level = level
        self.operand = operand
        self.field = field
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        guard let operand, f.consumed[ref] < level else { return f.slots[ref] }
        return Ops.select(operand.eval(f), field, id)
    }
}

/// `operand.field`.
final class SelectNode: Node, @unchecked Sendable {
    let operand: Node
    let field: String

    init(id: Int, _ operand: Node, _ field: String) {
        self.operand = operand
        self.field = field
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        let v = operand.eval(f)
        if case .map(let m) = v, let found = m.get(string: field) { return found }
        return Ops.select(v, field, id)
    }
}

/// `operand.?field`.
final class OptSelectNode: Node, @unchecked Sendable {
    let operand: Node
    let field: String

    init(id: Int, _ operand: Node, _ field: String) {
        self.operand = operand
        self.field = field
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value { Ops.optSelect(operand.eval(f), field, id) }
}

/// `has(operand.field)`.
final class PresenceNode: Node, @unchecked Sendable {
    let operand: Node
    let field: String

    init(id: Int, _ operand: Node, _ field: String) {
        self.operand = operand
        self.field = field
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value { Ops.has(operand.eval(f), field, id) }
}

/// A list literal.
final class ListNode: Node, @unchecked Sendable {
    let elements: [Node]
    let optional: Set<Int>

    init(id: Int, _ elements: [Node], optional: Set<Int>) {
        self.elements = elements
        self.optional = optional
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        var out: [Value] = []
        out.reserveCapacity(elements.count)
        for (i, e) in elements.enumerated() {
            let v = e.eval(f)
            if case .error = v { return v }
            if optional.contains(i) {
                guard case .optional(let o) = v else {
                    return .err("optional list element is not an optional value", e.id)
                }
                if let inner = o.value { out.append(inner) }
                continue
            }
            out.append(v)
        }
        return .list(out)
    }
}

/// A map literal; duplicate keys are an evaluation error.
final class MapNode: Node, @unchecked Sendable {
    let keys: [Node]
    let values: [Node]
    let optional: [Bool]

    init(id: Int, keys: [Node], values: [Node], optional: [Bool]) {
        self.keys = keys
        self.values = values
        self.optional = optional
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        var ks: [Value] = []
        var vs: [Value] = []
        ks.reserveCapacity(keys.count)
        vs.reserveCapacity(keys.count)
        for i in 0..<keys.count {
            let k = keys[i].eval(f)
            if case .error = k { return k }
            var v = values[i].eval(f)
            if case .error = v { return v }
            if optional[i] {
                guard case .optional(let o) = v else {
                    return .err("optional map entry value is not an optional value", values[i].id)
                }
                guard let inner = o.value else { continue }
                v = inner
            }
            ks.append(k)
            vs.append(v)
        }
        switch CELMap.build(keys: ks, values: vs) {
        case .success(let m): return .map(m)
        case .failure(let e): return .err(e.message, id)
        }
    }
}

/// A call whose implementation was resolved at compile time, with one argument.
final class Call1Node: Node, @unchecked Sendable {
    let a: Node
    let fn: @Sendable (Value, Int) -> Value

    init(id: Int, _ a: Node, _ fn: @escaping @Sendable (Value, Int) -> Value) {
        self.a = a
        self.fn = fn
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .error = x { return x }
        return fn(x, id)
    }
}

final class Call2Node: Node, @unchecked Sendable {
    let a: Node
    let b: Node
    let fn: @Sendable (Value, Value, Int) -> Value

    init(id: Int, _ a: Node, _ b: Node, _ fn: @escaping @Sendable (Value, Value, Int) -> Value) {
        self.a = a
        self.b = b
        self.fn = fn
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .error = x { return x }
        let y = b.eval(f)
        if case .error = y { return y }
        return fn(x, y, id)
    }
}

final class CallNNode: Node, @unchecked Sendable {
    let args: [Node]
    let fn: @Sendable ([Value], Int) -> Value

    init(id: Int, _ args: [Node], _ fn: @escaping @Sendable ([Value], Int) -> Value) {
        self.args = args
        self.fn = fn
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value {
        var vs: [Value] = []
        vs.reserveCapacity(args.count)
        for a in args {
            let v = a.eval(f)
            if case .error = v { return v }
            vs.append(v)
        }
        return fn(vs, id)
    }
}

/// A value that is an error raised when evaluated (unknown functions, bad constant folds).
final class ErrorNode: Node, @unchecked Sendable {
    let message: String

    init(id: Int, _ message: String) {
        self.message = message
        super.init(id: id)
    }

    override func eval(_ f: Frame) -> Value { .err(message, id) }
}
