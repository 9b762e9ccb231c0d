/// A CEL map in insertion order. Keys are bool, int, uint or string; numerically equal
/// int/uint/double keys address the same entry.
public final class CELMap: Sendable {
    public let keys: [Value]
    public let values: [Value]
    /// Built only for larger maps: small maps are scanned, which is faster than hashing.
    private let index: [MapKey: Int]?

    static let indexThreshold = 12

    /// A map from keys already known to be valid and distinct.
    init(uncheckedKeys keys: [Value], values: [Value]) {
        self.keys = keys
        self.values = values
        if keys.count > Self.indexThreshold {
            var table = [MapKey: Int](minimumCapacity: keys.count)
            for (i, k) in keys.enumerated() {
                if let mk = MapKey(k) { table[mk] = i }
            }
            index = table
        } else {
            index = nil
        }
    }

    public static let empty = CELMap(uncheckedKeys: [], values: [])

    /// Validates keys; returns an error message for a bad or repeated key.
    public static func build(keys: [Value], values: [Value]) -> Result<CELMap, CELError> {
        if keys.count <= indexThreshold {
            // Small maps: pairwise checks beat hashing.
            for (i, k) in keys.enumerated() {
                guard let mk = MapKey(k) else { return .failure(badKey(k)) }
                for j in 0..<i where MapKey.same(keys[j], k, mk) {
                    return .failure(CELError("Failed with repeated key: \(k.celLiteral)", node: 0))
                }
            }
            return .success(CELMap(uncheckedKeys: keys, values: values))
        }
        var seen = Set<MapKey>(minimumCapacity: keys.count)
        for k in keys {
            guard let mk = MapKey(k) else { return .failure(badKey(k)) }
            if !seen.insert(mk).inserted {
                return .failure(CELError("Failed with repeated key: \(k.celLiteral)", node: 0))
            }
        }
        return .success(CELMap(uncheckedKeys: keys, values: values))
    }

    private static func badKey(_ k: Value) -> CELError {
        if case .error(let e) = k { return e }
        return CELError("unsupported key type: \(k.celType)", node: 0)
    }

    public var count: Int { keys.count }

    /// The value for a string key (field selection's fast path).
    @inline(__always)
    public func get(string key: String) -> Value? {
        if let index {
            guard let i = index[.string(ExactString(key))] else { return nil }
            return values[i]
        }
        for i in 0..<keys.count {
            if case .string(let k) = keys[i], k.celEquals(key) { return values[i] }
        }
        return nil
    }

    /// Looks a key up with CEL semantics; `.failure` for a key type maps cannot hold.
    public func lookup(_ key: Value) -> Result<Value?, CELError> {
        if case .string(let s) = key { return .success(get(string: s)) }
        guard let mk = MapKey(lookup: key) else {
            if case .error(let e) = key { return .failure(e) }
            return .failure(CELError("unsupported key type: \(key.celType)", node: 0))
        }
        if let index {
            return .success(index[mk].map { values[$0] } ?? Value?.none)
        }
        for i in 0..<keys.count where MapKey(keys[i]) == mk {
            return .success(values[i])
        }
        return .success(Value?.none)
    }

    public func contains(_ key: Value) -> Bool {
        if case .success(let v) = lookup(key) { return v != nil }
        return false
    }
}

/// A hashable map key with numeric equivalence (uint keys within Int64 become `.int`).
enum MapKey: Hashable {
    case bool(Bool)
    case int(Int64)
    case bigUInt(UInt64)
    case string(ExactString)

    /// The key of a value that maps may hold as a key.
    init?(_ v: Value) {
        switch v {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .bigUInt(u)
        case .string(let s): self = .string(ExactString(s))
        default: return nil
        }
    }

    /// Whether `other` is the same key as `v` (whose key is `mk`), without hashing.
    @inline(__always)
    static func same(_ other: Value, _ v: Value, _ mk: MapKey) -> Bool {
        if case .string(let a) = other, case .string(let b) = v { return a.celEquals(b) }
        return MapKey(other) == mk
    }

    /// Like `init(_:)` but also accepts integral doubles, which may look up numeric keys.
    init?(lookup v: Value) {
        if case .double(let d) = v {
            if d.rounded(.towardZero) == d, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 {
                self = .int(Int64(d))
            } else if d.rounded(.towardZero) == d, d >= 0, d < 1.8446744073709551616e19 {
                self = .bigUInt(UInt64(d))
            } else {
                return nil
            }
            return
        }
        self.init(v)
    }
}

/// A string compared and hashed by its UTF-8 bytes (CEL does not normalise Unicode).
struct ExactString: Hashable {
    let value: String

    init(_ value: String) {
        self.value = value
    }

    static func == (a: ExactString, b: ExactString) -> Bool { a.value.celEquals(b.value) }

    func hash(into hasher: inout Hasher) {
        var copy = value
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
