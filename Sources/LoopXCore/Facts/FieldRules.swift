import LoopXRules
import LoopXSupport

/// The defaults and the normalization of the values a user writes in a registry entry, as
/// `Rules/facts.yaml` declares them (`defaults:` and `normalize:`): the one home of a goal's
/// and an execution profile's defaults. Every command reads them from here — decisions from
/// their loaded rule set's schema, `bootstrap` and the registry views from the built-in
/// `facts.yaml` — so the values shown and the values decided on are the same.
public struct FieldRules: Sendable {
    /// The schema the rules come from.
    public let schema: FactsSchema
    /// The default `execution_profile` (what `bootstrap` writes and an invalid field falls back to).
    public let defaultProfile: JSONValue
    /// The defaults of a goal's quota numbers.
    public let quota: QuotaConfig.Defaults
    /// The default lease of a todo claim, in minutes.
    public let claimTTLMinutes: Int64
    /// The default goal entry fields (`defaults.goal`).
    public let goal: JSONObject

    /// The rules of a schema; fails (invalid rules) when `facts.yaml` lacks a default loopx
    /// needs, never filling one in itself.
    public init(schema: FactsSchema) throws(CommandFailure) {
        self.schema = schema
        let goal = schema.defaults["goal"]?.objectValue ?? JSONObject()
        func required(_ path: String, _ value: JSONValue?) throws(CommandFailure) -> JSONValue {
            guard let value, value != .null else {
                throw CommandFailure(
                    "facts.yaml has no default for \(path): loopx takes every goal and profile default from there",
                    hint: "declare it under `defaults:` (Rules/facts.yaml shows all of them)", code: .invalidRules)
            }
            return value
        }
        func integer(_ path: String, _ value: JSONValue?) throws(CommandFailure) -> Int64 {
            guard let number = try required(path, value).intValue else {
                throw CommandFailure("facts.yaml: the default of \(path) must be an integer", code: .invalidRules)
            }
            return number
        }
        guard case .object = try required("profile", schema.defaults["profile"]) else {
            throw CommandFailure("facts.yaml: the default of profile must be a mapping", code: .invalidRules)
        }
        defaultProfile = schema.defaults["profile"] ?? .null
        let quota = goal["quota"]
        guard let compute = try required("goal.quota.compute", quota?["compute"]).doubleValue else {
            throw CommandFailure("facts.yaml: the default of goal.quota.compute must be a number", code: .invalidRules)
        }
        self.quota = QuotaConfig.Defaults(
            compute: compute, windowHours: try integer("goal.quota.window_hours", quota?["window_hours"]),
            slotMinutes: try integer("goal.quota.slot_minutes", quota?["slot_minutes"]))
        claimTTLMinutes = try integer("goal.coordination.claim_ttl_minutes", goal["coordination"]?["claim_ttl_minutes"])
        _ = try integer("goal.spawn_policy.max_children", goal["spawn_policy"]?["max_children"])
        for path in ["status", "role", "domain", "adapter.kind", "adapter.status"] {
            let value = path.split(separator: ".").reduce(JSONValue.object(goal) as JSONValue?) { $0?[String($1)] }
            guard try required("goal." + path, value).stringValue != nil else {
                throw CommandFailure("facts.yaml: the default of goal.\(path) must be a string", code: .invalidRules)
            }
        }
        self.goal = goal
    }

    /// The rules of the built-in `facts.yaml` (`--builtin-rules`, else the located `Rules/`),
    /// for commands that make no decision; a missing or invalid file fails as invalid rules.
    public static func builtin(_ context: LoopXContext, builtinOverride: String? = nil) throws(CommandFailure) -> FieldRules {
        let directory = try RuleLayerDiscovery(context: context, builtinOverride: builtinOverride).builtinDirectory()
        let path = FileSystem.join(directory, "facts.yaml")
        let file = try RuleLayerDiscovery.readFile(path, shown: FileSystem.join(FileSystem.basename(directory), "facts.yaml"))
        let schema: FactsSchema
        do { schema = try FactsSchema.load(file) } catch { throw CommandFailure.invalidRules(error) }
        return try FieldRules(schema: schema)
    }

    /// Whether a text is a label (the syntax `normalize.label` declares).
    public func isLabel(_ text: String) -> Bool { schema.normalization.label.matches(text) }

    /// A registry `execution_profile` as a profile layer: only the values that satisfy their
    /// rules (an empty or invalid value is left out so the default shows through), and a
    /// warning naming each field left out: `execution_profile.outcome_floor.must_advance: []
    /// has no valid label; the default applies`.
    public func profileLayer(_ raw: JSONValue) -> (value: JSONValue, fallbacks: [String]) {
        FieldRules.profileLayer(raw, schema: schema)
    }

    /// `profileLayer` for a schema alone (the profile layers of any rule set).
    public static func profileLayer(_ raw: JSONValue, schema: FactsSchema) -> (value: JSONValue, fallbacks: [String]) {
        normalized(raw, fact: "profile", shownAs: "execution_profile", normalization: schema.normalization)
    }

    /// A goal entry with its invalid declared fields left out (so `defaults.goal` shows
    /// through), and why each was left out.
    public func goalLayer(_ entry: GoalEntry) -> (value: JSONObject, fallbacks: [String]) {
        let (value, fallbacks) = normalized(.object(entry.object), fact: "goal", shownAs: nil)
        return (value.objectValue ?? JSONObject(), fallbacks)
    }

    /// A goal's `status` as every command shows it and the rules read it.
    public func status(of entry: GoalEntry) -> String { string("status", of: entry) }

    /// A goal's `role` as every command shows it and the rules read it.
    public func role(of entry: GoalEntry) -> String { string("role", of: entry) }

    private func string(_ key: String, of entry: GoalEntry) -> String {
        var object = JSONObject()
        object[key] = entry[key]
        let kept = normalized(.object(object), fact: "goal", shownAs: nil).value
        return (kept[key] ?? goal[key])?.stringValue ?? ""
    }
}
