extension Parser {
    /// A global call, expanding `has(a.b)`.
    mutating func expandGlobal(function: String, absolute: Bool, args: [Expr], start: Int, end: Int) -> Expr {
        if function == "has", !absolute {
            guard args.count == 1, case .select(let operand, let field, false) = args[0].kind else {
                error("invalid argument to has() macro: expected a field selection like has(a.b)", at: start)
                return node(.literal(.null), start, end)
            }
            return node(.presence(operand, field: field), start, end)
        }
        return node(.call(target: nil, function: function, args: args), start, end)
    }

    /// A receiver call, expanding the comprehension macros.
    mutating func expandMember(target: Expr, function: String, args: [Expr], start: Int, end: Int) -> Expr {
        if case .ident("cel", false) = target.kind, function == "bind" {
            guard args.count == 3, let name = simpleName(args[0]) else {
                error("cel.bind() expects a variable name, an initial value and an expression", at: start)
                return node(.literal(.null), start, end)
            }
            return macro(.bind, args[1], name, nil, [args[2]], start, end)
        }
        let kind: MacroKind
        let twoVarKind: MacroKind?
        var bodies: Int
        switch (function, args.count) {
        case ("all", 2), ("exists", 2), ("exists_one", 2), ("existsOne", 2), ("map", 2), ("filter", 2),
             ("streak", 2), ("optMap", 2), ("optFlatMap", 2):
            bodies = 1
            twoVarKind = nil
            switch function {
            case "all": kind = .all
            case "exists": kind = .exists
            case "map": kind = .map
            case "filter": kind = .filter
            case "streak": kind = .streak
            case "optMap": kind = .optMap
            case "optFlatMap": kind = .optFlatMap
            default: kind = .existsOne
            }
            return singleVar(kind, target, args, start, end)
        case ("map", 3):
            return singleVar(.mapFilter, target, args, start, end)
        case ("all", 3), ("exists", 3), ("exists_one", 3), ("existsOne", 3):
            bodies = 1
            kind = function == "all" ? .all : (function == "exists" ? .exists : .existsOne)
            twoVarKind = kind
        case ("transformList", 3), ("transformList", 4):
            bodies = args.count - 2
            kind = bodies == 1 ? .transformList : .transformListFilter
            twoVarKind = kind
        case ("transformMap", 3), ("transformMap", 4):
            bodies = args.count - 2
            kind = bodies == 1 ? .transformMap : .transformMapFilter
            twoVarKind = kind
        case ("transformMapEntry", 3), ("transformMapEntry", 4):
            bodies = args.count - 2
            kind = bodies == 1 ? .transformMapEntry : .transformMapEntryFilter
            twoVarKind = kind
        default:
            return node(.call(target: target, function: function, args: args), start, end)
        }
        guard let k = twoVarKind, let first = simpleName(args[0]), let second = simpleName(args[1]) else {
            error("\(function)() expects simple variable names as its first two arguments", at: start)
            return node(.literal(.null), start, end)
        }
        if first == second {
            error("\(function)(): the two variables must have different names", at: start)
        }
        bodies = args.count - 2
        return macro(k, target, first, second, Array(args.suffix(bodies)), start, end)
    }

    private mutating func singleVar(_ kind: MacroKind, _ target: Expr, _ args: [Expr], _ from: Int, _ to: Int)
        -> Expr
    {
        guard let name = simpleName(args[0]) else {
            error("\(kind.rawValue)() expects a simple variable name as its first argument", at: start(of: args[0]))
            return node(.literal(.null), from, to)
        }
        return macro(kind, target, name, nil, Array(args.dropFirst()), from, to)
    }

    private mutating func macro(
        _ kind: MacroKind, _ range: Expr, _ v1: String, _ v2: String?, _ bodies: [Expr], _ start: Int, _ end: Int
    ) -> Expr {
        let c = Comprehension(kind: kind, range: range, variable: v1, variable2: v2, args: bodies)
        return node(.comprehension(c), start, end)
    }

    func simpleName(_ e: Expr) -> String? {
        if case .ident(let n, false) = e.kind { return n }
        return nil
    }
}
