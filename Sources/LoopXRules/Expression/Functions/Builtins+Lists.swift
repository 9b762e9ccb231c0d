extension Builtins {
    /// loopx's list helpers for policies over run history.
    static func registerLists(_ t: inout FunctionTable) {
        t.member("take") { l, n, id in
            guard case .list(let items) = l, case .int(let k) = n else { return Ops.noOverload("take", l, n, id: id) }
            guard k >= 0 else { return .err("take() needs a non-negative count", id) }
            return .list(Array(items.prefix(Int(min(k, Int64(items.count))))))
        }
        t.member("drop") { l, n, id in
            guard case .list(let items) = l, case .int(let k) = n else { return Ops.noOverload("drop", l, n, id: id) }
            guard k >= 0 else { return .err("drop() needs a non-negative count", id) }
            return .list(Array(items.dropFirst(Int(min(k, Int64(items.count))))))
        }
        t.member("intersect") { a, b, id in
            guard case .list(let x) = a, case .list(let y) = b else { return Ops.noOverload("intersect", a, b, id: id) }
            return .list(x.filter { e in y.contains { Value.equal($0, e) } })
        }
        t.global("tokens") { v, id in
            guard case .string(let s) = v else { return Ops.noOverload("tokens", v, id: id) }
            return .list(tokens(s).map { .string($0) })
        }
    }

    /// Lower-cased `[a-z0-9]+` runs longer than one character, first occurrence order, no repeats.
    static func tokens(_ s: String) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        var current: [UInt8] = []
        func finish() {
            if current.count > 1 {
                let tok = String(decoding: current, as: UTF8.self)
                if seen.insert(tok).inserted { out.append(tok) }
            }
            current.removeAll(keepingCapacity: true)
        }
        for b in s.utf8 {
            switch b {
            case 0x61...0x7A, 0x30...0x39: current.append(b)
            case 0x41...0x5A: current.append(b + 32)
            default: finish()
            }
        }
        finish()
        return out
    }
}
