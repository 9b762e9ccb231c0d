/// The static signatures of the built-in functions (`Builtins`): for a function name and the
/// argument types (receiver first for methods), the result type, or nil when no overload
/// applies. `dyn` arguments match every overload; when several apply, the result is their join.
enum Signatures {
    typealias Resolve = @Sendable ([StaticType]) -> StaticType?

    /// One overload: exact parameter types (`dyn` in a parameter accepts anything) and result.
    static func overloads(_ list: [([StaticType], StaticType)]) -> Resolve {
        { args in
            var result: StaticType?
            for (params, type) in list where params.count == args.count {
                var fits = true
                for index in params.indices where !args[index].fits(params[index]) {
                    fits = false
                    break
                }
                if fits { result = result.map { StaticType.join($0, type) } ?? type }
            }
            return result
        }
    }

    /// Accepts one argument of any of `types`, giving `result`.
    static func unary(_ types: [StaticType], _ result: StaticType) -> Resolve {
        overloads(types.map { ([$0], result) })
    }

    static let numbers: [StaticType] = [.int, .uint, .double]

    /// `x` itself when it is one of `types` (or dyn).
    static func sameAs(_ types: [StaticType]) -> Resolve {
        { args in
            guard args.count == 1 else { return nil }
            return args[0].isDyn ? .dyn : (types.contains(args[0]) ? args[0] : nil)
        }
    }

    static let size: Resolve = { args in
        guard args.count == 1 else { return nil }
        switch args[0] {
        case .dyn, .string, .bytes, .list, .map, .record: return .int
        default: return nil
        }
    }

    /// Global functions by name (qualified names like `math.abs` included).
    static let global: [String: Resolve] = {
        var table: [String: Resolve] = [
            "size": size,
            "int": unary([.int, .uint, .double, .string, .timestamp], .int),
            "uint": unary([.int, .uint, .double, .string], .uint),
            "double": unary([.int, .uint, .double, .string], .double),
            "string": unary([.int, .uint, .double, .bool, .string, .bytes, .timestamp, .duration, .type], .string),
            "bytes": unary([.bytes, .string], .bytes),
            "bool": unary([.bool, .string], .bool),
            "dyn": { $0.count == 1 ? .dyn : nil },
            "type": { $0.count == 1 ? .type : nil },
            "timestamp": unary([.timestamp, .string, .int], .timestamp),
            "duration": unary([.duration, .string], .duration),
            "matches": overloads([([.string, .string], .bool)]),
            "tokens": unary([.string], .list(.string)),
            "math.abs": sameAs(numbers),
            "math.sign": sameAs(numbers),
            "math.bitNot": sameAs([.int, .uint]),
            "math.bitAnd": overloads([([.int, .int], .int), ([.uint, .uint], .uint)]),
            "math.bitOr": overloads([([.int, .int], .int), ([.uint, .uint], .uint)]),
            "math.bitXor": overloads([([.int, .int], .int), ([.uint, .uint], .uint)]),
            "math.bitShiftLeft": overloads([([.int, .int], .int), ([.uint, .int], .uint)]),
            "math.bitShiftRight": overloads([([.int, .int], .int), ([.uint, .int], .uint)]),
            "math.greatest": extreme,
            "math.least": extreme,
            "optional.of": { $0.count == 1 ? .optional($0[0]) : nil },
            "optional.ofNonZeroValue": { $0.count == 1 ? .optional($0[0]) : nil },
            "optional.none": { $0.isEmpty ? .optional(.dyn) : nil },
            "optional.unwrap": unwrap,
            "base64.encode": unary([.bytes], .string),
            "base64.decode": unary([.string], .bytes),
            "strings.quote": unary([.string], .string),
        ]
        for name in ["math.ceil", "math.floor", "math.round", "math.trunc"] { table[name] = unary([.double], .double) }
        for name in ["math.isNaN", "math.isInf", "math.isFinite"] { table[name] = unary([.double], .bool) }
        return table
    }()

