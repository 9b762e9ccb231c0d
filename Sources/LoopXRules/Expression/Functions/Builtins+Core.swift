extension Builtins {
    static func registerCore(_ t: inout FunctionTable) {
        t.both("size") { v, id in
            switch v {
            case .string(let s): return .int(Int64(s.unicodeScalars.count))
            case .bytes(let b): return .int(Int64(b.count))
            case .list(let l): return .int(Int64(l.count))
            case .map(let m): return .int(Int64(m.count))
            default: return Ops.noOverload("size", v, id: id)
            }
        }
        t.member("contains") { a, b, id in
            guard case .string(let s) = a, case .string(let sub) = b else {
                return Ops.noOverload("contains", a, b, id: id)
            }
            return .bool(sub.isEmpty || s.utf8.firstRange(of: sub.utf8) != nil)
        }
        t.member("startsWith") { a, b, id in
            guard case .string(let s) = a, case .string(let p) = b else {
                return Ops.noOverload("startsWith", a, b, id: id)
            }
            return .bool(s.utf8.starts(with: p.utf8))
        }
        t.member("endsWith") { a, b, id in
            guard case .string(let s) = a, case .string(let p) = b else {
                return Ops.noOverload("endsWith", a, b, id: id)
            }
            return .bool(s.utf8.count >= p.utf8.count && s.utf8.reversed().starts(with: p.utf8.reversed()))
        }
        t.both("matches") { a, b, id in
            guard case .string(let s) = a, case .string(let p) = b else {
                return Ops.noOverload("matches", a, b, id: id)
            }
            switch Regex.compile(p) {
            case .success(let re): return .bool(re.matches(s))
            case .failure(let message): return .err("invalid regular expression: \(message)", id)
            }
        }
    }
}
