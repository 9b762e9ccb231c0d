/// The type the checker gives an expression before it runs (CEL's static types, without
/// protocol-buffer messages). `dyn` is "any value": it matches every overload and is what
/// open schema fields and mixed literals have.
public indirect enum StaticType: Sendable, Hashable, CustomStringConvertible {
    case dyn
    case null
    case bool, int, uint, double, string, bytes, timestamp, duration
    /// A type value (`int`, `type(x)`).
    case type
    case list(StaticType)
    case map(key: StaticType, value: StaticType)
    /// A map with declared string keys: a fact, a stage output, a `then` template.
    case record(RecordType)
    case optional(StaticType)

    /// The CEL spelling (`list(string)`, `map(string, int)`); records read as `map(string, ...)`
    /// named by their path.
    public var description: String {
        switch self {
        case .dyn: return "dyn"
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .timestamp: return "timestamp"
        case .duration: return "duration"
        case .type: return "type"
        case .list(let e): return "list(\(e))"
        case .map(let k, let v): return "map(\(k), \(v))"
        case .record(let r): return r.name.isEmpty ? "map" : "map '\(r.name)'"
        case .optional(let t): return "optional(\(t))"
        }
    }

    /// `a string`, `an int`: for messages.
    var withArticle: String {
        let text = description
        return (["a", "e", "i", "o", "u"].contains(text.first.map(String.init) ?? "") ? "an " : "a ") + text
    }

    var isDyn: Bool { self == .dyn }

    var isNumeric: Bool {
        switch self {
        case .int, .uint, .double: return true
        default: return false
        }
    }

    /// The static type of a runtime value (for bindings typed from their values).
    public init(of value: Value) {
        switch value {
        case .null: self = .null
        case .bool: self = .bool
        case .int: self = .int
        case .uint: self = .uint
        case .double: self = .double
        case .string: self = .string
        case .bytes: self = .bytes
        case .timestamp: self = .timestamp
        case .duration: self = .duration
        case .type: self = .type
        case .error: self = .dyn
        case .optional(let o): self = .optional(o.value.map(StaticType.init(of:)) ?? .dyn)
        case .list(let items): self = .list(StaticType.join(items.map(StaticType.init(of:))))
        case .map(let m):
            self = .map(key: StaticType.join(m.keys.map(StaticType.init(of:))),
                        value: StaticType.join(m.values.map(StaticType.init(of:))))
        }
    }

    /// The one type all of `types` have; `dyn` when they differ (or there are none). `null`
    /// joins with anything as that thing (an output that is null or a map reads as the map).
    static func join(_ types: [StaticType]) -> StaticType {
        var result: StaticType?
        for t in types {
            guard let current = result else {
                result = t
                continue
            }
            result = join(current, t)
        }
        return result ?? .dyn
    }

    static func join(_ a: StaticType, _ b: StaticType) -> StaticType {
        if a == b { return a }
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case (.list(let x), .list(let y)): return .list(join(x, y))
        case (.optional(let x), .optional(let y)): return .optional(join(x, y))
        case (.map(let k1, let v1), .map(let k2, let v2)): return .map(key: join(k1, k2), value: join(v1, v2))
        case (.record(let r1), .record(let r2)): return .record(r1.union(r2))
        case (.record(let r), .map(let k, let v)), (.map(let k, let v), .record(let r)):
            return .map(key: join(.string, k), value: join(r.valueType, v))
        default: return .dyn
        }
    }

    /// Whether a value of this type may be where `other` is expected (either side `dyn`
    /// matches; containers compare their element types).
    func fits(_ other: StaticType) -> Bool {
        if self == other { return true }
        switch (self, other) {
        case (.dyn, _), (_, .dyn): return true
        case (.list(let x), .list(let y)): return x.fits(y)
        case (.optional(let x), .optional(let y)): return x.fits(y)
        case (.map(let k1, let v1), .map(let k2, let v2)): return k1.fits(k2) && v1.fits(v2)
        case (.record, .record): return true
        case (.record(let r), .map(let k, let v)), (.map(let k, let v), .record(let r)):
            return StaticType.string.fits(k) && r.valueType.fits(v)
        default: return false
        }
    }

    /// Whether `==` applies: the same type, numbers across types, `null` with anything, and
    /// any two lists (or two maps, or two optionals): CEL compares containers element by
    /// element and two of different element types are simply unequal (`['a'] == [1]`).
    func comparableForEquality(with other: StaticType) -> Bool {
        switch (self, other) {
        case (.dyn, _), (_, .dyn), (.null, _), (_, .null): return true
        case _ where isNumeric && other.isNumeric: return true
        case (.list, .list), (.optional, .optional): return true
        case (.map, .map), (.record, .record), (.record, .map), (.map, .record): return true
        default: return self == other
        }
    }

    /// Whether `<` and friends apply: numbers across types, else the same ordered type.
    func orderable(with other: StaticType) -> Bool {
        switch (self, other) {
        case (.dyn, .dyn): return true
        case (.dyn, let t), (let t, .dyn): return t.isOrdered
        case _ where isNumeric && other.isNumeric: return true
        default: return self == other && isOrdered
        }
    }

    private var isOrdered: Bool {
        switch self {
        case .int, .uint, .double, .string, .bytes, .bool, .timestamp, .duration: return true
        default: return false
        }
    }

    /// What iterating over a value of this type binds: list elements, map keys.
    var iterationElement: StaticType? {
        switch self {
        case .dyn: return .dyn
        case .list(let e): return e
        case .map(let k, _): return k
        case .record: return .string
        default: return nil
        }
    }

    /// The second variable of two-variable macros: list elements (indexed by int), map values.
    var iterationPair: (StaticType, StaticType)? {
        switch self {
        case .dyn: return (.dyn, .dyn)
        case .list(let e): return (.int, e)
        case .map(let k, let v): return (k, v)
        case .record(let r): return (.string, r.valueType)
        default: return nil
        }
    }
}
