import LoopXSupport
/// One source of execution-profile settings, in merge order (defaults, registry, rule layers).
public struct ProfileLayer: Sendable, Hashable {
    /// The layer's name as shown in provenance (`defaults`, `registry`, `project`, ...).
    public var layer: String
    /// Where the whole fragment came from when no per-field origin is known (a file path).
    public var source: String
    public var value: JSONValue
    /// Per-field origins (`path:line`), keyed by the field's key path.
    public var fieldOrigins: [[String]: String]

    public init(layer: String, source: String, value: JSONValue, fieldOrigins: [[String]: String] = [:]) {
        self.layer = layer
        self.source = source
        self.value = value
        self.fieldOrigins = fieldOrigins
    }

    /// The origin of a field: its own, else its nearest ancestor's, else the fragment's source.
    func origin(of path: [String]) -> String {
        var prefix = path
        while !prefix.isEmpty {
            if let found = fieldOrigins[prefix] { return found }
            prefix.removeLast()
        }
        return source
    }
}

/// One field of the effective profile with the layer and place that set it.
public struct ProfileField: Sendable, Hashable {
    public var path: [String]
    public var value: JSONValue
    public var layer: String
    public var source: String

    /// The dotted key path (`outcome_floor.surface_streak_threshold`).
    public var dottedPath: String { path.joined(separator: ".") }
}
