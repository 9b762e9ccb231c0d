extension TypeChecker {
    /// Macros: the range's element type binds the variables, predicates must be bool, and
    /// the cost is the body's cost times the range's size bound.
    mutating func checkComprehension(_ e: Expr, _ c: Comprehension) -> Info {
        let range = check(c.range)
        // The macro as written, for messages (computed only when one is needed).
        var name: String {
            let raw = c.kind.rawValue
            return raw.hasSuffix("_filter") && c.kind != .existsOne ? String(raw.dropLast("_filter".count)) : raw
        }
        if c.kind == .bind {
            locals.append((c.variable, range.typed))
            let body = check(c.args[0])
            locals.removeLast()
            return Info(body.type, bound: body.bound, element: body.element, cost: Self.add(1, range.cost, body.cost))
        }
        if c.kind == .optMap || c.kind == .optFlatMap {
            var inner = StaticType.dyn
            switch range.type {
            case .optional(let t): inner = t
            case .dyn: break
            default: error("\(name)() needs an optional value, found \(range.type)", c.range.id)
            }
            locals.append((c.variable, Typed(inner)))
            let body = check(c.args[0])
            locals.removeLast()
            let cost = Self.add(1, range.cost, body.cost)
            if c.kind == .optMap { return Info(.optional(body.type), cost: cost) }
            guard body.type.fits(.optional(.dyn)) else {
                error("the body of optFlatMap() must be an optional, found \(body.type)", c.args[0].id)
                return Info(.dyn, cost: cost)
            }
            return Info(body.type, cost: cost)
        }
        var first = StaticType.dyn
        var second = StaticType.dyn
        if c.variable2 != nil {
            if let pair = range.type.iterationPair { (first, second) = pair } else { rangeError(name, range.type, c.range.id) }
        } else if let element = range.type.iterationElement {
            first = element
        } else {
            rangeError(name, range.type, c.range.id)
        }
        locals.append((c.variable, Typed(first, bound: c.variable2 == nil ? range.element : nil)))
        if let v2 = c.variable2 { locals.append((v2, Typed(second, bound: range.element))) }
        let bodies = c.args.map { check($0) }
        locals.removeLast(c.variable2 == nil ? 1 : 2)
        let iterations = range.bound ?? environment.defaultBound
        let perIteration = bodies.reduce(1) { Self.add($0, $1.cost) }
        let cost = Self.add(1, range.cost, Self.multiply(iterations, perIteration))
        let hasPredicate: Bool
        switch c.kind {
        case .all, .exists, .existsOne, .filter, .streak, .mapFilter, .transformListFilter, .transformMapFilter,
             .transformMapEntryFilter:
            hasPredicate = true
        default:
            hasPredicate = false
        }
        if hasPredicate, let predicate = bodies.first, !predicate.type.fits(.bool) {
            error("the predicate of \(name)() must be a bool, found \(predicate.type)", c.args[0].id)
        }
        let last = bodies.last?.type ?? .dyn
        switch c.kind {
        case .all, .exists, .existsOne: return Info(.bool, cost: cost)
        case .streak: return Info(.int, cost: cost)
        case .filter: return Info(.list(first), bound: range.bound, element: range.element, cost: cost)
        case .map, .mapFilter, .transformList, .transformListFilter:
            return Info(.list(last), bound: range.bound, element: bodies.last?.bound, cost: cost)
        case .transformMap, .transformMapFilter:
            let key: StaticType = if case .list = range.type { .int } else { first }
            return Info(.map(key: key, value: last), bound: range.bound, cost: cost)
        case .transformMapEntry, .transformMapEntryFilter:
            switch last {
            case .map, .dyn: return Info(last, bound: range.bound, cost: cost)
            default:
                error("the body of transformMapEntry() must be a map, found \(last)", c.args[c.args.count - 1].id)
                return Info(.dyn, cost: cost)
            }
        case .bind, .optMap, .optFlatMap:
            return Info(.dyn, cost: cost)
        }
    }

    private mutating func rangeError(_ name: String, _ type: StaticType, _ id: Int) {
        error("\(name)() ranges over a list or a map, found \(type)", id)
    }
}
