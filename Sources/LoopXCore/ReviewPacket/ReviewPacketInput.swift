/// Everything a review packet is built from. The loader fills it from the data layer; `status`
/// can build one with its attention item (and quota state) instead of the derived one.
public struct ReviewPacketInput: Sendable {
    public var goalID: String
    public var goal: GoalEntry
    public var attention: ReviewAttention
    /// The goal's newest runs, newest first.
    public var runs: [RunRecord]
    /// Open user todos, in state order.
    public var userTodos: [TodoItem]
    /// Open agent todos, in state order.
    public var agentTodos: [TodoItem]
    public var reviewURL: String?
    public var language: PromptLanguage
    /// Forces the packet kind (`--action-kind`); inferred from the attention item when nil.
    public var actionKind: ReviewKind?

    public init(goalID: String, goal: GoalEntry, attention: ReviewAttention, runs: [RunRecord] = []) {
        self.goalID = goalID
        self.goal = goal
        self.attention = attention
        self.runs = runs
        userTodos = []
        agentTodos = []
        language = .en
    }

    /// Reads the goal's registry entry, newest runs and open todos; never writes anything.
    /// `attention` is the goal's item from the rules' `attention` stage when the caller has it;
    /// without it the item is derived from the registry and the runs.
    public static func load(
        context: LoopXContext, goalID: String, limit: Int, language: PromptLanguage, attention: ReviewAttention? = nil
    ) throws(CommandFailure) -> ReviewPacketInput {
        let workspace = try GoalWorkspace(context: context, goalID: goalID)
        let runs = workspace.history.newest(limit: max(1, limit))
        let id = workspace.goalID.rawValue
        var input = ReviewPacketInput(
            goalID: id, goal: workspace.goal,
            attention: attention ?? ReviewAttention.derive(goal: workspace.goal, goalID: id, runs: runs, language: language),
            runs: runs)
        input.language = language
        if let path = workspace.stateFilePath(), FileSystem.isRegularFile(path), let text = try? FileSystem.readText(path) {
            let open = ActiveStateDocument(text: text).todos.filter { $0.status == .open }
            input.userTodos = open.filter { $0.role == .user }
            input.agentTodos = open.filter { $0.role == .agent }
        }
        return input
    }

    /// The newest run that is not quota bookkeeping.
    public var latestRun: RunRecord? {
        runs.first { !ReviewAttention.statusNeutral.contains($0.classification ?? "") }
    }
}
