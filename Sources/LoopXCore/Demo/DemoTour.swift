import LoopXRules
import LoopXSupport

/// `loopx demo`: builds the embedded sample in a fresh temporary directory (project, registry,
/// active state, run history, runtime root — nothing outside it, HOME pointed inside it too)
/// and runs the main commands on it through the library, each with a one-line explanation.
public struct DemoTour: Sendable {
    public var context: LoopXContext
    public var keep: Bool

    public init(context: LoopXContext, keep: Bool) {
        self.context = context
        self.keep = keep
    }

    /// One command of the tour: what it is, why it matters, and its report.
    public struct Step: Sendable {
        public var title: String
        public var command: String
        public var explanation: String
        public var json: JSONValue
        public var markdown: String
    }

    public func run() throws(CommandFailure) -> DemoReport {
        let directory = try TemporaryDirectory.create(prefix: "loopx-demo-", environment: context.environment)
        do {
            let report = try tour(in: directory.path)
            if !keep { directory.remove() }
            return report
        } catch {
            if !keep { directory.remove() }
            throw error
        }
    }

    /// The sample's context: HOME, CODEX_HOME and the runtime root inside the directory, the
    /// project as working directory, the caller's clock and format.
    func sampleContext(root: String) throws(CommandFailure) -> LoopXContext {
        var variables = context.environment.variables
        variables["HOME"] = FileSystem.join(root, "home")
        variables["CODEX_HOME"] = FileSystem.join(root, "home/.codex")
        variables["LOOPX_RUNTIME_ROOT"] = nil
        let env = LoopXEnvironment(
            variables: variables, workingDirectory: FileSystem.join(root, "project"),
            executablePath: context.environment.executablePath, executableRealPath: context.environment.executableRealPath)
        let settings = GlobalSettings(
            registry: FileSystem.join(root, "project/.loopx/registry.json"), runtimeRoot: FileSystem.join(root, "runtime"),
            format: context.format, now: context.now.rfc3339, rules: [])
        return try LoopXContext(environment: env, settings: settings)
    }

    private func tour(in root: String) throws(CommandFailure) -> DemoReport {
        let sample = try sampleContext(root: root)
        try DemoTour.writeSample(sample, root: root)
        let id = try GoalID.parse(DemoSample.goalID)
        let prefix = "loopx --registry \(ShellQuote.quote(sample.registryPath)) --runtime-root \(ShellQuote.quote(sample.runtimeRoot()))"
        var steps: [Step] = []

        let session = try DemoTour.session(sample, goalID: id)
        let decision = try ShouldRun(session: session, goalID: id).run(trace: .on, agentID: nil)
        steps.append(Step(
            title: "Should the goal spend compute now?", command: "\(prefix) quota should-run --goal-id \(id) --trace",
            explanation: "The heartbeat guard: staged rules decide run or skip, what the agent owes, and the trace says which rule fired and why the others did not.",
            json: decision.json, markdown: decision.markdown))

        let status: StatusReport
        do { status = try StatusCollector(context: sample, options: StatusOptions(goalID: id, limit: 6)).collect() } catch {
            switch error {
            case .command(let failure): throw failure
            case .invalidRules(let list): throw DemoTour.rulesFailure(list)
            }
        }
        steps.append(Step(
            title: "What needs attention", command: "\(prefix) status --goal-id \(id)",
            explanation: "The status contract: one attention item per goal with exactly one recommended action, and the run history the rules read (surface-only runs after the approved handoff, one with a human lesson).",
            json: status.json, markdown: status.markdown))

        var request = GateCheck.Request(goalID: id.rawValue, kind: "destructive-git")
        request.ref = "main"
        request.command = "git push --force origin main"
        let gate = try GateCheck(session: session).run(request, trace: .off)
        steps.append(Step(
            title: "Is a risky action allowed?",
            command: "\(prefix) gate check --goal-id \(id) --kind destructive-git --ref main --command 'git push --force origin main'",
            explanation: "The boundary gates judge a proposed action before the agent takes it: a force-push to main stops on a locked rule that needs the operator (exit 1), whatever the quota says.",
            json: gate.json, markdown: gate.markdown))

        var inputs = HeartbeatPrompt.Inputs(goalID: id)
        inputs.variant = .thin
        let prompt: HeartbeatPrompt
        do { prompt = try HeartbeatPrompt.make(sample, inputs: inputs) } catch {
            switch error {
            case .command(let failure): throw failure
            case .invalid(let list): throw DemoTour.rulesFailure(list)
            }
        }
        let heartbeat = HeartbeatPromptReport(prompt: prompt)
        steps.append(Step(
            title: "What the agent host pastes", command: "\(prefix) heartbeat-prompt --thin --goal-id \(id)",
            explanation: "The heartbeat task body, generated from the rules' prompt guidance and sized against its budget.",
            json: heartbeat.json, markdown: heartbeat.markdown))
        return DemoReport(directory: root, kept: keep, goalID: id.rawValue, steps: steps)
    }

    static func session(_ context: LoopXContext, goalID: GoalID) throws(CommandFailure) -> DecisionSession {
        do { return try DecisionSession.open(context, goalID: goalID) } catch {
            switch error {
            case .command(let failure): throw failure
            case .invalidRules(let list): throw DemoTour.rulesFailure(list)
            }
        }
    }

    /// Invalid rule files end the tour with every error and exit status 3.
    static func rulesFailure(_ list: DiagnosticList) -> CommandFailure {
        CommandFailure("the rules do not load:\n" + list.rendered, status: .invalidRules)
    }
}
