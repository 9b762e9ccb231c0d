/// A compiled expression from a rule file: the program, its source, and where it sits.
public final class RuleExpression: Sendable {
    public let source: String
    let program: Program
    /// Where the expression's first character is in its file.
    public let origin: RuleOrigin
    /// The top-level `&&` operands of the expression (the unit of the near-miss explanation).
    public let conjuncts: [ExpressionPart]
    public let references: [FactPath]
    /// Root names read (facts, variables, stage outputs), outside comprehension scopes.
    public let roots: Set<String>
    /// What maps offsets of the expression back to its file (used only for diagnostics, so
    /// the positions are computed when an error needs them, not at every load).
    private let document: YAMLDocument
    private let node: YAMLNode
    private let offset: Int

    init(source: String, program: Program, origin: RuleOrigin, conjuncts: [ExpressionPart], references: [FactPath],
         roots: Set<String>, document: YAMLDocument, node: YAMLNode, offset: Int) {
        self.source = source
        self.program = program
        self.origin = origin
        self.conjuncts = conjuncts
        self.references = references
        self.roots = roots
        self.document = document
        self.node = node
        self.offset = offset
    }

    /// File positions of each segment of reference `index` (for carets under a field).
    func positions(ofReference index: Int) -> [SourcePosition] {
        let bytes = Array(source.utf8)
        return references[index].segmentOffsets(in: bytes).map {
            document.position(ofUTF8Offset: offset + $0, in: node)
        }
    }

    /// Compiles `source`, which starts `offset` UTF-8 bytes into the text of scalar `node`.
    /// Errors are positioned exactly in the file and added to the sink.
    static func compile(
        _ source: String, node: YAMLNode, offset: Int = 0, unit: RuleFileUnit, sink: inout DiagnosticSink
    ) -> RuleExpression? {
        let program: Program
        do {
            program = try Program.compileReportingOffsets(source)
        } catch {
            for item in error.errors {
                let position = unit.position(inScalar: node, utf8Offset: offset + item.utf8Offset)
                sink.add(unit.diagnostic(item.message, at: position))
            }
            return nil
        }
        let references = program.references.map {
            FactPath(segments: $0.path.split(separator: ".").map(String.init), nodeID: $0.id, range: $0.range)
        }
        // The origin is the scalar's own position except for `${...}` parts inside a string.
        let start = offset == 0 ? node.position : unit.position(inScalar: node, utf8Offset: offset)
        return RuleExpression(
            source: source, program: program, origin: RuleOrigin(layer: unit.layer, path: unit.path, position: start),
            conjuncts: program.conjuncts, references: references, roots: Set(references.map(\.root)),
            document: unit.document, node: node, offset: offset)
    }

    /// Evaluates with tracing off.
    @inline(__always)
    func evaluate(_ activation: Activation) -> Value {
        program.evaluate(activation)
    }

    /// Evaluates, recording every node's value.
    func evaluateTraced(_ activation: Activation) -> (Value, ExpressionTrace) {
        let trace = ExpressionTrace()
        let value = program.evaluate(activation, tracer: trace)
        return (value, trace)
    }

    /// The source text of a node (for `--trace=full`).
    func text(of nodeID: Int) -> String { program.text(of: nodeID) }

    /// Whether the expression is the literal `true`.
    var isLiteralTrue: Bool {
        if case .literal(.bool(true)) = program.ast.kind { return true }
        return false
    }

    /// The source with whitespace outside string literals removed, to compare conditions.
    var normalizedSource: String {
        var out = ""
        var quote: Character?
        var escaped = false
        for ch in source {
            if let q = quote {
                out.append(ch)
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == q { quote = nil }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                out.append(ch)
            } else if !ch.isWhitespace {
                out.append(ch)
            }
        }
        return out
    }
}
