import MCP

/// Builds the JSON Schemas of the tools' inputs: an object of typed, described properties.
enum ToolSchema {
    /// One input property.
    struct Property: Sendable {
        var name: String
        var schema: MCP.Value

        static func string(_ name: String, _ description: String, enum values: [String]? = nil) -> Property {
            var object: [String: MCP.Value] = ["type": "string", "description": .string(description)]
            if let values { object["enum"] = .array(values.map(MCP.Value.string)) }
            return Property(name: name, schema: .object(object))
        }

        static func boolean(_ name: String, _ description: String) -> Property {
            Property(name: name, schema: ["type": "boolean", "description": .string(description)])
        }

        static func integer(_ name: String, _ description: String, minimum: Int = 1) -> Property {
            Property(name: name, schema: ["type": "integer", "minimum": .int(minimum), "description": .string(description)])
        }

        static func strings(_ name: String, _ description: String) -> Property {
            Property(name: name, schema: ["type": "array", "items": ["type": "string"], "description": .string(description)])
        }
    }

    /// `{"type": "object", "properties": ..., "required": [...], "additionalProperties": false}`.
    static func object(_ properties: [Property], required: [String]) -> MCP.Value {
        var map: [String: MCP.Value] = [:]
        for property in properties { map[property.name] = property.schema }
        return [
            "type": "object", "properties": .object(map), "required": .array(required.map(MCP.Value.string)),
            "additionalProperties": false,
        ]
    }

    static let goal = Property.string("goal_id", "The registered goal (optional when the server is pinned with --goal-id).")
    static let agent = Property.string("agent_id", "The agent making the call (recorded where the CLI records it).")
}
