import LoopXSupport
/// The stage order of each decision, from `pipeline.yaml`.
public struct Pipeline: Sendable, Hashable {
    /// Decision names with their stages, in file order.
    public var decisions: [(name: String, stages: [String])]
    /// The declared answers (`answers:`), in file order.
    public var answers: [AnswerShape]

    public init(decisions: [(name: String, stages: [String])], answers: [AnswerShape] = []) {
        self.decisions = decisions
        self.answers = answers
    }

    public static func == (lhs: Pipeline, rhs: Pipeline) -> Bool {
        lhs.decisions.map(\.name) == rhs.decisions.map(\.name) && lhs.decisions.map(\.stages) == rhs.decisions.map(\.stages)
            && lhs.answers == rhs.answers
    }

    public func hash(into hasher: inout Hasher) {
        for d in decisions {
            hasher.combine(d.name)
            hasher.combine(d.stages)
        }
        hasher.combine(answers)
    }

    /// The declared answer of a decision (a `-` in the name is read as `_`).
    public func answer(of decision: String) -> AnswerShape? {
        let key = Pipeline.key(decision)
        return answers.first { $0.decision == key }
    }

    /// The stages of a decision (a `-` in the name is read as `_`: `should-run`).
    public func stages(of decision: String) -> [String]? {
        let key = Pipeline.key(decision)
        return decisions.first { $0.name == key }?.stages
    }

    /// A decision's name as the pipeline spells it: `-` read as `_` (without Foundation, which
    /// would cost every heartbeat its start-up).
    static func key(_ decision: String) -> String {
        decision.contains("-") ? String(decision.map { $0 == "-" ? "_" : $0 }) : decision
    }

    /// Every stage named by some decision, each once, in first-appearance order.
    public var allStages: [String] {
        var seen = Set<String>()
        return decisions.flatMap(\.stages).filter { seen.insert($0).inserted }
    }

    /// The stages that run before `stage` in every decision containing it (what it may read).
    public func readableStages(from stage: String) -> Set<String> {
        var result: Set<String>?
        for decision in decisions {
            guard let index = decision.stages.firstIndex(of: stage) else { continue }
            let before = Set(decision.stages[..<index])
            result = result.map { $0.intersection(before) } ?? before
        }
        return result ?? []
    }

    /// The first decision in which `stage` runs no later than `other` (for messages).
    func decision(whereNotBefore other: String, _ stage: String) -> String? {
        for decision in decisions {
            guard let own = decision.stages.firstIndex(of: stage) else { continue }
            if let theirs = decision.stages.firstIndex(of: other), theirs < own { continue }
            return decision.name
        }
        return nil
    }

    /// The pipeline and where each stage name is first written.
    static func read(_ unit: RuleFileUnit, sink: inout DiagnosticSink) -> (Pipeline, [String: YAMLNode])? {
        guard let reader = MappingReader(unit.root, in: unit, what: "pipeline file", allowed: ["decisions", "variables", "answers"], sink: &sink),
            let node = reader.require("decisions", sink: &sink)
        else { return nil }
        guard let pairs = node.mapping else {
            sink.add(unit.diagnostic("'decisions' must map decision names to stage lists, found \(node.kindDescription)", at: node))
            return nil
        }
        var decisions: [(String, [String])] = []
        var positions: [String: YAMLNode] = [:]
        for pair in pairs {
            guard let name = pair.key.string else { continue }
            guard let items = pair.value.sequence else {
                sink.add(unit.diagnostic("decision '\(name)' must list its stages, found \(pair.value.kindDescription)", at: pair.value))
                continue
            }
            var stages: [String] = []
            for item in items {
                if let stage = item.string, positions[stage] == nil { positions[stage] = item }
                guard let stage = item.string, StageDecl.isIdentifier(stage) else {
                    sink.add(unit.diagnostic("a stage name must be a lowercase identifier", at: item))
                    continue
                }
                if stages.contains(stage) {
                    sink.add(unit.diagnostic("stage '\(stage)' is listed twice in decision '\(name)'", at: item))
                    continue
                }
                stages.append(stage)
            }
            decisions.append((name, stages))
        }
        var answers: [AnswerShape] = []
        if let node = reader.value("answers") { answers = AnswerShape.readAll(node, decisions: decisions, in: unit, sink: &sink) }
        return (Pipeline(decisions: decisions, answers: answers), positions)
    }
}
