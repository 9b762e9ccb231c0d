import LoopXRules
import LoopXSupport

/// The boundary an agent works inside, projected from the goal's registry entry: adapter,
/// write scope, parent approvals, guards, the next probe and the orchestration policy.
enum GoalBoundary {
    static func json(facts: JSONValue) -> JSONValue {
        let goal = facts["goal"] ?? .null
        guard goal["missing"] != .bool(true) else { return .null }
        let coordination = goal["coordination"] ?? .null
        return [
            "adapter": goal["adapter"] ?? .null,
            "write_scope": coordination["write_scope"] ?? .array([]),
            "requires_parent_approval": coordination["requires_parent_approval"] ?? .array([]),
            "guards": goal["guards"] ?? .array([]),
            "next_probe": goal["next_probe"] ?? "",
            "orchestration": orchestration(goal: goal),
            "execution_profile": facts["profile"] ?? .null,
            "rule": "work inside this boundary; stop and ask when useful work needs scope that is not approved",
        ]
    }

    /// The goal's orchestration policy from its normalized `goal` fact: `mode` (the explicit
    /// `spawn_policy.mode`, else `multi_subagent` when spawning is allowed with children),
    /// `spawn_allowed`, `max_children` and the non-empty `allowed_domains`.
    static func orchestration(goal: JSONValue) -> JSONValue {
        let spawn = goal["spawn_policy"] ?? .null
        let allowed = spawn["allowed"]?.boolValue ?? false
        let maxChildren = spawn["max_children"]?.intValue ?? 0
        let explicitMode = spawn["mode"]?.stringValue ?? ""
        let mode = ["default", "multi_subagent"].contains(explicitMode)
            ? explicitMode : (allowed && maxChildren > 0 ? "multi_subagent" : "default")
        var orchestration: JSONObject = ["mode": .string(mode), "spawn_allowed": .bool(allowed), "max_children": .int(maxChildren)]
        if let domains = spawn["allowed_domains"]?.arrayValue, !domains.isEmpty { orchestration["allowed_domains"] = .array(domains) }
        return .object(orchestration)
    }

    /// The `project_asset` block of `status`: the orchestration policy with the `spawn_policy`
    /// and `coordination` it comes from (the same fields should-run and `quota plan` carry).
    static func projectAsset(facts: JSONValue) -> JSONValue {
        let goal = facts["goal"] ?? .null
        guard goal["missing"] != .bool(true) else { return .null }
        return [
            "orchestration": orchestration(goal: goal), "spawn_policy": goal["spawn_policy"] ?? .null,
            "coordination": goal["coordination"] ?? .null,
        ]
    }
}
