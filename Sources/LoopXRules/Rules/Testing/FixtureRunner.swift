#if canImport(Glibc)
import Glibc
import LoopXSupport
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs fixture tests against a rule set: evaluates each fixture's decision with tracing on,
/// compares every expectation, and explains failures with the rules' near misses.
public struct FixtureRunner: Sendable {
    public let ruleSet: RuleSet
    /// Builds the facts of `project:` fixtures; without one they are skipped.
    public let projectBuilder: (any ProjectFixtureBuilder)?

    public init(ruleSet: RuleSet, projectBuilder: (any ProjectFixtureBuilder)? = nil) {
        self.ruleSet = ruleSet
        self.projectBuilder = projectBuilder
    }

    /// A fixture file with the directory its `project:` paths are relative to.
    public struct Source: Sendable {
        public var file: RuleSourceFile
        public var directory: String

        public init(file: RuleSourceFile, directory: String) {
            self.file = file
            self.directory = directory
        }
    }

    /// Parses fixture files and checks them against the rule set (decisions, rule ids and
    /// stage names exist); every problem of every file is reported together.
    public func parse(_ sources: [Source]) throws(DiagnosticList) -> [FixtureFile] {
        var sink = DiagnosticSink()
        var files: [FixtureFile] = []
        for source in sources {
            guard let file = FixtureFile.parse(source.file, directory: source.directory, sink: &sink) else { continue }
            let text = SourceText(path: source.file.path, text: source.file.text)
            for fixture in file.fixtures { validate(fixture, text, &sink) }
            files.append(file)
        }
        if sink.hasErrors { throw DiagnosticList(sink.sorted) }
        return files
    }

    private func validate(_ fixture: Fixture, _ text: SourceText, _ sink: inout DiagnosticSink) {
        let ids = ruleSet.allRules.map(\.id)
        for expectation in fixture.ruleExpectations where ruleSet.rule(id: expectation.id) == nil {
            sink.add(text.diagnostic("unknown rule '\(expectation.id)'" + Suggestion.hint(for: expectation.id, in: ids),
                                     at: expectation.position))
        }
        guard case .inline = fixture.kind else { return }
        guard let stages = ruleSet.pipeline.stages(of: fixture.decision) else {
            sink.add(text.diagnostic(
                "unknown decision '\(fixture.decision)'" + Suggestion.hint(for: fixture.decision, in: ruleSet.pipeline.decisions.map(\.name)),
                at: SourcePosition(line: fixture.line, column: 1)))
            return
        }
        for expectation in fixture.expectations {
            let stage = String(expectation.path.split(separator: ".").first ?? "")
            if !stages.contains(stage) {
                sink.add(text.diagnostic(
                    "'\(expectation.path)' names no stage of decision '\(fixture.decision)'" + Suggestion.hint(for: stage, in: stages),
                    at: expectation.position))
            }
        }
    }

    /// Runs the fixtures whose `file: name` the filter accepts (all when nil), in file order.
    public func run(_ files: [FixtureFile], filter: ((String) -> Bool)? = nil) -> TestRunReport {
        var results: [FixtureResult] = []
        for file in files {
            for fixture in file.fixtures where filter?("\(file.path): \(fixture.name)") ?? true {
                results.append(run(fixture))
            }
        }
        return TestRunReport(results: results, coverage: coverage(results))
    }

    /// Runs one fixture.
    public func run(_ fixture: Fixture) -> FixtureResult {
        let start = Self.clock()
        var result = FixtureResult(
            name: fixture.name, file: fixture.file, line: fixture.line, status: .passed, failures: [], reason: nil,
            outcomes: [:], durationNanoseconds: 0)
        let facts: [String: Value]
        let now: Timestamp
        var decision = fixture.decision
        var assemble: (@Sendable (DecisionResult) -> JSONValue)?
        switch fixture.kind {
        case .inline(let given, let at):
            let document = ruleSet.schema.defaults.deepMerged(with: given)
            let converted = ruleSet.schema.bindings(from: document)
            if !converted.problems.isEmpty {
                return finish(result, .errored, reason: "invalid facts: " + converted.problems.joined(separator: "; "), start)
            }
            facts = converted.facts
            now = at
        case .project(let directory, let goal, let at):
            guard let builder = projectBuilder else {
                return finish(result, .skipped, reason: "project fixtures need the fact builder (not available here)", start)
            }
            do {
                let built = try builder.build(ProjectFixtureRequest(directory: directory, goal: goal, decision: decision, now: at))
                facts = built.facts
                now = built.now
                decision = built.decision
                assemble = built.assemble
            } catch {
                return finish(result, .errored, reason: "cannot build facts: \(error.message)", start)
            }
        }
        let outcome = ruleSet.evaluate(decision: decision, facts: facts, now: now, trace: .on)
        result.outcomes = Self.outcomes(outcome)
        if let error = outcome.error {
            return finish(result, .errored, reason: "decision failed: \(error.description)", start)
        }
        result.failures = check(fixture, outcome, assembled: assemble?(outcome))
        return finish(result, result.failures.isEmpty ? .passed : .failed, reason: nil, start)
    }

    private func finish(_ result: FixtureResult, _ status: FixtureResult.Status, reason: String?, _ start: UInt64) -> FixtureResult {
        var done = result
        done.status = status
        done.reason = reason
        done.durationNanoseconds = Self.clock() &- start
        return done
    }

    /// Which enabled rules fired (decided or contributed) and which were evaluated without firing.
    static func outcomes(_ result: DecisionResult) -> [String: Bool] {
        var outcomes: [String: Bool] = [:]
        for stage in result.stages {
            let decided = Set(stage.decided.map(\.id))
            for rule in stage.rules where rule.outcome != .disabled {
                outcomes[rule.rule.id] = decided.contains(rule.rule.id)
            }
        }
        return outcomes
    }

    private func coverage(_ results: [FixtureResult]) -> [RuleCoverage] {
        ruleSet.allRules.filter { !$0.isDisabled }.map { rule in
            RuleCoverage(
                id: rule.id, stage: rule.stage, firedIn: results.filter { $0.outcomes[rule.id] == true }.count,
                notFiredIn: results.filter { $0.outcomes[rule.id] == false }.count)
        }
    }

    static func clock() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}
