/// A parsed expression (tree, source map, node count) in the snapshot encoding, so a program
/// restored from a snapshot is planned without lexing and parsing its source again.
struct ParsedProgram {
    var ast: Expr
    var sourceMap: SourceMap
    var nodeCount: Int
}

/// Where a parsed program sits inside a snapshot's bytes; decoded only when first needed.
struct ProgramBytes: Sendable {
    let bytes: [UInt8]
    let range: Range<Int>

    func decode() -> ParsedProgram? {
        var reader = SnapshotReader(bytes, range: range)
        return try? reader.parsedProgram()
    }
}

extension SnapshotWriter {
    mutating func parsedProgram(_ program: Program) {
        var inner = SnapshotWriter()
        inner.int(program.nodeCount)
        inner.list(program.sourceMap.starts) { $0.int(Int($1)) }
        inner.list(program.sourceMap.ends) { $0.int(Int($1)) }
        inner.list(program.sourceMap.anchors) { $0.int(Int($1)) }
        inner.expr(program.ast)
        // Length-prefixed, so a reader can skip it and decode it later.
        int(inner.bytes.count)
        append(inner.bytes)
    }

    mutating func expr(_ e: Expr) {
        int(e.id)
        switch e.kind {
        case .literal(let value):
            int(0)
            literal(value)
        case .ident(let name, let absolute):
            int(1)
            string(name)
            bool(absolute)
        case .select(let operand, let field, let optional):
            int(2)
            expr(operand)
            string(field)
            bool(optional)
        case .presence(let operand, let field):
            int(3)
            expr(operand)
            string(field)
        case .call(let target, let function, let args):
            int(4)
            optional(target) { $0.expr($1) }
            string(function)
            list(args) { $0.expr($1) }
        case .list(let elements, let optionalIndices):
            int(5)
            list(elements) { $0.expr($1) }
            ints(optionalIndices)
        case .map(let entries):
            int(6)
            list(entries) { w, entry in
                w.int(entry.id)
                w.expr(entry.key)
                w.expr(entry.value)
                w.bool(entry.optional)
            }
        case .comprehension(let c):
            int(7)
            string(c.kind.rawValue)
            expr(c.range)
            string(c.variable)
            optional(c.variable2) { $0.string($1) }
            list(c.args) { $0.expr($1) }
        }
    }

    /// The literal kinds the parser produces.
    private mutating func literal(_ value: Value) {
        switch value {
        case .bool(let b):
            int(1)
            bool(b)
        case .int(let i):
            int(2)
            int64(i)
        case .uint(let u):
            int(3)
            int64(Int64(bitPattern: u))
        case .double(let d):
            int(4)
            double(d)
        case .string(let s):
            int(5)
            string(s)
        case .bytes(let b):
            int(6)
            int(b.count)
            append(b)
        default:
            int(0)
        }
    }
}

extension SnapshotReader {
    mutating func parsedProgram() throws(SnapshotError) -> ParsedProgram {
        let nodeCount = try count()
        let int32s = { (r: inout SnapshotReader) throws(SnapshotError) -> Int32 in
            let v = try r.int()
            guard let narrow = Int32(exactly: v) else { throw SnapshotError(message: "offset out of range") }
            return narrow
        }
        let map = SourceMap(starts: try list(int32s), ends: try list(int32s), anchors: try list(int32s))
        guard map.starts.count == map.ends.count, map.ends.count == map.anchors.count, map.starts.count > nodeCount else {
            throw SnapshotError(message: "inconsistent source map")
        }
        let ast = try expr(depth: 0)
        guard isAtEnd else { throw SnapshotError(message: "trailing bytes after an expression") }
        return ParsedProgram(ast: ast, sourceMap: map, nodeCount: nodeCount)
    }

    mutating func expr(depth: Int) throws(SnapshotError) -> Expr {
        guard depth <= Program.maxNesting + 8 else { throw SnapshotError(message: "expression nested too deeply") }
        let id = try int()
        let next = depth + 1
        switch try int() {
        case 0:
            return Expr(id: id, kind: .literal(try literal()))
        case 1:
            return Expr(id: id, kind: .ident(try string(), absolute: try bool()))
        case 2:
            return Expr(id: id, kind: .select(try expr(depth: next), field: try string(), optional: try bool()))
        case 3:
            return Expr(id: id, kind: .presence(try expr(depth: next), field: try string()))
        case 4:
            let target = try optional { r throws(SnapshotError) in try r.expr(depth: next) }
            let function = try string()
            return Expr(id: id, kind: .call(target: target, function: function,
                                            args: try list { r throws(SnapshotError) in try r.expr(depth: next) }))
        case 5:
            let elements = try list { r throws(SnapshotError) in try r.expr(depth: next) }
            return Expr(id: id, kind: .list(elements, optionalIndices: try ints()))
        case 6:
            return Expr(id: id, kind: .map(try list { r throws(SnapshotError) in
                Expr.MapEntry(id: try r.int(), key: try r.expr(depth: next), value: try r.expr(depth: next), optional: try r.bool())
            }))
        case 7:
            let raw = try string()
            guard let kind = MacroKind(rawValue: raw) else { throw SnapshotError(message: "unknown macro '\(raw)'") }
            let range = try expr(depth: next)
            let variable = try string()
            let variable2 = try optional { r throws(SnapshotError) in try r.string() }
            let args = try list { r throws(SnapshotError) in try r.expr(depth: next) }
            return Expr(id: id, kind: .comprehension(Comprehension(kind: kind, range: range, variable: variable,
                                                                   variable2: variable2, args: args)))
        case let tag:
            throw SnapshotError(message: "unknown expression tag \(tag)")
        }
    }

    private mutating func literal() throws(SnapshotError) -> Value {
        switch try int() {
        case 0: return .null
        case 1: return .bool(try bool())
        case 2: return .int(try int64())
        case 3: return .uint(UInt64(bitPattern: try int64()))
        case 4: return .double(try double())
        case 5: return .string(try string())
        case 6: return .bytes(try byteArray())
        case let tag: throw SnapshotError(message: "unknown literal tag \(tag)")
        }
    }
}
