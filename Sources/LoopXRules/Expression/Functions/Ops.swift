/// The built-in operators on values; every failure is an error value carrying the node id.
enum Ops {
    /// Results larger than this (elements or bytes) are errors, so no expression can exhaust memory.
    static let maxSize = 10_000_000

    static func noOverload(_ fn: String, _ args: Value..., id: Int) -> Value {
        .err("no such overload: \(fn)(\(args.map { $0.celType.name }.joined(separator: ", ")))", id)
    }

    /// `v.field`: a missing key is an error; on anything but a map it is `optSelect`.
    static func select(_ v: Value, _ field: String, _ id: Int) -> Value {
        guard case .map(let m) = v else { return optSelect(v, field, id) }
        return m.get(string: field) ?? .err("no such key: '\(field)'", id)
    }

    /// `v.?field`: an optional of the field, `optional.none()` when the map lacks it.
    static func optSelect(_ v: Value, _ field: String, _ id: Int) -> Value {
        switch v {
        case .map(let m):
            if let found = m.get(string: field) { return .optional(CELOptional(found)) }
            return .optional(.none)
        case .optional(let o):
            guard let inner = o.value else { return v }
            return optSelect(inner, field, id)
        case .error: return v
        default:
            return .err("type '\(v.celType)' does not support field selection (field '\(field)')", id)
        }
    }

    static func has(_ v: Value, _ field: String, _ id: Int) -> Value {
        switch v {
        case .map(let m): return .bool(m.get(string: field) != nil)
        case .optional(let o):
            guard let inner = o.value else { return .bool(false) }
            return has(inner, field, id)
        case .error: return v
        default: return .err("has() does not apply to type '\(v.celType)' (field '\(field)')", id)
        }
    }

    /// A list position from an int, uint or integral double index.
    static func listPosition(_ key: Value) -> Int64?? {
        switch key {
        case .int(let i): return .some(i)
        case .uint(let u): return .some(u > UInt64(Int64.max) ? Int64.max : Int64(u))
        case .double(let d):
            guard d.rounded(.towardZero) == d, abs(d) < 9.2e18 else { return .some(nil) }
            return .some(Int64(d))
        default: return nil
        }
    }

    /// `v[key]`: a missing element or key is an error.
    static func index(_ v: Value, _ key: Value, _ id: Int) -> Value {
        switch indexed(v, key, "_[_]", id) {
        case .element(let found): return found
        case .outOfRange(let count): return .err("index out of range: \(key.celLiteral) (list of size \(count))", id)
        case .noKey: return .err("no such key: \(key.celLiteral)", id)
        case .answer(let answer): return answer
        }
    }

    /// `v[?key]`: an optional of the element, `optional.none()` when there is none.
    static func optIndex(_ v: Value, _ key: Value, _ id: Int) -> Value {
        switch indexed(v, key, "_[?_]", id) {
        case .element(let found): return .optional(CELOptional(found))
        case .outOfRange, .noKey: return .optional(.none)
        case .answer(let answer): return answer
        }
    }

    /// What indexing a list or a map found; anything else is answered whole.
    private enum Indexed {
        case element(Value)
        /// A list position outside a list of this many elements.
        case outOfRange(Int)
        case noKey
        /// The result itself: an error, an overload failure, or `[?]` through an optional.
        case answer(Value)
    }

    /// The shared part of `[]` and `[?]`: errors propagate, optionals are looked through
    /// with `[?]`, lists take int, uint or integral double positions, maps any key.
    private static func indexed(_ v: Value, _ key: Value, _ fn: String, _ id: Int) -> Indexed {
        if case .error = v { return .answer(v) }
        if case .error = key { return .answer(key) }
        switch v {
        case .list(let l):
            guard let pos = listPosition(key) else { return .answer(noOverload(fn, v, key, id: id)) }
            guard let p = pos, p >= 0, p < Int64(l.count) else { return .outOfRange(l.count) }
            return .element(l[Int(p)])
        case .map(let m):
            switch m.lookup(key) {
            case .success(let found?): return .element(found)
            case .success(nil): return .noKey
            case .failure(let e): return .answer(.err(e.message, id))
            }
        case .optional(let o):
            guard let inner = o.value else { return .answer(v) }
            return .answer(optIndex(inner, key, id))
        default:
            return .answer(noOverload(fn, v, key, id: id))
        }
    }

    /// `element in container`.
    static func contains(_ container: Value, _ element: Value, _ id: Int) -> Value {
        switch container {
        case .list(let l):
            if case .string(let s) = element {
                for e in l { if case .string(let t) = e, t.celEquals(s) { return .bool(true) } }
                return .bool(false)
            }
            for e in l where Value.equal(e, element) { return .bool(true) }
            return .bool(false)
        case .map(let m):
            return .bool(m.contains(element))
        default:
            return noOverload("@in", element, container, id: id)
        }
    }
}
