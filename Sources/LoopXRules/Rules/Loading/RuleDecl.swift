import LoopXSupport
/// A rule as written in a file, before its expressions are compiled.
struct RuleDecl {
    static let stageFileKeys = ["id", "name", "description", "priority", "when", "then", "prompt", "guidance", "locked", "on_error"]
    static let layerFileKeys = stageFileKeys + ["stage", "before", "after"]
    /// The keys of a stage's `otherwise:` (a rule without a condition or a place).
    static let otherwiseKeys = ["id", "name", "description", "then", "prompt", "guidance", "locked", "on_error"]

    /// Where a layer's rule runs relative to a rule of an earlier layer (or earlier in its file).
    struct Placement {
        var anchor: String
        var before: Bool
        var node: YAMLNode
    }

    var id: String
    var idNode: YAMLNode
    var stage: String
    var stageNode: YAMLNode?
    var name: String?
    var description: String?
    var priority: Int
    var when: YAMLNode?
    var then: YAMLNode?
    var prompt: String?
    var guidance: RuleGuidance?
    var locked: Bool
    var onError: OnErrorPolicy?
    var unit: RuleFileUnit
    var node: YAMLNode
    /// The file the `when` comes from (a patch may replace it from another file).
    var whenUnit: RuleFileUnit
    /// `then` maps of patches, merged over `then` in order, each with its file.
    var thenPatches: [(node: YAMLNode, unit: RuleFileUnit)] = []
    /// The overrides applied to this rule, in order, for `effective` and `show`.
    var patchedBy: [RuleOrigin] = []
    var disabledBy: RuleOrigin?
    var waiver: Waiver?
    /// `before:`/`after:` of a layer's rule.
    var placement: Placement?
    /// The stage's `otherwise:`: runs last, whatever the priorities.
    var isOtherwise = false
    /// Where a priority was written (a layer's `priority:` or a patch's): such a priority
    /// may not tie with another rule's.
    var priorityNode: YAMLNode?

    var origin: RuleOrigin { unit.origin(of: node) }

    /// Lowercase `prefix.snake_case` (at least two dot-separated parts).
    static func isValidID(_ id: String) -> Bool {
        var parts = 1
        var atPartStart = true
        for byte in id.utf8 {
            let lower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            if atPartStart {
                guard lower else { return false }
                atPartStart = false
            } else if byte == UInt8(ascii: ".") {
                parts += 1
                atPartStart = true
            } else if !(lower || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")) {
                return false
            }
        }
        return parts >= 2 && !atPartStart
    }

    /// Reads one entry of a `rules:` list; nil when it is unusable (errors are in the sink).
    static func read(
        _ node: YAMLNode, in unit: RuleFileUnit, stage fileStage: String?, requireDescription: Bool,
        sink: inout DiagnosticSink
    ) -> RuleDecl? {
        let keys = fileStage == nil ? layerFileKeys : stageFileKeys
        guard let reader = MappingReader(node, in: unit, what: "rule", allowed: keys, sink: &sink) else { return nil }
        let id = reader.string("id", required: true, sink: &sink)
        if let id, let idNode = reader.value("id"), !isValidID(id) {
            sink.add(unit.diagnostic(
                "invalid rule id '\(id)': use lowercase 'prefix.snake_case' (letters, digits, '_', parts separated by '.')",
                at: idNode))
        }
        var stage = fileStage
        if fileStage == nil { stage = reader.string("stage", required: true, sink: &sink) }
        let name = reader.string("name", sink: &sink)
        let description = reader.string("description", required: requireDescription, sink: &sink)
        let priority = reader.int("priority", sink: &sink) ?? 0
        var placement: Placement?
        for (key, before) in [("before", true), ("after", false)] {
            guard let anchor = reader.string(key, sink: &sink), let node = reader.value(key) else { continue }
            if placement != nil || reader.value("priority") != nil {
                sink.add(unit.diagnostic(
                    "say where the rule runs once: 'before:', 'after:' or 'priority:'", at: reader.keyNode(key) ?? node))
                continue
            }
            placement = Placement(anchor: anchor, before: before, node: node)
        }
        let when = reader.require("when", sink: &sink)
        let then = reader.value("then")
        if let then, then.mapping == nil, !then.isNull {
            sink.add(unit.diagnostic("'then' must be a mapping, found \(then.kindDescription)", at: then))
        }
        let prompt = reader.string("prompt", sink: &sink)
        let guidance = reader.value("guidance").flatMap { RuleGuidance.read($0, in: unit, sink: &sink) }
        let locked = reader.bool("locked", sink: &sink) ?? false
        let onError = reader.choice("on_error", OnErrorPolicy.self, sink: &sink)
        guard let id, let idNode = reader.value("id"), let stage else { return nil }
        var decl = RuleDecl(
            id: id, idNode: idNode, stage: stage, stageNode: reader.value("stage"), name: name,
            description: description, priority: priority, when: when, then: then, prompt: prompt, guidance: guidance, locked: locked,
            onError: onError, unit: unit, node: node, whenUnit: unit)
        decl.placement = placement
        decl.priorityNode = reader.value("priority")
        return decl
    }

    /// Reads a stage's `otherwise:`: a rule without `when` (it always matches) that runs last.
    static func readOtherwise(_ node: YAMLNode, in unit: RuleFileUnit, stage: String, sink: inout DiagnosticSink) -> RuleDecl? {
        guard let reader = MappingReader(node, in: unit, what: "otherwise", allowed: otherwiseKeys, sink: &sink) else { return nil }
        let id = reader.string("id", required: true, sink: &sink)
        if let id, let idNode = reader.value("id"), !isValidID(id) {
            sink.add(unit.diagnostic("invalid rule id '\(id)': use lowercase 'prefix.snake_case'", at: idNode))
        }
        let then = reader.value("then")
        if let then, then.mapping == nil, !then.isNull {
            sink.add(unit.diagnostic("'then' must be a mapping, found \(then.kindDescription)", at: then))
        }
        let description = reader.string("description", required: true, sink: &sink)
        let name = reader.string("name", sink: &sink)
        let prompt = reader.string("prompt", sink: &sink)
        let guidance = reader.value("guidance").flatMap { RuleGuidance.read($0, in: unit, sink: &sink) }
        let locked = reader.bool("locked", sink: &sink) ?? false
        let onError = reader.choice("on_error", OnErrorPolicy.self, sink: &sink)
        guard let id, let idNode = reader.value("id") else { return nil }
        let always = YAMLNode(kind: .scalar(YAMLScalar(text: "true")), position: node.position)
        var decl = RuleDecl(
            id: id, idNode: idNode, stage: stage, stageNode: nil, name: name, description: description, priority: 0,
            when: always, then: then, prompt: prompt, guidance: guidance, locked: locked, onError: onError, unit: unit,
            node: node, whenUnit: unit)
        decl.isOtherwise = true
        return decl
    }
}
