import LoopXRules
import LoopXSupport

/// A registry file (project or global) as a JSON object whose `goals` are typed entries.
/// Root keys and goal keys loopx does not know are kept as read and written back unchanged.
public struct Registry: Sendable, Hashable {
    /// The root object in file order; its `goals` value is a placeholder (see `json`).
    public var root: JSONObject
    public var goals: [GoalEntry]
    /// `goals` as read, non-object items included, so validation can report them and a
    /// rewrite keeps them in place.
    var rawGoals: [JSONValue]
    /// The file the registry was read from, for problem messages (nil when built in memory).
    public var sourcePath: String?

    public init(root: JSONObject = JSONObject(), goals: [GoalEntry] = []) {
        self.root = root
        self.goals = goals
        self.rawGoals = goals.map { .object($0.object) }
        if self.root["goals"] == nil { self.root["goals"] = .null }
    }

    /// Builds a registry from a parsed document; `goals` must be a list when present.
    public init(json: JSONValue, path: String) throws(CommandFailure) {
        guard var object = json.objectValue else {
            throw CommandFailure("\(path): registry root is not a JSON object", code: .invalidRegistry)
        }
        let goalsValue = object["goals"] ?? .array([])
        guard let list = goalsValue.arrayValue else {
            throw CommandFailure("\(path): registry `goals` is not a list", code: .invalidRegistry)
        }
        object["goals"] = .null
        sourcePath = path
        root = object
        rawGoals = list
        goals = list.compactMap { $0.objectValue.map(GoalEntry.init) }
    }

    public static func == (lhs: Registry, rhs: Registry) -> Bool { lhs.json == rhs.json }
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }

    public var schemaVersion: String? { root["schema_version"]?.stringValue }
    public var updatedAt: String? { root["updated_at"]?.stringValue }
    public var commonRuntimeRoot: String? {
        guard let text = root["common_runtime_root"]?.stringValue, !text.isEmpty else { return nil }
        return text
    }
    public var registryRole: String? { root["registry_role"]?.stringValue }

    /// The first goal with this id.
    public func goal(id: String) -> GoalEntry? { goals.first { $0.id == id } }

    public func goalIndex(id: String) -> Int? { goals.firstIndex { $0.id == id } }

    /// Replaces the goal with the same id in place, or appends it.
    public mutating func upsert(_ goal: GoalEntry) {
        if let id = goal.id, let index = goalIndex(id: id) { goals[index] = goal } else { goals.append(goal) }
    }

    /// The whole document: root keys in their order with `goals` where it was (last for a new
    /// registry); non-object goal items stay in their original positions.
    public var json: JSONValue {
        var items: [JSONValue] = []
        var typed = goals.makeIterator()
        for raw in rawGoals {
            if raw.objectValue == nil { items.append(raw) } else if let next = typed.next() { items.append(.object(next.object)) }
        }
        while let extra = typed.next() { items.append(.object(extra.object)) }
        var out = JSONObject()
        for entry in root { out[entry.key] = entry.key == "goals" ? .array(items) : entry.value }
        if out["goals"] == nil { out["goals"] = .array(items) }
        return .object(out)
    }

    /// The bytes written to disk: 2-space indented JSON in key order, trailing newline.
    public var fileBytes: [UInt8] {
        Array((JSONWriter(sortedKeys: false, pretty: true).string(json) + "\n").utf8)
    }
}

extension Registry {
    /// Replaces the goal list (non-object items are dropped).
    public mutating func replaceGoals(_ newGoals: [GoalEntry]) {
        goals = newGoals
        rawGoals = newGoals.map { .object($0.object) }
    }
}
