import LoopXRules

/// The `prompt:` guidance a heartbeat body is built from: the rules of the heartbeat,
/// obligation, delivery-contract and gate stages that can fire, grouped by where the body
/// uses them. Taken from the loaded rule set, so project, user and `--rules` layers count.
public struct HeartbeatGuidance: Sendable {
    /// One rule's guidance with the label the body shows for it.
    public struct Item: Sendable, Hashable {
        public var ruleID: String
        public var stage: String
        /// The rule's declared `guidance.label`, else its id without the first part.
        public var label: String
        public var text: String
        public var layer: String
    }

    /// Heartbeat modes ranked before the should_run=false catch-all: they apply whatever
    /// should_run says (gates, blockers, repairs).
    public var first: [Item]
    /// The catch-all for should_run=false (the rule declaring `guidance: {section: skipping}`).
    public var whenSkipping: [Item]
    /// Heartbeat modes that can only fire when should_run is true.
    public var whenRunning: [Item]
    public var obligations: [Item]
    public var deliveryContracts: [Item]
    public var gates: [Item]

    public static let heartbeatStage = "heartbeat_recommendation"
    public static let stages = [heartbeatStage, "execution_obligation", "delivery_contract", "boundary_gates"]

    public init(ruleSet: RuleSet) {
        var sections: [GuidanceSection: [Item]] = [:]
        for (stage, rules) in HeartbeatGuidance.reachableRules(ruleSet) {
            var pastSkipping = false
            for rule in rules {
                let section = rule.guidance?.section ?? HeartbeatGuidance.section(ofStage: stage, pastSkipping: pastSkipping)
                if section == .skipping { pastSkipping = true }
                guard let text = rule.prompt?.trimmingWhitespace, !text.isEmpty else { continue }
                sections[section, default: []].append(Item(
                    ruleID: rule.id, stage: stage, label: HeartbeatGuidance.label(of: rule),
                    text: text.replacing("\n", with: " "), layer: rule.effectiveLayer.rawValue))
            }
        }
        first = sections[.first] ?? []
        whenSkipping = sections[.skipping] ?? []
        whenRunning = sections[.running] ?? []
        obligations = sections[.obligation] ?? []
        deliveryContracts = sections[.deliveryContract] ?? []
        gates = sections[.gate] ?? []
    }

    /// Every item, in body order.
    public var all: [Item] { first + whenSkipping + whenRunning + obligations + deliveryContracts + gates }

    /// The section of a rule that declares none: its stage's own; in the heartbeat stage,
    /// `first` before the rule declared `skipping` in run order and `running` after it.
    static func section(ofStage stage: String, pastSkipping: Bool) -> GuidanceSection {
        switch stage {
        case "execution_obligation": .obligation
        case "delivery_contract": .deliveryContract
        case "boundary_gates": .gate
        default: pastSkipping ? .running : .first
        }
    }

    /// The rules of each stage that can fire, in stage order: enabled, `when` not the literal
    /// `false`, and in a first_match stage not after a rule whose `when` is the literal `true`
    /// (it always decides). Stages no decision runs are left out.
    static func reachableRules(_ ruleSet: RuleSet) -> [(stage: String, rules: [Rule])] {
        let run = Set(ruleSet.pipeline.allStages)
        var out: [(stage: String, rules: [Rule])] = []
        for name in stages where run.contains(name) {
            guard let stage = ruleSet.stages[name] else { continue }
            var rules: [Rule] = []
            for rule in stage.rules where !rule.isDisabled && !rule.when.isLiteralFalse {
                rules.append(rule)
                if stage.mode == .firstMatch && rule.when.isLiteralTrue { break }
            }
            out.append((name, rules))
        }
        return out
    }

    /// The declared label, else the rule id without its first part (`heartbeat.quota_skip`
    /// shows as `quota_skip`).
    static func label(of rule: Rule) -> String {
        if let label = rule.guidance?.label { return label }
        guard let dot = rule.id.firstIndex(of: ".") else { return rule.id }
        return String(rule.id[rule.id.index(after: dot)...])
    }
}
