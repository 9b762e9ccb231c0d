import LoopXRules
import LoopXSupport

/// One field of a registry goal entry that `configure-goal` or `register-agent` sets or
/// removes, addressed by its key path (`["coordination", "write_scope"]`).
public struct RegistryFieldEdit: Sendable, Hashable {
    public var path: [String]
    /// The new value; nil removes the field.
    public var value: JSONValue?

    public init(_ path: [String], _ value: JSONValue?) {
        self.path = path
        self.value = value
    }

    /// The dotted name shown in reports (`coordination.write_scope`).
    public var field: String { path.joined(separator: ".") }

    /// The field's value in `object` (nil when absent).
    public func current(in object: JSONObject) -> JSONValue? {
        var value: JSONValue? = .object(object)
        for key in path { value = value?.objectValue?[key] }
        return value
    }

    /// `object` with this edit applied; intermediate objects are created as needed, and a
    /// non-object in the way is replaced by one.
    public func applied(to object: JSONObject) -> JSONObject {
        Self.set(path[...], value, in: object)
    }

    private static func set(_ path: ArraySlice<String>, _ value: JSONValue?, in object: JSONObject) -> JSONObject {
        guard let key = path.first else { return object }
        var copy = object
        if path.count == 1 {
            copy[key] = value
        } else {
            let inner = copy[key]?.objectValue ?? JSONObject()
            copy[key] = .object(set(path.dropFirst(), value, in: inner))
        }
        return copy
    }
}
