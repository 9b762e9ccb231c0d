/// A recursive-descent CEL parser that keeps going after errors so all of them are reported.
struct Parser {
    static let maxDepth = 64
    static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ]

    let src: [UInt8]
    var tokens: [Token]
    var index = 0
    var nextID = 1
    var depth = 0
    var errors: [ExpressionError] = []
    var sourceMap = SourceMap()

    init(source: [UInt8]) {
        src = source
        let (toks, lexErrors) = Lexer.tokenize(source)
        tokens = toks
        errors = lexErrors
    }

    /// Parses a whole expression; the tree is only meaningful when `errors` is empty.
    mutating func parseAll() -> Expr {
        let e = parseExpr()
        if current.kind != .eof {
            error("unexpected \(current.describe(in: src)) after the end of the expression", at: current.start)
        }
        return e
    }

    var current: Token { tokens[index] }

    func peek(_ k: Int) -> Token { tokens[min(index + k, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    func isPunct(_ p: Token.Punct) -> Bool {
        if case .punct(let q) = current.kind { return p == q }
        return false
    }

    mutating func accept(_ p: Token.Punct) -> Bool {
        if isPunct(p) {
            _ = advance()
            return true
        }
        return false
    }

    mutating func expect(_ p: Token.Punct, _ context: String) {
        if !accept(p) {
            error("expected '\(p.rawValue)' \(context), found \(current.describe(in: src))", at: current.start)
        }
    }

    mutating func error(_ message: String, at offset: Int) {
        // One error per offset: later ones are usually echoes of the first.
        if errors.contains(where: { $0.utf8Offset == offset }) || errors.count >= 20 { return }
        errors.append(ExpressionError(utf8Offset: offset, message: message))
    }

    mutating func node(_ kind: Expr.Kind, _ start: Int, _ end: Int) -> Expr {
        let id = nextID
        nextID += 1
        sourceMap.record(id: id, start: start, end: end)
        return Expr(id: id, kind: kind)
    }

    func start(of e: Expr) -> Int { sourceMap.range(of: e.id).lowerBound }
    func end(of e: Expr) -> Int { sourceMap.range(of: e.id).upperBound }
    var lastEnd: Int { index > 0 ? tokens[index - 1].end : 0 }

    mutating func call(_ fn: String, _ args: [Expr], _ start: Int, _ end: Int, anchor: Int? = nil) -> Expr {
        let e = node(.call(target: nil, function: fn, args: args), start, end)
        if let anchor { sourceMap.anchor(id: e.id, at: anchor) }
        return e
    }

    mutating func parseExpr() -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth {
            error("expression nesting exceeds the limit of \(Parser.maxDepth)", at: current.start)
            // Skip the rest so a pathological input cannot recurse further.
            while current.kind != .eof { _ = advance() }
            return node(.literal(.null), current.start, current.start)
        }
        let cond = parseOr()
        let question = current.start
        guard accept(.question) else { return cond }
        let then = parseOr()
        expect(.colon, "in a conditional expression")
        let otherwise = parseExpr()
        return call("_?_:_", [cond, then, otherwise], start(of: cond), end(of: otherwise), anchor: question)
    }

    mutating func parseOr() -> Expr {
        parseLogical(.or, "_||_") { $0.parseAnd() }
    }

    mutating func parseAnd() -> Expr {
        parseLogical(.and, "_&&_") { $0.parseBinary() }
    }

    /// A chain of one logical operator over operands read by `operand`.
    mutating func parseLogical(_ punct: Token.Punct, _ fn: String, _ operand: (inout Parser) -> Expr) -> Expr {
        let first = operand(&self)
        guard isPunct(punct) else { return first }
        var operands = [first]
        while accept(punct) { operands.append(operand(&self)) }
        return balance(operands, fn)
    }

    /// Builds a balanced tree for a chain of one logical operator, keeping nesting shallow.
    mutating func balance(_ operands: [Expr], _ fn: String) -> Expr {
        if operands.count == 1 { return operands[0] }
        let mid = operands.count / 2
        let left = balance(Array(operands[..<mid]), fn)
        let right = balance(Array(operands[mid...]), fn)
        return call(fn, [left, right], start(of: left), end(of: right))
    }

    /// The binary precedence levels below `&&`, loosest first: relations, `+ -`, `* / %`.
    static let binaryLevels = 3

    /// A left-associative chain of the operators of `level`, over operands of the next level.
    mutating func parseBinary(_ level: Int = 0) -> Expr {
        guard level < Parser.binaryLevels else { return parseUnary() }
        var left = parseBinary(level + 1)
        while let fn = binaryOperator(level) {
            let op = advance()
            let right = parseBinary(level + 1)
            left = call(fn, [left, right], start(of: left), end(of: right), anchor: op.start)
        }
        return left
    }

    /// The function name of the current token as an operator of `level`, nil when it is none.
    mutating func binaryOperator(_ level: Int) -> String? {
        switch (level, current.kind) {
        case (0, .punct(.lt)): return "_<_"
        case (0, .punct(.le)): return "_<=_"
        case (0, .punct(.gt)): return "_>_"
        case (0, .punct(.ge)): return "_>=_"
        case (0, .punct(.eq)): return "_==_"
        case (0, .punct(.ne)): return "_!=_"
        case (0, .ident("in")): return "@in"
        case (0, .punct(.assign)):
            error("unexpected '=' (use '==' to compare)", at: current.start)
            return "_==_"
        case (1, .punct(.plus)): return "_+_"
        case (1, .punct(.minus)): return "_-_"
        case (2, .punct(.star)): return "_*_"
        case (2, .punct(.slash)): return "_/_"
        case (2, .punct(.percent)): return "_%_"
        default: return nil
        }
    }

    mutating func parseUnary() -> Expr {
        var ops: [(String, Int)] = []
        while isPunct(.bang) || isPunct(.minus) {
            let t = advance()
            ops.append((isPunctToken(t, .bang) ? "!_" : "-_", t.start))
        }
        var operand: Expr
        if let last = ops.last, last.0 == "-_", let folded = foldNegativeLiteral(start: last.1) {
            ops.removeLast()
            operand = parseMemberSuffix(folded)
        } else {
            operand = parseMember()
        }
        for (fn, start) in ops.reversed() {
            operand = call(fn, [operand], start, end(of: operand))
        }
        return operand
    }

    func isPunctToken(_ t: Token, _ p: Token.Punct) -> Bool {
        if case .punct(let q) = t.kind { return q == p }
        return false
    }

    /// `-` directly before a numeric literal is part of the literal, so `-9223372036854775808` fits.
    mutating func foldNegativeLiteral(start: Int) -> Expr? {
        switch current.kind {
        case .int(let magnitude):
            let t = advance()
            guard let m = magnitude, m <= UInt64(Int64.max) + 1 else {
                error("integer literal out of range", at: t.start)
                return node(.literal(.int(0)), start, t.end)
            }
            let v: Int64 = m == UInt64(Int64.max) + 1 ? Int64.min : -Int64(m)
            return node(.literal(.int(v)), start, t.end)
        case .double(let d):
            let t = advance()
            return node(.literal(.double(-d)), start, t.end)
        default:
            return nil
        }
    }
}
