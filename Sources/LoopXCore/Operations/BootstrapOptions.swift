/// The inputs of `loopx bootstrap` / `connect`.
public struct BootstrapOptions: Sendable {
    public var project: String?
    public var goalID: String?
    public var objective: String?
    public var goalDoc: String?
    public var domain: String?
    public var role: String?
    public var parentGoalID: String?
    public var adapterKind: String?
    public var adapterStatus: String?
    public var force = false
    public var dryRun = false
    public var noGlobalSync = false
    public var spawnAllowed = false
    /// nil: the default of Rules/facts.yaml.
    public var maxChildren: Int64?
    public var allowedDomains: [String] = []
    public var writeScopes: [String] = []
    /// nil: the default of Rules/facts.yaml.
    public var claimTTLMinutes: Int64?
    public var registeredAgents: [String] = []
    public var executionMinimumScale: String?
    public var executionMustInclude: [String] = []
    public var executionSmallStreakThreshold: Int64?
    public var executionOutcomeMarkers: [String] = []
    public var executionSurfaceOnlyHints: [String] = []
    public var executionSurfaceStreakThreshold: Int64?
    public var executionOutcomeMustAdvance: [String] = []

    public init() {}

    /// The execution profile from the defaults (`Rules/facts.yaml`) and the `--execution-*`
    /// flags; bad labels are usage errors rather than silently dropped.
    func profile(_ fields: FieldRules) throws(CommandFailure) -> ExecutionProfile {
        var profile = ExecutionProfile(json: fields.defaultProfile)
        func check(_ labels: [String], _ flag: String) throws(CommandFailure) -> [String] {
            for label in labels where !fields.isLabel(label) {
                throw CommandFailure("\(flag) '\(label)' is not a valid label", hint: "labels are letters, digits and _.:/- (at most 80)", status: .usage)
            }
            return labels
        }
        if let scale = executionMinimumScale { profile.minimumScale = try check([scale], "--execution-minimum-scale")[0] }
        if !executionMustInclude.isEmpty { profile.mustInclude = try check(executionMustInclude, "--execution-must-include") }
        if !executionOutcomeMarkers.isEmpty { profile.outcomeMarkers = try check(executionOutcomeMarkers, "--execution-outcome-marker") }
        if !executionSurfaceOnlyHints.isEmpty { profile.surfaceOnlyHints = try check(executionSurfaceOnlyHints, "--execution-surface-only-hint") }
        if !executionOutcomeMustAdvance.isEmpty { profile.mustAdvance = try check(executionOutcomeMustAdvance, "--execution-outcome-must-advance") }
        if let n = executionSmallStreakThreshold {
            profile.smallScaleStreakThreshold = try NumberRange.streakThreshold.checkedFlag(n, flag: "--execution-small-streak-threshold")
        }
        if let n = executionSurfaceStreakThreshold {
            profile.surfaceStreakThreshold = try NumberRange.streakThreshold.checkedFlag(n, flag: "--execution-surface-streak-threshold")
        }
        return profile
    }

    /// Validates agent ids and write scopes the way the todo metadata does, and the numeric
    /// flags against their documented ranges (usage errors naming the range), before anything
    /// is written.
    func validatedLists() throws(CommandFailure) -> (agents: [String], scopes: [String]) {
        if let claimTTLMinutes { _ = try NumberRange.claimTTLMinutes.checkedFlag(claimTTLMinutes, flag: "--claim-ttl-minutes") }
        if let maxChildren { _ = try NumberRange.maxChildren.checkedFlag(maxChildren, flag: "--max-children") }
        let agents = registeredAgents.map(TodoValidation.normalizeAgentID)
        for agent in agents where !TodoValidation.isAgentID(agent) {
            throw CommandFailure("--registered-agent '\(agent)' is not a valid agent id", hint: "use lower-case letters, digits and _.:@-", status: .usage)
        }
        for scope in writeScopes where !TodoValidation.isWriteScope(scope) {
            throw CommandFailure("--write-scope '\(scope)' is not a relative path pattern", hint: "for example docs/** (no '..', no spaces)", status: .usage)
        }
        return (agents, writeScopes)
    }
}
