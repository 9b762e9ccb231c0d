import LoopXRules
import LoopXSupport

/// `loopx expr eval EXPRESSION`: bindings from a facts file and the run's clock, compile,
/// optionally type-check, evaluate; every failure is a command failure with positioned
/// diagnostics.
public struct ExpressionEvaluation: Sendable {
    public var expression: String
    /// A JSON or YAML (`.yaml`/`.yml`) file whose top-level mapping gives the variables.
    public var factsPath: String?
    /// The namespace qualified names are resolved in.
    public var container: String?
    /// Type-check against the bindings' types before evaluating.
    public var typeCheck: Bool

    public init(expression: String, factsPath: String? = nil, container: String? = nil, typeCheck: Bool = false) {
        self.expression = expression
        self.factsPath = factsPath
        self.container = container
        self.typeCheck = typeCheck
    }

    private static let path = "<expr>"

    /// The expression's value. `now` is the run's clock; a facts file's own `now` wins unless
    /// the clock was given explicitly (`--now`, `$LOOPX_NOW`).
    public func evaluate(in context: LoopXContext) throws(CommandFailure) -> Value {
        var bindings = Activation()
        if let factsPath {
            for (name, value) in try Self.loadFacts(context.environment.absolute(factsPath)) { bindings.bind(name, value) }
        }
        let explicitClock = context.settings.now ?? context.environment.variables["LOOPX_NOW"]
        if explicitClock != nil || bindings.value(for: "now") == nil,
            let stamp = CELTimestamp(seconds: context.now.seconds, nanos: context.now.nanos)
        {
            bindings.bind("now", .timestamp(stamp))
        }
        let program: Program
        do {
            program = try Program.compile(expression, container: container, path: Self.path)
        } catch {
            throw CommandFailure.summarising(error, "the expression does not compile", code: .invalidExpression)
        }
        let source = SourceText(path: Self.path, text: expression)
        if typeCheck {
            let result = program.check(in: TypeEnvironment.typing(bindings.values, container: container))
            if !result.errors.isEmpty {
                let list = ExpressionErrors(result.errors).diagnostics(in: source)
                throw CommandFailure.summarising(list, "the expression does not type-check", code: .invalidExpression)
            }
        }
        let value = program.evaluate(bindings)
        if case .error(let e) = value {
            let diagnostic = program.diagnostic(for: e, in: source)
            throw CommandFailure.summarising(DiagnosticList([diagnostic]), "evaluation failed", code: .evaluationFailed)
        }
        return value
    }

    /// A value as `expr eval` prints it: `{"value": ...}` for JSON, else its CEL literal.
    public static func render(_ value: Value, as format: OutputFormat) -> String {
        (format == .json ? JSONWriter().string(["value": value.plainJSON]) : value.celLiteral) + "\n"
    }

    /// The top-level keys of a JSON or YAML (`.yaml`/`.yml`) facts file, as CEL values.
    static func loadFacts(_ path: String) throws(CommandFailure) -> [(String, Value)] {
        let bytes: [UInt8]
        do { bytes = try FileSystem.readBytes(path) } catch {
            throw CommandFailure("cannot read facts file '\(path)': \(error.reason)", code: .invalidInput)
        }
        let json: JSONValue
        do { json = try document(bytes, path: path) } catch {
            throw CommandFailure.summarising(error, "invalid facts file", code: .invalidInput)
        }
        guard case .object(let object) = json else {
            throw CommandFailure("facts file '\(path)' must hold a mapping (JSON object)", code: .invalidInput)
        }
        return object.entries.map { ($0.key, Value(json: $0.value)) }
    }

    /// A facts document: YAML for a `.yaml`/`.yml` file, else strict JSON.
    private static func document(_ bytes: [UInt8], path: String) throws(DiagnosticList) -> JSONValue {
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { return try YAMLLoader.load(bytes: bytes, path: path).jsonValue() }
        do { return try JSONParser.parse(bytes, path: path) } catch { throw DiagnosticList([error]) }
    }
}
