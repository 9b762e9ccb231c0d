/// Splits CEL source into tokens, collecting every lexical error instead of stopping.
struct Lexer {
    let src: [UInt8]
    var pos = 0
    var errors: [ExpressionError] = []

    init(_ source: [UInt8]) {
        src = source
    }

    /// All tokens, ending with `.eof`.
    static func tokenize(_ source: [UInt8]) -> ([Token], [ExpressionError]) {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let t = lexer.next()
            tokens.append(t)
            if t.kind == .eof { break }
        }
        return (tokens, lexer.errors)
    }

    private func peek(_ k: Int = 0) -> UInt8 {
        pos + k < src.count ? src[pos + k] : 0
    }

    mutating func error(_ message: String, at offset: Int) {
        errors.append(ExpressionError(utf8Offset: offset, message: message))
    }

    private mutating func skipTrivia() {
        while pos < src.count {
            let c = src[pos]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                pos += 1
            } else if c == 0x2F, peek(1) == 0x2F {
                while pos < src.count, src[pos] != 0x0A { pos += 1 }
            } else {
                return
            }
        }
    }

    static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    mutating func next() -> Token {
        skipTrivia()
        let start = pos
        guard pos < src.count else { return Token(kind: .eof, start: pos, end: pos) }
        let c = src[pos]
        if Lexer.isIdentStart(c) {
            if let t = lexPrefixedString(start) { return t }
            while pos < src.count, Lexer.isIdentStart(src[pos]) || Lexer.isDigit(src[pos]) { pos += 1 }
            return Token(kind: .ident(String(decoding: src[start..<pos], as: UTF8.self)), start: start, end: pos)
        }
        if Lexer.isDigit(c) || (c == 0x2E && Lexer.isDigit(peek(1))) {
            return lexNumber(start)
        }
        if c == 0x22 || c == 0x27 {
            return lexString(start, raw: false, bytes: false)
        }
        if c == 0x60 {
            pos += 1
            while pos < src.count, src[pos] != 0x60, src[pos] != 0x0A { pos += 1 }
            guard pos < src.count, src[pos] == 0x60 else {
                error("unterminated quoted identifier", at: start)
                return Token(kind: .invalid, start: start, end: pos)
            }
            let name = String(decoding: src[(start + 1)..<pos], as: UTF8.self)
            pos += 1
            if name.isEmpty { error("empty quoted identifier", at: start) }
            return Token(kind: .quotedIdent(name), start: start, end: pos)
        }
        pos += 1
        let two: Token.Punct?
        switch (c, peek()) {
        case (0x3D, 0x3D): two = .eq
        case (0x21, 0x3D): two = .ne
        case (0x3C, 0x3D): two = .le
        case (0x3E, 0x3D): two = .ge
        case (0x26, 0x26): two = .and
        case (0x7C, 0x7C): two = .or
        default: two = nil
        }
        if let two {
            pos += 1
            return Token(kind: .punct(two), start: start, end: pos)
        }
        if let p = Lexer.singlePunct(c) {
            return Token(kind: .punct(p), start: start, end: pos)
        }
        // Skip the rest of a multi-byte character so one bad character gives one error.
        while pos < src.count, src[pos] & 0xC0 == 0x80 { pos += 1 }
        let text = String(decoding: src[start..<pos], as: UTF8.self)
        error("unexpected character '\(text)'", at: start)
        return Token(kind: .invalid, start: start, end: pos)
    }

    /// The one-character punctuation `c` starts, if any.
    static func singlePunct(_ c: UInt8) -> Token.Punct? {
        switch c {
        case 0x28: return .lparen
        case 0x29: return .rparen
        case 0x5B: return .lbracket
        case 0x5D: return .rbracket
        case 0x7B: return .lbrace
        case 0x7D: return .rbrace
        case 0x2E: return .dot
        case 0x2C: return .comma
        case 0x3A: return .colon
        case 0x3F: return .question
        case 0x2B: return .plus
        case 0x2D: return .minus
        case 0x2A: return .star
        case 0x2F: return .slash
        case 0x25: return .percent
        case 0x21: return .bang
        case 0x3C: return .lt
        case 0x3E: return .gt
        case 0x3D: return .assign
        default: return nil
        }
    }

    private mutating func lexPrefixedString(_ start: Int) -> Token? {
        var raw = false
        var bytes = false
        var k = 0
        while k < 2, pos + k < src.count {
            let ch = src[pos + k]
            if (ch == 0x72 || ch == 0x52), !raw { raw = true } else if (ch == 0x62 || ch == 0x42), !bytes {
                bytes = true
            } else { break }
            k += 1
        }
        guard k > 0, pos + k < src.count, src[pos + k] == 0x22 || src[pos + k] == 0x27 else { return nil }
        pos += k
        return lexString(start, raw: raw, bytes: bytes)
    }

    private mutating func lexNumber(_ start: Int) -> Token {
        if src[pos] == 0x30, peek(1) == 0x78 || peek(1) == 0x58 {
            pos += 2
            let digitsStart = pos
            var value: UInt64? = 0
            while pos < src.count, let d = Lexer.hexValue(src[pos]) {
                if let v = value {
                    let (m, o1) = v.multipliedReportingOverflow(by: 16)
                    let (a, o2) = m.addingReportingOverflow(UInt64(d))
                    value = o1 || o2 ? nil : a
                }
                pos += 1
            }
            if pos == digitsStart {
                error("invalid hexadecimal literal", at: start)
                return Token(kind: .invalid, start: start, end: pos)
            }
            return finishInteger(start, value)
        }
        var isDouble = false
        while pos < src.count, Lexer.isDigit(src[pos]) { pos += 1 }
        if pos < src.count, src[pos] == 0x2E, Lexer.isDigit(peek(1)) {
            isDouble = true
            pos += 1
            while pos < src.count, Lexer.isDigit(src[pos]) { pos += 1 }
        }
        if pos < src.count, src[pos] == 0x65 || src[pos] == 0x45 {
            var k = 1
            if peek(k) == 0x2B || peek(k) == 0x2D { k += 1 }
            if Lexer.isDigit(peek(k)) {
                isDouble = true
                pos += k
                while pos < src.count, Lexer.isDigit(src[pos]) { pos += 1 }
            }
        }
        let text = String(decoding: src[start..<pos], as: UTF8.self)
        if isDouble {
            guard let d = Double(text) else {
                error("invalid double literal", at: start)
                return Token(kind: .invalid, start: start, end: pos)
            }
            return Token(kind: .double(d), start: start, end: pos)
        }
        return finishInteger(start, UInt64(text))
    }

    private mutating func finishInteger(_ start: Int, _ value: UInt64?) -> Token {
        if pos < src.count, src[pos] == 0x75 || src[pos] == 0x55 {
            pos += 1
            return Token(kind: .uint(value), start: start, end: pos)
        }
        return Token(kind: .int(value), start: start, end: pos)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
}
