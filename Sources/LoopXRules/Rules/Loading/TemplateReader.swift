import LoopXSupport
/// Builds `ThenTemplate`s from YAML, compiling each `${expr}` with its exact file position.
enum TemplateReader {
    static func read(_ node: YAMLNode, unit: RuleFileUnit, sink: inout DiagnosticSink) -> ThenTemplate {
        switch node.kind {
        case .mapping(let pairs):
            var entries: [(key: String, value: ThenTemplate)] = []
            for pair in pairs {
                guard let key = pair.key.string else {
                    sink.add(unit.diagnostic("output keys must be strings, found \(pair.key.kindDescription)", at: pair.key))
                    continue
                }
                entries.append((key, read(pair.value, unit: unit, sink: &sink)))
            }
            return .map(entries)
        case .sequence(let items):
            return .list(items.map { read($0, unit: unit, sink: &sink) })
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .constant(.null)
            case .bool(let b): return .constant(.bool(b))
            case .int(let i): return .constant(.int(i))
            case .double(let d): return .constant(.double(d))
            case .string(let text): return readString(text, node: node, unit: unit, sink: &sink)
            }
        }
    }

    /// A string scalar: plain text, exactly one `${expr}`, or text with `${expr}` parts.
    /// `$${` writes a literal `${`.
    static func readString(_ text: String, node: YAMLNode, unit: RuleFileUnit, sink: inout DiagnosticSink) -> ThenTemplate {
        guard hasExpressionMarker(text) else { return .constant(.string(text)) }
        let bytes = Array(text.utf8)
        var parts: [ThenTemplate.TextPart] = []
        var literal: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "$"), bytes[i + 2] == UInt8(ascii: "{") {
                literal += [UInt8(ascii: "$"), UInt8(ascii: "{")]
                i += 3
                continue
            }
            guard bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") else {
                literal.append(bytes[i])
                i += 1
                continue
            }
            guard let close = closingBrace(bytes, from: i + 2) else {
                sink.add(unit.diagnostic(
                    "unterminated '${': close the expression with '}' (write '$${' for a literal '${')",
                    at: unit.position(inScalar: node, utf8Offset: i)))
                return .constant(.string(text))
            }
            if !literal.isEmpty {
                parts.append(.literal(String(decoding: literal, as: UTF8.self)))
                literal = []
            }
            let source = String(decoding: bytes[(i + 2)..<close], as: UTF8.self)
            if source.allSatisfy(\.isWhitespace) {
                sink.add(unit.diagnostic("empty '${}' expression", at: unit.position(inScalar: node, utf8Offset: i)))
            } else if let compiled = RuleExpression.compile(source, node: node, offset: i + 2, unit: unit, sink: &sink) {
                parts.append(.expression(compiled))
            }
            i = close + 1
        }
        if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
        if parts.count == 1, case .expression(let only) = parts[0] { return .expression(only) }
        if parts.allSatisfy({ if case .literal = $0 { return true } else { return false } }) {
            return .constant(.string(parts.map { if case .literal(let s) = $0 { return s } else { return "" } }.joined()))
        }
        return .text(parts)
    }

    /// Whether the text contains `${` (a byte scan: most output strings hold none).
    static func hasExpressionMarker(_ text: String) -> Bool {
        var dollar = false
        for byte in text.utf8 {
            if dollar, byte == UInt8(ascii: "{") { return true }
            dollar = byte == UInt8(ascii: "$")
        }
        return false
    }

    /// The index of the `}` closing an expression that starts at `start`, skipping braces of
    /// map literals and anything inside string literals.
    static func closingBrace(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var i = start
        var quote: UInt8?
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "{") {
                depth += 1
            } else if b == UInt8(ascii: "}") {
                if depth == 0 { return i }
                depth -= 1
            }
            i += 1
        }
        return nil
    }
}
