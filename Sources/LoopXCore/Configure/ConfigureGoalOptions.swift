import LoopXRules
import LoopXSupport

/// What `configure-goal` was asked to change, validated into registry field edits the way
/// `bootstrap` validates the same fields (labels, agent ids, write scopes, ranges).
public struct ConfigureGoalOptions: Sendable {
    public var waitingOn: String?
    public var clearWaitingOn = false
    public var status: String?
    public var adapterKind: String?
    public var adapterStatus: String?
    public var quotaCompute: Double?
    public var quotaWindowHours: Int64?
    public var quotaSlotMinutes: Int64?
    public var quotaAllowedSlots: Int64?
    public var clearQuotaAllowedSlots = false
    public var writeScopes: [String] = []
    public var clearWriteScope = false
    public var spawnAllowed: Bool?
    public var maxChildren: Int64?
    public var allowedDomains: [String] = []
    public var clearAllowedDomains = false
    public var orchestrationMode: String?
    public var registeredAgents: [String] = []
    public var clearRegisteredAgents = false
    public var primaryAgent: String?
    public var clearPrimaryAgent = false
    public var selfRepair: Bool?

    public init() {}

    /// The registry `waiting_on` overrides the attention rules honour.
    public static let waitingOnValues = ["codex", "user_or_controller", "controller", "external_evidence"]
    public static let orchestrationModes = ["default", "multi_subagent"]

    /// The edits, in a fixed order; list options add to the goal's current list (deduplicated)
    /// unless the matching `clear` flag empties it first. Labels are checked against the
    /// syntax `Rules/facts.yaml` declares (`fields`).
    public func edits(for entry: GoalEntry, fields: FieldRules) throws(CommandFailure) -> [RegistryFieldEdit] {
        var edits: [RegistryFieldEdit] = []
        if clearWaitingOn { edits.append(.init(["waiting_on"], nil)) }
        if let waitingOn {
            try Self.check(Self.waitingOnValues.contains(waitingOn), "--waiting-on", waitingOn, "one of " + Self.waitingOnValues.joined(separator: ", "))
            edits.append(.init(["waiting_on"], .string(waitingOn)))
        }
        for (flag, path, value) in [("--status", ["status"], status), ("--adapter-kind", ["adapter", "kind"], adapterKind),
                                    ("--adapter-status", ["adapter", "status"], adapterStatus)] {
            guard let value else { continue }
            try Self.check(fields.isLabel(value), flag, value, "a label: letters, digits and _.:/- (at most 80)")
            edits.append(.init(path, .string(value)))
        }
        if let quotaCompute {
            try Self.check(quotaCompute.isFinite && quotaCompute >= 0 && quotaCompute <= 1, "--quota-compute", "\(quotaCompute)", "a number in 0...1")
            edits.append(.init(["quota", "compute"], .double(quotaCompute)))
        }
        for (flag, key, value, range) in [("--quota-window-hours", "window_hours", quotaWindowHours, NumberRange.windowHours),
                                          ("--quota-slot-minutes", "slot_minutes", quotaSlotMinutes, NumberRange.slotMinutes),
                                          ("--quota-allowed-slots", "allowed_slots", quotaAllowedSlots, NumberRange.allowedSlots)] {
            guard let value else { continue }
            edits.append(.init(["quota", key], .int(try range.checkedFlag(value, flag: flag))))
        }
        if clearQuotaAllowedSlots { edits.append(.init(["quota", "allowed_slots"], nil)) }
        if clearWriteScope || !writeScopes.isEmpty {
            for scope in writeScopes {
                try Self.check(TodoValidation.isWriteScope(scope), "--write-scope", scope, "a relative path pattern such as docs/** (no '..', no spaces)")
            }
            let base = clearWriteScope ? [] : Self.strings(entry.object["coordination"]?["write_scope"])
            edits.append(.init(["coordination", "write_scope"], .strings(Self.merged(base, writeScopes))))
        }
        if let spawnAllowed { edits.append(.init(["spawn_policy", "allowed"], .bool(spawnAllowed))) }
        if let maxChildren {
            edits.append(.init(["spawn_policy", "max_children"], .int(try NumberRange.maxChildren.checkedFlag(maxChildren, flag: "--max-children"))))
        }
        if clearAllowedDomains || !allowedDomains.isEmpty {
            for domain in allowedDomains {
                try Self.check(fields.isLabel(domain), "--allowed-domain", domain, "a label: letters, digits and _.:/-")
            }
            let base = clearAllowedDomains ? [] : Self.strings(entry.object["spawn_policy"]?["allowed_domains"])
            edits.append(.init(["spawn_policy", "allowed_domains"], .strings(Self.merged(base, allowedDomains))))
        }
        if let orchestrationMode {
            try Self.check(Self.orchestrationModes.contains(orchestrationMode), "--orchestration-mode", orchestrationMode, "default or multi_subagent")
            edits.append(.init(["spawn_policy", "mode"], .string(orchestrationMode)))
        }
        edits += try agentEdits(for: entry)
        if let selfRepair { edits.append(.init(["control_plane", "self_repair", "enabled"], .bool(selfRepair))) }
        return edits
    }

    /// `coordination.registered_agents` and `primary_agent`; the primary must be registered
    /// (when any agent is).
    func agentEdits(for entry: GoalEntry) throws(CommandFailure) -> [RegistryFieldEdit] {
        var edits: [RegistryFieldEdit] = []
        let added = registeredAgents.flatMap { $0.split(separator: ",").map { TodoValidation.normalizeAgentID(String($0)) } }
        for agent in added {
            try Self.check(TodoValidation.isAgentID(agent), "--registered-agent", agent, "an agent id: lower-case letters, digits and _.:@- (at most 80)")
        }
        var agents = clearRegisteredAgents ? [] : entry.registeredAgents
        if clearRegisteredAgents || !added.isEmpty {
            agents = Self.merged(agents, added)
            edits.append(.init(["coordination", "registered_agents"], .strings(agents)))
        }
        if clearPrimaryAgent { edits.append(.init(["coordination", "primary_agent"], nil)) }
        if let primary = primaryAgent.map(TodoValidation.normalizeAgentID) {
            try Self.check(TodoValidation.isAgentID(primary), "--primary-agent", primary, "an agent id: lower-case letters, digits and _.:@-")
            guard agents.isEmpty || agents.contains(primary) else {
                throw CommandFailure(
                    "--primary-agent \(primary) is not a registered agent of \(entry.id ?? "the goal")",
                    hint: "register it too: --registered-agent \(primary)", status: .usage)
            }
            edits.append(.init(["coordination", "primary_agent"], .string(primary)))
        }
        return edits
    }

    static func check(_ condition: Bool, _ flag: String, _ value: String, _ allowed: String) throws(CommandFailure) {
        guard !condition else { return }
        throw CommandFailure("\(flag) '\(value)' is not allowed", hint: "expected \(allowed)", status: .usage)
    }

    static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    static func merged(_ base: [String], _ added: [String]) -> [String] {
        var seen = Set<String>()
        return (base + added).filter { seen.insert($0).inserted }
    }
}
