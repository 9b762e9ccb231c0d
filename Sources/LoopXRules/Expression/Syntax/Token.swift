/// A lexical token of CEL source with its UTF-8 byte range.
struct Token {
    enum Kind: Equatable {
        /// An integer literal's magnitude; nil when it does not fit in 64 bits.
        case int(UInt64?)
        case uint(UInt64?)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case ident(String)
        /// A backquoted field name such as `content-type`.
        case quotedIdent(String)
        case punct(Punct)
        case eof
        /// A character or literal the lexer could not read (already reported).
        case invalid
    }

    enum Punct: String {
        case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
        case dot = ".", comma = ",", colon = ":", question = "?"
        case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", bang = "!"
        case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
        case and = "&&", or = "||"
        case assign = "="
    }

    var kind: Kind
    var start: Int
    var end: Int

    /// A short description for "unexpected token" messages.
    func describe(in source: [UInt8]) -> String {
        switch kind {
        case .eof: return "end of input"
        case .punct(let p): return "'\(p.rawValue)'"
        case .ident(let name): return "'\(name)'"
        default:
            let lo = max(0, min(start, source.count))
            let hi = max(lo, min(end, source.count))
            return "'" + String(decoding: source[lo..<hi], as: UTF8.self) + "'"
        }
    }
}

/// A syntax problem at a UTF-8 offset of the expression source.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Offset in bytes from the start of the expression source.
    public var utf8Offset: Int
    public var message: String

    public init(utf8Offset: Int, message: String) {
        self.utf8Offset = utf8Offset
        self.message = message
    }

    public var description: String { "\(utf8Offset): \(message)" }
}
