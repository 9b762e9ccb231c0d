import Foundation
import LoopXSupport

/// The `expr eval --jsonl` protocol: one request line in, one response line out, with
/// compiled programs cached by (container, expression).
public struct JSONLEvaluator {
    private var cache: [String: Result<Program, ExpressionErrors>] = [:]
    private static let cacheLimit = 10_000
    /// The last decoded value of each binding name with its exact JSON bytes: streams that
    /// evaluate many rules over the same facts repeat those bytes line after line, and
    /// comparing bytes is far cheaper than decoding them again.
    private var bindingCache: [String: CachedBinding] = [:]
    private static let bindingCacheLimit = 256

    final class CachedBinding {
        let bytes: [UInt8]
        let value: Value

        init(bytes: [UInt8], value: Value) {
            self.bytes = bytes
            self.value = value
        }
    }

    /// Type-check each request first (bindings typed from their values); a checker error is
    /// the answer, so a conformance run shows every false alarm of the checker.
    public var typeCheck: Bool

    public init(typeCheck: Bool = false) {
        self.typeCheck = typeCheck
    }

    /// Handles one request line (without its newline) and appends one response line to `out`.
    public mutating func process(line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var reader = ProtoJSONReader(line)
        var id: String?
        var expr: String?
        var container: String?
        var bindings = Activation()
        do throws(ProtoJSONReader.Failure) {
            try reader.object { r, key throws(ProtoJSONReader.Failure) in
                switch key {
                case "id": id = try r.string()
                case "expr": expr = try r.string()
                case "container":
                    if r.peekByte() == 0x6E { try r.literal("null") } else { container = try r.string() }
                case "bindings":
                    if r.peekByte() == 0x6E {
                        try r.literal("null")
                        return
                    }
                    try r.object { r2, name throws(ProtoJSONReader.Failure) in
                        bindings.bind(name, try binding(name, &r2))
                    }
                default: try r.skipValue()
                }
            }
            reader.skipWS()
            if reader.i != line.count { throw ProtoJSONReader.Failure(message: "trailing content after the request") }
        } catch {
            respond(id: id ?? Self.salvageID(line), error: "malformed request: \(error.message)", into: &out)
            return
        }
        guard let expr else {
            respond(id: id, error: "malformed request: missing \"expr\"", into: &out)
            return
        }
        let program: Program
        switch compiled(expr, container) {
        case .success(let p): program = p
        case .failure(let errors):
            let text = errors.errors.map { "\($0.message) (at offset \($0.utf8Offset))" }.joined(separator: "; ")
            respond(id: id, error: "compile error: " + text, into: &out)
            return
        }
        if typeCheck {
            let result = program.check(in: TypeEnvironment.typing(bindings.values, container: container))
            if !result.errors.isEmpty {
                let text = result.errors.map { "\($0.message) (at offset \($0.utf8Offset))" }.joined(separator: "; ")
                respond(id: id, error: "type error: " + text, into: &out)
                return
            }
        }
        let value = program.evaluate(bindings)
        let mark = out.count
        out.append(contentsOf: #"{"id":"#.utf8)
        if let id { ProtoJSONWriter.string(id, &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: #","value":"#.utf8)
        do {
            try ProtoJSONWriter.write(value, into: &out)
            out.append(contentsOf: "}\n".utf8)
        } catch {
            out.removeSubrange(mark...)
            respond(id: id, error: error.message, into: &out)
        }
    }

    /// Decodes one binding's VALUE, reusing the previous decode when the bytes are identical.
    private mutating func binding(_ name: String, _ r: inout ProtoJSONReader) throws(ProtoJSONReader.Failure) -> Value {
        r.skipWS()
        let start = r.i
        if let hit = bindingCache[name], hit.bytes.count <= r.b.count - start {
            // A VALUE is a JSON object, so equal bytes cannot be a prefix of a different value.
            let same = hit.bytes.withUnsafeBufferPointer { cached -> Bool in
                guard let line = r.b.baseAddress, let old = cached.baseAddress else { return false }
                return memcmp(line + start, old, cached.count) == 0
            }
            if same {
                r.i = start + hit.bytes.count
                return hit.value
            }
        }
        let v = try r.value()
        if bindingCache.count < Self.bindingCacheLimit || bindingCache[name] != nil {
            bindingCache[name] = CachedBinding(bytes: Array(r.b[start..<r.i]), value: v)
        }
        return v
    }

    private mutating func compiled(_ expr: String, _ container: String?) -> Result<Program, ExpressionErrors> {
        let key = (container ?? "") + "\u{0}" + expr
        if let hit = cache[key] { return hit }
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        let r: Result<Program, ExpressionErrors>
        do {
            r = .success(try Program.compileReportingOffsets(expr, container: container))
        } catch {
            r = .failure(error)
        }
        cache[key] = r
        return r
    }

    private func respond(id: String?, error message: String, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"error":"#.utf8)
        ProtoJSONWriter.string(message, &out)
        out.append(contentsOf: #","id":"#.utf8)
        if let id { ProtoJSONWriter.string(id, &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: "}\n".utf8)
    }

    /// The `id` of a line that is valid JSON but not a valid request, so its answer can be matched.
    private static func salvageID(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        guard let json = try? JSONParser.parse(Array(line)) else { return nil }
        return json["id"]?.stringValue
    }
}
