import ArgumentParser
import LoopXCore
import LoopXRules

/// `loopx rules ...`: inspect, check, test and explain the policy rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, check, test, explain and replay the YAML policy rules.",
        discussion: "Example: loopx rules check && loopx rules test --coverage",
        subcommands: [
            RulesListCommand.self, RulesShowCommand.self, RulesCheckCommand.self, RulesTestCommand.self,
            RulesEffectiveCommand.self, RulesExplainCommand.self, RulesSchemaCommand.self, RulesBenchCommand.self,
            RulesReplayCommand.self,
        ]
    )
}

/// Options every `rules` subcommand shares.
struct RulesOptions: ParsableArguments {
    @Option(name: .customLong("builtin-rules"), help: "Use this directory instead of the built-in Rules/ (for rule-set authors).")
    var builtinRules: String?
}

extension RulesOptions {
    func discovery(_ context: LoopXContext) -> RuleLayerDiscovery {
        RuleLayerDiscovery(context: context, builtinOverride: builtinRules)
    }

    /// Loads every layer; invalid rule files fail with every diagnostic (exit status 3).
    func load(_ context: LoopXContext) throws -> RuleSet {
        do {
            return try discovery(context).load()
        } catch {
            switch error {
            case .command(let failure): throw failure
            case .invalid(let list): throw CommandFailure.invalidRules(list)
            }
        }
    }
}

struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every rule: id, stage, priority, layer, locked.",
        discussion: "Example: loopx rules list --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: RulesOptions

    func run() throws {
        let context = try global.context()
        try emit(RulesListReport(ruleSet: try options.load(context)), format: context.format)
    }
}

struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One rule: its fields, YAML source and the fixtures that name it.",
        discussion: "Example: loopx rules show quota.paused")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: RulesOptions
    @Argument(help: "The rule id.") var id: String

    func run() throws {
        let context = try global.context()
        let ruleSet = try options.load(context)
        guard let rule = ruleSet.rule(id: id) else {
            throw CommandFailure(
                "no rule '\(id)'" + Suggestion.hint(for: id, in: ruleSet.allRules.map(\.id)),
                hint: "loopx rules list shows every rule id", code: .unknownRule)
        }
        var fixtures: [String] = []
        let runner = FixtureRunner(ruleSet: ruleSet)
        if let sources = try? options.discovery(context).fixtureSources([]), let files = try? runner.parse(sources) {
            for file in files {
                for fixture in file.fixtures {
                    for expectation in fixture.ruleExpectations where expectation.id == id {
                        fixtures.append("\(fixture.file):\(fixture.line): \(fixture.name) (\(expectation.fires ? "fired" : "not_fired"))")
                    }
                }
            }
        }
        try emit(RuleShowReport(rule: rule, source: rule.yaml, fixtures: fixtures), format: context.format)
    }
}

struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load every layer and report every error and warning (exit 3 when invalid).",
        discussion: "Checks YAML, keys, duplicate ids, stage order, every expression's types against facts.yaml and its worst-case cost, tighten-only stages and waivers, and lints (unused variables, rules that can never fire, contradictory conditions).\nExample: loopx rules check --strict --rules ./extra.yaml")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: RulesOptions

    @Flag(help: "Treat warnings (the linter's findings included) as errors.")
    var strict = false

    func run() throws {
        let context = try global.context()
        let checked = RuleSet.checkAll(layers: try options.discovery(context).layers(), now: context.now)
        let diagnostics = checked.diagnostics.map { diagnostic in
            var item = diagnostic
            if strict { item.severity = .error }
            return item
        }
        let report = RulesCheckReport(
            diagnostics: diagnostics, ruleCount: checked.ruleSet?.allRules.count ?? 0,
            stageCount: checked.ruleSet?.stages.count ?? 0)
        Output.write(report.rendered(as: context.format))
        if !report.ok { throw ExitCode(ExitStatus.invalidRules.rawValue) }
    }
}
