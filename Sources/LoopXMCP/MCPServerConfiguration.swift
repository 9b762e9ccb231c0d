import LoopXCore

/// How `loopx mcp` was started: the CLI's global settings and the goal it may be pinned to.
public struct MCPServerConfiguration: Sendable {
    public var settings: GlobalSettings
    /// `--goal-id`: every goal argument defaults to it and other goals are refused.
    public var goalID: String?
    /// The version the server reports (loopx's).
    public var version = "unknown"

    public init(settings: GlobalSettings, goalID: String?) {
        self.settings = settings
        self.goalID = goalID
    }

    /// A fresh context per request, so the clock and the files are read anew every call.
    func context() throws(CommandFailure) -> LoopXContext {
        var settings = self.settings
        settings.format = .json
        return try LoopXContext(environment: .current(), settings: settings)
    }
}
