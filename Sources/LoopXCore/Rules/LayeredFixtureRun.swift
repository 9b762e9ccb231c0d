import LoopXRules
import LoopXSupport

/// `rules test` over the rule layers: each fixture runs against the layers its owner
/// controls. Fixtures under the built-in rules directory test the built-in rules alone, so a
/// user, project or `--rules` layer never fails fixtures its author does not own; every other
/// fixture (a project's `.loopx/rules/*.test.yaml`, or any path given) runs against all layers.
public struct LayeredFixtureRun: Sendable {
    public var discovery: RuleLayerDiscovery
    public var now: Timestamp

    public init(discovery: RuleLayerDiscovery, now: Timestamp) {
        self.discovery = discovery
        self.now = now
    }

    /// Why a run could not start: invalid rule files, or invalid fixture files.
    public enum Failure: Error {
        case command(CommandFailure)
        case invalidRules(DiagnosticList)
        case invalidFixtures(DiagnosticList)
    }

    /// Parses the fixtures at `paths` (the defaults when empty) and runs those the filter
    /// accepts, each against its owner's layers.
    public func run(paths: [String], filter: ((String) -> Bool)?) throws(Failure) -> TestRunReport {
        let layers: [RuleLayerSource]
        let sources: [FixtureRunner.Source]
        let builtinDirectory: String
        do {
            layers = try discovery.layers()
            sources = try discovery.fixtureSources(paths)
            builtinDirectory = try discovery.builtinDirectory()
        } catch { throw .command(error) }
        let full = try load(layers)
        let builtinPrefix = builtinDirectory.hasSuffix("/") ? builtinDirectory : builtinDirectory + "/"
        let owned = sources.filter { ($0.directory + "/").hasPrefix(builtinPrefix) }
        let others = sources.filter { !($0.directory + "/").hasPrefix(builtinPrefix) }
        var reports: [TestRunReport] = []
        if !owned.isEmpty {
            let builtinOnly = layers.count == layers.filter({ $0.kind == .builtin }).count
                ? full : try load(layers.filter { $0.kind == .builtin })
            reports.append(try run(owned, ruleSet: builtinOnly, filter: filter))
        }
        if !others.isEmpty || owned.isEmpty { reports.append(try run(others, ruleSet: full, filter: filter)) }
        return TestRunReport.combined(reports)
    }

    func load(_ layers: [RuleLayerSource]) throws(Failure) -> RuleSet {
        do { return try discovery.load(layers: layers) } catch {
            switch error {
            case .command(let failure): throw .command(failure)
            case .invalid(let list): throw .invalidRules(list)
            }
        }
    }

    func run(_ sources: [FixtureRunner.Source], ruleSet: RuleSet, filter: ((String) -> Bool)?) throws(Failure) -> TestRunReport {
        let runner = FixtureRunner(ruleSet: ruleSet, projectBuilder: ProjectFixtureFactsBuilder(ruleSet: ruleSet, fallbackNow: now))
        do { return runner.run(try runner.parse(sources), filter: filter) } catch { throw .invalidFixtures(error) }
    }
}
