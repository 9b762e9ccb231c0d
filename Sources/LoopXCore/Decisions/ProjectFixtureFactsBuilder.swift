import LoopXRules
import LoopXSupport

/// Builds the facts of `project:` fixtures with the code the CLI uses (GoalStore,
/// DecisionSession, FactsBuilder) over a fixture directory that is a self-contained project:
/// `.loopx/registry.json`, the active state files and a runtime root. Paths in the fixture
/// are relative to the fixture directory (it stands in for the working directory and HOME),
/// so the directory works wherever the checkout lives.
public struct ProjectFixtureFactsBuilder: ProjectFixtureBuilder {
    public var ruleSet: RuleSet
    /// The clock when the fixture gives no `now:`.
    public var fallbackNow: Timestamp

    public init(ruleSet: RuleSet, fallbackNow: Timestamp) {
        self.ruleSet = ruleSet
        self.fallbackNow = fallbackNow
    }

    /// Fixture decisions are written as the command (`should-run`) or the pipeline name.
    static let decisions = ["should-run": "should_run", "should_run": "should_run", "status": "status"]

    public func build(_ request: ProjectFixtureRequest) throws(ProjectFixtureFailure) -> ProjectFixtureFacts {
        guard let decision = ProjectFixtureFactsBuilder.decisions[request.decision] else {
            throw ProjectFixtureFailure("project fixtures run decision should-run or status, not '\(request.decision)'")
        }
        let directory = FileSystem.normalize(request.directory)
        guard FileSystem.isDirectory(directory) else { throw ProjectFixtureFailure("no fixture directory \(directory)") }
        let now = request.now ?? fallbackNow
        let environment = LoopXEnvironment(
            variables: ["HOME": directory], workingDirectory: directory, executablePath: "loopx", executableRealPath: "loopx")
        let session: DecisionSession
        let goalID: GoalID
        do {
            let context = try LoopXContext(
                environment: environment,
                settings: GlobalSettings(registry: ".loopx/registry.json", now: now.rfc3339))
            let store = try GoalStore.open(context, allowGlobalFallback: false)
            session = try DecisionSession(store: store, ruleSet: ruleSet)
            goalID = try GoalID.parse(request.goal)
        } catch {
            throw ProjectFixtureFailure(error.description)
        }
        let facts = session.facts(for: goalID)
        let document = facts.document
        let id = goalID.rawValue
        let assemble: @Sendable (DecisionResult) -> JSONValue = { result in
            decision == "should_run"
                ? ShouldRunReport(goalID: id, result: result, facts: document, agentID: nil).json
                : QuotaPlan.item(result: result, facts: document)
        }
        return ProjectFixtureFacts(facts: facts.bindings, now: now, decision: decision, assemble: assemble)
    }
}
