/// The macros: one loop per kind over a list (elements, or index+element) or a map (keys, or key+value).
final class ComprehensionNode: Node {
    let id: Int
    let kind: MacroKind
    let range: any Node
    /// Slot of the first variable and of the second (two-variable forms), else -1.
    let slot1: Int
    let slot2: Int
    let predicate: (any Node)?
    let transform: (any Node)?
    /// Steps charged per iteration: the node count of the loop bodies plus one.
    let cost: Int

    init(id: Int, kind: MacroKind, range: any Node, slot1: Int, slot2: Int, predicate: (any Node)?, transform: (any Node)?, cost: Int) {
        self.id = id
        self.kind = kind
        self.range = range
        self.slot1 = slot1
        self.slot2 = slot2
        self.predicate = predicate
        self.transform = transform
        self.cost = cost
    }

    static let budgetMessage = "evaluation step budget exceeded"

    func eval(_ f: Frame) -> Value {
        let r = range.eval(f)
        let count: Int
        let list: [Value]
        let map: CELMap?
        switch r {
        case .list(let l):
            list = l
            map = nil
            count = l.count
        case .map(let m):
            list = m.keys
            map = m
            count = m.count
        case .error: return r
        default:
            return .err("\(kind.rawValue)() expects a list or a map, got \(r.celType)", id)
        }
        let twoVar = slot2 >= 0
        var acc = Accumulator(kind: kind, id: id, count: count, keySlot: slot1)
        for i in 0..<count {
            guard f.charge(cost) else { return .err(Self.budgetMessage, id) }
            if twoVar {
                if let map {
                    f.locals[slot1] = map.keys[i]
                    f.locals[slot2] = map.values[i]
                } else {
                    f.locals[slot1] = .int(Int64(i))
                    f.locals[slot2] = list[i]
                }
            } else {
                f.locals[slot1] = list[i]
            }
            if !acc.step(f, predicate: predicate, transform: transform) { break }
        }
        return acc.result()
    }
}

/// The running state of one macro evaluation.
struct Accumulator {
    let kind: MacroKind
    let id: Int
    var firstError: Value?
    var truth: Bool
    var count = 0
    var items: [Value] = []
    var keys: [Value] = []
    var final: Value?
    /// The first loop variable: the element for `filter`, the key for `transformMap`.
    let keySlot: Int

    init(kind: MacroKind, id: Int, count: Int, keySlot: Int) {
        self.kind = kind
        self.keySlot = keySlot
        self.id = id
        truth = kind == .all
        switch kind {
        case .map, .mapFilter, .filter, .transformList, .transformListFilter, .transformMap, .transformMapFilter:
            items.reserveCapacity(count)
        default: break
        }
    }

    /// Runs one iteration; false stops the loop.
    mutating func step(_ f: Frame, predicate: (any Node)?, transform: (any Node)?) -> Bool {
        switch kind {
        case .all, .exists:
            guard let predicate else { return false }
            switch predicate.eval(f) {
            case .bool(let b):
                if b != (kind == .all) {
                    truth = b
                    return false
                }
            case .error(let e): firstError = firstError ?? .error(e)
            case let other: firstError = firstError ?? .err("predicate is not a bool but \(other.celType)", id)
            }
            return true
        case .existsOne:
            guard let predicate else { return false }
            switch predicate.eval(f) {
            case .bool(let b): if b { count += 1 }
            case .error(let e): return fail(.error(e))
            case let other: return fail(.err("predicate is not a bool but \(other.celType)", id))
            }
            return true
        case .streak:
            guard let predicate else { return false }
            switch predicate.eval(f) {
            case .bool(true): count += 1; return true
            case .bool(false): return false
            case .error(let e): return fail(.error(e))
            case let other: return fail(.err("predicate is not a bool but \(other.celType)", id))
            }
        case .map, .transformList:
            guard let transform else { return false }
            let v = transform.eval(f)
            if case .error = v { return fail(v) }
            items.append(v)
            return true
        case .mapFilter, .transformListFilter, .filter, .transformMapFilter, .transformMapEntryFilter:
            guard let predicate else { return false }
            switch predicate.eval(f) {
            case .bool(true):
                if kind == .filter {
                    items.append(f.locals[keySlot])
                    return true
                }
                return transformOne(f, transform)
            case .bool(false): return true
            case .error(let e): return fail(.error(e))
            case let other: return fail(.err("predicate is not a bool but \(other.celType)", id))
            }
        case .transformMap, .transformMapEntry:
            return transformOne(f, transform)
        case .bind, .optMap, .optFlatMap:
            return false
        }
    }


    private mutating func transformOne(_ f: Frame, _ transform: (any Node)?) -> Bool {
        guard let transform else { return false }
        let v = transform.eval(f)
        if case .error = v { return fail(v) }
        switch kind {
        case .transformMap, .transformMapFilter:
            keys.append(f.locals[keySlot])
            items.append(v)
        case .transformMapEntry, .transformMapEntryFilter:
            guard case .map(let m) = v else {
                return fail(.err("transformMapEntry() expects the transform to yield a map, got \(v.celType)", id))
            }
            keys.append(contentsOf: m.keys)
            items.append(contentsOf: m.values)
        default:
            items.append(v)
        }
        return true
    }


    private mutating func fail(_ e: Value) -> Bool {
        final = e
        return false
    }

    func result() -> Value {
        if let final { return final }
        switch kind {
        case .all, .exists:
            if truth != (kind == .all) { return .bool(truth) }
            return firstError ?? .bool(truth)
        case .existsOne: return .bool(count == 1)
        case .streak: return .int(Int64(count))
        case .transformMap, .transformMapFilter, .transformMapEntry, .transformMapEntryFilter:
            switch CELMap.build(keys: keys, values: items) {
            case .success(let m): return .map(m)
            case .failure(let e): return .err(e.message, id)
            }
        default: return .list(items)
        }
    }
}

/// `cel.bind(name, init, body)`.
final class BindNode: Node {
    let id: Int
    let slot: Int
    let initial: any Node
    let body: any Node

    init(id: Int, slot: Int, initial: any Node, body: any Node) {
        self.id = id
        self.slot = slot
        self.initial = initial
        self.body = body
    }

    func eval(_ f: Frame) -> Value {
        f.locals[slot] = initial.eval(f)
        return body.eval(f)
    }
}

/// `opt.optMap(x, t)` and `opt.optFlatMap(x, t)`.
final class OptMapNode: Node {
    let id: Int
    let slot: Int
    let operand: any Node
    let body: any Node
    let flat: Bool

    init(id: Int, slot: Int, operand: any Node, body: any Node, flat: Bool) {
        self.id = id
        self.slot = slot
        self.operand = operand
        self.body = body
        self.flat = flat
    }

    func eval(_ f: Frame) -> Value {
        let v = operand.eval(f)
        guard case .optional(let o) = v else {
            if case .error = v { return v }
            return .err("\(flat ? "optFlatMap" : "optMap")() expects an optional value, got \(v.celType)", id)
        }
        guard let inner = o.value else { return v }
        f.locals[slot] = inner
        let r = body.eval(f)
        if case .error = r { return r }
        if flat {
            guard case .optional = r else { return .err("optFlatMap() expects the body to yield an optional", id) }
            return r
        }
        return .optional(CELOptional(r))
    }
}
