/// One node of a parsed expression. Ids are unique within a parse and start at 1;
/// source ranges live in `SourceMap`, keyed by id.
public struct Expr: Sendable {
    public let id: Int
    public let kind: Kind

    public init(id: Int, kind: Kind) {
        self.id = id
        self.kind = kind
    }

    public indirect enum Kind: Sendable {
        case literal(Value)
        /// An identifier; `absolute` when written with a leading dot (`.name`).
        case ident(String, absolute: Bool)
        /// `operand.field`, or `operand.?field` when `optional`.
        case select(Expr, field: String, optional: Bool)
        /// `has(operand.field)`.
        case presence(Expr, field: String)
        /// A function or operator call; operators use CEL's internal names (`_+_`, `_[_]`, `!_`).
        case call(target: Expr?, function: String, args: [Expr])
        /// A list literal; `optionalIndices` marks `?elem` entries.
        case list([Expr], optionalIndices: [Int])
        case map([MapEntry])
        /// A macro expanded by the parser (`all`, `map`, `cel.bind`, ...).
        case comprehension(Comprehension)
    }

    /// One `key: value` entry of a map literal (`?key: value` when optional).
    public struct MapEntry: Sendable {
        public let id: Int
        public let key: Expr
        public let value: Expr
        public let optional: Bool
    }

    /// Calls `body` with each child, in source order, without building an array.
    @inline(__always)
    func forEachChild(_ body: (Expr) -> Void) {
        switch kind {
        case .literal, .ident: return
        case .select(let operand, _, _), .presence(let operand, _): body(operand)
        case .call(let target, _, let args):
            if let target { body(target) }
            for a in args { body(a) }
        case .list(let elements, _): for e in elements { body(e) }
        case .map(let entries):
            for entry in entries {
                body(entry.key)
                body(entry.value)
            }
        case .comprehension(let c):
            body(c.range)
            for a in c.args { body(a) }
        }
    }

    /// The children of this node, in source order.
    public var children: [Expr] {
        switch kind {
        case .literal, .ident: return []
        case .select(let operand, _, _), .presence(let operand, _): return [operand]
        case .call(let target, _, let args): return (target.map { [$0] } ?? []) + args
        case .list(let elements, _): return elements
        case .map(let entries): return entries.flatMap { [$0.key, $0.value] }
        case .comprehension(let c): return [c.range] + c.args
        }
    }
}

/// The macros the parser expands, each evaluated by a dedicated loop.
public enum MacroKind: String, Sendable {
    case all, exists, existsOne = "exists_one", map, mapFilter = "map_filter", filter
    case streak
    case transformList, transformListFilter = "transformList_filter"
    case transformMap, transformMapFilter = "transformMap_filter"
    case transformMapEntry, transformMapEntryFilter = "transformMapEntry_filter"
    case bind = "cel.bind"
    case optMap, optFlatMap
}

/// A macro call: the range (or bound value for `cel.bind`), its variables and argument bodies.
public struct Comprehension: Sendable {
    public let kind: MacroKind
    public let range: Expr
    public let variable: String
    /// The second variable of two-variable forms (`all(k, v, p)`), else nil.
    public let variable2: String?
    /// Predicate and/or transform bodies, in source order.
    public let args: [Expr]
}

/// UTF-8 source ranges of every node, indexed by node id.
public struct SourceMap: Sendable {
    var starts: [Int32] = [0]
    var ends: [Int32] = [0]
    /// Where errors of a node point when that is not its start: an operator, a field name.
    var anchors: [Int32] = [-1]

    mutating func record(id: Int, start: Int, end: Int) {
        while starts.count <= id {
            starts.append(0)
            ends.append(0)
            anchors.append(-1)
        }
        starts[id] = Int32(start)
        ends[id] = Int32(end)
    }

    mutating func anchor(id: Int, at offset: Int) {
        if id > 0, id < anchors.count { anchors[id] = Int32(offset) }
    }

    /// The UTF-8 offset an error raised by a node points at: its operator (`/` in `a / b`),
    /// field (`b` in `a.b`), method name or `[`, else its start.
    public func errorOffset(of id: Int) -> Int {
        guard id > 0, id < anchors.count, anchors[id] >= 0 else { return range(of: id).lowerBound }
        return Int(anchors[id])
    }

    /// The UTF-8 byte range of a node's source text.
    public func range(of id: Int) -> Range<Int> {
        guard id > 0, id < starts.count else { return 0..<0 }
        return Int(starts[id])..<max(Int(starts[id]), Int(ends[id]))
    }
}
