/// A strict JSON reader (RFC 8259) over UTF-8 bytes, with positioned errors.
public struct JSONParser {
    /// Nesting deeper than this is rejected so no input can exhaust the stack.
    public static let maxDepth = 512

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses one JSON value filling the whole input (surrounding whitespace allowed).
    public static func parse(_ bytes: [UInt8], path: String = "<json>") throws(Diagnostic) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        do {
            parser.skipWhitespace()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            if parser.index < bytes.count { throw parser.failure("unexpected content after the JSON value") }
            return value
        } catch let failure as JSONFailure {
            throw failure.diagnostic(in: bytes, path: path)
        } catch {
            throw Diagnostic(path: path, position: SourcePosition(line: 1, column: 1), message: "\(error)")
        }
    }

    public static func parse(_ text: String, path: String = "<json>") throws(Diagnostic) -> JSONValue {
        try parse(Array(text.utf8), path: path)
    }

    private func failure(_ message: String) -> JSONFailure {
        JSONFailure(offset: index, message: message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character '\(JSONStringDecoder.describe(bytes[index]))'")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("invalid literal") }
        let start = word.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] {
            throw failure("invalid literal")
        }
        index += count
    }

    private mutating func enter() throws {
        depth += 1
        if depth > JSONParser.maxDepth { throw failure("nesting deeper than \(JSONParser.maxDepth)") }
    }

    /// After a member or element: true past a `,` (another follows), false past `close`.
    private mutating func another(closedBy close: Unicode.Scalar, in what: String) throws -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw failure("unterminated \(what)") }
        if bytes[index] == UInt8(ascii: ",") { index += 1; return true }
        if bytes[index] == UInt8(ascii: close) { index += 1; return false }
        throw failure("expected ',' or '\(close)'")
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        index += 1
        var entries: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject(entries))
        }
        var keys = KeySet()
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a string key")
            }
            let keyOffset = index
            let key = try parseString()
            if let first = keys.insert(key, at: keyOffset) {
                throw JSONFailure(
                    offset: keyOffset, message: "duplicate key \(JSONParser.quotedKey(key))", firstOffset: first)
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipWhitespace()
            entries.append((key, try parseValue()))
            if try !another(closedBy: "}", in: "object") { break }
        }
        depth -= 1
        return .object(JSONObject(entries))
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            if try !another(closedBy: "]", in: "array") { break }
        }
        depth -= 1
        return .array(items)
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, Self.isDigit(bytes[index]) else { throw failure("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw failure("invalid number") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw failure("invalid number") }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .int(value) }
        guard let value = Double(text) else { throw JSONFailure(offset: start, message: "invalid number") }
        return .double(value)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func parseString() throws -> String {
        index += 1
        var at = index
        defer { index = at }
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(JSONStringDecoder.Failure) in
                try JSONStringDecoder.decode(buffer, at: &at)
            }
        } catch {
            throw JSONFailure(offset: error.offset, message: error.message)
        }
    }
}

/// An internal failure carrying a byte offset; turned into a positioned diagnostic at the top.
struct JSONFailure: Error {
    var offset: Int
    var message: String
    /// For a duplicate key: where the key was first defined, named in the message.
    var firstOffset: Int?

    func diagnostic(in bytes: [UInt8], path: String) -> Diagnostic {
        let text = String(decoding: bytes, as: UTF8.self)
        let source = SourceText(path: path, text: text)
        var message = message
        if let firstOffset {
            let first = source.position(ofUTF8Offset: firstOffset)
            message += " (first at line \(first.line):\(first.column))"
        }
        return source.diagnostic(message, at: source.position(ofUTF8Offset: offset))
    }
}
