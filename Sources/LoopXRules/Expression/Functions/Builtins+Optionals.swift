extension Builtins {
    static func registerOptionals(_ t: inout FunctionTable) {
        t.global("optional.of") { v, _ in .optional(CELOptional(v)) }
        t.global("optional.none", arity: 0) { _, _ in .optional(.none) }
        t.global("optional.ofNonZeroValue") { v, _ in .optional(isZero(v) ? .none : CELOptional(v)) }
        let unwrap: @Sendable (Value, Int) -> Value = { v, id in
            guard case .list(let items) = v else { return Ops.noOverload("optional.unwrap", v, id: id) }
            var out: [Value] = []
            for item in items {
                guard case .optional(let o) = item else { return .err("optional.unwrap() needs a list of optionals", id) }
                if let inner = o.value { out.append(inner) }
            }
            return .list(out)
        }
        t.global("optional.unwrap", unwrap)
        t.member("unwrapOpt", unwrap)
        t.member("hasValue") { v, id in
            guard case .optional(let o) = v else { return Ops.noOverload("hasValue", v, id: id) }
            return .bool(o.value != nil)
        }
        t.member("value") { v, id in
            guard case .optional(let o) = v else { return Ops.noOverload("value", v, id: id) }
            return o.value ?? .err("optional.none() has no value", id)
        }
        t.member("orValue") { v, other, id in
            guard case .optional(let o) = v else { return Ops.noOverload("orValue", v, other, id: id) }
            return o.value ?? other
        }
        t.member("or") { v, other, id in
            guard case .optional(let o) = v, case .optional = other else {
                return Ops.noOverload("or", v, other, id: id)
            }
            return o.value != nil ? v : other
        }
    }

    /// Whether a value is its type's zero value (`optional.ofNonZeroValue`).
    static func isZero(_ v: Value) -> Bool {
        switch v {
        case .null: return true
        case .bool(let b): return !b
        case .int(let i): return i == 0
        case .uint(let u): return u == 0
        case .double(let d): return d == 0
        case .string(let s): return s.isEmpty
        case .bytes(let b): return b.isEmpty
        case .list(let l): return l.isEmpty
        case .map(let m): return m.count == 0
        case .duration(let d): return d.seconds == 0 && d.nanos == 0
        case .timestamp(let ts): return ts.seconds == 0 && ts.nanos == 0
        case .optional(let o): return o.value == nil
        case .type, .error: return false
        }
    }

    static func registerEncoders(_ t: inout FunctionTable) {
        t.global("base64.encode") { v, id in
            guard case .bytes(let b) = v else { return Ops.noOverload("base64.encode", v, id: id) }
            return .string(Base64.encode(b))
        }
        t.global("base64.decode") { v, id in
            guard case .string(let s) = v else { return Ops.noOverload("base64.decode", v, id: id) }
            guard let b = Base64.decode(Array(s.utf8)) else { return .err("invalid base64 input", id) }
            return .bytes(b)
        }
    }
}
