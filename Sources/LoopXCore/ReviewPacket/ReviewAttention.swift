/// The attention facts a review packet is built from: one goal's attention item.
/// `status` will fill this from the rule engine's `attention` stage; until then
/// `ReviewAttention.derive` reads the same facts from the data layer.
public struct ReviewAttention: Sendable, Hashable {
    public var status: String
    /// `user_or_controller`, `controller`, `codex`, `external_evidence`; nil when no item.
    public var waitingOn: String?
    /// `high`, `action`, `watch`; nil when no item.
    public var severity: String?
    public var recommendedAction: String
    /// `contract`, `global_registry`, `registry`, `run_history`, `latest_run`.
    public var source: String
    public var operatorQuestion: String?
    public var agentCommand: String?
    public var missingGates: [String] = []
    public var nextHandoffCondition: String?
    /// The quota stage's state (`eligible`, `focus_wait`, ...) when known.
    public var quotaState: String?

    public init(status: String, waitingOn: String?, severity: String?, recommendedAction: String, source: String) {
        self.status = status
        self.waitingOn = waitingOn
        self.severity = severity
        self.recommendedAction = recommendedAction
        self.source = source
    }

    /// Applies the registry's attention override fields (`waiting_on`, `attention_status`,
    /// `operator_question`, `recommended_action`, `next_handoff_condition`).
    public mutating func applyOverrides(of goal: GoalEntry) {
        let overrides = goal.attentionOverrides
        if let value = overrides["waiting_on"]?.stringValue {
            waitingOn = value
            if severity == nil { severity = "action" }
        }
        if let value = overrides["attention_status"]?.stringValue { status = value }
        if let value = overrides["operator_question"]?.stringValue { operatorQuestion = value }
        if let value = overrides["recommended_action"]?.stringValue { recommendedAction = value }
        if let value = overrides["next_handoff_condition"]?.stringValue { nextHandoffCondition = value }
    }

    /// Reads an attention item as the `attention` stage (or `status`) reports it; nil when the
    /// value is not an object with a `status`.
    public init?(item: JSONValue, quotaState: String? = nil) {
        guard let status = item["status"]?.stringValue else { return nil }
        self.init(
            status: status, waitingOn: item["waiting_on"]?.stringValue, severity: item["severity"]?.stringValue,
            recommendedAction: item["recommended_action"]?.stringValue ?? "inspect the goal's status",
            source: item["source"]?.stringValue ?? "status")
        operatorQuestion = item["operator_question"]?.stringValue
        agentCommand = item["agent_command"]?.stringValue
        missingGates = item["missing_gates"]?.arrayValue?.compactMap(\.stringValue) ?? []
        nextHandoffCondition = item["next_handoff_condition"]?.stringValue
        self.quotaState = quotaState ?? item["quota_state"]?.stringValue
    }

    public var json: JSONValue {
        [
            "status": .string(status), "waiting_on": JSONField.string(waitingOn), "severity": JSONField.string(severity),
            "recommended_action": .string(recommendedAction), "source": .string(source),
            "operator_question": JSONField.string(operatorQuestion), "agent_command": JSONField.string(agentCommand),
            "missing_gates": JSONField.strings(missingGates), "next_handoff_condition": JSONField.string(nextHandoffCondition),
            "quota_state": JSONField.string(quotaState),
        ]
    }
}
