/// An implementation of one function for a fixed number of arguments (receiver included).
enum FunctionImpl: Sendable {
    case unary(@Sendable (Value, Int) -> Value)
    case binary(@Sendable (Value, Value, Int) -> Value)
    case nary(@Sendable ([Value], Int) -> Value)
}

/// The functions the planner can bind, keyed by `name/arity`: global calls and receiver calls.
struct FunctionTable: Sendable {
    var global: [String: FunctionImpl] = [:]
    var member: [String: FunctionImpl] = [:]

    static func key(_ name: String, _ arity: Int) -> String { name + "/" + String(arity) }

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
        return t
    }()
}
