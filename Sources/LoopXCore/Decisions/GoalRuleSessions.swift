import LoopXRules
import LoopXSupport

/// The decision session of each goal of a multi-goal command (`status`, `quota status`,
/// `quota plan`, `history`, `registry`): the goal is decided with the layers
/// `RuleLayerDiscovery.forGoal` picks — exactly what `quota should-run` uses from the goal's
/// repository — whatever the working directory. Goals whose layers are the same share one
/// loaded rule set.
struct GoalRuleSessions {
    let store: GoalStore
    let health: HealthFacts
    /// The command's own session, shared by goals whose layers are the same as its.
    let base: DecisionSession?
    private var byProjectLayer: [String: Result<DecisionSession, ProjectRulesProblem>] = [:]

    /// Sessions beside the command's own session (its registry, health facts and layers).
    init(base: DecisionSession) {
        (store, health, self.base) = (base.store, base.health, base)
    }

    /// Sessions over a registry for commands with no rule set of their own (`history`,
    /// `registry`).
    init(store: GoalStore, health: HealthFacts = HealthFacts()) {
        (self.store, self.health, base) = (store, health, nil)
    }

    /// The goal's session, or (fail closed) why its layers do not load: the goal is then
    /// reported with that problem instead of being decided by other rules.
    mutating func session(for id: GoalID) -> Result<DecisionSession, ProjectRulesProblem> {
        session(for: store.registry.goal(id: id.rawValue))
    }

    /// `session(for:)` of a goal whose registry entry is already looked up (nil: unregistered).
    mutating func session(for entry: GoalEntry?) -> Result<DecisionSession, ProjectRulesProblem> {
        let discovery = RuleLayerDiscovery.forGoal(entry, context: store.context)
        let projectLayer = discovery.projectLayerDirectory
        let key = projectLayer ?? ""
        if let cached = byProjectLayer[key] { return cached }
        let outcome: Result<DecisionSession, ProjectRulesProblem>
        if let base, !base.layers.isEmpty, projectLayer == nil, !base.layers.contains(where: { $0.kind == .project }) {
            outcome = .success(base)  // the same layers: built-in, user, `--rules`
        } else {
            outcome = load(discovery)
        }
        byProjectLayer[key] = outcome
        return outcome
    }

    /// The profile fields `history` and `registry` show for a goal: `execution_profile` (the
    /// effective one, null when its layers do not load, with `invalid_rules` saying why) and
    /// `execution_profile_warnings` for registry values that fall back to a default.
    mutating func profileFields(of entry: GoalEntry) -> JSONObject {
        var fields = JSONObject()
        guard entry.goalID != nil else { return ["execution_profile": .null] }
        switch session(for: entry) {
        case .success(let session):
            fields["execution_profile"] = DecisionSession.effectiveProfile(goal: entry, registryPath: store.registryPath, ruleSet: session.ruleSet)
            let fallbacks = session.fields.profileLayer(entry["execution_profile"] ?? .null).fallbacks
            if !fallbacks.isEmpty { fields["execution_profile_warnings"] = .strings(fallbacks) }
        case .failure(let problem):
            (fields["execution_profile"], fields["invalid_rules"]) = (.null, .string(problem.message))
        }
        return fields
    }

    private func load(_ discovery: RuleLayerDiscovery) -> Result<DecisionSession, ProjectRulesProblem> {
        let name = discovery.projectLayerDirectory ?? discovery.projectDirectory ?? "the built-in rules"
        let layers: [RuleLayerSource]
        do { layers = try discovery.layers() } catch { return .failure(ProjectRulesProblem(.command(error), project: name)) }
        do {
            let ruleSet = try discovery.load(layers: layers)
            let fields: FieldRules
            do { fields = try FieldRules(schema: ruleSet.schema) } catch { return .failure(ProjectRulesProblem(.command(error), project: name)) }
            var session = DecisionSession(store: store, ruleSet: ruleSet, fields: fields, health: health)
            session.layers = layers
            return .success(session)
        } catch {
            return .failure(ProjectRulesProblem(error, project: name))
        }
    }
}

/// Why a goal's rule layers do not load: the first error, naming the file.
struct ProjectRulesProblem: Error {
    let message: String

    init(_ failure: RuleLoadFailure, project: String) {
        switch failure {
        case .command(let command): message = command.detail
        case .invalid(let list):
            let errors = list.items.filter { $0.severity == .error }
            let first = errors.first.map { "\($0.path):\($0.position.line):\($0.position.column): \($0.message)" } ?? "invalid rules"
            let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
            message = "the rule layers of \(project) do not load: \(first)\(more)"
        }
    }
}
