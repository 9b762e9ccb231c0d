/// What `loopx status` looks at.
public struct StatusOptions: Sendable {
    /// Only this goal (and global items) when set.
    public var goalID: GoalID?
    /// Newest runs shown per goal.
    public var limit: Int
    /// Scan this tree for public-boundary leaks (the contract check); no scan when nil and
    /// `scanPaths` is empty, so status stays cheap on every heartbeat.
    public var scanRoot: String?
    public var scanPaths: [String]

    public init(goalID: GoalID? = nil, limit: Int = 5, scanRoot: String? = nil, scanPaths: [String] = []) {
        self.goalID = goalID
        self.limit = limit
        self.scanRoot = scanRoot
        self.scanPaths = scanPaths
    }

    public var scans: Bool { scanRoot != nil || !scanPaths.isEmpty }
}
