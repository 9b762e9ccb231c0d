import LoopXRules
import LoopXSupport

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
    /// should-run's `handoff_delivery_contract` (null when recent delivery needs none).
    public var deliveryContract: JSONValue = .null
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

    /// Reads the goal's registry entry, newest runs and open todos, and asks the rules (the
    /// `status` decision: attention, quota, outcome floor) for its attention item unless the
    /// caller passes one. Never writes anything.
    public static func load(
        context: LoopXContext, goalID: String, limit: Int, language: PromptLanguage, attention: ReviewAttention? = nil
    ) throws(DecisionSessionFailure) -> ReviewPacketInput {
        let workspace: GoalWorkspace
        let session: DecisionSession
        do {
            let id = try GoalID.parse(goalID)
            session = try DecisionSession.open(context, goalID: id)
            workspace = try GoalWorkspace(store: session.store, goalID: id)
        } catch let failure as CommandFailure {
            throw .command(failure)
        } catch let failure as DecisionSessionFailure {
            throw failure
        } catch {
            throw .command(CommandFailure("\(error)"))
        }
        let runs = workspace.history.newest(limit: max(1, limit))
        let decided = session.evaluate("should_run", goalID: workspace.goalID).result
        var input = ReviewPacketInput(
            goalID: workspace.goalID.rawValue, goal: workspace.goal,
            attention: attention ?? rulesAttention(decided, runs: runs), runs: runs)
        input.language = language
        let contract = decided.stage("delivery_contract")?.output.plainJSON ?? .null
        input.deliveryContract = contract["present"] == .bool(true) ? contract : .null
        let statePath: String?
        do { statePath = try workspace.stateFilePath() } catch { throw .command(error) }
        if let path = statePath, FileSystem.isRegularFile(path), let text = try? FileSystem.readText(path) {
            let open = ActiveStateDocument(text: text).todos.filter { $0.status == .open }
            input.userTodos = open.filter { $0.role == .user }
            input.agentTodos = open.filter { $0.role == .agent }
        }
        return input
    }

    /// The goal's attention item and quota state as the rules decided them (what `status` and
    /// should-run show).
    static func rulesAttention(_ result: DecisionResult, runs: [RunRecord]) -> ReviewAttention {
        let item = result.stage("attention")?.output.plainJSON ?? .null
        let quota = result.stage("outcome_floor")?.output.plainJSON ?? result.stage("quota")?.output.plainJSON
        let latest = runs.first { !statusNeutral.contains($0.classification ?? "") }
        return ReviewAttention(
            item: item, quotaState: quota?["state"]?.stringValue,
            fallbackStatus: latest?.classification ?? "no_attention",
            fallbackAction: latest?.recommendedAction ?? "inspect the goal's status")
    }

    /// Runs that never decide a goal's attention (quota bookkeeping).
    static let statusNeutral: Set<String> = ["quota_slot_spent", "quota_slot_voided"]

    /// The newest run that is not quota bookkeeping.
    public var latestRun: RunRecord? {
        runs.first { !ReviewPacketInput.statusNeutral.contains($0.classification ?? "") }
    }
}
