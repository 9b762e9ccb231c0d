import LoopXSupport
/// Reads what `RuleSetEncoder` wrote, in the same order, and rebuilds the rule set.
struct RuleSetDecoder {
    var reader: SnapshotReader
    private var sources: [String: SourceText] = [:]
    /// One document per file: expressions map offsets through it to file positions.
    private var documents: [String: YAMLDocument] = [:]

    private let texts: [String: String]
    /// How many decision variables the snapshot has (stages' indexes into them are checked).
    private var sharedCount = 0

    init(reader: SnapshotReader, layers: [RuleLayerSource]) {
        self.reader = reader
        var texts: [String: String] = [:]
        for layer in layers {
            for file in layer.files { texts[file.path] = file.text }
        }
        self.texts = texts
    }

    mutating func ruleSet() throws(SnapshotError) -> RuleSet {
        for path in try reader.strings() {
            guard let text = texts[path] else { throw SnapshotError(message: "no file '\(path)' in the layers") }
            let source = SourceText(path: path, text: text)
            sources[path] = source
            documents[path] = YAMLDocument(root: YAMLNode(kind: .scalar(YAMLScalar(text: "")), position: .init(line: 1, column: 1)),
                                           source: source)
        }
        let decisions = try reader.list { r throws(SnapshotError) in (name: try r.string(), stages: try r.strings()) }
        let answers = try reader.list { r throws(SnapshotError) in try Self.answer(&r) }
        var shared: [DecisionVariable] = []
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            let expression = try self.expression()
            let dependencies = try reader.ints()
            guard dependencies.allSatisfy({ $0 >= 0 && $0 < shared.count }) else {
                throw SnapshotError(message: "decision variable dependency out of range")
            }
            shared.append(DecisionVariable(name: name, expression: expression, dependencies: dependencies))
        }
        sharedCount = shared.count
        let root = try factType(depth: 0)
        let defaults = try json()
        var limits: [String: Int] = [:]
        for _ in 0..<(try reader.count()) { limits[try reader.string()] = try reader.int() }
        let optional = Set(try reader.strings())
        let schema = FactsSchema(
            root: root, defaults: defaults, limits: limits, optionalFields: optional, normalization: FieldNormalization(json: try json()))
        var stages: [String: Stage] = [:]
        for _ in 0..<(try reader.count()) {
            let stage = try self.stage()
            stages[stage.name] = stage
        }
        let warnings = try reader.list { r throws(SnapshotError) in
            let severity = try Self.choice(Diagnostic.Severity.self, try r.string())
            let path = try r.string()
            let position = SourcePosition(line: try r.int(), column: try r.int())
            return Diagnostic(severity, path: path, position: position, message: try r.string(),
                              sourceLine: try r.optional { r throws(SnapshotError) in try r.string() })
        }
        var waivers: [Waiver] = []
        for _ in 0..<(try reader.count()) { waivers.append(try waiver()) }
        var profiles: [ProfileLayer] = []
        for _ in 0..<(try reader.count()) {
            let layer = try reader.string()
            let source = try reader.string()
            let value = try json()
            var origins: [[String]: String] = [:]
            for _ in 0..<(try reader.count()) { origins[try reader.strings()] = try reader.string() }
            profiles.append(ProfileLayer(layer: layer, source: source, value: value, fieldOrigins: origins))
        }
        return RuleSet(pipeline: Pipeline(decisions: decisions, answers: answers), schema: schema, stages: stages,
                       decisionVariables: shared, warnings: warnings,
                       activeWaivers: waivers, profileLayers: profiles, sources: sources, dependsOnClock: false)
    }

    static func choice<T: RawRepresentable>(_ type: T.Type, _ raw: String) throws(SnapshotError) -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw SnapshotError(message: "unknown \(T.self) '\(raw)'") }
        return value
    }

    private mutating func json() throws(SnapshotError) -> JSONValue {
        let text = try reader.string()
        do {
            return try JSONParser.parse(text, path: "<snapshot>")
        } catch {
            throw SnapshotError(message: "bad JSON: \(error.message)")
        }
    }

    private mutating func factType(depth: Int) throws(SnapshotError) -> FactType {
        guard depth < 64 else { throw SnapshotError(message: "fact types nested too deeply") }
        switch try reader.int() {
        case 0: return .scalar(try reader.string())
        case 1: return .dyn
        case 2: return .list(try factType(depth: depth + 1))
        case 3:
            let order = try reader.strings()
            var fields: [String: FactType] = [:]
            for _ in 0..<(try reader.count()) {
                let key = try reader.string()
                fields[key] = try factType(depth: depth + 1)
            }
            let open = try reader.bool() ? try factType(depth: depth + 1) : nil
            return .map(fields: fields, order: order, open: open)
        case let tag: throw SnapshotError(message: "unknown fact type tag \(tag)")
        }
    }

    private mutating func origin() throws(SnapshotError) -> RuleOrigin {
        RuleOrigin(layer: try Self.choice(RuleLayerKind.self, try reader.string()), path: try reader.string(),
                   position: SourcePosition(line: try reader.int(), column: try reader.int()))
    }

    private mutating func waiver() throws(SnapshotError) -> Waiver {
        Waiver(ruleID: try reader.string(), reason: try reader.string(),
               expires: Timestamp(seconds: try reader.int64(), nanos: Int32(truncatingIfNeeded: try reader.int())),
               expiresText: try reader.string(), origin: try origin())
    }

    private mutating func stage() throws(SnapshotError) -> Stage {
        let name = try reader.string()
        let description = try reader.optional { r throws(SnapshotError) in try r.string() }
        let mode = try Self.choice(StageMode.self, try reader.string())
        let onError = try Self.choice(OnErrorPolicy.self, try reader.string())
        let defaults = try template(depth: 0)
        var variables: [StageVariable] = []
        for _ in 0..<(try reader.count()) {
            let variableName = try reader.string()
            let expression = try self.expression()
            let dependencies = try reader.ints()
            guard dependencies.allSatisfy({ $0 >= 0 && $0 < variables.count }) else {
                throw SnapshotError(message: "variable dependency out of range")
            }
            variables.append(StageVariable(name: variableName, expression: expression, dependencies: dependencies,
                                           hidden: StageVariable.hiddenValue(variableName, stage: name)))
        }
        var rules: [Rule] = []
        for _ in 0..<(try reader.count()) { rules.append(try rule()) }
        let origin = try self.origin()
        let needed = try reader.list { r throws(SnapshotError) in try r.ints() }
        let defaultsNeed = try reader.ints()
        let neededShared = try reader.list { r throws(SnapshotError) in try r.ints() }
        let defaultsNeedShared = try reader.ints()
        let inRange = { (indexes: [Int]) in indexes.allSatisfy { $0 >= 0 && $0 < variables.count } }
        let count = sharedCount
        let inShared = { (indexes: [Int]) in indexes.allSatisfy { $0 >= 0 && $0 < count } }
        guard needed.count == rules.count, needed.allSatisfy(inRange), inRange(defaultsNeed),
            neededShared.count == rules.count, neededShared.allSatisfy(inShared), inShared(defaultsNeedShared)
        else {
            throw SnapshotError(message: "stage '\(name)': variable indexes out of range")
        }
        return Stage(name: name, description: description, mode: mode, onError: onError, defaults: defaults,
                     constantDefaults: defaults.constantValue, variables: variables, rules: rules, origin: origin,
                     neededVariables: needed, defaultsNeed: defaultsNeed, neededShared: neededShared,
                     defaultsNeedShared: defaultsNeedShared)
    }

    private mutating func rule() throws(SnapshotError) -> Rule {
        let id = try reader.string()
        let stage = try reader.string()
        let name = try reader.optional { r throws(SnapshotError) in try r.string() }
        let description = try reader.optional { r throws(SnapshotError) in try r.string() }
        let priority = try reader.int()
        let when = try expression()
        let then = try template(depth: 0)
        let prompt = try reader.optional { r throws(SnapshotError) in try r.string() }
        let guidance = try reader.optional { r throws(SnapshotError) in
            RuleGuidance(
                section: try r.optional { r throws(SnapshotError) in try Self.choice(GuidanceSection.self, try r.string()) },
                label: try r.optional { r throws(SnapshotError) in try r.string() })
        }
        let locked = try reader.bool()
        let onError = try Self.choice(OnErrorPolicy.self, try reader.string())
        let origin = try self.origin()
        var patchedBy: [RuleOrigin] = []
        for _ in 0..<(try reader.count()) { patchedBy.append(try self.origin()) }
        let disabledBy = try reader.bool() ? try self.origin() : nil
        let waiver = try reader.bool() ? try self.waiver() : nil
        let isOtherwise = try reader.bool()
        let path = try reader.string()
        let first = try reader.int()
        let last = try reader.int()
        guard let source = sources[path], first <= last else { throw SnapshotError(message: "rule '\(id)': bad definition") }
        return Rule(id: id, stage: stage, name: name, description: description, priority: priority, when: when, then: then,
                    constantThen: then.constantValue, prompt: prompt, guidance: guidance, locked: locked, onError: onError, origin: origin,
                    patchedBy: patchedBy, disabledBy: disabledBy, waiver: waiver, isOtherwise: isOtherwise,
                    definition: (source, first...last))
    }

    private mutating func template(depth: Int) throws(SnapshotError) -> ThenTemplate {
        guard depth < 64 else { throw SnapshotError(message: "output nested too deeply") }
        switch try reader.int() {
        case 0: return .constant(try constant())
        case 1: return .expression(try expression())
        case 2:
            var parts: [ThenTemplate.TextPart] = []
            for _ in 0..<(try reader.count()) {
                switch try reader.int() {
                case 0: parts.append(.literal(try reader.string()))
                case 1: parts.append(.expression(try expression()))
                case let tag: throw SnapshotError(message: "unknown text part tag \(tag)")
                }
            }
            return .text(parts)
        case 3:
            var entries: [(key: String, value: ThenTemplate)] = []
            for _ in 0..<(try reader.count()) {
                let key = try reader.string()
                entries.append((key, try template(depth: depth + 1)))
            }
            return .map(entries)
        case 4:
            var items: [ThenTemplate] = []
            for _ in 0..<(try reader.count()) { items.append(try template(depth: depth + 1)) }
            return .list(items)
        case let tag: throw SnapshotError(message: "unknown template tag \(tag)")
        }
    }

    private mutating func constant() throws(SnapshotError) -> Value {
        switch try reader.int() {
        case 0: return .null
        case 1: return .bool(try reader.bool())
        case 2: return .int(try reader.int64())
        case 3: return .double(try reader.double())
        case 4: return .string(try reader.string())
        case let tag: throw SnapshotError(message: "unknown constant tag \(tag)")
        }
    }

    private mutating func expression() throws(SnapshotError) -> RuleExpression {
        let source = try reader.string()
        let parsed = ProgramBytes(bytes: reader.bytes, range: try reader.skipBlock())
        let layer = try Self.choice(RuleLayerKind.self, try reader.string())
        let path = try reader.string()
        guard let document = documents[path] else { throw SnapshotError(message: "expression in unknown file '\(path)'") }
        let node = try self.node()
        let offset = try reader.int()
        // Offsets index the file, the scalar and the source: check them all against their text.
        let length = source.utf8.count
        guard node.utf8Range.upperBound <= document.source.text.utf8.count,
            let text = node.scalar?.text, offset >= 0, offset + length <= text.utf8.count
        else { throw SnapshotError(message: "expression outside its file") }
        let conjuncts = try reader.list { r throws(SnapshotError) in
            ExpressionPart(id: try r.int(), range: try Self.range(try r.int(), try r.int(), within: length), text: try r.string())
        }
        let references = try reader.list { r throws(SnapshotError) in
            FactPath(segments: try r.strings(), nodeID: try r.int(), range: try Self.range(try r.int(), try r.int(), within: length))
        }
        return RuleExpression(source: source, program: nil, parsed: parsed, layer: layer, conjuncts: conjuncts, references: references,
                              roots: Set(references.map(\.root)), document: document, node: node, offset: offset)
    }

    static func range(_ lower: Int, _ upper: Int, within limit: Int = Int.max) throws(SnapshotError) -> Range<Int> {
        guard lower >= 0, lower <= upper, upper <= limit else { throw SnapshotError(message: "bad range") }
        return lower..<upper
    }

    private mutating func node() throws(SnapshotError) -> YAMLNode {
        let position = SourcePosition(line: try reader.int(), column: try reader.int())
        let end = SourcePosition(line: try reader.int(), column: try reader.int())
        let range = try Self.range(try reader.int(), try reader.int())
        let tag = try reader.optional { r throws(SnapshotError) in try r.string() }
        let text = try reader.string()
        let style = try Self.choice(YAMLScalar.Style.self, try reader.string())
        return YAMLNode(kind: .scalar(YAMLScalar(text: text, style: style)), position: position, endPosition: end,
                        tag: tag, utf8Range: range)
    }
}
