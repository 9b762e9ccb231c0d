extension Builtins {
    static func registerMath(_ t: inout FunctionTable) {
        for (name, wantGreatest) in [("math.greatest", true), ("math.least", false)] {
            for arity in 1...8 {
                t.global(name, arity: arity) { args, id in
                    var items = args
                    if arity == 1, case .list(let l) = args[0] { items = l }
                    return extreme(items, greatest: wantGreatest, name, id)
                }
            }
        }
        t.global("math.abs") { v, id in
            switch v {
            case .int(let i):
                guard i != Int64.min else { return .err("integer overflow in math.abs", id) }
                return .int(abs(i))
            case .uint: return v
            case .double(let d): return .double(abs(d))
            default: return Ops.noOverload("math.abs", v, id: id)
            }
        }
        t.global("math.sign") { v, id in
            switch v {
            case .int(let i): return .int(i.signum())
            case .uint(let u): return .uint(u == 0 ? 0 : 1)
            case .double(let d): return .double(d.isNaN ? d : (d > 0 ? 1 : (d < 0 ? -1 : 0)))
            default: return Ops.noOverload("math.sign", v, id: id)
            }
        }
        let rounding: [(String, @Sendable (Double) -> Double)] = [
            ("math.ceil", { $0.rounded(.up) }), ("math.floor", { $0.rounded(.down) }),
            ("math.round", { $0.rounded(.toNearestOrAwayFromZero) }), ("math.trunc", { $0.rounded(.towardZero) }),
        ]
        for (name, op) in rounding {
            t.global(name) { v, id in
                guard case .double(let d) = v else { return Ops.noOverload(name, v, id: id) }
                return .double(op(d))
            }
        }
        let tests: [(String, @Sendable (Double) -> Bool)] = [
            ("math.isNaN", { $0.isNaN }), ("math.isInf", { $0.isInfinite }), ("math.isFinite", { $0.isFinite }),
        ]
        for (name, test) in tests {
            t.global(name) { v, id in
                guard case .double(let d) = v else { return Ops.noOverload(name, v, id: id) }
                return .bool(test(d))
            }
        }
        registerBits(&t)
    }

    static func extreme(_ items: [Value], greatest: Bool, _ name: String, _ id: Int) -> Value {
        guard var best = items.first else { return .err("\(name)() needs at least one argument", id) }
        for v in items {
            switch v {
            case .int, .uint, .double: break
            default: return Ops.noOverload(name, v, id: id)
            }
            if case .double(let d) = v, d.isNaN { return v }
            let o = Value.order(v, best)
            if (greatest && o == .greater) || (!greatest && o == .less) { best = v }
        }
        return best
    }

    static func registerBits(_ t: inout FunctionTable) {
        let binary: [(String, @Sendable (Int64, Int64) -> Int64, @Sendable (UInt64, UInt64) -> UInt64)] = [
            ("math.bitAnd", { $0 & $1 }, { $0 & $1 }), ("math.bitOr", { $0 | $1 }, { $0 | $1 }),
            ("math.bitXor", { $0 ^ $1 }, { $0 ^ $1 }),
        ]
        for (name, si, ui) in binary {
            t.global(name) { a, b, id in
                switch (a, b) {
                case (.int(let x), .int(let y)): return .int(si(x, y))
                case (.uint(let x), .uint(let y)): return .uint(ui(x, y))
                default: return Ops.noOverload(name, a, b, id: id)
                }
            }
        }
        t.global("math.bitNot") { v, id in
            switch v {
            case .int(let i): return .int(~i)
            case .uint(let u): return .uint(~u)
            default: return Ops.noOverload("math.bitNot", v, id: id)
            }
        }
        for (name, left) in [("math.bitShiftLeft", true), ("math.bitShiftRight", false)] {
            t.global(name) { a, b, id in
                guard case .int(let n) = b else { return Ops.noOverload(name, a, b, id: id) }
                guard n >= 0 else { return .err("\(name)() with a negative shift", id) }
                switch a {
                case .int(let x):
                    if n >= 64 { return .int(0) }
                    let u = UInt64(bitPattern: x)
                    return .int(Int64(bitPattern: left ? u << UInt64(n) : u >> UInt64(n)))
                case .uint(let x):
                    if n >= 64 { return .uint(0) }
                    return .uint(left ? x << UInt64(n) : x >> UInt64(n))
                default: return Ops.noOverload(name, a, b, id: id)
                }
            }
        }
    }
}
