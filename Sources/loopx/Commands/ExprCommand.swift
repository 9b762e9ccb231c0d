import ArgumentParser
import Foundation
import LoopXCore
import LoopXRules
import LoopXSupport

/// `loopx expr`: evaluate expressions of the rule language.
struct ExprCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expr",
        abstract: "Work with loopx expressions (the CEL subset used by rules).",
        subcommands: [ExprEvalCommand.self]
    )
}

/// `loopx expr eval`: one expression for people, or the JSON-lines protocol for tools.
struct ExprEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an expression, or serve `--jsonl` requests on stdin."
    )

    @Argument(help: "The expression to evaluate (omit with --jsonl).")
    var expression: String?

    @Option(help: "A JSON or YAML file whose top-level mapping gives the variables.")
    var facts: String?

    @OptionGroup var global: GlobalOptions

    @Option(help: "Namespace used to resolve qualified names.")
    var container: String?

    @Flag(help: "Read JSON-lines requests on stdin and answer one line per request.")
    var jsonl = false

    @Flag(help: "Type-check before evaluating (bindings typed from their values); a type error is the answer.")
    var check = false

    func run() throws {
        if jsonl {
            JSONLServer.run(typeCheck: check)
            return
        }
        guard let expression else {
            throw ValidationError("an expression is required unless --jsonl is given")
        }
        let json = global.format == .json
        var bindings = Activation()
        if let facts {
            for (name, value) in try loadFacts(facts) { bindings.bind(name, value) }
        }
        let nowText = global.now ?? ProcessInfo.processInfo.environment["LOOPX_NOW"]
        if let nowText {
            guard let ts = CELTimestamp(rfc3339: nowText) else {
                throw ValidationError("--now: '\(nowText)' is not an RFC 3339 timestamp")
            }
            bindings.bind("now", .timestamp(ts))
        } else if bindings.value(for: "now") == nil {
            let secs = Date().timeIntervalSince1970
            let whole = secs.rounded(.down)
            if let ts = CELTimestamp(seconds: Int64(whole), nanos: Int32((secs - whole) * 1e9)) {
                bindings.bind("now", .timestamp(ts))
            }
        }
        let program: Program
        do {
            program = try Program.compile(expression, container: container, path: "<expr>")
        } catch {
            throw CommandFailure.summarising(error, "the expression does not compile", code: .invalidExpression)
        }
        if check {
            let result = program.check(in: TypeEnvironment.typing(bindings.values, container: container))
            if !result.errors.isEmpty {
                let source = SourceText(path: "<expr>", text: expression)
                let list = ExpressionErrors(result.errors).diagnostics(in: source)
                throw CommandFailure.summarising(list, "the expression does not type-check", code: .invalidExpression)
            }
        }
        let value = program.evaluate(bindings)
        if case .error(let e) = value {
            let diagnostic = program.diagnostic(for: e, in: SourceText(path: "<expr>", text: expression))
            throw CommandFailure.summarising(DiagnosticList([diagnostic]), "evaluation failed", code: .evaluationFailed)
        }
        Output.write((json ? JSONWriter().string(["value": value.plainJSON]) : value.celLiteral) + "\n")
    }

    /// The top-level keys of a JSON or YAML (`.yaml`/`.yml`) facts file, as CEL values.
    private func loadFacts(_ path: String) throws -> [(String, Value)] {
        let json: JSONValue
        do {
            if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                json = try YAMLLoader.load(path: path).jsonValue()
            } else {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CommandFailure("cannot read facts file '\(path)'", code: .invalidInput)
                }
                do {
                    json = try JSONParser.parse(Array(data), path: path)
                } catch {
                    throw DiagnosticList([error])
                }
            }
        } catch let error as DiagnosticList {
            throw CommandFailure.summarising(error, "invalid facts file", code: .invalidInput)
        }
        guard case .object(let object) = json else {
            throw CommandFailure("facts file '\(path)' must hold a mapping (JSON object)", code: .invalidInput)
        }
        return object.entries.map { ($0.key, Value(json: $0.value)) }
    }
}

/// The stdin/stdout loop of `--jsonl`: big reads, and the answers to every complete line of
/// a read written in one go before the next read, so no request waits on more input.
enum JSONLServer {
    static func run(typeCheck: Bool = false) {
        var evaluator = JSONLEvaluator(typeCheck: typeCheck)
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        let chunkSize = 4 << 20
        var pending: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = read(0, chunk.baseAddress, chunkSize)
            if n <= 0 { break }
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            let consumed = pending.withUnsafeBufferPointer { buf -> Int in
                let (lines, consumed) = splitLines(buf)
                for r in lines {
                    evaluator.process(line: UnsafeBufferPointer(rebasing: buf[r]), into: &out)
                    if out.count >= 1 << 20 { flush(&out) }
                }
                return consumed
            }
            pending.removeFirst(consumed)
            flush(&out)
        }
        if !pending.isEmpty {
            pending.withUnsafeBufferPointer { evaluator.process(line: $0, into: &out) }
        }
        flush(&out)
    }

    /// The non-empty complete lines of a buffer (CR before LF dropped) and the bytes they span.
    static func splitLines(_ buf: UnsafeBufferPointer<UInt8>) -> ([Range<Int>], Int) {
        guard let base = buf.baseAddress else { return ([], 0) }
        var lines: [Range<Int>] = []
        var start = 0
        while start < buf.count, let hit = memchr(base + start, 0x0A, buf.count - start) {
            let nl = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var end = nl
            if end > start, buf[end - 1] == 0x0D { end -= 1 }
            if end > start { lines.append(start..<end) }
            start = nl + 1
        }
        return (lines, start)
    }

    static func flush(_ out: inout [UInt8]) {
        var offset = 0
        while offset < out.count {
            let written = out.withUnsafeBytes { buf in
                buf.baseAddress.map { write(1, $0 + offset, buf.count - offset) } ?? -1
            }
            if written <= 0 { break }
            offset += written
        }
        out.removeAll(keepingCapacity: true)
    }
}
