extension Ops {
    static func add(_ x: Value, _ y: Value, _ id: Int) -> Value {
        if let r = arithmetic(.addition, x, y, id) { return r }
        switch (x, y) {
        case (.string(let a), .string(let b)):
            guard a.utf8.count + b.utf8.count <= maxSize else { return .err("string result too large", id) }
            return .string(a + b)
        case (.bytes(let a), .bytes(let b)):
            guard a.count + b.count <= maxSize else { return .err("bytes result too large", id) }
            return .bytes(a + b)
        case (.list(let a), .list(let b)):
            guard a.count + b.count <= maxSize else { return .err("list result too large", id) }
            if a.isEmpty { return y }
            if b.isEmpty { return x }
            return .list(a + b)
        case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
            guard let r = t.adding(d) else { return .err("timestamp out of range", id) }
            return .timestamp(r)
        case (.duration(let a), .duration(let b)):
            guard let r = a.adding(b) else { return .err("duration out of range", id) }
            return .duration(r)
        default: return noOverload("_+_", x, y, id: id)
        }
    }

    static func subtract(_ x: Value, _ y: Value, _ id: Int) -> Value {
        if let r = arithmetic(.subtraction, x, y, id) { return r }
        switch (x, y) {
        case (.timestamp(let a), .timestamp(let b)):
            guard let r = a.difference(b) else { return .err("duration out of range", id) }
            return .duration(r)
        case (.timestamp(let t), .duration(let d)):
            guard let r = t.subtracting(d) else { return .err("timestamp out of range", id) }
            return .timestamp(r)
        case (.duration(let a), .duration(let b)):
            guard let r = a.subtracting(b) else { return .err("duration out of range", id) }
            return .duration(r)
        default: return noOverload("_-_", x, y, id: id)
        }
    }

    static func multiply(_ x: Value, _ y: Value, _ id: Int) -> Value {
        arithmetic(.multiplication, x, y, id) ?? noOverload("_*_", x, y, id: id)
    }

    static func divide(_ x: Value, _ y: Value, _ id: Int) -> Value {
        arithmetic(.division, x, y, id) ?? noOverload("_/_", x, y, id: id)
    }

    static func modulo(_ x: Value, _ y: Value, _ id: Int) -> Value {
        arithmetic(.modulus, x, y, id) ?? noOverload("_%_", x, y, id: id)
    }

    static func negate(_ x: Value, _ id: Int) -> Value {
        switch x {
        case .int(let a):
            let (r, o) = Int64(0).subtractingReportingOverflow(a)
            return o ? .err("integer overflow in negation", id) : .int(r)
        case .double(let d): return .double(-d)
        case .duration(let d):
            guard let n = d.negated else { return .err("duration out of range", id) }
            return .duration(n)
        default: return noOverload("-_", x, id: id)
        }
    }
}
