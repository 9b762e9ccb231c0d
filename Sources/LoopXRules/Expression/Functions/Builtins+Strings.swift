extension Builtins {
    static func registerStrings(_ t: inout FunctionTable) {
        t.member("charAt") { s, i, id in
            guard case .string(let str) = s, case .int(let k) = i else { return Ops.noOverload("charAt", s, i, id: id) }
            let cs = Array(str.unicodeScalars)
            guard k >= 0, k <= cs.count else { return .err("charAt(): index \(k) out of range", id) }
            return .string(k == cs.count ? "" : String(cs[Int(k)]))
        }
        t.member("indexOf") { s, sub, id in indexOf(s, sub, .int(0), id) }
        t.member("indexOf", arity: 3) { a, id in indexOf(a[0], a[1], a[2], id) }
        t.member("lastIndexOf", toEnd("lastIndexOf", lastIndexOf))
        t.member("lastIndexOf", arity: 3) { a, id in lastIndexOf(a[0], a[1], a[2], id) }
        t.member("lowerAscii") { s, id in
            guard case .string(let str) = s else { return Ops.noOverload("lowerAscii", s, id: id) }
            return .string(String(decoding: str.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self))
        }
        t.member("upperAscii") { s, id in
            guard case .string(let str) = s else { return Ops.noOverload("upperAscii", s, id: id) }
            return .string(String(decoding: str.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self))
        }
        t.member("replace", arity: 3) { a, id in replace(a[0], a[1], a[2], .int(-1), id) }
        t.member("replace", arity: 4) { a, id in replace(a[0], a[1], a[2], a[3], id) }
        t.member("split") { s, sep, id in split(s, sep, .int(-1), id) }
        t.member("split", arity: 3) { a, id in split(a[0], a[1], a[2], id) }
        t.member("substring", toEnd("substring", substring))
        t.member("substring", arity: 3) { a, id in substring(a[0], a[1], a[2], id) }
        t.member("trim") { s, id in
            guard case .string(let str) = s else { return Ops.noOverload("trim", s, id: id) }
            let cs = Array(str.unicodeScalars)
            var lo = 0
            var hi = cs.count
            while lo < hi, cs[lo].properties.isWhitespace { lo += 1 }
            while hi > lo, cs[hi - 1].properties.isWhitespace { hi -= 1 }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: cs[lo..<hi])
            return .string(String(out))
        }
        t.member("join") { l, id in join(l, .string(""), id) }
        t.member("join") { l, sep, id in join(l, sep, id) }
        t.member("reverse") { s, id in
            guard case .string(let str) = s else { return Ops.noOverload("reverse", s, id: id) }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: str.unicodeScalars.reversed())
            return .string(String(out))
        }
        t.global("strings.quote") { s, id in
            guard case .string(let str) = s else { return Ops.noOverload("strings.quote", s, id: id) }
            return .string(quote(str))
        }
        t.member("format") { s, args, id in
            guard case .string(let str) = s, case .list(let items) = args else {
                return Ops.noOverload("format", s, args, id: id)
            }
            return StringFormatter.format(str, items, id)
        }
    }

    /// The two-argument form of a string method whose third argument is a position that
    /// defaults to the string's length (`lastIndexOf`, `substring`).
    static func toEnd(_ name: String, _ f: @escaping @Sendable (Value, Value, Value, Int) -> Value)
        -> @Sendable (Value, Value, Int) -> Value
    {
        { s, x, id in
            guard case .string(let str) = s else { return Ops.noOverload(name, s, x, id: id) }
            return f(s, x, .int(Int64(str.unicodeScalars.count)), id)
        }
    }

    static func indexOf(_ s: Value, _ sub: Value, _ start: Value, _ id: Int) -> Value {
        search("indexOf", s, sub, start, id) { hay, n, k in
            var i = k
            while i + n.count <= hay.count {
                if hay[i..<(i + n.count)].elementsEqual(n) { return .int(Int64(i)) }
                i += 1
            }
            return .int(-1)
        }
    }

    static func lastIndexOf(_ s: Value, _ sub: Value, _ end: Value, _ id: Int) -> Value {
        search("lastIndexOf", s, sub, end, id) { hay, n, k in
            var i = min(k, hay.count - n.count)
            while i >= 0 {
                if hay[i..<(i + n.count)].elementsEqual(n) { return .int(Int64(i)) }
                i -= 1
            }
            return .int(-1)
        }
    }

    /// A substring search: once the arguments are a string, a string and a position inside the
    /// first (all in scalars), `scan` gets the haystack, the needle and the position.
    static func search(_ name: String, _ s: Value, _ sub: Value, _ position: Value, _ id: Int,
                       _ scan: ([Unicode.Scalar], [Unicode.Scalar], Int) -> Value) -> Value
    {
        guard case .string(let str) = s, case .string(let needle) = sub, case .int(let k) = position else {
            return Ops.noOverload(name, s, sub, position, id: id)
        }
        let hay = Array(str.unicodeScalars)
        guard k >= 0, k <= hay.count else { return .err("\(name)(): index \(k) out of range", id) }
        return scan(hay, Array(needle.unicodeScalars), Int(k))
    }

    static func replace(_ s: Value, _ old: Value, _ new: Value, _ limit: Value, _ id: Int) -> Value {
        guard case .string(let str) = s, case .string(let o) = old, case .string(let r) = new,
              case .int(var n) = limit else { return Ops.noOverload("replace", s, old, new, limit, id: id) }
        let hay = Array(str.unicodeScalars)
        let pat = Array(o.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i <= hay.count {
            if n != 0, i + pat.count <= hay.count, hay[i..<(i + pat.count)].elementsEqual(pat) {
                out.append(contentsOf: r.unicodeScalars)
                n -= 1
                if pat.isEmpty {
                    if i < hay.count { out.append(hay[i]) }
                    i += 1
                } else {
                    i += pat.count
                }
            } else {
                if i < hay.count { out.append(hay[i]) }
                i += 1
            }
            if out.count > Ops.maxSize { return .err("replace() result too large", id) }
        }
        return .string(String(out))
    }

    static func split(_ s: Value, _ sep: Value, _ limit: Value, _ id: Int) -> Value {
        guard case .string(let str) = s, case .string(let sp) = sep, case .int(let n) = limit else {
            return Ops.noOverload("split", s, sep, limit, id: id)
        }
        if n == 0 { return .list([]) }
        if n == 1 { return .list([s]) }
        let hay = Array(str.unicodeScalars)
        let pat = Array(sp.unicodeScalars)
        var parts: [Value] = []
        func text(_ r: ArraySlice<Unicode.Scalar>) -> Value {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: r)
            return .string(String(v))
        }
        if pat.isEmpty {
            for (k, c) in hay.enumerated() {
                if n > 0, parts.count == n - 1 {
                    parts.append(text(hay[k...]))
                    return .list(parts)
                }
                parts.append(.string(String(c)))
            }
            return .list(parts)
        }
        var start = 0
        var i = 0
        while i + pat.count <= hay.count {
            if n > 0, parts.count == n - 1 { break }
            if hay[i..<(i + pat.count)].elementsEqual(pat) {
                parts.append(text(hay[start..<i]))
                i += pat.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(text(hay[start...]))
        return .list(parts)
    }

    static func substring(_ s: Value, _ start: Value, _ end: Value, _ id: Int) -> Value {
        guard case .string(let str) = s, case .int(let a) = start, case .int(let b) = end else {
            return Ops.noOverload("substring", s, start, end, id: id)
        }
        let cs = Array(str.unicodeScalars)
        guard a >= 0, b >= a, b <= cs.count else { return .err("substring(): range [\(a), \(b)) out of range", id) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: cs[Int(a)..<Int(b)])
        return .string(String(out))
    }

    static func join(_ l: Value, _ sep: Value, _ id: Int) -> Value {
        guard case .list(let items) = l, case .string(let s) = sep else { return Ops.noOverload("join", l, sep, id: id) }
        var parts: [String] = []
        for item in items {
            guard case .string(let p) = item else { return .err("join() needs a list of strings", id) }
            parts.append(p)
        }
        return .string(parts.joined(separator: s))
    }

    /// `strings.quote()`: the one CEL string quoter (`Value.quote`).
    static func quote(_ s: String) -> String {
        var out = ""
        Value.quote(s, into: &out)
        return out
    }
}
