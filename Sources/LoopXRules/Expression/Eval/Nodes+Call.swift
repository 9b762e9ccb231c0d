/// A call whose implementation was resolved at compile time, with one argument.
struct Call1Node: Node {
    let id: Int
    let a: any Node
    let fn: @Sendable (Value, Int) -> Value

    func eval(_ f: Frame) -> Value {
        let x = a.eval(f)
        if case .error = x { return x }
        return fn(x, id)
    }
}

/// A resolved call with two arguments.
struct Call2Node: StrictBinaryNode {
    let id: Int
    let a: any Node
    let b: any Node
    let fn: @Sendable (Value, Value, Int) -> Value

    func apply(_ x: Value, _ y: Value) -> Value { fn(x, y, id) }
}

/// A resolved call with any number of arguments; the first error argument is the result.
struct CallNNode: Node {
    let id: Int
    let args: [any Node]
    let fn: @Sendable ([Value], Int) -> Value

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
