import LoopXSupport
/// How later layers may change a stage (`direction:` and `permissive:` in its stage file).
///
/// In a `tighten_only` stage, user, project and `--rules` layers may add rules and make
/// existing ones stricter; a change that can loosen a decision needs an expiring waiver
/// (docs/rules.md, "Tighten-only stages"). `permissive` names the outcomes that loosen:
/// output fields with the values that let something through (`should_run: true`).
public struct LayerDirection: Sendable, Hashable {
    public var tightenOnly: Bool
    /// Output field → the values that make a rule's outcome permissive.
    public var permissive: [String: [JSONValue]]

    public init(tightenOnly: Bool = false, permissive: [String: [JSONValue]] = [:]) {
        self.tightenOnly = tightenOnly
        self.permissive = permissive
    }

    public static let any = LayerDirection()

    /// Whether an outcome (a rule's `then`, over the stage defaults) is permissive: some
    /// permissive field holds a permissive value, or a `${...}` expression (whose value the
    /// load cannot know, so it counts as permissive).
    public func isPermissive(_ outcome: JSONObject) -> Bool {
        for (field, values) in permissive {
            guard let value = outcome[field] else { continue }
            if case .string(let text) = value, text.contains("${") { return true }
            if values.contains(value) { return true }
        }
        return false
    }

    /// The permissive fields an outcome sets, as `field: value` text (for messages).
    func describe(_ outcome: JSONObject) -> String {
        permissive.keys.sorted().compactMap { field in
            outcome[field].map { "\(field): \(JSONWriter().string($0))" }
        }.joined(separator: ", ")
    }
}

/// Which way a stage's layering goes.
public enum DirectionKind: String, Sendable, CaseIterable {
    /// Later layers may change the stage freely.
    case any
    /// Later layers may only add restrictions; loosening needs a waiver.
    case tightenOnly = "tighten_only"
}
