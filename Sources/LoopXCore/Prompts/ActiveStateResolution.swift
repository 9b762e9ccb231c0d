/// Where a heartbeat's goal and active state come from: an explicit `--active-state`, else
/// the goal's `state_file` in the project registry, else in the global registry.
public struct ActiveStateResolution: Sendable {
    /// The registry entry of the goal, when a registry knows it.
    public var goal: GoalEntry?
    /// The path as given (`--active-state`) or as written in the registry.
    public var activeState: String
    /// The absolute path.
    public var resolved: String
    /// `explicit`, or `registry:<path>` of the registry that named the state file.
    public var source: String

    /// Resolves the active state of `goalID`; fails when no registry knows the goal and no
    /// `--active-state` was given.
    public static func resolve(
        _ context: LoopXContext, goalID: GoalID, explicit: String?
    ) throws(CommandFailure) -> ActiveStateResolution {
        var candidates = [context.registryPath]
        let global = context.globalRegistryPath()
        if !context.registryIsExplicit, global != context.registryPath { candidates.append(global) }
        var found: (GoalEntry, String)?
        for path in candidates {
            guard let (registry, _) = try RegistryCodec.read(path), let entry = registry.goal(id: goalID.rawValue) else { continue }
            found = (entry, path)
            break
        }
        if let explicit {
            return ActiveStateResolution(
                goal: found?.0, activeState: explicit, resolved: context.environment.absolute(explicit), source: "explicit")
        }
        guard let (entry, registryPath) = found else {
            throw CommandFailure(
                "goal '\(goalID)' is in neither \(candidates.joined(separator: " nor "))",
                hint: "connect it with `loopx connect --goal-id \(goalID)`, or pass --active-state PATH", code: .unknownGoal)
        }
        guard let written = entry.stateFile, let path = try entry.containedStateFilePath(environment: context.environment) else {
            throw CommandFailure(
                "goal '\(goalID)' in \(registryPath) has no state_file",
                hint: "rerun `loopx connect --goal-id \(goalID)`, or pass --active-state PATH", code: .invalidState)
        }
        return ActiveStateResolution(goal: entry, activeState: written, resolved: path, source: "registry:\(registryPath)")
    }
}
