extension Lexer {
    /// Lexes a quoted literal starting at the quote under `pos`; `start` includes any prefix.
    mutating func lexString(_ start: Int, raw: Bool, bytes: Bool) -> Token {
        let quote = src[pos]
        let triple = pos + 2 < src.count && src[pos + 1] == quote && src[pos + 2] == quote
        pos += triple ? 3 : 1
        var out: [UInt8] = []
        var ok = true
        while true {
            guard pos < src.count else {
                error("unterminated string literal", at: start)
                return Token(kind: .invalid, start: start, end: pos)
            }
            let c = src[pos]
            if c == quote {
                if !triple {
                    pos += 1
                    break
                }
                if pos + 2 < src.count, src[pos + 1] == quote, src[pos + 2] == quote {
                    pos += 3
                    break
                }
            }
            if !triple, c == 0x0A || c == 0x0D {
                error("unterminated string literal (newline in a single-quoted string)", at: start)
                return Token(kind: .invalid, start: start, end: pos)
            }
            if c == 0x5C {
                if raw {
                    // A raw string keeps the backslash, but `\"` still does not end it.
                    out.append(c)
                    pos += 1
                    if pos < src.count {
                        out.append(src[pos])
                        pos += 1
                    }
                    continue
                }
                if !escape(into: &out, bytes: bytes) { ok = false }
                continue
            }
            out.append(c)
            pos += 1
        }
        guard ok else { return Token(kind: .invalid, start: start, end: pos) }
        if bytes { return Token(kind: .bytes(out), start: start, end: pos) }
        guard let text = String(validating: out, as: UTF8.self) else {
            error("invalid UTF-8 in string literal", at: start)
            return Token(kind: .invalid, start: start, end: pos)
        }
        return Token(kind: .string(text), start: start, end: pos)
    }

    /// Decodes one escape sequence at `pos` (a backslash) and appends its encoding.
    private mutating func escape(into out: inout [UInt8], bytes: Bool) -> Bool {
        let at = pos
        pos += 1
        guard pos < src.count else {
            error("unterminated escape sequence", at: at)
            return false
        }
        let c = src[pos]
        pos += 1
        switch c {
        case 0x61: out.append(0x07)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x76: out.append(0x0B)
        case 0x5C, 0x27, 0x22, 0x60, 0x3F: out.append(c)
        case 0x78, 0x58, 0x75, 0x55:
            let count = (c == 0x78 || c == 0x58) ? 2 : (c == 0x75 ? 4 : 8)
            var v: UInt32 = 0
            for _ in 0..<count {
                guard pos < src.count, let d = Lexer.hexValue(src[pos]) else {
                    error("invalid escape sequence: expected \(count) hex digits", at: at)
                    return false
                }
                v = v * 16 + UInt32(d)
                pos += 1
            }
            if count == 2, bytes {
                out.append(UInt8(v))
            } else {
                guard let scalar = Unicode.Scalar(v) else {
                    error("invalid Unicode code point in escape sequence", at: at)
                    return false
                }
                if bytes && count > 2 { error("unicode escapes are not allowed in bytes literals", at: at); return false }
                out.append(contentsOf: Array(String(scalar).utf8))
            }
        case 0x30...0x33:
            var v = UInt32(c - 0x30)
            for _ in 0..<2 {
                guard pos < src.count, src[pos] >= 0x30, src[pos] <= 0x37 else {
                    error("invalid octal escape sequence", at: at)
                    return false
                }
                v = v * 8 + UInt32(src[pos] - 0x30)
                pos += 1
            }
            if bytes {
                out.append(UInt8(v))
            } else if let scalar = Unicode.Scalar(v) {
                out.append(contentsOf: Array(String(scalar).utf8))
            }
        default:
            error("invalid escape sequence '\\\(String(UnicodeScalar(c)))'", at: at)
            return false
        }
        return true
    }
}
