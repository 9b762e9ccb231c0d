import Foundation

/// The outcome of ordering two values.
enum Ordering {
    case less, equal, greater
    /// NaN is involved: every relation is false.
    case unordered
    /// The types have no ordering between them: a "no such overload" error.
    case incomparable
}

extension Value {
    /// CEL's heterogeneous equality on non-error values (numbers compare by value).
    public static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x.celEquals(y)
        case (.int(let x), .int(let y)): return x == y
        case (.uint(let x), .uint(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.int, .uint), (.uint, .int), (.int, .double), (.double, .int), (.uint, .double), (.double, .uint):
            return numericOrder(a, b) == .equal
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.timestamp(let x), .timestamp(let y)): return x == y
        case (.duration(let x), .duration(let y)): return x == y
        case (.type(let x), .type(let y)): return x == y
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            for i in 0..<x.count where !equal(x[i], y[i]) { return false }
            return true
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for i in 0..<x.keys.count {
                guard case .success(let other?) = y.lookup(x.keys[i]), equal(x.values[i], other) else {
                    return false
                }
            }
            return true
        case (.optional(let x), .optional(let y)):
            switch (x.value, y.value) {
            case (nil, nil): return true
            case (let p?, let q?): return equal(p, q)
            default: return false
            }
        default: return false
        }
    }

    /// Orders two values of the ordered CEL types.
    static func order(_ a: Value, _ b: Value) -> Ordering {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? .less : (x == y ? .equal : .greater)
        case (.string(let x), .string(let y)):
            // CEL orders strings by code point, which UTF-8 byte order matches.
            if x.celEquals(y) { return .equal }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? .less : .greater
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return .unordered }
            return x < y ? .less : (x == y ? .equal : .greater)
        case (.uint(let x), .uint(let y)): return x < y ? .less : (x == y ? .equal : .greater)
        case (.int, .uint), (.uint, .int), (.int, .double), (.double, .int), (.uint, .double), (.double, .uint):
            return numericOrder(a, b)
        case (.bool(let x), .bool(let y)): return x == y ? .equal : (!x ? .less : .greater)
        case (.bytes(let x), .bytes(let y)):
            if x == y { return .equal }
            return x.lexicographicallyPrecedes(y) ? .less : .greater
        case (.timestamp(let x), .timestamp(let y)): return x < y ? .less : (x == y ? .equal : .greater)
        case (.duration(let x), .duration(let y)): return x < y ? .less : (x == y ? .equal : .greater)
        default: return .incomparable
        }
    }

    /// Orders numbers of mixed kinds by their mathematical value.
    static func numericOrder(_ a: Value, _ b: Value) -> Ordering {
        switch (a, b) {
        case (.int(let x), .uint(let y)):
            if x < 0 { return .less }
            let ux = UInt64(x)
            return ux < y ? .less : (ux == y ? .equal : .greater)
        case (.uint, .int): return flip(numericOrder(b, a))
        case (.int(let x), .double(let y)): return intDouble(x, y)
        case (.double, .int): return flip(numericOrder(b, a))
        case (.uint(let x), .double(let y)):
            // Like other CEL runtimes: out-of-range doubles order outside, else compare as doubles.
            if y.isNaN { return .unordered }
            if y < 0 { return .greater }
            if y > 1.8446744073709551615e19 { return .less }
            return doubleOrder(Double(x), y)
        case (.double, .uint): return flip(numericOrder(b, a))
        default: return order(a, b)
        }
    }

    private static func intDouble(_ x: Int64, _ y: Double) -> Ordering {
        if y.isNaN { return .unordered }
        if y < -9.223372036854775808e18 { return .greater }
        if y > 9.223372036854775807e18 { return .less }
        return doubleOrder(Double(x), y)
    }

    private static func doubleOrder(_ x: Double, _ y: Double) -> Ordering {
        x < y ? .less : (x == y ? .equal : .greater)
    }

    private static func flip(_ o: Ordering) -> Ordering {
        switch o {
        case .less: return .greater
        case .greater: return .less
        default: return o
        }
    }
}

extension String {
    /// Equality by code points: Swift's `==` treats canonically equivalent strings as equal,
    /// CEL does not (`'Am\u00E9lie' != 'Ame\u0301lie'`).
    @inline(__always)
    func celEquals(_ other: String) -> Bool {
        var a = self
        var b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
    }
}
