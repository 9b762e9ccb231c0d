import LoopXSupport
import Synchronization

/// A compiled expression from a rule file: the program, its source, and where it sits.
///
/// An expression read from a rule-set snapshot (`RuleSetSnapshot`) was compiled without
/// error when the snapshot was written; its program is compiled again the first time it is
/// evaluated, so a decision pays only for the expressions it reaches.
public final class RuleExpression: Sendable {
    public let source: String
    /// The program compiled at load; nil for an expression restored from a snapshot.
    private let loaded: Program?
    /// A restored expression's parsed form inside the snapshot, planned on first use.
    private let parsed: ProgramBytes?
    private let deferred = Mutex<Program?>(nil)
    /// Where the expression's first character is in its file (computed when asked: mapping an
    /// offset inside a `${...}` part back to the file is not free, and traces rarely need it).
    public var origin: RuleOrigin {
        let position = offset == 0 ? node.position : document.position(ofUTF8Offset: offset, in: node)
        return RuleOrigin(layer: layer, path: document.source.path, position: position)
    }
    private let layer: RuleLayerKind
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

    init(source: String, program: Program?, parsed: ProgramBytes? = nil, layer: RuleLayerKind, conjuncts: [ExpressionPart],
         references: [FactPath], roots: Set<String>, document: YAMLDocument, node: YAMLNode, offset: Int) {
        self.source = source
        self.loaded = program
        self.parsed = parsed
        self.layer = layer
        self.conjuncts = conjuncts
        self.references = references
        self.roots = roots
        self.document = document
        self.node = node
        self.offset = offset
    }

    /// The compiled program (compiled now when restored from a snapshot); nil only when the
    /// source no longer compiles, which a snapshot written by this binary rules out.
    var program: Program? {
        if let loaded { return loaded }
        return deferred.withLock { cached in
            if cached == nil, let tree = parsed?.decode() {
                cached = Program.restore(source: source, ast: tree.ast, sourceMap: tree.sourceMap, nodeCount: tree.nodeCount)
            }
            if cached == nil { cached = try? Program.compileReportingOffsets(source) }
            return cached
        }
    }

    /// What evaluating an expression that does not compile gives (never expected: see `program`).
    private var uncompiled: Value {
        .err("expression '\(source)' does not compile; run 'loopx rules check'", 0)
    }

    /// The path of the file the expression is in.
    var path: String { document.source.path }

    /// Where the expression's node sits in its file, for `RuleSetSnapshot`.
    var placement: (layer: RuleLayerKind, node: YAMLNode, offset: Int) { (layer, node, offset) }

    /// The file position of a UTF-8 offset into `source` (where a checker error points).
    func position(ofSourceOffset sourceOffset: Int) -> SourcePosition {
        document.position(ofUTF8Offset: offset + sourceOffset, in: node)
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
        let references = program.referencePaths.map { FactPath(segments: $0.segments, nodeID: $0.id, range: $0.range) }
        return RuleExpression(
            source: source, program: program, layer: unit.layer,
            conjuncts: program.conjuncts, references: references, roots: Set(references.map(\.root)),
            document: unit.document, node: node, offset: offset)
    }

    /// Evaluates with tracing off.
    @inline(__always)
    func evaluate(_ activation: Activation) -> Value {
        guard let program else { return uncompiled }
        return program.evaluate(activation)
    }

    /// Evaluates, recording every node's value.
    func evaluateTraced(_ activation: Activation) -> (Value, ExpressionTrace) {
        let trace = ExpressionTrace()
        guard let program else { return (uncompiled, trace) }
        let value = program.evaluate(activation, tracer: trace)
        return (value, trace)
    }

    /// The source text of a node (for `--trace=full`).
    func text(of nodeID: Int) -> String { program?.text(of: nodeID) ?? "" }

    /// Whether the expression is the literal `true`.
    public var isLiteralTrue: Bool {
        if case .literal(.bool(true)) = program?.ast.kind { return true }
        return false
    }

    /// Whether the expression is the literal `false`.
    public var isLiteralFalse: Bool {
        if case .literal(.bool(false)) = program?.ast.kind { return true }
        return false
    }

    /// The source with whitespace outside string literals removed, to compare conditions.
    var normalizedSource: String { Self.normalize(source) }

    /// `source` without whitespace outside string literals and without parentheses around
    /// the whole of it.
    static func normalize(_ source: String) -> String {
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
        while out.hasPrefix("("), out.hasSuffix(")"), enclosed(out) { out = String(out.dropFirst().dropLast()) }
        return out
    }

    /// Whether the first `(` of `text` closes at its last character.
    private static func enclosed(_ text: String) -> Bool {
        var depth = 0
        for (index, ch) in text.enumerated() {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth -= 1 }
            if depth == 0 { return index == text.count - 1 }
        }
        return false
    }
}
