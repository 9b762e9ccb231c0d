import LoopXSupport
/// Writes a `RuleSet` in the snapshot encoding; `RuleSetDecoder` reads it back field for
/// field in the same order. Values derived from others (constant outputs, variables' hidden
/// values, expression roots) are not written: the decoder derives them the same way.
struct RuleSetEncoder {
    var writer: SnapshotWriter
    /// Cleared when something has no encoding (then no snapshot is written).
    private var encodable = true

    init(writer: SnapshotWriter) {
        self.writer = writer
    }

    mutating func ruleSet(_ set: RuleSet) -> Bool {
        // Only the paths: the texts are the layers' own, which the key covers.
        writer.strings(set.sources.keys.sorted())
        writer.list(set.pipeline.decisions) { w, decision in
            w.string(decision.name)
            w.strings(decision.stages)
        }
        writer.list(set.pipeline.answers) { w, answer in
            w.string(answer.decision)
            w.optional(answer.base) { $0.string($1) }
            w.list(answer.fields) { w, field in
                w.string(field.name)
                w.string(field.from.description)
                w.string(JSONWriter(sortedKeys: false).string(field.defaultValue))
                w.optional(field.onlyIf) { $0.string($1.description) }
                w.bool(field.omitEmpty)
                w.optional(field.spreadBy) { $0.string($1) }
            }
        }
        writer.int(set.decisionVariables.count)
        for variable in set.decisionVariables {
            writer.string(variable.name)
            expression(variable.expression)
            writer.ints(variable.dependencies)
        }
        factType(set.schema.root)
        json(set.schema.defaults)
        writer.list(set.schema.limits.keys.sorted()) { w, path in
            w.string(path)
            w.int(set.schema.limits[path] ?? 0)
        }
        writer.strings(set.schema.optionalFields.sorted())
        json(set.schema.normalization.json)
        let stages = set.orderedStages
        writer.int(stages.count)
        for stage in stages { self.stage(stage) }
        writer.list(set.warnings) { w, d in
            w.string(d.severity.rawValue)
            w.string(d.path)
            w.int(d.position.line)
            w.int(d.position.column)
            w.string(d.message)
            w.optional(d.sourceLine) { $0.string($1) }
        }
        writer.int(set.activeWaivers.count)
        for waiver in set.activeWaivers { self.waiver(waiver) }
        writer.int(set.profileLayers.count)
        for layer in set.profileLayers {
            writer.string(layer.layer)
            writer.string(layer.source)
            json(layer.value)
            writer.list(layer.fieldOrigins.keys.sorted { $0.lexicographicallyPrecedes($1) }) { w, path in
                w.strings(path)
                w.string(layer.fieldOrigins[path] ?? "")
            }
        }
        return encodable
    }

    private mutating func json(_ value: JSONValue) {
        writer.string(JSONWriter(sortedKeys: false).string(value))
    }

    private mutating func factType(_ type: FactType) {
        switch type {
        case .scalar(let name):
            writer.int(0)
            writer.string(name)
        case .dyn:
            writer.int(1)
        case .list(let element):
            writer.int(2)
            factType(element)
        case .map(let fields, let order, let open):
            writer.int(3)
            writer.strings(order)
            writer.int(fields.count)
            for key in fields.keys.sorted() {
                writer.string(key)
                if let field = fields[key] { factType(field) }
            }
            writer.bool(open != nil)
            if let open { factType(open) }
        }
    }

    private mutating func origin(_ origin: RuleOrigin) {
        writer.string(origin.layer.rawValue)
        writer.string(origin.path)
        writer.int(origin.position.line)
        writer.int(origin.position.column)
    }

    private mutating func waiver(_ waiver: Waiver) {
        writer.string(waiver.ruleID)
        writer.string(waiver.reason)
        writer.int64(waiver.expires.seconds)
        writer.int(Int(waiver.expires.nanos))
        writer.string(waiver.expiresText)
        origin(waiver.origin)
    }

