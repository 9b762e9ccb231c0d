/// Evaluates `then` and `defaults` templates: constants as they are, `${expr}` as typed
/// values, text with `${expr}` parts as strings.
enum ThenEvaluator {
    /// A rule's `then` value and the first failure, if any part failed (that part is null).
    static func evaluate(_ rule: Rule, _ activation: Activation) -> (value: Value, failure: String?) {
        if let constant = rule.constantThen { return (constant, nil) }
        return value(of: rule.then, activation)
    }

    static func value(of template: ThenTemplate, _ activation: Activation) -> (value: Value, failure: String?) {
        var failure: String?
        let result = walk(template, activation, &failure)
        return (result, failure)
    }

    private static func walk(_ template: ThenTemplate, _ activation: Activation, _ failure: inout String?) -> Value {
        switch template {
        case .constant(let v): return v
        case .expression(let e):
            let v = e.evaluate(activation)
            if case .error(let error) = v {
                if failure == nil { failure = "in '${\(e.source)}': \(error.message)" }
                return .null
            }
            return v
        case .text(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .literal(let s): text += s
                case .expression(let e):
                    let v = e.evaluate(activation)
                    if case .error(let error) = v {
                        if failure == nil { failure = "in '${\(e.source)}': \(error.message)" }
                    } else {
                        text += interpolated(v)
                    }
                }
            }
            return .string(text)
        case .map(let entries):
            return .map(entries.map { ($0.key, walk($0.value, activation, &failure)) })
        case .list(let items):
            return .list(items.map { walk($0, activation, &failure) })
        }
    }

    /// How a value reads inside text: strings as they are, times in their text forms, the
    /// rest as CEL literals.
    static func interpolated(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .timestamp(let t): return t.rfc3339
        case .duration(let d): return d.text
        default: return v.celLiteral
        }
    }
}
