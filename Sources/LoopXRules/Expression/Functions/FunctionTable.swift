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

/// The implementations of one kind of call (global or receiver), keyed by name and arity;
/// `scope(name, f)` registers `f` under the arity its signature has.
struct FunctionScope: Sendable {
    private(set) var impls: [FunctionKey: FunctionImpl] = [:]

    subscript(key: FunctionKey) -> FunctionImpl? { impls[key] }

    mutating func callAsFunction(_ name: String, _ f: @escaping @Sendable (Value, Int) -> Value) {
        impls[FunctionTable.key(name, 1)] = .unary(f)
    }

    mutating func callAsFunction(_ name: String, _ f: @escaping @Sendable (Value, Value, Int) -> Value) {
        impls[FunctionTable.key(name, 2)] = .binary(f)
    }

    mutating func callAsFunction(_ name: String, arity: Int, _ f: @escaping @Sendable ([Value], Int) -> Value) {
        impls[FunctionTable.key(name, arity)] = .nary(f)
    }
}

/// The functions the planner can bind: global calls and receiver calls.
struct FunctionTable: Sendable {
    var global = FunctionScope()
    var member = FunctionScope()
    /// The first segments of qualified global names (`math` of `math.greatest`).
    var namespaces: Set<String> = []

    static func key(_ name: String, _ arity: Int) -> FunctionKey { FunctionKey(name: name, arity: arity) }

    /// Registers a one-argument function callable both as `f(x)` and `x.f()`.
    mutating func both(_ name: String, _ f: @escaping @Sendable (Value, Int) -> Value) {
        global(name, f)
        member(name, f)
    }

    /// Registers a two-argument function callable both as `f(x, y)` and `x.f(y)`.
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
        for key in t.global.impls.keys {
            if let dot = key.name.firstIndex(of: ".") { t.namespaces.insert(String(key.name[..<dot])) }
        }
        return t
    }()
}