    private mutating func stage(_ stage: Stage) {
        writer.string(stage.name)
        writer.optional(stage.description) { $0.string($1) }
        writer.string(stage.mode.rawValue)
        writer.string(stage.onError.rawValue)
        template(stage.defaults)
        writer.int(stage.variables.count)
        for variable in stage.variables {
            writer.string(variable.name)
            expression(variable.expression)
            writer.ints(variable.dependencies)
        }
        writer.int(stage.rules.count)
        for rule in stage.rules { self.rule(rule) }
        origin(stage.origin)
        writer.list(stage.neededVariables) { $0.ints($1) }
        writer.ints(stage.defaultsNeed)
        writer.list(stage.neededShared) { $0.ints($1) }
        writer.ints(stage.defaultsNeedShared)
    }

    private mutating func rule(_ rule: Rule) {
        writer.string(rule.id)
        writer.string(rule.stage)
        writer.optional(rule.name) { $0.string($1) }
        writer.optional(rule.description) { $0.string($1) }
        writer.int(rule.priority)
        expression(rule.when)
        template(rule.then)
        writer.optional(rule.prompt) { $0.string($1) }
        writer.optional(rule.guidance) { w, guidance in
            w.optional(guidance.section) { $0.string($1.rawValue) }
            w.optional(guidance.label) { $0.string($1) }
        }
        writer.bool(rule.locked)
        writer.string(rule.onError.rawValue)
        origin(rule.origin)
        writer.int(rule.patchedBy.count)
        for patch in rule.patchedBy { origin(patch) }
        writer.bool(rule.disabledBy != nil)
        if let disabledBy = rule.disabledBy { origin(disabledBy) }
        writer.bool(rule.waiver != nil)
        if let waiver = rule.waiver { self.waiver(waiver) }
        writer.bool(rule.isOtherwise)
        let definition = rule.definitionLines
        writer.string(definition.path)
        writer.int(definition.lines.lowerBound)
        writer.int(definition.lines.upperBound)
    }

    private mutating func template(_ template: ThenTemplate) {
        switch template {
        case .constant(let value):
            writer.int(0)
            constant(value)
        case .expression(let e):
            writer.int(1)
            expression(e)
        case .text(let parts):
            writer.int(2)
            writer.int(parts.count)
            for part in parts {
                switch part {
                case .literal(let text):
                    writer.int(0)
                    writer.string(text)
                case .expression(let e):
                    writer.int(1)
                    expression(e)
                }
            }
        case .map(let entries):
            writer.int(3)
            writer.int(entries.count)
            for entry in entries {
                writer.string(entry.key)
                self.template(entry.value)
            }
        case .list(let items):
            writer.int(4)
            writer.int(items.count)
            for item in items { self.template(item) }
        }
    }

    /// The scalar constants a rule file can hold (maps and lists are templates).
    private mutating func constant(_ value: Value) {
        switch value {
        case .null: writer.int(0)
        case .bool(let b):
            writer.int(1)
            writer.bool(b)
        case .int(let i):
            writer.int(2)
            writer.int64(i)
        case .double(let d):
            writer.int(3)
            writer.double(d)
        case .string(let s):
            writer.int(4)
            writer.string(s)
        default:
            writer.int(0)
            encodable = false
        }
    }

    private mutating func expression(_ e: RuleExpression) {
        let (layer, node, offset) = e.placement
        guard let program = e.program else {
            encodable = false
            return
        }
        writer.string(e.source)
        writer.parsedProgram(program)
        writer.string(layer.rawValue)
        writer.string(e.path)
        self.node(node)
        writer.int(offset)
        writer.list(e.conjuncts) { w, part in
            w.int(part.id)
            w.int(part.range.lowerBound)
            w.int(part.range.upperBound)
            w.string(part.text)
        }
        writer.list(e.references) { w, reference in
            w.strings(reference.segments)
            w.int(reference.nodeID)
            w.int(reference.range.lowerBound)
            w.int(reference.range.upperBound)
        }
    }

    /// An expression's scalar node: what mapping offsets inside it back to the file needs.
    private mutating func node(_ node: YAMLNode) {
        guard let scalar = node.scalar else {
            encodable = false
            return
        }
        writer.int(node.position.line)
        writer.int(node.position.column)
        writer.int(node.endPosition.line)
        writer.int(node.endPosition.column)
        writer.int(node.utf8Range.lowerBound)
        writer.int(node.utf8Range.upperBound)
        writer.optional(node.tag) { $0.string($1) }
        writer.string(scalar.text)
        writer.string(scalar.style.rawValue)
    }
}
