extension TypeChecker {
    /// The written form of each operator, for messages.
    static let symbols: [String: String] = [
        "_&&_": "&&", "_||_": "||", "_==_": "==", "_!=_": "!=", "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=",
        "@in": "in", "_+_": "+", "_-_": "-", "_*_": "*", "_/_": "/", "_%_": "%",
    ]

    static let arithmetic: [String: [([StaticType], StaticType)]] = [
        "_+_": [([.int, .int], .int), ([.uint, .uint], .uint), ([.double, .double], .double), ([.string, .string], .string),
                ([.bytes, .bytes], .bytes), ([.duration, .duration], .duration), ([.timestamp, .duration], .timestamp),
                ([.duration, .timestamp], .timestamp)],
        "_-_": [([.int, .int], .int), ([.uint, .uint], .uint), ([.double, .double], .double),
                ([.duration, .duration], .duration), ([.timestamp, .timestamp], .duration), ([.timestamp, .duration], .timestamp)],
        "_*_": [([.int, .int], .int), ([.uint, .uint], .uint), ([.double, .double], .double)],
        "_/_": [([.int, .int], .int), ([.uint, .uint], .uint), ([.double, .double], .double)],
        "_%_": [([.int, .int], .int), ([.uint, .uint], .uint)],
    ]

    mutating func checkOperator(_ e: Expr, _ fn: String, _ args: [Expr]) -> Info? {
        guard let first = fn.utf8.first, first == UInt8(ascii: "_") || first == UInt8(ascii: "!")
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
        else { return nil }
        switch (fn, args.count) {
        case ("!_", 1), ("-_", 1):
            let a = check(args[0])
            let allowed: [StaticType] = fn == "!_" ? [.bool] : [.int, .double, .duration]
            guard a.type.isDyn || allowed.contains(a.type) else {
                error("no matching overload for '\(fn == "!_" ? "!" : "-")\(a.type)'", e.id)
                return Info(.dyn, cost: a.cost + 1)
            }
            return Info(a.type, cost: a.cost + 1)
        case ("_?_:_", 3):
            let c = check(args[0])
            let a = check(args[1])
            let b = check(args[2])
            if !c.type.fits(.bool) { error("the condition of '? :' must be a bool, found \(c.type)", args[0].id) }
            return Info(StaticType.join(a.type, b.type), bound: Info.most([a.bound, b.bound]),
                        element: Info.most([a.element, b.element]), cost: Self.add(1, c.cost, a.cost, b.cost))
        case ("_[_]", 2), ("_[?_]", 2):
            return index(e, args, optional: fn == "_[?_]")
        default:
            break
        }
        guard args.count == 2, let symbol = Self.symbols[fn] else { return nil }
        // `x || true` is true and `x && false` false whatever x is, errors included (CEL's
        // commutative absorption): the other operand cannot change the value, so it is not
        // checked (`rules check` lints such conditions instead).
        if let dead = Self.absorbing(fn, args) {
            let before = errors.count
            let info = check(dead)
            errors.removeSubrange(before...)
            return Info(.bool, cost: Self.add(2, info.cost))
        }
        let a = check(args[0])
        let b = check(args[1])
        let cost = Self.add(1, a.cost, b.cost)
        func mismatch() -> Info {
            error("no matching overload for '\(a.type) \(symbol) \(b.type)'", e.id)
            return Info(.dyn, cost: cost)
        }
        switch fn {
        case "_&&_", "_||_":
            return a.type.fits(.bool) && b.type.fits(.bool) ? Info(.bool, cost: cost) : mismatch()
        case "_==_", "_!=_":
            return a.type.comparableForEquality(with: b.type) ? Info(.bool, cost: cost) : mismatch()
        case "_<_", "_<=_", "_>_", "_>=_":
            return a.type.orderable(with: b.type) ? Info(.bool, cost: cost) : mismatch()
        case "@in":
            let ok: Bool
            switch b.type {
            case .dyn: ok = true
            case .list(let element): ok = a.type.comparableForEquality(with: element)
            case .map(let key, _): ok = a.type.comparableForEquality(with: key)
            case .record: ok = a.type.comparableForEquality(with: .string)
            default: ok = false
            }
            return ok ? Info(.bool, cost: cost) : mismatch()
        case "_+_" where listOperands(a.type, b.type):
            let element: StaticType
            switch (a.type, b.type) {
            case (.list(let x), .list(let y)): element = StaticType.join(x, y)
            case (.list(let x), _), (_, .list(let x)): element = x
            default: element = .dyn
            }
            let bound = a.bound.flatMap { x in b.bound.map { TypeChecker.add(x, $0) } }
            return Info(.list(element), bound: bound, element: Info.most([a.element, b.element]), cost: cost)
        default:
            guard let table = Self.arithmetic[fn] else { return mismatch() }
            let matches = table.filter { params, _ in a.type.fits(params[0]) && b.type.fits(params[1]) }
            return matches.isEmpty ? mismatch() : Info(StaticType.join(matches.map(\.1)), cost: cost)
        }
    }

    /// The operand of `_||_` / `_&&_` that is the absorbing literal (`true` / `false`), if any.
    static func absorbing(_ fn: String, _ args: [Expr]) -> Expr? {
        let value: Bool
        switch fn {
        case "_||_": value = true
        case "_&&_": value = false
        default: return nil
        }
        for arg in args {
            if case .literal(.bool(let b)) = arg.kind, b == value { return args[args[0].id == arg.id ? 1 : 0] }
        }
        return nil
    }

    /// `list + list` (either side may be dyn, not both).
    private func listOperands(_ a: StaticType, _ b: StaticType) -> Bool {
        switch (a, b) {
        case (.list, .list), (.list, .dyn), (.dyn, .list): return true
        default: return false
        }
    }

    /// `a[i]` and `a[?i]`.
    private mutating func index(_ e: Expr, _ args: [Expr], optional: Bool) -> Info {
        let a = check(args[0])
        let i = check(args[1])
        let cost = Self.add(1, a.cost, i.cost)
        var container = a.type
        var wrapped = optional
        if case .optional(let inner) = container {
            container = inner
            wrapped = true
        }
        var result: Typed?
        switch container {
        case .dyn: result = .dyn
        case .list(let element): if i.type.isDyn || i.type.isNumeric { result = Typed(element, bound: a.element) }
        case .map(let key, let value): if i.type.comparableForEquality(with: key) { result = Typed(value) }
        case .record(let record):
            if case .literal(.string(let field)) = args[1].kind {
                result = recordField(record, field, args[1].id, operand: args[0])
            } else if i.type.fits(.string) {
                result = Typed(record.valueType)
            }
        default: break
        }
        guard let result else {
            error("no matching overload for '\(a.type)[\(optional ? "?" : "")\(i.type)]'", e.id)
            return Info(.dyn, cost: cost)
        }
        return Info(wrapped ? .optional(result.type) : result.type, bound: result.bound, cost: cost)
    }
}
