import LoopXCore

extension MCPServerConfiguration {
    /// The options of `loopx-mcp` (as `loopx mcp` passes them): `--goal-id`, and the global
    /// `--registry`, `--runtime-root`, `--now`, `--rules` (repeatable) and `--format` (ignored:
    /// answers are JSON), each as `--name value` or `--name=value`, plus `--server-version`
    /// (loopx's version, which `loopx mcp` passes). Anything else is refused.
    public static func parse(_ arguments: [String]) throws(CommandFailure) -> MCPServerConfiguration {
        var settings = GlobalSettings()
        var goalID: String?
        var version = "unknown"
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let known = ["--goal-id", "--registry", "--runtime-root", "--now", "--rules", "--format", "--server-version"]
            guard known.contains(name) else {
                throw CommandFailure("unknown option '\(argument)'", hint: "options: " + known.joined(separator: ", "), status: .usage)
            }
            let value: String
            if parts.count == 2 {
                value = String(parts[1])
            } else {
                guard let next = rest.popFirst() else { throw CommandFailure("missing value for '\(name)'", status: .usage) }
                value = next
            }
            switch name {
            case "--goal-id": goalID = try GoalID.parse(value).rawValue
            case "--registry": settings.registry = value
            case "--runtime-root": settings.runtimeRoot = value
            case "--now": settings.now = value
            case "--rules": settings.rules.append(value)
            case "--server-version": version = value
            default: break
            }
        }
        var configuration = MCPServerConfiguration(settings: settings, goalID: goalID)
        configuration.version = version
        return configuration
    }
}
