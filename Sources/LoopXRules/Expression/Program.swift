import LoopXSupport
import Synchronization

/// A compiled CEL expression: parse once, evaluate many times against different bindings.
public final class Program: Sendable {
    /// Expressions longer than this (in UTF-8 bytes) are rejected at compile time.
    public static let maxSourceBytes = 16 * 1024
    /// Deeper nesting than this is rejected at compile time.
    public static let maxNesting = 64
    /// Evaluation steps allowed by default (nodes plus comprehension iterations).
    public static let defaultStepBudget = 100_000

    public let source: String
    public let container: String?
    /// The parsed expression (macros expanded).
    public let ast: Expr
    /// Source ranges of every node id.
    public let sourceMap: SourceMap
    /// Calls to functions no built-in implements; they evaluate to errors, so a loader may
    /// want to report them up front (positions are UTF-8 offsets into `source`).
    public let unresolvedCalls: [ExpressionError]
    let root: any Node
    /// The plan with a trace wrapper around every node, built the first time a traced
    /// evaluation needs it (most programs are never traced).
    private let tracedPlan = Mutex<(any Node)?>(nil)
    let refs: [RefSpec]
    let localCount: Int
    let nodeCount: Int

    private init(source: String, container: String?, ast: Expr, sourceMap: SourceMap, root: any Node,
                 refs: [RefSpec], localCount: Int, nodeCount: Int,
                 unresolvedCalls: [ExpressionError])
    {
        self.unresolvedCalls = unresolvedCalls
        self.source = source
        self.container = container
        self.ast = ast
        self.sourceMap = sourceMap
        self.root = root
        self.refs = refs
        self.localCount = localCount
        self.nodeCount = nodeCount
    }

    /// Compiles, reporting every problem with its UTF-8 offset into `source`.
    public static func compileReportingOffsets(_ source: String, container: String? = nil)
        throws(ExpressionErrors) -> Program
    {
        let bytes = Array(source.utf8)
        if bytes.count > maxSourceBytes {
            throw ExpressionErrors([ExpressionError(
                utf8Offset: 0,
                message: "expression is \(bytes.count) bytes long; the limit is \(maxSourceBytes)")])
        }
        var parser = Parser(source: bytes)
        let ast = parser.parseAll()
        var errors = parser.errors
        if errors.isEmpty {
            let (depth, deepest) = Program.depth(ast)
            if depth > maxNesting {
                errors.append(ExpressionError(
                    utf8Offset: parser.sourceMap.range(of: deepest).lowerBound,
                    message: "expression nesting depth \(depth) exceeds the limit of \(maxNesting)"))
            }
        }
        guard errors.isEmpty else { throw ExpressionErrors(errors.sorted { $0.utf8Offset < $1.utf8Offset }) }
        var planner = Planner(container: container, traced: false, sourceMap: parser.sourceMap)
        let root = planner.plan(ast)
        if !planner.errors.isEmpty { throw ExpressionErrors(planner.errors) }
        return Program(source: source, container: container, ast: ast, sourceMap: parser.sourceMap, root: root,
                       refs: planner.refs, localCount: planner.localCount,
                       nodeCount: parser.nextID - 1, unresolvedCalls: planner.unresolvedCalls)
    }

    /// Plans an already parsed (and once successfully compiled) expression, as restored from
    /// a rule-set snapshot; nil when planning reports an error.
    static func restore(source: String, ast: Expr, sourceMap: SourceMap, nodeCount: Int) -> Program? {
        var planner = Planner(container: nil, traced: false, sourceMap: sourceMap)
        let root = planner.plan(ast)
        guard planner.errors.isEmpty else { return nil }
        return Program(source: source, container: nil, ast: ast, sourceMap: sourceMap, root: root, refs: planner.refs,
                       localCount: planner.localCount, nodeCount: nodeCount, unresolvedCalls: planner.unresolvedCalls)
    }

    /// Compiles, reporting problems as rendered diagnostics of `path` (caret under each).
    public static func compile(_ source: String, container: String? = nil, path: String = "<expression>")
        throws(DiagnosticList) -> Program
    {
        do {
            return try compileReportingOffsets(source, container: container)
        } catch {
            throw error.diagnostics(in: SourceText(path: path, text: source))
        }
    }

    /// Evaluates against bindings; errors come back as `.error` values, never thrown.
    public func evaluate(_ bindings: Activation, stepBudget: Int = Program.defaultStepBudget) -> Value {
        run(root, bindings, stepBudget, nil)
    }

    /// Evaluates and records the value of every node id in `trace`.
    public func evaluate(_ bindings: Activation, tracer trace: ExpressionTrace,
                         stepBudget: Int = Program.defaultStepBudget) -> Value
    {
        run(tracedRoot, bindings, stepBudget, trace)
    }

    /// The traced plan. Planning the same tree again yields the same reference slots in the
    /// same order (the planner numbers references as it meets them), so `refs` fit both plans.
    var tracedRoot: any Node {
        tracedPlan.withLock { cached in
            if let cached { return cached }
            var tracer = Planner(container: container, traced: true, sourceMap: sourceMap)
            let planned = tracer.plan(ast)
            cached = planned
            return planned
        }
    }

    /// Convenience: evaluates with plain name-to-value bindings.
    public func evaluate(_ bindings: [String: Value]) -> Value {
        evaluate(Activation(bindings))
    }

    private func run(_ node: any Node, _ bindings: Activation, _ budget: Int, _ trace: ExpressionTrace?) -> Value {
        let frame = Frame(refCount: refs.count, localCount: localCount, budget: budget, trace: trace)
        for (i, ref) in refs.enumerated() {
            let (v, consumed) = ref.resolve(bindings)
            frame.slots[i] = v
            frame.consumed[i] = consumed
        }
        guard frame.charge(nodeCount) else {
            return .err(ComprehensionNode.budgetMessage, ast.id)
        }
        let v = node.eval(frame)
        if frame.exhausted { return .err(ComprehensionNode.budgetMessage, ast.id) }
        return v
    }

    /// The depth of the tree and the id of its deepest node, computed without recursion.
    static func depth(_ e: Expr) -> (Int, Int) {
        var stack: [(Expr, Int)] = [(e, 1)]
        var best = (0, e.id)
        while let (node, d) = stack.popLast() {
            if d > best.0 { best = (d, node.id) }
            node.forEachChild { stack.append(($0, d + 1)) }
        }
        return best
    }
}

/// Every compile problem of one expression, positioned by UTF-8 offset.
public struct ExpressionErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [ExpressionError]

    public init(_ errors: [ExpressionError]) {
        self.errors = errors
    }

    /// The problems as diagnostics of a source text; `baseOffset` shifts offsets when the
    /// expression is embedded at that UTF-8 offset of `text` (a YAML file, say).
    public func diagnostics(in text: SourceText, baseOffset: Int = 0) -> DiagnosticList {
        DiagnosticList(errors.map { e in
            text.diagnostic(e.message, at: text.position(ofUTF8Offset: baseOffset + e.utf8Offset))
        })
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
