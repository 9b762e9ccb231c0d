import LoopXRules
import LoopXSupport

/// The should-run answer as Swift reads it: the declared answer (the base stage's output,
/// failed closed, plus the fields `answers.should_run` names) decoded once into the values
/// the commands act on. Values are kept as JSON where they are passed on unchanged.
public struct ShouldRunAnswer: Sendable {
    /// The answer's fields by name.
    public let fields: JSONObject

    init(shape: AnswerShape, outputs: [String: JSONValue]) {
        var object = shape.base.flatMap { outputs[$0]?.objectValue } ?? JSONObject()
        for entry in shape.entries(outputs) { object[entry.key] = entry.value }
        fields = object
    }

    /// `run`, `skip`, `self_repair`, ... (null when the decision made none).
    public var decision: JSONValue { fields["decision"] ?? .null }
    public var effectiveAction: JSONValue { fields["effective_action"] ?? .null }
    /// The quota state the decision acted on.
    public var state: JSONValue { fields["state"] ?? .null }
    public var reason: String { fields["reason"]?.stringValue ?? "" }
    public var recommendedAction: JSONValue { fields["recommended_action"] ?? "" }
    /// The heartbeat mode the rules recommend.
    public var heartbeatMode: JSONValue { fields["heartbeat_recommendation"]?["recommended_mode"] ?? .null }
    /// The execution obligation (`must_attempt_work`, `kind`, `minimum`).
    public var obligation: JSONValue { fields["execution_obligation"] ?? .null }
    public var mustAttemptWork: Bool { obligation["must_attempt_work"] == .bool(true) }
}
