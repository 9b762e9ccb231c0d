import LoopXSupport
/// Loads layers into a `RuleSet`: reads every file, applies overrides in layer order,
/// compiles every expression, and checks stage order — collecting every diagnostic.
struct RuleSetLoader {
    var sink = DiagnosticSink()
    let now: Timestamp
    var pipeline = Pipeline(decisions: [])
    var pipelineNodes: [String: YAMLNode] = [:]
    var pipelineUnit: RuleFileUnit?
    var schema: FactsSchema?
    var stageDecls: [StageDecl] = []
    /// The compiled decision variables (`pipeline.yaml`'s `variables:`), in dependency order.
    var decisionVariables: [DecisionVariable] = []
    /// Every rule by id, in declaration order.
    var rules: [String: RuleDecl] = [:]
    var ruleOrder: [String] = []
    var waivers: [Waiver] = []
    var expiredWaivers: [Waiver] = []
    var profileLayers: [ProfileLayer] = []
    var sources: [String: SourceText] = [:]
    /// Whether any layer declares a waiver (then the result depends on `now`).
    var declaresWaivers = false
    /// Waivers used by new loosening rules of the file being read (not "unneeded").
    var newRuleWaivers = Set<String>()

    /// Whether to add `RuleSet.check()`'s findings (for `rules check`, even when loading fails).
    var runChecks = false

    init(now: Timestamp) {
        self.now = now
    }

    mutating func load(_ layers: [RuleLayerSource]) -> RuleSet? {
        let ordered = layers.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
        if !ordered.contains(where: { $0.kind == .builtin }) {
            sink.add(Diagnostic(path: "<rules>", position: SourcePosition(line: 1, column: 1),
                                message: "no built-in rules layer (a directory with pipeline.yaml and stage files)"))
        }
        for layer in ordered {
            if layer.kind == .builtin { readBuiltin(layer) } else { readLayer(layer) }
        }
        checkPipelineCoverage()
        let compiled = compileStages()
        var ruleSet = RuleSet(
            pipeline: pipeline, schema: schema ?? .open, stages: compiled, decisionVariables: decisionVariables, warnings: sink.sorted.filter { $0.severity != .error },
            activeWaivers: waivers, profileLayers: profileLayers, sources: sources, dependsOnClock: declaresWaivers)
        ruleSet.expiredWaivers = expiredWaivers
        // Every load type-checks (fail closed: a rule that cannot work refuses the load);
        // `rules check` also gets the warnings and the lint.
        for diagnostic in ruleSet.typeCheck() where runChecks || diagnostic.severity == .error { sink.add(diagnostic) }
        if runChecks {
            for diagnostic in ruleSet.check() { sink.add(diagnostic) }
        }
        return sink.hasErrors ? nil : ruleSet
    }

    // MARK: reading

    private mutating func parse(_ file: RuleSourceFile, _ kind: RuleLayerKind) -> RuleFileUnit? {
        let unit = RuleFileUnit.parse(file, layer: kind, into: &sink)
        if let unit { sources[unit.path] = unit.source }
        return unit
    }

    private mutating func readBuiltin(_ layer: RuleLayerSource) {
        for file in layer.files {
            guard let unit = parse(file, .builtin) else { continue }
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            if name == "pipeline.yaml" || name == "pipeline.yml" {
                if let (read, nodes) = Pipeline.read(unit, sink: &sink) {
                    pipeline = read
                    pipelineNodes = nodes
                    pipelineUnit = unit
                }
            } else if name == "facts.yaml" || name == "facts.yml" {
                schema = FactsSchema.read(unit, sink: &sink)
            } else if let stage = StageDecl.read(unit, sink: &sink) {
                if let earlier = stageDecls.first(where: { $0.name == stage.name }) {
                    sink.add(unit.diagnostic("stage '\(stage.name)' is already declared at \(earlier.origin)", at: stage.nameNode))
                    continue
                }
                stageDecls.append(stage)
                for rule in stage.rules { add(rule) }
            }
        }
        for stage in stageDecls where !pipeline.allStages.contains(stage.name) && pipelineUnit != nil {
            sink.add(stage.unit.diagnostic(
                "stage '\(stage.name)' is not in any decision of pipeline.yaml"
                    + Suggestion.hint(for: stage.name, in: pipeline.allStages), at: stage.nameNode))
        }
        if pipelineUnit == nil, let first = layer.files.first {
            sink.add(Diagnostic(path: first.path, position: SourcePosition(line: 1, column: 1),
                                message: "the built-in rules have no pipeline.yaml declaring the stage order"))
        }
    }

    private mutating func checkPipelineCoverage() {
        guard let unit = pipelineUnit else { return }
        let declared = Set(stageDecls.map(\.name))
        for stage in pipeline.allStages where !declared.contains(stage) {
            if let node = pipelineNodes[stage] {
                sink.add(unit.diagnostic("no stage file declares stage '\(stage)'", at: node))
            }
        }
    }

    private mutating func add(_ rule: RuleDecl) {
        if let earlier = rules[rule.id] {
            sink.add(rule.unit.diagnostic(
                "duplicate rule id '\(rule.id)': already defined at \(earlier.origin) (\(earlier.unit.layer.rawValue) layer); "
                    + "a later layer changes a rule with overrides.patch", at: rule.idNode))
            return
        }
        rules[rule.id] = rule
        ruleOrder.append(rule.id)
    }

    private mutating func readLayer(_ layer: RuleLayerSource) {
        for file in layer.files {
            guard let unit = parse(file, layer.kind), let decl = LayerFileDecl.read(unit, sink: &sink) else { continue }
            if !decl.waivers.isEmpty { declaresWaivers = true }
            newRuleWaivers = []
            for rule in decl.rules {
                if let stageNode = rule.stageNode, !stageDecls.contains(where: { $0.name == rule.stage }) {
                    sink.add(unit.diagnostic(
                        "unknown stage '\(rule.stage)'" + Suggestion.hint(for: rule.stage, in: stageDecls.map(\.name)),
                        at: stageNode))
                    continue
                }
                if let change = looseningOfNewRule(rule) {
                    var used = Set<String>()
                    guard permitted(rule, id: rule.id, node: rule.idNode, decl: decl, change: change, loosening: true, used: &used)
                        != nil
                    else { continue }
                    newRuleWaivers.formUnion(used)
                }
                add(rule)
            }
            applyOverrides(decl)
            if let profile = decl.profile, let value = unit.json(profile, sink: &sink) {
                var origins: [[String]: String] = [:]
                for (path, position) in profile.fieldPositions() { origins[path] = "\(unit.path):\(position.line)" }
                profileLayers.append(ProfileLayer(
                    layer: layer.kind.rawValue, source: unit.path, value: value, fieldOrigins: origins))
            }
        }
    }
}
