/// A variable of `pipeline.yaml`'s `variables:` block: a derivation shared by every stage of
/// every decision, evaluated at most once per decision evaluation and only when some
/// expression that runs reads it. It reads facts, `now` and other decision variables (never a
/// stage output); the list is in dependency order, so a variable's dependencies come first.
public struct DecisionVariable: Sendable {
    public let name: String
    public let expression: RuleExpression
    /// Indexes of the decision variables this one reads (directly); each lower than its own.
    let dependencies: [Int]
}

/// The decision variables' values during one decision evaluation: a slot per variable,
/// filled the first time a rule, a stage variable or a defaults template needs it.
struct DecisionVariableMemo {
    let variables: [DecisionVariable]
    private var values: [Value?]
    /// The variables evaluated, in evaluation order, with their values (kept only when tracing).
    private(set) var evaluated: [(name: String, value: Value)] = []
    private let recording: Bool

    init(_ variables: [DecisionVariable], trace: TraceLevel) {
        self.variables = variables
        values = variables.isEmpty ? [] : Array(repeating: nil, count: variables.count)
        recording = trace != .off
    }

    /// Evaluates (once per decision) and binds the variables `indexes` name; `indexes` is a
    /// dependency closure in definition order, so each dependency is bound before its reader.
    @inline(__always)
    mutating func bind(_ indexes: [Int], _ activation: inout Activation) {
        for i in indexes where values[i] == nil {
            let value = variables[i].expression.evaluate(activation)
            values[i] = value
            activation.bind(variables[i].name, value)
            if recording { evaluated.append((variables[i].name, value)) }
        }
    }
}
