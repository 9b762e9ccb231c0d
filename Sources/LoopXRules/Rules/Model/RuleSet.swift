import LoopXSupport
/// Every stage and rule of all layers, compiled and ready to evaluate any number of times.
///
/// ```swift
/// let rules = try RuleSet.load(layers: [builtin, project], now: now)
/// let result = rules.evaluate(decision: "should_run", facts: facts, now: now, trace: .on)
/// print(result.outputs["quota"]?.celLiteral ?? "")
/// ```
public struct RuleSet: Sendable {
    public let pipeline: Pipeline
    public let schema: FactsSchema
    /// Stages by name.
    public let stages: [String: Stage]
    /// The decision variables of `pipeline.yaml` (shared by every stage), in dependency order.
    public let decisionVariables: [DecisionVariable]
    /// Warnings of the load (expired or unneeded waivers, ...), in file order.
    public let warnings: [Diagnostic]
    /// Waivers in force: print them wherever a decision is shown.
    public let activeWaivers: [Waiver]
    /// Waivers past their date (the change they allowed is not applied): shown as warnings
    /// wherever a decision is.
    public internal(set) var expiredWaivers: [Waiver] = []
    /// The `profile:` blocks of the rule layers, in layer order.
    public let profileLayers: [ProfileLayer]
    /// The text of every file loaded, by path, for positioned diagnostics after the load.
    let sources: [String: SourceText]
    /// Whether the load depended on the clock (a waiver was declared): such a rule set is
    /// never snapshotted, since the same files can load differently at another instant.
    let dependsOnClock: Bool

    /// Loads and compiles the layers (the built-in one first), reporting every problem of
    /// every file together. `now` decides which waivers are active.
    public static func load(layers: [RuleLayerSource], now: Timestamp) throws(DiagnosticList) -> RuleSet {
        var loader = RuleSetLoader(now: now)
        guard let ruleSet = loader.load(layers) else { throw DiagnosticList(loader.sink.sorted) }
        return ruleSet
    }

    /// Everything `loopx rules check` reports: load errors and warnings plus `check()`'s
    /// findings on whatever compiled, for every file, sorted. The rule set is nil when any
    /// error was found.
    public static func checkAll(layers: [RuleLayerSource], now: Timestamp) -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        var loader = RuleSetLoader(now: now)
        loader.runChecks = true
        let ruleSet = loader.load(layers)
        return (ruleSet, loader.sink.sorted)
    }

    /// Stages in pipeline order (stages of no decision last, by name).
    public var orderedStages: [Stage] {
        let order = pipeline.allStages
        return stages.values.sorted {
            (order.firstIndex(of: $0.name) ?? Int.max, $0.name) < (order.firstIndex(of: $1.name) ?? Int.max, $1.name)
        }
    }

    /// Every rule, stage by stage in pipeline order, each stage in run order.
    public var allRules: [Rule] { orderedStages.flatMap(\.rules) }

    public func rule(id: String) -> Rule? {
        for stage in stages.values {
            if let found = stage.rules.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    /// The `prompt:` guidance of the enabled rules of some stages, in pipeline and run order.
    public func prompts(stages names: [String]? = nil) -> [(rule: Rule, prompt: String)] {
        orderedStages.filter { names?.contains($0.name) ?? true }.flatMap { stage in
            stage.rules.compactMap { rule in
                guard !rule.isDisabled, let prompt = rule.prompt else { return nil }
                return (rule, prompt)
            }
        }
    }

    /// The profile after `base` (built-in defaults, then the registry entry) and the rule
    /// layers' `profile:` blocks, with the layer and place of each field.
    public func effectiveProfile(base: [ProfileLayer]) -> EffectiveProfile {
        EffectiveProfile(layers: base + profileLayers)
    }

    /// A diagnostic positioned in a loaded file.
    func diagnostic(_ message: String, path: String, at position: SourcePosition, severity: Diagnostic.Severity) -> Diagnostic {
        sources[path]?.diagnostic(message, at: position, severity: severity)
            ?? Diagnostic(severity, path: path, position: position, message: message)
    }
}
