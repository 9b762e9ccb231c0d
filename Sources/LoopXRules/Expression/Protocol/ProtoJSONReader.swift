import LoopXSupport
/// A strict, allocation-light reader for `expr eval --jsonl` request lines: JSON straight to
/// `Value`s in the protobuf JSON mapping of `cel.expr.Value`, without an intermediate tree.
struct ProtoJSONReader {
    struct Failure: Error {
        let message: String
    }

    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        b = buffer
    }

    @inline(__always)
    mutating func skipWS() {
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    @inline(__always)
    mutating func expect(_ c: UInt8) throws(Failure) {
        skipWS()
        guard i < b.count, b[i] == c else {
            throw Failure(message: "expected '\(Character(UnicodeScalar(c)))' at byte \(i)")
        }
        i += 1
    }

    /// Consumes `c` (after whitespace) when present.
    @inline(__always)
    mutating func accept(_ c: UInt8) -> Bool {
        skipWS()
        if i < b.count, b[i] == c {
            i += 1
            return true
        }
        return false
    }

    mutating func peekByte() -> UInt8? {
        skipWS()
        return i < b.count ? b[i] : nil
    }

    /// Iterates the members of an object, calling `body` with each key (the value is next).
    mutating func object(_ body: (inout ProtoJSONReader, String) throws(Failure) -> Void) throws(Failure) {
        try delimited(open: 0x7B, close: 0x7D) { (r: inout ProtoJSONReader) throws(Failure) in
            r.skipWS()
            let key = try r.string()
            try r.expect(0x3A)
            try body(&r, key)
        }
    }

    /// Iterates the elements of an array, calling `body` at each.
    mutating func array(_ body: (inout ProtoJSONReader) throws(Failure) -> Void) throws(Failure) {
        try delimited(open: 0x5B, close: 0x5D, body)
    }

    /// Comma-separated items between `open` and `close`, within the nesting limit.
    private mutating func delimited(open: UInt8, close: UInt8,
                                    _ item: (inout ProtoJSONReader) throws(Failure) -> Void) throws(Failure)
    {
        try expect(open)
        depth += 1
        if depth > 200 { throw Failure(message: "nesting too deep") }
        defer { depth -= 1 }
        if accept(close) { return }
        while true {
            try item(&self)
            if accept(0x2C) { continue }
            try expect(close)
            return
        }
    }

    mutating func string() throws(Failure) -> String {
        skipWS()
        guard i < b.count, b[i] == 0x22 else { throw Failure(message: "expected a string at byte \(i)") }
        i += 1
        do { return try JSONStringDecoder.decode(b, at: &i) } catch { throw Failure(message: error.message) }
    }

    /// A JSON number's text (validated loosely; conversion validates the rest).
    mutating func numberText() throws(Failure) -> String {
        skipWS()
        let start = i
        while i < b.count {
            let c = b[i]
            if (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45 {
                i += 1
            } else {
                break
            }
        }
        guard i > start else { throw Failure(message: "expected a number at byte \(start)") }
        return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
    }

    mutating func literal(_ word: StaticString) throws(Failure) {
        skipWS()
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { throw Failure(message: "unexpected end of input") }
        let p = word.utf8Start
        for k in 0..<n where b[i + k] != p[k] { throw Failure(message: "invalid literal at byte \(i)") }
        i += n
    }

    /// Skips any JSON value (unknown request fields).
    mutating func skipValue() throws(Failure) {
        switch peekByte() {
        case 0x7B: try object { r, _ throws(Failure) in try r.skipValue() }
        case 0x5B: try array { r throws(Failure) in try r.skipValue() }
        case 0x22: _ = try string()
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        default: _ = try numberText()
        }
    }
}
