/// An implementation of one function for a fixed number of arguments (receiver included).
enum FunctionImpl: Sendable {
    case unary(@Sendable (Value, Int) -> Value)
    case binary(@Sendable (Value, Value, Int) -> Value)
    case nary(@Sendable ([Value], Int) -> Value)
}

/// A function's name and number of arguments (receiver included for methods).
struct FunctionKey: Hashable, Sendable {
    let name: String
    let arity: Int
}

/// The functions the planner can bind, keyed by name and arity: global calls and receiver calls.
struct FunctionTable: Sendable {
    var global: [FunctionKey: FunctionImpl] = [:]
    var member: [FunctionKey: FunctionImpl] = [:]
    /// The first segments of qualified global names (`math` of `math.greatest`).
    var namespaces: Set<String> = []

    static func key(_ name: String, _ arity: Int) -> FunctionKey { FunctionKey(name: name, arity: arity) }

    mutating func global(_ name: String, _ f: @escaping @Sendable (Value, Int) -> Value) {
        global[Self.key(name, 1)] = .unary(f)
    }

    mutating func global(_ name: String, _ f: @escaping @Sendable (Value, Value, Int) -> Value) {
        global[Self.key(name, 2)] = .binary(f)
    }

    mutating func global(_ name: String, arity: Int, _ f: @escaping @Sendable ([Value], Int) -> Value) {
        global[Self.key(name, arity)] = .nary(f)
    }

    mutating func member(_ name: String, _ f: @escaping @Sendable (Value, Int) -> Value) {
        member[Self.key(name, 1)] = .unary(f)
    }

    mutating func member(_ name: String, _ f: @escaping @Sendable (Value, Value, Int) -> Value) {
        member[Self.key(name, 2)] = .binary(f)
    }

    mutating func member(_ name: String, arity: Int, _ f: @escaping @Sendable ([Value], Int) -> Value) {
        member[Self.key(name, arity)] = .nary(f)
    }

    /// Registers a one-argument function callable both as `f(x)` and `x.f()`.
    mutating func both(_ name: String, _ f: @escaping @Sendable (Value, Int) -> Value) {
        global(name, f)
        member(name, f)
    }

    mutating func both(_ name: String, _ f: @escaping @Sendable (Value, Value, Int) -> Value) {
        global(name, f)
        member(name, f)
    }
}

/// All built-in functions: the standard library, the extensions and loopx's own.
enum Builtins {
    static let table: FunctionTable = {
        var t = FunctionTable()
        registerCore(&t)
        registerConversions(&t)
        registerTime(&t)
        registerStrings(&t)
        registerMath(&t)
        registerOptionals(&t)
        registerEncoders(&t)
        registerLists(&t)
        for key in t.global.keys {
            if let dot = key.name.firstIndex(of: ".") { t.namespaces.insert(String(key.name[..<dot])) }
        }
        return t
    }()
}
