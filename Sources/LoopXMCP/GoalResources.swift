import LoopXCore
import LoopXSupport
import MCP
import LoopXRules

/// The resources of `loopx mcp`, per registered goal (only the pinned one when pinned):
/// `loopx://goals/<id>/active-state` (the Markdown file), `.../runs` (the JSON of
/// `loopx history --goal-id <id>`) and `.../profile` (the JSON of `loopx rules effective --goal-id <id>`).
enum GoalResources {
    static let kinds: [(suffix: String, name: String, mimeType: String, description: String)] = [
        ("active-state", "active state", "text/markdown", "The goal's active state file (objective, todos, next action, ledger)."),
        ("runs", "latest runs", "application/json", "The goal's newest runs, as `loopx --format json history --goal-id G`."),
        ("profile", "effective profile", "application/json", "The merged rules and profile, as `loopx --format json rules effective --goal-id G`."),
    ]

    /// Every resource the server lists.
    static func list(_ configuration: MCPServerConfiguration) throws -> [Resource] {
        let goals: [String]
        if let pinned = configuration.goalID {
            goals = [pinned]
        } else {
            goals = try GoalStore.open(try configuration.context(), allowMissing: true).registry.goals.compactMap(\.id)
        }
        return goals.flatMap { goal in
            kinds.map { kind in
                Resource(
                    name: "\(goal) \(kind.name)", uri: "loopx://goals/\(goal)/\(kind.suffix)", description: kind.description,
                    mimeType: kind.mimeType)
            }
        }
    }

    /// Reads one resource; unknown URIs and goals outside the pin are invalid parameters.
    static func read(_ uri: String, _ configuration: MCPServerConfiguration) throws -> ReadResource.Result {
        let prefix = "loopx://goals/"
        let parts = uri.hasPrefix(prefix) ? uri.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false) : []
        guard parts.count == 2, let kind = kinds.first(where: { $0.suffix == parts[1] }) else {
            throw MCPError.invalidParams("unknown resource '\(uri)'; expected \(prefix)<goal>/{active-state,runs,profile}")
        }
        let goal = String(parts[0])
        if let pinned = configuration.goalID, pinned != goal {
            throw MCPError.invalidParams("this server is pinned to goal '\(pinned)'")
        }
        let context = try configuration.context()
        let id = try GoalID.parse(goal)
        let text: String
        switch kind.suffix {
        case "active-state":
            let store = try GoalStore.open(context)
            guard let path = try store.stateFilePath(of: try store.goal(id)), FileSystem.isRegularFile(path) else {
                throw MCPError.invalidParams("goal '\(goal)' has no active state file")
            }
            text = try FileSystem.readText(path)
        case "runs":
            let query = HistoryQuery(store: try GoalStore.open(context, allowMissing: true), goalFilter: goal, limit: 10)
            text = try query.run().rendered(as: .json)
        default:
            let ruleSet: RuleSet
            let discovery = DecisionSession.ruleLayerDiscovery(store: try GoalStore.open(context), goalID: id)
            do { ruleSet = try discovery.load() } catch {
                switch error {
                case .command(let failure): throw failure
                case .invalid(let list): throw ToolFailure(CommandFailure.invalidRules(list))
                }
            }
            let base = try RuleProfileBase.layers(context: context, goalID: goal, schema: ruleSet.schema)
            text = RulesEffectiveReport(ruleSet: ruleSet, profileBase: base).rendered(as: .json)
        }
        return .init(contents: [.text(text, uri: uri, mimeType: kind.mimeType)])
    }
}