    /// Methods by name (the receiver is the first argument).
    static let member: [String: Resolve] = {
        var table: [String: Resolve] = [
            "size": size,
            "contains": overloads([([.string, .string], .bool)]),
            "startsWith": overloads([([.string, .string], .bool)]),
            "endsWith": overloads([([.string, .string], .bool)]),
            "matches": overloads([([.string, .string], .bool)]),
            "charAt": overloads([([.string, .int], .string)]),
            "indexOf": overloads([([.string, .string], .int), ([.string, .string, .int], .int)]),
            "lastIndexOf": overloads([([.string, .string], .int), ([.string, .string, .int], .int)]),
            "lowerAscii": unary([.string], .string),
            "upperAscii": unary([.string], .string),
            "trim": unary([.string], .string),
            "reverse": unary([.string], .string),
            "replace": overloads([([.string, .string, .string], .string), ([.string, .string, .string, .int], .string)]),
            "split": overloads([([.string, .string], .list(.string)), ([.string, .string, .int], .list(.string))]),
            "substring": overloads([([.string, .int], .string), ([.string, .int, .int], .string)]),
            "join": overloads([([.list(.string)], .string), ([.list(.string), .string], .string)]),
            "format": overloads([([.string, .list(.dyn)], .string)]),
            "take": listSlice,
            "drop": listSlice,
            "intersect": { args in
                guard args.count == 2, args[0].fits(.list(.dyn)), args[1].fits(.list(.dyn)) else { return nil }
                return args[0].isDyn ? .list(.dyn) : args[0]
            },
            "hasValue": { args in args.count == 1 && args[0].fits(.optional(.dyn)) ? .bool : nil },
            "value": { args in
                guard args.count == 1 else { return nil }
                if case .optional(let t) = args[0] { return t }
                return args[0].isDyn ? .dyn : nil
            },
            "orValue": { args in
                guard args.count == 2 else { return nil }
                if case .optional(let t) = args[0] { return StaticType.join(t, args[1]) }
                return args[0].isDyn ? .dyn : nil
            },
            "or": { args in
                guard args.count == 2, args[0].fits(.optional(.dyn)), args[1].fits(.optional(.dyn)) else { return nil }
                return StaticType.join(args[0], args[1])
            },
            "unwrapOpt": unwrap,
        ]
        let time = overloads([([.timestamp], .int), ([.timestamp, .string], .int), ([.duration], .int)])
        let dateOnly = overloads([([.timestamp], .int), ([.timestamp, .string], .int)])
        for name in ["getHours", "getMinutes", "getSeconds", "getMilliseconds"] { table[name] = time }
        for name in ["getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear"] {
            table[name] = dateOnly
        }
        return table
    }()

    /// `list.take(n)`, `list.drop(n)`: the same list type.
    static let listSlice: Resolve = { args in
        guard args.count == 2, args[0].fits(.list(.dyn)), args[1].fits(.int) else { return nil }
        return args[0].isDyn ? .list(.dyn) : args[0]
    }

    /// `math.greatest(a, b, ...)` or `math.greatest([a, b])`: numbers, giving their join.
    static let extreme: Resolve = { args in
        guard (1...8).contains(args.count) else { return nil }
        var items = args
        if args.count == 1 {
            switch args[0] {
            case .list(let e): items = [e]
            case .dyn: return .dyn
            default: break
            }
        }
        guard items.allSatisfy({ $0.isDyn || $0.isNumeric }) else { return nil }
        return StaticType.join(items)
    }

    /// `optional.unwrap(list)`, `list.unwrapOpt()`: a list of optionals, unwrapped.
    static let unwrap: Resolve = { args in
        guard args.count == 1 else { return nil }
        switch args[0] {
        case .dyn, .list(.dyn): return .list(.dyn)
        case .list(.optional(let t)): return .list(t)
        default: return nil
        }
    }

    /// Namespaces of qualified global functions (`math`, `optional`, ...).
    static let namespaces: Set<String> = Set(global.keys.compactMap { name in
        name.firstIndex(of: ".").map { String(name[..<$0]) }
    })
}
