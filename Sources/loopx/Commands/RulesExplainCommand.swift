import ArgumentParser
import LoopXCore
import LoopXRules

struct RulesEffectiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effective",
        abstract: "The merged rules and profile, each with the layer and path:line it came from.",
        discussion: "Example: loopx rules effective --rules ./strict.yaml --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: RulesOptions
    @Option(help: "Include this goal's registry execution_profile under the rule layers' profile blocks.")
    var goalId: String?

    func run() throws {
        let context = try global.context()
        let ruleSet = try options.load(context)
        let base = try RuleProfileBase.layers(context: context, goalID: goalId, schema: ruleSet.schema)
        try emit(RulesEffectiveReport(ruleSet: ruleSet, profileBase: base), format: context.format)
    }
}

struct RulesExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "The full trace of every stage of a decision: outcomes, near misses, values.",
        discussion: "With --decision gate, --kind, --path, --ref, ... give the proposed action as `gate check` takes them.\nExample: loopx rules explain --goal-id my-goal --decision gate --kind write --path src/app.swift")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: RulesOptions
    @Option(help: "Explain the decision for this goal (facts built from the registry).") var goalId: String?
    @Option(help: "A JSON or YAML facts document, merged over facts.yaml's defaults.") var facts: String?
    @Option(help: "The decision to evaluate: should_run, status or gate (names from pipeline.yaml).") var decision: String = "should_run"
    @Flag(help: "Also show the value of every sub-expression.") var full = false
    @OptionGroup var gateAction: GateActionOptions

    func run() throws {
        let context = try global.context()
        let level: TraceLevel = full ? .full : .on
        if let goalId, facts == nil {
            // The goal's facts come from the real files, through the same session should-run uses.
            let (_, id, session) = try global.session(goal: goalId, builtinRules: options.builtinRules)
            let action = try gateAction.action(goalID: goalId)
            if action != nil, decision != "gate" {
                throw CommandFailure("--kind and the other action flags apply to --decision gate only", status: .usage)
            }
            let report = try RulesExplainReport.forGoal(session: session, goalID: id, decision: decision, trace: level, action: action)
            try emit(report, format: context.format)
            return
        }
        let ruleSet = try options.load(context)
        guard let facts else { throw CommandFailure("give --goal-id G or --facts FILE", status: .usage) }
        let bindings = try FactsFile.load(context.environment.absolute(facts), schema: ruleSet.schema)
        let result = ruleSet.evaluate(decision: decision, facts: bindings, now: context.now, trace: level)
        try emit(RulesExplainReport(result: result), format: context.format)
    }
}
