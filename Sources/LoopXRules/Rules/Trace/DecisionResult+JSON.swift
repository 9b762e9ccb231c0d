import LoopXSupport
extension DecisionResult {
    /// The documented JSON form (see docs/rules.md, "Trace JSON"):
    /// `{decision, trace, outputs, rule_trace, waivers, error?}`.
    public var json: JSONValue {
        var object: JSONObject = [
            "decision": .string(decision),
            "trace": .string(traceLevel.rawValue),
            "outputs": .object(JSONObject(stages.map { ($0.stage, $0.output.plainJSON) })),
            "rule_trace": ruleTraceJSON,
            "waivers": .array(waivers.map(\.json)),
        ]
        if !expiredWaivers.isEmpty { object["expired_waivers"] = .array(expiredWaivers.map(\.json)) }
        if let error { object["error"] = .string(error.description) }
        return .object(object)
    }

    /// The `rule_trace` array: per stage, the deciding or contributing rules and the output,
    /// plus every rule's outcome and why when tracing.
    public var ruleTraceJSON: JSONValue {
        .array(stages.map { stage in
            var entry: JSONObject = [
                "stage": .string(stage.stage),
                "mode": .string(stage.mode.rawValue),
                "rules": .array(stage.decided.map(\.json)),
                "output": stage.output.plainJSON,
            ]
            if !stage.ruleErrors.isEmpty {
                entry["rule_errors"] = .array(stage.ruleErrors.map { .object(["id": .string($0.id), "error": .string($0.message)]) })
            }
            if traceLevel != .off { entry["evaluated"] = .array(stage.rules.map(\.json)) }
            return .object(entry)
        })
    }
}

extension RuleReference {
    /// `{id, layer, source}`.
    public var json: JSONValue {
        .object(["id": .string(id), "layer": .string(layer.rawValue), "source": .string(origin.description)])
    }
}

extension RuleTrace {
    /// `{id, layer, source, priority, outcome, why?, error?, nodes?}`.
    public var json: JSONValue {
        var object: JSONObject = [
            "id": .string(rule.id), "layer": .string(rule.layer.rawValue), "source": .string(rule.origin.description),
            "priority": .int(Int64(priority)), "outcome": .string(outcome.rawValue),
        ]
        if let why {
            var explanation: JSONObject = ["facts": .object(JSONObject(why.facts.map { ($0.path, $0.value.plainJSON) }))]
            if let conjunct = why.conjunct { explanation["conjunct"] = .string(conjunct) }
            object["why"] = .object(explanation)
        }
        if let error { object["error"] = .string(error) }
        if !nodes.isEmpty {
            object["nodes"] = .array(nodes.map { .object(["expression": .string($0.expression), "value": $0.value.plainJSON]) })
        }
        return .object(object)
    }
}

extension Waiver {
    /// `{rule, owner, reason, expires, source}`.
    public var json: JSONValue {
        .object(["rule": .string(ruleID), "owner": .string(owner), "reason": .string(reason), "expires": .string(expiresText),
                 "source": .string(origin.description)])
    }
}
