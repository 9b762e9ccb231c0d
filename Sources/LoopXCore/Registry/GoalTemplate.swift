import LoopXRules
import LoopXSupport

/// The goal entry `bootstrap` writes, built from its flags over the goal defaults of
/// `Rules/facts.yaml` (`defaults.goal`, `defaults.profile`: `FieldRules`).
public struct GoalTemplate: Sendable {
    public var goalID: GoalID
    public var projectPath: String
    public var stateFile: String
    public var domain: String
    public var role: String
    public var parentGoalID: String?
    public var goalDoc: String?
    public var adapterKind: String
    public var adapterStatus: String
    public var spawnAllowed = false
    public var maxChildren: Int64
    public var allowedDomains: [String] = []
    public var writeScope: [String] = []
    public var claimTTLMinutes: Int64
    public var requiresParentApproval: [String]
    public var registeredAgents: [String] = []
    public var guards: [String]
    public var profile: ExecutionProfile
    public var registryArgument = ".loopx/registry.json"

    public init(goalID: GoalID, projectPath: String, stateFile: String, fields: FieldRules) {
        self.goalID = goalID
        self.projectPath = projectPath
        self.stateFile = stateFile
        let goal = fields.goal
        func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }
        domain = goal["domain"]?.stringValue ?? ""
        role = goal["role"]?.stringValue ?? ""
        adapterKind = goal["adapter"]?["kind"]?.stringValue ?? ""
        adapterStatus = goal["adapter"]?["status"]?.stringValue ?? ""
        maxChildren = goal["spawn_policy"]?["max_children"]?.intValue ?? 0
        claimTTLMinutes = fields.claimTTLMinutes
        requiresParentApproval = strings(goal["coordination"]?["requires_parent_approval"])
        guards = strings(goal["guards"])
        profile = ExecutionProfile(json: fields.defaultProfile)
    }

    /// The default state file of a goal, relative to its project.
    public static func defaultStateFile(_ id: GoalID) -> String { ".codex/goals/\(id)/ACTIVE_GOAL_STATE.md" }

    public var entry: GoalEntry {
        func list(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
        let children = NumberRange.maxChildren.clamp(maxChildren)
        var object: JSONObject = [
            "id": .string(goalID.rawValue),
            "domain": .string(domain),
            "status": "active",
            "role": .string(role),
        ]
        object["parent_goal_id"] = parentGoalID.map(JSONValue.string) ?? .null
        object["repo"] = .string(projectPath)
        object["state_file"] = .string(stateFile)
        if let goalDoc {
            object["authority_sources"] = [["kind": "goal_doc", "path": .string(goalDoc), "role": "primary_goal_document"]]
        }
        object["adapter"] = ["kind": .string(adapterKind), "status": .string(adapterStatus)]
        object["spawn_policy"] = .object([
            "mode": .string(spawnAllowed && children > 0 ? "multi_subagent" : "default"),
            "allowed": .bool(spawnAllowed), "max_children": .int(children), "allowed_domains": list(allowedDomains),
        ])
        var coordination: JSONObject = [
            "write_scope": list(writeScope), "claim_ttl_minutes": .int(NumberRange.claimTTLMinutes.clamp(claimTTLMinutes)),
            "requires_parent_approval": list(requiresParentApproval),
        ]
        if !registeredAgents.isEmpty { coordination["registered_agents"] = list(registeredAgents) }
        object["coordination"] = .object(coordination)
        object["execution_profile"] = profile.json
        object["next_probe"] = .string("loopx --registry \(registryArgument) check --scan-root \(projectPath)")
        object["guards"] = list(guards)
        return GoalEntry(object)
    }
}
