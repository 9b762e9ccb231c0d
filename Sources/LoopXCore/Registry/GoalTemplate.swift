import LoopXRules
import LoopXSupport

/// The goal entry `bootstrap` writes, built from its flags.
public struct GoalTemplate: Sendable {
    public var goalID: GoalID
    public var projectPath: String
    public var stateFile: String
    public var domain = "project-goal-control-plane"
    public var role = "controller"
    public var parentGoalID: String?
    public var goalDoc: String?
    public var adapterKind = "generic_project_goal_v0"
    public var adapterStatus = "connected"
    public var spawnAllowed = false
    public var maxChildren: Int64 = 3
    public var allowedDomains: [String] = []
    public var writeScope: [String] = []
    public var claimTTLMinutes: Int64 = 30
    public var registeredAgents: [String] = []
    public var profile = ExecutionProfile()
    public var registryArgument = ".loopx/registry.json"

    public init(goalID: GoalID, projectPath: String, stateFile: String) {
        self.goalID = goalID
        self.projectPath = projectPath
        self.stateFile = stateFile
    }

    /// The default state file of a goal, relative to its project.
    public static func defaultStateFile(_ id: GoalID) -> String { ".codex/goals/\(id)/ACTIVE_GOAL_STATE.md" }

    public static let defaultGuards = [
        "read-only by default",
        "do not mutate production systems without explicit user approval",
        "keep private evidence out of public commits",
    ]

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
            "requires_parent_approval": ["write", "publish", "production-action"],
        ]
        if !registeredAgents.isEmpty { coordination["registered_agents"] = list(registeredAgents) }
        object["coordination"] = .object(coordination)
        object["execution_profile"] = profile.json
        object["next_probe"] = .string("loopx --registry \(registryArgument) check --scan-root \(projectPath)")
        object["guards"] = list(GoalTemplate.defaultGuards)
        return GoalEntry(object)
    }
}
