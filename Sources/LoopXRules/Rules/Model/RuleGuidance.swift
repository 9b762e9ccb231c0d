import LoopXSupport
/// What a rule's `prompt:` is in the heartbeat body, as the rule declares it
/// (`guidance: {section: skipping, label: quota_skip}`): the body is built from this, never
/// from the text of the rule's condition.
public struct RuleGuidance: Sendable, Hashable {
    /// Where the body shows the prompt (nil: the stage's own place; see `GuidanceSection`).
    public var section: GuidanceSection?
    /// The name the body shows for the rule (nil: its id without the stage prefix).
    public var label: String?

    public init(section: GuidanceSection? = nil, label: String? = nil) {
        self.section = section
        self.label = label
    }

    static let keys = ["section", "label"]

    /// Reads a `guidance:` mapping; an unknown section or key is a positioned error.
    static func read(_ node: YAMLNode, in unit: RuleFileUnit, sink: inout DiagnosticSink) -> RuleGuidance? {
        guard let reader = MappingReader(node, in: unit, what: "guidance", allowed: keys, sink: &sink) else { return nil }
        let guidance = RuleGuidance(
            section: reader.choice("section", GuidanceSection.self, sink: &sink), label: reader.string("label", sink: &sink))
        if let label = guidance.label, label.allSatisfy(\.isWhitespace), let node = reader.value("label") {
            sink.add(unit.diagnostic("a guidance label must not be empty", at: node))
        }
        return guidance
    }
}

/// The parts of the heartbeat body a rule's prompt can stand in.
public enum GuidanceSection: String, Sendable, Hashable, CaseIterable {
    /// Heartbeat modes checked first, whatever should_run says.
    case first
    /// The one catch-all for should_run=false.
    case skipping
    /// Heartbeat modes that apply when should_run is true.
    case running
    /// Execution obligations.
    case obligation
    /// Delivery contracts.
    case deliveryContract = "delivery_contract"
    /// Boundary gates.
    case gate
}
