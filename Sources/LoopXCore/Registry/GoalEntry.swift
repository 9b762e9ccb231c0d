import LoopXRules
import LoopXSupport

/// One goal of a registry. The entry keeps the JSON object exactly as read, so keys loopx does
/// not know survive a rewrite; typed accessors read the fields loopx uses.
public struct GoalEntry: Sendable, Hashable {
    public var object: JSONObject

    public init(_ object: JSONObject) {
        self.object = object
    }

    public subscript(key: String) -> JSONValue? {
        get { object[key] }
        set { object[key] = newValue }
    }

    /// The raw `id` string (may be unsafe as a path; see `goalID`).
    public var id: String? { object["id"]?.stringValue }
    /// The id when it is a safe path segment.
    public var goalID: GoalID? { id.flatMap(GoalID.init) }
    public var domain: String? { nonEmptyString("domain") }
    // `status` and `role` as shown and decided on: `FieldRules.status(of:)`/`role(of:)`
    // (their defaults live in Rules/facts.yaml).
    public var parentGoalID: String? { nonEmptyString("parent_goal_id") }
    public var repo: String? { nonEmptyString("repo") }
    public var stateFile: String? { nonEmptyString("state_file") }
    public var adapterKind: String? { object["adapter"]?["kind"]?.stringValue }
    public var adapterStatus: String? { object["adapter"]?["status"]?.stringValue }
    public var authoritySources: [JSONValue] { object["authority_sources"]?.arrayValue ?? [] }
    /// The count of authority sources, also when they were sanitized away in the global registry.
    public var authoritySourceCount: Int {
        if let list = object["authority_sources"]?.arrayValue { return list.count }
        return Int(object["authority_source_count"]?.intValue ?? 0)
    }
    public var guards: [String] { object["guards"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    public var nextProbe: String? { nonEmptyString("next_probe") }
    /// `source_registry` of a global-registry entry.
    public var sourceRegistry: String? { nonEmptyString("source_registry") }

    /// `coordination.claim_ttl_minutes` pulled into `NumberRange.claimTTLMinutes`, else
    /// `defaultMinutes` (`FieldRules.claimTTLMinutes`, from Rules/facts.yaml); and, when the
    /// registry's value is outside its range or not an integer, the violation (a registry
    /// problem; `todo claim` refuses to use it).
    public func claimTTL(default defaultMinutes: Int64) -> (minutes: Int64, violation: FieldViolation?) {
        var violations: [FieldViolation] = []
        let minutes = FieldViolation.integer(object["coordination"]?["claim_ttl_minutes"], .claimTTLMinutes, into: &violations)
        return (minutes ?? defaultMinutes, violations.first)
    }
    /// The goal's numbers outside their documented ranges, other than the quota's
    /// (`QuotaConfig.violations`): `coordination.claim_ttl_minutes`, `spawn_policy.max_children`.
    public var numberViolations: [FieldViolation] {
        var violations: [FieldViolation] = []
        _ = FieldViolation.integer(object["coordination"]?["claim_ttl_minutes"], .claimTTLMinutes, into: &violations)
        _ = FieldViolation.integer(object["spawn_policy"]?["max_children"], .maxChildren, into: &violations)
        return violations
    }
    /// `coordination.registered_agents` (empty = any agent may claim).
    public var registeredAgents: [String] {
        object["coordination"]?["registered_agents"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
    public var primaryAgent: String? { object["coordination"]?["primary_agent"]?.stringValue }

    /// The registry-level attention override fields that are set, in their fixed order.
    public var attentionOverrides: JSONObject {
        var out = JSONObject()
        for key in GoalEntry.attentionOverrideKeys {
            if let value = object[key], value != .null, value != .string("") { out[key] = value }
        }
        return out
    }

    public static let attentionOverrideKeys = [
        "waiting_on", "attention_status", "operator_question", "recommended_action", "next_handoff_condition",
    ]

    /// The absolute state file path: `state_file` against `repo` when relative.
    public func stateFilePath(environment: LoopXEnvironment) -> String? {
        guard let stateFile else { return nil }
        if stateFile.hasPrefix("/") || stateFile.hasPrefix("~") { return environment.absolute(stateFile) }
        guard let repo else { return environment.absolute(stateFile) }
        return FileSystem.normalize(FileSystem.join(environment.absolute(repo), stateFile))
    }

    func nonEmptyString(_ key: String) -> String? {
        guard let text = object[key]?.stringValue, !text.isEmpty else { return nil }
        return text
    }
}
