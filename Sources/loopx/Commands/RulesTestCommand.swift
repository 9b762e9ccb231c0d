import ArgumentParser
import LoopXCore
import LoopXRules
import LoopXSupport

/// The output formats of `loopx rules test`.
enum RulesTestFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, junit
}

/// `loopx rules test`: runs fixture tests. Exit 0 all passed; 1 a test failed or errored, or
/// none ran; 2 coverage below --coverage-min (or a rule unpaired under --require-pairs);
/// 3 invalid rule or fixture files.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the rules' fixture tests (*.test.yaml).",
        discussion: "Paths default to the built-in Rules/tests plus the project's .loopx/rules. Fixtures under the built-in rules directory test the built-in rules alone; every other fixture runs against all layers.\nExit: 0 passed, 1 failed or none ran, 2 coverage too low, 3 invalid files.\nExample: loopx rules test --run quota --coverage")

    // The global options, except that --format here chooses text, json or junit.
    @Option(help: "Project registry (default .loopx/registry.json).") var registry: String?
    @Option(help: "Runtime root.") var runtimeRoot: String?
    @Option(help: "The current time, RFC 3339 (also $LOOPX_NOW).") var now: String?
    @Option(help: "An extra rule layer (file or directory); repeatable.") var rules: [String] = []
    @Option(help: "Output format.") var format: RulesTestFormat = .text
    @OptionGroup var options: RulesOptions

    @Argument(help: "Fixture files or directories.") var paths: [String] = []
    @Option(name: .customLong("run"), help: "Run only tests whose 'file: name' matches this regular expression.")
    var runPattern: String?
    @Flag(help: "Report, per rule, whether some fixture made it fire and some made it not fire.") var coverage = false
    @Option(help: "Fail (exit 2) when coverage is below this percentage.") var coverageMin: Double?
    @Flag(help: "Fail (exit 2) when a rule lacks a firing or a non-firing fixture.") var requirePairs = false

    func validate() throws {
        if let coverageMin, !(0...100).contains(coverageMin) {
            throw ValidationError("--coverage-min \(coverageMin) is out of range: use a percentage in 0...100")
        }
    }

    func run() throws {
        let settings = GlobalSettings(registry: registry, runtimeRoot: runtimeRoot, now: now, rules: rules)
        let context = try LoopXContext(environment: .current(), settings: settings)
        var filter: ((String) -> Bool)?
        if let pattern = runPattern {
            let regex: _StringProcessing.Regex<AnyRegexOutput>
            do { regex = try _StringProcessing.Regex(pattern) } catch {
                throw CommandFailure("invalid --run pattern '\(pattern)': \(error)", status: .usage)
            }
            filter = { $0.contains(regex) }
        }
        let report: TestRunReport
        do {
            report = try LayeredFixtureRun(discovery: options.discovery(context), now: context.now).run(paths: paths, filter: filter)
        } catch {
            switch error {
            case .command(let failure): throw failure
            case .invalidRules(let list), .invalidFixtures(let list): throw CommandFailure.invalidRules(list)
            }
        }
        let failure = thresholdFailure(report)
        switch format {
        case .text, .markdown: Output.write(report.text(coverage: coverage || requirePairs || coverageMin != nil))
        case .json:
            // A failed threshold is answered by the error envelope alone, the report inside it.
            if var failure {
                failure.extra["report"] = report.json
                throw failure
            }
            Output.write(JSONWriter(sortedKeys: true, pretty: true).string(report.json) + "\n")
        case .junit: Output.write(report.junit)
        }
        if report.failed > 0 { throw ExitCode(ExitStatus.notOK.rawValue) }
        if let failure { throw failure }
    }

    /// The failure when every test passed but the run still does not meet the command's
    /// bar: no test ran, coverage below --coverage-min, or a rule unpaired under --require-pairs.
    private func thresholdFailure(_ report: TestRunReport) -> CommandFailure? {
        guard report.failed == 0 else { return nil }
        if report.passed == 0 { return CommandFailure("no test ran", code: .noTestsRan) }
        if let minimum = coverageMin, report.coveragePercent < minimum {
            return CommandFailure("coverage \(report.coveragePercent)% is below --coverage-min \(minimum)%", code: .coverageBelowMinimum)
        }
        if requirePairs, !report.unpaired.isEmpty {
            return CommandFailure(
                "rules without a firing and a non-firing fixture: " + report.unpaired.map(\.id).joined(separator: ", "),
                code: .unpairedRules)
        }
        return nil
    }
}
