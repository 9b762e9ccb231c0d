/// What a read-only map observed about one goal, reduced to the facts its residual risks need.
public struct MapObservation: Sendable {
    public var goalID: String
    public var adapterStatus: String?
    public var authoritySourceCount: Int
    /// Risk-code names of the checked state sections that are missing.
    public var missingSectionCodes: [String]
    public var repoExists: Bool
    /// The goal's own state directory (`.codex/goals/<id>/` or the declared state file's folder).
    public var goalStateDirExists: Bool
    public var goalStateFileExists: Bool
    public var hasContextSurface: Bool
    public var hasValidationSurface: Bool

    public init(goalID: String) {
        self.goalID = goalID
        authoritySourceCount = 0
        missingSectionCodes = []
        repoExists = true
        goalStateDirExists = true
        goalStateFileExists = true
        hasContextSurface = true
        hasValidationSurface = true
    }

    /// The residual risks, in a fixed order. Goal-aware: the state directory checked is this
    /// goal's own, so another lane's healthy state in the same repository never hides it.
    public var residualRisks: [String] {
        var risks: [String] = []
        if adapterStatus == "planned" { risks.append("planned_adapter_requires_controller_opt_in") }
        if authoritySourceCount == 0 { risks.append("authority_sources_not_declared") }
        if !missingSectionCodes.isEmpty {
            risks.append("state_sections_missing:" + missingSectionCodes.prefix(4).joined(separator: ","))
        }
        if !repoExists { risks.append("project_repo_missing") }
        if !goalStateDirExists {
            risks.append("project_goal_state_dir_not_detected:\(goalID)")
            risks.append("project_local_goal_state_not_detected")
        } else if !goalStateFileExists {
            risks.append("project_goal_state_file_not_detected:\(goalID)")
        }
        if repoExists, !hasContextSurface { risks.append("project_context_surface_sparse") }
        if repoExists, !hasValidationSurface { risks.append("standard_validation_surface_not_detected") }
        return risks
    }
}
