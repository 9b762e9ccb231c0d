extension Parser {
    mutating func parseMember() -> Expr {
        parseMemberSuffix(parsePrimary())
    }

    /// Applies `.field`, `.?field`, `.method(args)`, `[index]` and `[?index]` suffixes.
    mutating func parseMemberSuffix(_ base: Expr) -> Expr {
        var e = base
        while true {
            if accept(.dot) {
                let optional = accept(.question)
                let t = current
                let name: String
                switch t.kind {
                case .ident(let n), .quotedIdent(let n):
                    name = n
                    _ = advance()
                default:
                    error("expected a field name after '.', found \(t.describe(in: src))", at: t.start)
                    return e
                }
                if !optional, case .ident = t.kind, isPunct(.lparen) {
                    _ = advance()
                    let args = parseArgs(close: .rparen, "in the argument list")
                    e = expandMember(target: e, function: name, args: args, start: start(of: e), end: lastEnd)
                } else {
                    e = node(.select(e, field: name, optional: optional), start(of: e), t.end)
                }
                sourceMap.anchor(id: e.id, at: t.start)
            } else if isPunct(.lbracket) {
                let bracket = advance().start
                let optional = accept(.question)
                let index = parseExpr()
                expect(.rbracket, "after the index")
                e = call(optional ? "_[?_]" : "_[_]", [e, index], start(of: e), lastEnd, anchor: bracket)
            } else if isPunct(.lbrace), isQualifiedName(e) {
                let at = current.start
                skipBalanced()
                error("not supported: message construction (protocol buffer messages are out of scope)", at: at)
                e = node(.literal(.null), start(of: e), lastEnd)
            } else {
                return e
            }
        }
    }

    func isQualifiedName(_ e: Expr) -> Bool {
        switch e.kind {
        case .ident: return true
        case .select(let operand, _, let optional): return !optional && isQualifiedName(operand)
        default: return false
        }
    }

    /// Skips a `{ ... }` group (for constructs that are reported as unsupported).
    mutating func skipBalanced() {
        var level = 0
        repeat {
            if isPunct(.lbrace) { level += 1 } else if isPunct(.rbrace) { level -= 1 }
            _ = advance()
        } while level > 0 && current.kind != .eof
    }

    mutating func parseArgs(close: Token.Punct, _ context: String) -> [Expr] {
        var args: [Expr] = []
        if accept(close) { return args }
        while true {
            let before = index
            args.append(parseExpr())
            if accept(.comma) {
                if accept(close) { return args }
                continue
            }
            expect(close, context)
            if index == before, current.kind != .eof { _ = advance() }
            return args
        }
    }

    mutating func parsePrimary() -> Expr {
        let t = current
        switch t.kind {
        case .int(let v):
            _ = advance()
            guard let v, v <= UInt64(Int64.max) else {
                error("integer literal out of range", at: t.start)
                return node(.literal(.int(0)), t.start, t.end)
            }
            return node(.literal(.int(Int64(v))), t.start, t.end)
        case .uint(let v):
            _ = advance()
            guard let v else {
                error("unsigned integer literal out of range", at: t.start)
                return node(.literal(.uint(0)), t.start, t.end)
            }
            return node(.literal(.uint(v)), t.start, t.end)
        case .double(let d):
            _ = advance()
            return node(.literal(.double(d)), t.start, t.end)
        case .string(let s):
            _ = advance()
            return node(.literal(.string(s)), t.start, t.end)
        case .bytes(let b):
            _ = advance()
            return node(.literal(.bytes(b)), t.start, t.end)
        case .ident, .punct(.dot):
            return parseIdentOrCall()
        case .punct(.lparen):
            _ = advance()
            let e = parseExpr()
            expect(.rparen, "to close '('")
            return e
        case .punct(.lbracket):
            _ = advance()
            return parseList(start: t.start)
        case .punct(.lbrace):
            _ = advance()
            return parseMap(start: t.start)
        case .eof:
            error("unexpected end of expression", at: t.start)
            return node(.literal(.null), t.start, t.end)
        case .invalid:
            _ = advance()
            return node(.literal(.null), t.start, t.end)
        default:
            error("unexpected \(t.describe(in: src))", at: t.start)
            _ = advance()
            return node(.literal(.null), t.start, t.end)
        }
    }

    mutating func parseIdentOrCall() -> Expr {
        let start = current.start
        let absolute = accept(.dot)
        let t = current
        guard case .ident(let name) = t.kind else {
            error("expected an identifier after '.', found \(t.describe(in: src))", at: t.start)
            return node(.literal(.null), start, t.end)
        }
        _ = advance()
        switch name {
        case "true" where !absolute: return node(.literal(.bool(true)), start, t.end)
        case "false" where !absolute: return node(.literal(.bool(false)), start, t.end)
        case "null" where !absolute: return node(.literal(.null), start, t.end)
        default: break
        }
        if name == "in" || Parser.reserved.contains(name) || name == "true" || name == "false" || name == "null" {
            error("reserved identifier '\(name)'", at: t.start)
        }
        if accept(.lparen) {
            let args = parseArgs(close: .rparen, "in the argument list")
            return expandGlobal(function: name, absolute: absolute, args: args, start: start, end: lastEnd)
        }
        return node(.ident(name, absolute: absolute), start, t.end)
    }

    mutating func parseList(start: Int) -> Expr {
        var elements: [Expr] = []
        var optional: [Int] = []
        while !isPunct(.rbracket), current.kind != .eof {
            let before = index
            if accept(.question) { optional.append(elements.count) }
            elements.append(parseExpr())
            if !accept(.comma) { break }
            if index == before { _ = advance() }
        }
        expect(.rbracket, "to close the list")
        return node(.list(elements, optionalIndices: optional), start, lastEnd)
    }

    mutating func parseMap(start: Int) -> Expr {
        var entries: [Expr.MapEntry] = []
        while !isPunct(.rbrace), current.kind != .eof {
            let before = index
            let entryStart = current.start
            let optional = accept(.question)
            let key = parseExpr()
            expect(.colon, "between a map key and its value")
            let value = parseExpr()
            let id = nextID
            nextID += 1
            sourceMap.record(id: id, start: entryStart, end: end(of: value))
            entries.append(Expr.MapEntry(id: id, key: key, value: value, optional: optional))
            if !accept(.comma) { break }
            if index == before { _ = advance() }
        }
        expect(.rbrace, "to close the map")
        return node(.map(entries), start, lastEnd)
    }
}
