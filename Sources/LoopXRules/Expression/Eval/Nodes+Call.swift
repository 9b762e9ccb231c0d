/// A call whose implementation was resolved at compile time (or a strict unary operator),
/// with one argument; an error argument is the result.
final class Call1Node: Node {
    let id: Int
    let a: any Node
    let fn: @Sendable (Value, Int) -> Value

    init(id: Int, a: any Node, fn: @escaping @Sendable (Value, Int) -> Value) {
        self.id = id
        self.a = a
        self.fn = fn
    }

    func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .error = x { return x }
        return fn(x, id)
    }
}

/// A resolved call (or a strict binary operator) with two arguments; an error argument is the result.
final class Call2Node: Node {
    let id: Int
    let a: any Node
    let b: any Node
    let fn: @Sendable (Value, Value, Int) -> Value

    init(id: Int, a: any Node, b: any Node, fn: @escaping @Sendable (Value, Value, Int) -> Value) {
        self.id = id
        self.a = a
        self.b = b
        self.fn = fn
    }

    func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .error = x { return x }
        let y = b.eval(f)
        if case .error = y { return y }
        return fn(x, y, id)
    }
}

/// A resolved call with any number of arguments; the first error argument is the result.
final class CallNNode: Node {
    let id: Int
    let args: [any Node]
    let fn: @Sendable ([Value], Int) -> Value

    init(id: Int, args: [any Node], fn: @escaping @Sendable ([Value], Int) -> Value) {
        self.id = id
        self.args = args
        self.fn = fn
    }

    func eval(_ f: Frame) -> Value {
        var vs: [Value] = []
        vs.reserveCapacity(args.count)
        for a in args {
            let v = a.eval(f)
            if case .error = v { return v }
            vs.append(v)
        }
        return fn(vs, id)
    }
}
