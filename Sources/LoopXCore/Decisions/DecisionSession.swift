import LoopXRules
import LoopXSupport

/// Everything one decision command needs, loaded once: the registry (project or global), the
/// rule layers (with the goal's project layer), and the health facts shared by every goal.
public struct DecisionSession: Sendable {
    public var store: GoalStore
    public var ruleSet: RuleSet
    public var health: HealthFacts
    /// The goal and profile defaults and normalization of the rule set's `facts.yaml`.
    public var fields: FieldRules
    /// The rule layers the rule set was loaded from (the decision log records their digests);
    /// empty when the session was built from a rule set alone.
    public var layers: [RuleLayerSource] = []

    public init(store: GoalStore, ruleSet: RuleSet, fields: FieldRules, health: HealthFacts) {
        self.store = store
        self.ruleSet = ruleSet
        self.fields = fields
        self.health = health
    }

    /// Opens the registry and loads the rules. When a goal is named its layers are the ones
    /// `RuleLayerDiscovery.forGoal` picks (heartbeats run against the global registry from
    /// anywhere), else the project layer beside the registry or in the working directory.
    public static func open(
        _ context: LoopXContext, goalID: GoalID?, builtinRules: String? = nil, allowMissingRegistry: Bool = false
    ) throws(DecisionSessionFailure) -> DecisionSession {
        let store: GoalStore
        do { store = try GoalStore.open(context, allowMissing: allowMissingRegistry) } catch { throw .command(error) }
        let discovery = ruleLayerDiscovery(store: store, goalID: goalID, builtinRules: builtinRules)
        let ruleSet: RuleSet
        let layers: [RuleLayerSource]
        do { layers = try discovery.layers() } catch { throw .command(error) }
        do { ruleSet = try discovery.load(layers: layers) } catch {
            switch error {
            case .command(let failure): throw .command(failure)
            case .invalid(let list): throw .invalidRules(list)
            }
        }
        var session: DecisionSession
        do { session = try DecisionSession(store: store, ruleSet: ruleSet) } catch { throw .command(error) }
        session.layers = layers
        return session
    }

    /// Where the rule layers of a decision come from: the goal's (`RuleLayerDiscovery.forGoal`)
    /// when a goal is named, else the invocation's.
    public static func ruleLayerDiscovery(store: GoalStore, goalID: GoalID?, builtinRules: String? = nil) -> RuleLayerDiscovery {
        guard let goalID else { return RuleLayerDiscovery(context: store.context, builtinOverride: builtinRules) }
        return .forGoal(store.registry.goal(id: goalID.rawValue), context: store.context, builtinOverride: builtinRules)
    }

    /// A session over an opened registry and a loaded rule set, with the health facts of that
    /// registry and of the global registry beside its runtime root; fails (invalid rules)
    /// when the rule set's `facts.yaml` lacks a goal or profile default.
    public init(store: GoalStore, ruleSet: RuleSet) throws(CommandFailure) {
        let fields = try FieldRules(schema: ruleSet.schema)
        let health = HealthFacts(store: store, global: GlobalRegistryHealth(store: store))
        self.init(store: store, ruleSet: ruleSet, fields: fields, health: health)
    }

    /// The facts of a goal, its registry entry looked up once: as built from the files (what
    /// the decision log stores), as the document the rules decide on (profile and defaults
    /// applied; for fixtures and traces) and as CEL bindings.
    public func facts(
        for goalID: GoalID, action: JSONValue? = nil
    ) -> (document: JSONValue, bindings: [String: Value], built: JSONValue, goal: GoalEntry?) {
        facts(for: goalID, entry: store.registry.goal(id: goalID.rawValue), action: action)
    }

    /// `facts(for:action:)` with the goal's registry entry already looked up (nil: not registered).
    public func facts(
        for goalID: GoalID, entry: GoalEntry?, action: JSONValue? = nil
    ) -> (document: JSONValue, bindings: [String: Value], built: JSONValue, goal: GoalEntry?) {
        let built = FactsBuilder(session: self).facts(goalID: goalID, entry: entry, action: action).json
        let merged = DecisionSession.document(built, goal: entry, registryPath: store.registryPath, ruleSet: ruleSet)
        return (merged, bindings(merged), built, entry)
    }

    /// The facts document a rule set decides on: the builder's facts with the effective
    /// profile (defaults, the goal's registry `execution_profile`, the rule layers' `profile:`
    /// blocks), merged over the schema's defaults. Replays of logged decisions use it too.
    public static func document(_ built: JSONValue, goal: GoalEntry?, registryPath: String, ruleSet: RuleSet) -> JSONValue {
        var document = built.objectValue ?? JSONObject()
        document["profile"] = effectiveProfile(goal: goal, registryPath: registryPath, ruleSet: ruleSet)
        return ruleSet.schema.defaults.deepMerged(with: .object(document))
    }

    /// The one derivation of a goal's effective `execution_profile`: the defaults of
    /// `Rules/facts.yaml`, the registry's values that normalize (`FieldRules.profileLayer`),
    /// then the rule layers' `profile:` blocks. `history` and `registry` show this value and
    /// the rules decide on it.
    public static func effectiveProfile(goal: GoalEntry?, registryPath: String, ruleSet: RuleSet) -> JSONValue {
        // The merged value alone (`RuleSet.effectiveProfile` also derives each field's
        // provenance, which `rules effective` shows and no decision needs).
        let layers = RuleProfileBase.layers(schema: ruleSet.schema, goal: goal, registryPath: registryPath) + ruleSet.profileLayers
        return layers.reduce(JSONValue.object(JSONObject())) { $0.deepMerged(with: $1.value) }
    }

    /// A facts document (already merged over the defaults) as CEL bindings.
    public func bindings(_ document: JSONValue) -> [String: Value] {
        ruleSet.schema.bindings(from: document).facts
    }

    /// Runs a decision's stages over a facts document (for what-if questions such as the
    /// quota after a spend).
    public func evaluate(_ decision: String, document: JSONValue, trace: TraceLevel = .off) -> DecisionResult {
        ruleSet.evaluate(decision: decision, facts: bindings(document), now: store.context.now, trace: trace)
    }

    /// Runs a decision's stages for a goal.
    public func evaluate(
        _ decision: String, goalID: GoalID, action: JSONValue? = nil, trace: TraceLevel = .off
    ) -> (result: DecisionResult, facts: JSONValue) {
        evaluate(decision, goalID: goalID, entry: store.registry.goal(id: goalID.rawValue), action: action, trace: trace)
    }

    /// `evaluate(_:goalID:action:trace:)` with the goal's registry entry already looked up.
    public func evaluate(
        _ decision: String, goalID: GoalID, entry: GoalEntry?, action: JSONValue? = nil, trace: TraceLevel = .off
    ) -> (result: DecisionResult, facts: JSONValue) {
        let facts = facts(for: goalID, entry: entry, action: action)
        return (ruleSet.evaluate(decision: decision, facts: facts.bindings, now: store.context.now, trace: trace), facts.document)
    }
}

/// Why a decision session could not open: a command failure, or invalid rule files (exit 3).
public enum DecisionSessionFailure: Error, Sendable {
    case command(CommandFailure)
    case invalidRules(DiagnosticList)
}
