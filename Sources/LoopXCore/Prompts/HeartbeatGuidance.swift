/// The `prompt:` guidance a heartbeat body is built from: the rules of the heartbeat,
/// obligation, delivery-contract and gate stages that can fire, grouped by where the body
/// uses them. Taken from the loaded rule set, so project, user and `--rules` layers count.
public struct HeartbeatGuidance: Sendable {
    /// One rule's guidance with the label the body shows for it.
    public struct Item: Sendable, Hashable {
        public var ruleID: String
        public var stage: String
        /// The rule's constant `recommended_mode`/`kind`/`mode`/`gate` value, else its id.
        public var label: String
        public var text: String
        public var layer: String
    }

    /// Heartbeat modes ranked before the should_run=false catch-all: they apply whatever
    /// should_run says (gates, blockers, repairs).
    public var first: [Item]
    /// The catch-all for should_run=false (a rule whose `when` is exactly `!should_run.should_run`).
    public var whenSkipping: [Item]
    /// Heartbeat modes that can only fire when should_run is true.
    public var whenRunning: [Item]
    public var obligations: [Item]
    public var deliveryContracts: [Item]
    public var gates: [Item]

    public static let heartbeatStage = "heartbeat_recommendation"
    public static let stages = [heartbeatStage, "execution_obligation", "delivery_contract", "boundary_gates"]

    public init(ruleSet: RuleSet) {
        let reachable = HeartbeatGuidance.reachableRules(ruleSet)
        func items(_ stage: String) -> [Item] {
            (reachable[stage] ?? []).compactMap { rule in
                guard let text = rule.prompt?.trimmingWhitespace, !text.isEmpty else { return nil }
                return Item(
                    ruleID: rule.id, stage: stage, label: HeartbeatGuidance.label(of: rule),
                    text: text.replacing("\n", with: " "), layer: rule.effectiveLayer.rawValue)
            }
        }
        let heartbeat = items(HeartbeatGuidance.heartbeatStage)
        let catchAllIDs = Set((reachable[HeartbeatGuidance.heartbeatStage] ?? []).filter(HeartbeatGuidance.isSkipCatchAll).map(\.id))
        if let split = heartbeat.firstIndex(where: { catchAllIDs.contains($0.ruleID) }) {
            first = Array(heartbeat[..<split])
            whenSkipping = [heartbeat[split]]
            whenRunning = Array(heartbeat[(split + 1)...])
        } else {
            first = heartbeat
            whenSkipping = []
            whenRunning = []
        }
        obligations = items("execution_obligation")
        deliveryContracts = items("delivery_contract")
        gates = items("boundary_gates")
    }

    /// Every item, in body order.
    public var all: [Item] { first + whenSkipping + whenRunning + obligations + deliveryContracts + gates }

    /// The rules of each stage that can fire: enabled, `when` not the literal `false`, and in a
    /// first_match stage not after a rule whose `when` is the literal `true` (it always decides).
    /// Stages no decision runs are left out.
    static func reachableRules(_ ruleSet: RuleSet) -> [String: [Rule]] {
        let run = Set(ruleSet.pipeline.allStages)
        var out: [String: [Rule]] = [:]
        for name in stages where run.contains(name) {
            guard let stage = ruleSet.stages[name] else { continue }
            var rules: [Rule] = []
            for rule in stage.rules where !rule.isDisabled {
                let condition = compact(rule.when.source)
                if condition == "false" { continue }
                rules.append(rule)
                if stage.mode == .firstMatch && condition == "true" { break }
            }
            out[name] = rules
        }
        return out
    }

    static func isSkipCatchAll(_ rule: Rule) -> Bool {
        let condition = compact(rule.when.source)
        return condition == "!should_run.should_run" || condition == "should_run.should_run==false"
    }

    private static func compact(_ source: String) -> String {
        String(source.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// The constant value naming what the rule decides, else the rule id without its stage prefix.
    static func label(of rule: Rule) -> String {
        // Gate rules all decide one of three gate kinds; their ids say more.
        let prefix = rule.stage + "."
        let shortID = rule.id.hasPrefix(prefix) ? String(rule.id.dropFirst(prefix.count)) : rule.id
        if rule.stage == "boundary_gates" { return shortID }
        guard case .map(let entries) = rule.then else { return shortID }
        for key in ["recommended_mode", "kind", "mode", "gate"] {
            if let entry = entries.first(where: { $0.key == key }), case .constant(.string(let value)) = entry.value, !value.isEmpty {
                return value
            }
        }
        return shortID
    }
}
