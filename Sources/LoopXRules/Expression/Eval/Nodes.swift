/// A constant (literals and constant-folded subtrees).
final class ConstNode: Node {
    let id: Int
    let value: Value

    init(id: Int, value: Value) {
        self.id = id
        self.value = value
    }

    func eval(_ f: Frame) -> Value { value }
}

/// A comprehension or `cel.bind` variable, held in a slot.
final class LocalNode: Node {
    let id: Int
    let slot: Int

    init(id: Int, slot: Int) {
        self.id = id
        self.slot = slot
    }

    func eval(_ f: Frame) -> Value { f.locals[slot] }
}

/// One level of a (possibly qualified) variable name `a.b.c`: the binding found for the
/// reference may have consumed this level already, else the field is selected from below.
final class RefNode: Node {
    let id: Int
    let ref: Int
    let level: Int
    let operand: (any Node)?
    let field: String

    init(id: Int, ref: Int, level: Int, operand: (any Node)?, field: String) {
        self.id = id
        self.ref = ref
        self.level = level
        self.operand = operand
        self.field = field
    }

    func eval(_ f: Frame) -> Value {
        guard let operand, f.consumed[ref] < level else { return f.slots[ref] }
        return Ops.select(operand.eval(f), field, id)
    }
}

/// `operand.field`.
final class SelectNode: Node {
    let id: Int
    let operand: any Node
    let field: String

    init(id: Int, operand: any Node, field: String) {
        self.id = id
        self.operand = operand
        self.field = field
    }

    func eval(_ f: Frame) -> Value {
        let v = operand.eval(f)
        if case .map(let m) = v, let found = m.get(string: field) { return found }
        return Ops.select(v, field, id)
    }
}

/// A list literal.
final class ListNode: Node {
    let id: Int
    let elements: [any Node]
    let optional: Set<Int>

    init(id: Int, elements: [any Node], optional: Set<Int>) {
        self.id = id
        self.elements = elements
        self.optional = optional
    }

    func eval(_ f: Frame) -> Value {
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
final class MapNode: Node {
    let id: Int
    let keys: [any Node]
    let values: [any Node]
    let optional: [Bool]

    init(id: Int, keys: [any Node], values: [any Node], optional: [Bool]) {
        self.id = id
        self.keys = keys
        self.values = values
        self.optional = optional
    }

    func eval(_ f: Frame) -> Value {
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

/// A value that is an error raised when evaluated (unknown functions, bad constant folds).
final class ErrorNode: Node {
    let id: Int
    let message: String

    init(id: Int, message: String) {
        self.id = id
        self.message = message
    }

    func eval(_ f: Frame) -> Value { .err(message, id) }
}
