import LoopXSupport
/// Reading `answers:` of `pipeline.yaml`: each decision's base stage and its fields, every
/// stage named checked against the decision's stages (positioned errors).
extension AnswerShape {
    static let keys = ["base", "fields"]
    static let fieldKeys = ["from", "default", "only_if", "omit_empty", "spread_by"]

    /// Every declared answer; errors (unknown decision, a stage the decision does not run,
    /// unknown keys) go to the sink.
    static func readAll(
        _ node: YAMLNode, decisions: [(String, [String])], in unit: RuleFileUnit, sink: inout DiagnosticSink
    ) -> [AnswerShape] {
        guard !node.isNull else { return [] }
        guard let pairs = node.mapping else {
            sink.add(unit.diagnostic("'answers' must map decision names to their answers, found \(node.kindDescription)", at: node))
            return []
        }
        var answers: [AnswerShape] = []
        for pair in pairs {
            guard let name = pair.key.string else { continue }
            guard let stages = decisions.first(where: { $0.0 == name })?.1 else {
                sink.add(unit.diagnostic(
                    "answer of unknown decision '\(name)'" + Suggestion.hint(for: name, in: decisions.map(\.0)), at: pair.key))
                continue
            }
            if let answer = read(pair.value, decision: name, stages: stages, in: unit, sink: &sink) { answers.append(answer) }
        }
        return answers
    }

    private static func read(
        _ node: YAMLNode, decision: String, stages: [String], in unit: RuleFileUnit, sink: inout DiagnosticSink
    ) -> AnswerShape? {
        guard let reader = MappingReader(node, in: unit, what: "answer of '\(decision)'", allowed: keys, sink: &sink) else {
            return nil
        }
        func path(_ node: YAMLNode) -> OutputPath? {
            guard let text = node.string, let path = OutputPath(text) else {
                sink.add(unit.diagnostic("expected a stage output path 'stage' or 'stage.field', found \(node.kindDescription)", at: node))
                return nil
            }
            guard stages.contains(path.stage) else {
                sink.add(unit.diagnostic(
                    "stage '\(path.stage)' does not run in decision '\(decision)'" + Suggestion.hint(for: path.stage, in: stages),
                    at: node))
                return nil
            }
            return path
        }
        var base: String?
        if let node = reader.value("base") {
            if let found = path(node) {
                if found.fields.isEmpty { base = found.stage } else {
                    sink.add(unit.diagnostic("'base' names a stage, not a field of one", at: node))
                }
            }
        }
        var fields: [AnswerField] = []
        if let node = reader.value("fields"), !node.isNull {
            guard let pairs = node.mapping else {
                sink.add(unit.diagnostic("'fields' must map answer names to stage outputs, found \(node.kindDescription)", at: node))
                return nil
            }
            for pair in pairs {
                guard let name = pair.key.string, StageDecl.isIdentifier(name) else {
                    sink.add(unit.diagnostic("an answer field name must be a lowercase identifier", at: pair.key))
                    continue
                }
                if fields.contains(where: { $0.name == name }) {
                    sink.add(unit.diagnostic("answer field '\(name)' is declared twice", at: pair.key))
                    continue
                }
                if pair.value.mapping == nil {
                    if let from = path(pair.value) { fields.append(AnswerField(name: name, from: from)) }
                    continue
                }
                guard let field = MappingReader(pair.value, in: unit, what: "answer field '\(name)'", allowed: fieldKeys, sink: &sink),
                    let fromNode = field.require("from", sink: &sink), let from = path(fromNode)
                else { continue }
                var declared = AnswerField(name: name, from: from)
                if let value = field.value("default") { declared.defaultValue = unit.json(value, sink: &sink) ?? .null }
                if let condition = field.value("only_if") {
                    guard let found = path(condition) else { continue }
                    declared.onlyIf = found
                }
                declared.omitEmpty = field.bool("omit_empty", sink: &sink) ?? false
                declared.spreadBy = field.string("spread_by", sink: &sink)
                fields.append(declared)
            }
        }
        return AnswerShape(decision: decision, base: base, fields: fields)
    }
}
