@testable import LoopXRules

/// Shared helpers for the expression tests.
enum ExprTest {
    /// Compiles and evaluates; the value as a CEL literal, or `error: message` for errors.
    static func eval(_ source: String, _ bindings: [String: Value] = [:], container: String? = nil) -> String {
        do {
            let program = try Program.compileReportingOffsets(source, container: container)
            let v = program.evaluate(Activation(bindings))
            if case .error(let e) = v { return "error: " + e.message }
            return v.celLiteral
        } catch {
            return "compile error: " + error.errors.map(\.message).joined(separator: "; ")
        }
    }

    /// The rendered compile diagnostics of a source, or "" when it compiles.
    static func compileErrors(_ source: String) -> String {
        do {
            _ = try Program.compile(source, path: "<expr>")
            return ""
        } catch {
            return error.rendered
        }
    }

    /// Token kinds of a source, one short description each.
    static func tokens(_ source: String) -> [String] {
        let (toks, _) = Lexer.tokenize(Array(source.utf8))
        return toks.map { t in
            switch t.kind {
            case .int(let v): return "int(\(v.map(String.init) ?? "overflow"))"
            case .uint(let v): return "uint(\(v.map(String.init) ?? "overflow"))"
            case .double(let d): return "double(\(d))"
            case .string(let s): return "string(\(s.celQuoted))"
            case .bytes(let b): return "bytes(\(b))"
            case .ident(let n): return "ident(\(n))"
            case .quotedIdent(let n): return "quoted(\(n))"
            case .punct(let p): return p.rawValue
            case .eof: return "eof"
            case .invalid: return "invalid"
            }
        }
    }

    static func parseTree(_ source: String) -> String {
        var parser = Parser(source: Array(source.utf8))
        let e = parser.parseAll()
        if !parser.errors.isEmpty { return "errors: " + parser.errors.map(\.message).joined(separator: "; ") }
        return e.debugTree
    }
}
