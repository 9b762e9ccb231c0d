import ArgumentParser
import Foundation
import LoopXCore

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

    @Option(help: "A JSON file whose top-level object gives the variables.")
    var facts: String?

    @Option(help: "The value of `now` (RFC 3339); defaults to LOOPX_NOW or the current time.")
    var now: String?

    @Option(help: "Output format: cel (a CEL literal) or json.")
    var format: String = "cel"

    @Option(help: "Namespace used to resolve qualified names.")
    var container: String?

    @Flag(help: "Read JSON-lines requests on stdin and answer one line per request.")
    var jsonl = false

    func run() throws {
        if jsonl {
            JSONLServer.run()
            return
        }
        guard let expression else {
            throw ValidationError("an expression is required unless --jsonl is given")
        }
        guard format == "cel" || format == "json" else {
            throw ValidationError("--format must be cel or json")
        }
        var bindings = Activation()
        if let facts {
            for (name, value) in try loadFacts(facts) { bindings.bind(name, value) }
        }
        let nowText = now ?? ProcessInfo.processInfo.environment["LOOPX_NOW"]
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
            FileHandle.standardError.write(Data((error.rendered + "\n").utf8))
            throw ExitCode(2)
        }
        let value = program.evaluate(bindings)
        if case .error(let e) = value {
            let text = SourceText(path: "<expr>", text: expression)
            let at = text.position(ofUTF8Offset: program.sourceMap.range(of: e.node).lowerBound)
            if format == "json" {
                print(JSONWriter().string(["error": .string(e.message)]))
            }
            FileHandle.standardError.write(Data((text.diagnostic(e.message, at: at).rendered + "\n").utf8))
            throw ExitCode(1)
        }
        if format == "json" {
            print(JSONWriter().string(["value": value.plainJSON]))
        } else {
            print(value.celLiteral)
        }
    }

    private func loadFacts(_ path: String) throws -> [(String, Value)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read facts file '\(path)'")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(Array(data), path: path)
        } catch {
            FileHandle.standardError.write(Data((error.rendered + "\n").utf8))
            throw ExitCode(2)
        }
        guard case .object(let object) = json else {
            throw ValidationError("facts file '\(path)' must hold a JSON object")
        }
        return object.entries.map { ($0.key, Value(json: $0.value)) }
    }
}

/// The stdin/stdout loop of `--jsonl`: big reads, one buffered write per batch of lines.
enum JSONLServer {
    static func run() {
        var evaluator = JSONLEvaluator()
        let chunkSize = 1 << 20
        var pending: [UInt8] = []
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = read(0, chunk.baseAddress, chunkSize)
            if n <= 0 { break }
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            var start = 0
            pending.withUnsafeBufferPointer { buf in
                var k = 0
                while let nl = buf[k...].firstIndex(of: 0x0A) {
                    var end = nl
                    if end > start, buf[end - 1] == 0x0D { end -= 1 }
                    if end > start {
                        evaluator.process(line: UnsafeBufferPointer(rebasing: buf[start..<end]), into: &out)
                        if out.count >= 1 << 16 { flush(&out) }
                    }
                    start = nl + 1
                    k = start
                }
            }
            pending.removeFirst(start)
            // Answer everything read so far before waiting for more input.
            flush(&out)
        }
        if !pending.isEmpty {
            pending.withUnsafeBufferPointer { evaluator.process(line: $0, into: &out) }
        }
        flush(&out)
    }

    static func flush(_ out: inout [UInt8]) {
        var offset = 0
        while offset < out.count {
            let written = out.withUnsafeBytes { write(1, $0.baseAddress! + offset, out.count - offset) }
            if written <= 0 { break }
            offset += written
        }
        out.removeAll(keepingCapacity: true)
    }
}
