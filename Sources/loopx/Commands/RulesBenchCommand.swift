import ArgumentParser
import LoopXCore
import LoopXRules

/// Hidden: timings for scripts/bench/rules.sh (load+compile, evaluate with trace off/on/full).
struct RulesBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure loading and evaluating the rules (for scripts/bench).",
        shouldDisplay: false)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: RulesOptions
    @Option(help: "A JSON or YAML facts document.") var facts: String?
    @Option(help: "The decision to evaluate.") var decision: String = "should_run"
    @Option(help: "Repetitions per measurement.") var iterations: Int = 200

    func run() throws {
        let context = try global.context()
        let layers: [RuleLayerSource]
        do { layers = try options.discovery(context).layers() } catch { throw error }
        let ruleSet = try options.load(context)
        let bindings = try facts.map { try FactsFile.load(context.environment.absolute($0), schema: ruleSet.schema) }
            ?? ruleSet.schema.bindings(from: ruleSet.schema.defaults).facts
        let rounds = max(iterations, 5)
        let load = RuleBenchmark.median(rounds: 15) {
            RuleBenchmark.time(repeat: max(rounds / 10, 1)) { _ = try? RuleSet.load(layers: layers, now: context.now) }
        }
        let typeCheck = RuleBenchmark.median(rounds: 15) {
            RuleBenchmark.time(repeat: max(rounds / 10, 1)) { _ = ruleSet.typeCheck() }
        }
        var lines = ["rules: \(ruleSet.allRules.count) in \(ruleSet.stages.count) stages",
                     "load+compile: \(RuleBenchmark.describe(load))",
                     "  of which type check + cost bounds: \(RuleBenchmark.describe(typeCheck))"]
        let key = RuleSetSnapshot.key(layers: layers, buildID: "bench")
        if let snapshot = RuleSetSnapshot.encode(ruleSet, key: key) {
            let restore = RuleBenchmark.median(rounds: 15) {
                RuleBenchmark.time(repeat: max(rounds / 10, 1)) { _ = try? RuleSetSnapshot.decode(snapshot, key: key, layers: layers) }
            }
            let restoreAll = RuleBenchmark.median(rounds: 15) {
                RuleBenchmark.time(repeat: max(rounds / 10, 1)) {
                    _ = (try? RuleSetSnapshot.decode(snapshot, key: key, layers: layers))?.compileAllExpressions()
                }
            }
            lines.append("snapshot (\(snapshot.count) bytes) load: \(RuleBenchmark.describe(restore))")
            lines.append("snapshot load + compile every expression: \(RuleBenchmark.describe(restoreAll))")
        }
        for level in TraceLevel.allCases {
            let perEvaluation = RuleBenchmark.median(rounds: 15) {
                RuleBenchmark.time(repeat: rounds) {
                    _ = ruleSet.evaluate(decision: decision, facts: bindings, now: context.now, trace: level)
                }
            }
            lines.append("evaluate \(decision) trace=\(level.rawValue): \(RuleBenchmark.describe(perEvaluation))")
        }
        Output.write(lines.joined(separator: "\n") + "\n")
    }
}
