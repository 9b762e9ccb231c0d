/// The five arithmetic operators on numbers, named as their error messages say them.
enum Arithmetic: String {
    case addition, subtraction, multiplication, division, modulus
}

extension Ops {
    /// `x op y` on two ints or two uints (checked: overflow and a zero divisor are errors) or on
    /// two doubles (IEEE; there is no double `%`); nil for any other operands.
    static func arithmetic(_ op: Arithmetic, _ x: Value, _ y: Value, _ id: Int) -> Value? {
        switch (x, y) {
        case (.int(let a), .int(let b)): return checked(op, a, b, id, "integer overflow", Value.int)
        case (.uint(let a), .uint(let b)): return checked(op, a, b, id, "unsigned integer overflow", Value.uint)
        case (.double(let a), .double(let b)):
            switch op {
            case .addition: return .double(a + b)
            case .subtraction: return .double(a - b)
            case .multiplication: return .double(a * b)
            case .division: return .double(a / b)
            case .modulus: return nil
            }
        default: return nil
        }
    }

    /// `a op b` on fixed-width integers, `wrap`ped as a value; overflow and a zero divisor are errors.
    private static func checked<T: FixedWidthInteger>(_ op: Arithmetic, _ a: T, _ b: T, _ id: Int,
                                                      _ overflow: String, _ wrap: (T) -> Value) -> Value
    {
        let result: (partialValue: T, overflow: Bool)
        switch op {
        case .addition: result = a.addingReportingOverflow(b)
        case .subtraction: result = a.subtractingReportingOverflow(b)
        case .multiplication: result = a.multipliedReportingOverflow(by: b)
        case .division, .modulus:
            if b == 0 { return .err("\(op.rawValue) by zero", id) }
            result = op == .division ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
        }
        return result.overflow ? .err("\(overflow) in \(op.rawValue)", id) : wrap(result.partialValue)
    }
}
