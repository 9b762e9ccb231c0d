import LoopXCore
import MCP

/// The arguments of one tool call, read with their declared JSON types. A missing required
/// argument or a value of the wrong type is an `invalid_arguments` failure naming it.
struct ToolArguments: Sendable {
    var values: [String: MCP.Value]
    /// The goal the server is pinned to (`loopx mcp --goal-id`), if any.
    var pinnedGoal: String?

    func string(_ name: String) throws(ToolFailure) -> String? {
        guard let value = values[name], !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw ToolFailure(.invalidArguments, "argument '\(name)' must be a string")
        }
        return text
    }

    func required(_ name: String) throws(ToolFailure) -> String {
        guard let text = try string(name) else { throw ToolFailure(.invalidArguments, "missing required argument '\(name)'") }
        return text
    }

    func bool(_ name: String) throws(ToolFailure) -> Bool {
        guard let value = values[name], !value.isNull else { return false }
        guard let flag = value.boolValue else { throw ToolFailure(.invalidArguments, "argument '\(name)' must be a boolean") }
        return flag
    }

    func integer(_ name: String) throws(ToolFailure) -> Int64? {
        guard let value = values[name], !value.isNull else { return nil }
        if let number = value.intValue { return Int64(number) }
        if let number = value.doubleValue, let exact = Int64(exactly: number) { return exact }
        throw ToolFailure(.invalidArguments, "argument '\(name)' must be an integer")
    }

    func strings(_ name: String) throws(ToolFailure) -> [String] {
        guard let value = values[name], !value.isNull else { return [] }
        guard let items = value.arrayValue else { throw ToolFailure(.invalidArguments, "argument '\(name)' must be an array of strings") }
        var result: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw ToolFailure(.invalidArguments, "argument '\(name)' must be an array of strings") }
            result.append(text)
        }
        return result
    }

    /// The goal id: the argument, or the pinned goal; a different goal than the pinned one is refused.
    func goalID() throws(ToolFailure) -> String {
        let given = try string("goal_id")
        if let pinnedGoal {
            if let given, given != pinnedGoal {
                throw ToolFailure(.goalPinned, "this server is pinned to goal '\(pinnedGoal)'; '\(given)' is not served here")
            }
            return pinnedGoal
        }
        guard let given else { throw ToolFailure(.invalidArguments, "missing required argument 'goal_id'") }
        return given
    }
}
