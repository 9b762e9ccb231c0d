import LoopXSupport
import Testing
@testable import LoopXRules

@Suite struct ExprParserTests {
    @Test(arguments: [
        ("1 + 2 * 3", "_+_#5(1#1, _*_#4(2#2, 3#3))"),
        ("-9223372036854775808", "-9223372036854775808#1"),
        ("--1", "-_#2(-1#1)"),
        ("!a", "!_#2(a#1)"),
        ("a.b.c", "a#1.b#2.c#3"),
        (".a.b", ".a#1.b#2"),
        ("a.?b", "a#1.?b#2"),
        ("a[0]", "_[_]#3(a#1, 0#2)"),
        ("a[?'k']", ##"_[?_]#3(a#1, "k"#2)"##),
        ("f(1, 'x')", ##"f#3(1#1, "x"#2)"##),
        ("x.size()", "x#1.size#2()"),
        ("a ? b : c", "_?_:_#4(a#1, b#2, c#3)"),
        ("a && b && c && d", "_&&_#7(_&&_#5(a#1, b#2), _&&_#6(c#3, d#4))"),
        ("x in [1, ?y]", "@in#5(x#1, [1#2, ?y#3]#4)"),
        ("{'a': 1, ?'b': c}", ##"{"a"#1: 1#2, ?"b"#4: c#5}#7"##),
        ("has(a.b)", "has(a#1.b)#3"),
        ("l.all(x, x > 0)", "all#6(l#1, x, _>_#5(x#3, 0#4))"),
        ("l.map(x, x < 3, x * 2)", "map_filter#9(l#1, x, _<_#5(x#3, 3#4), _*_#8(x#6, 2#7))"),
        ("m.exists(k, v, v == 1)", "exists#7(m#1, k, v, _==_#6(v#4, 1#5))"),
        ("cel.bind(t, 1, t + t)", "cel.bind#7(1#3, t, _+_#6(t#4, t#5))"),
        ("h.streak(r, r.ok)", "streak#5(h#1, r, r#3.ok#4)"),
        ("{'a': 1}.`a`", ##"{"a"#1: 1#2}#4.a#5"##),
        ("a.as() || true", "_||_#4(a#1.as#2(), true#3)"),
    ])
    func parses(source: String, tree: String) {
        #expect(ExprTest.parseTree(source) == tree)
    }

    @Test(arguments: [
        ("1 +", "<expr>:1:4: error: unexpected end of expression\n1 +\n   ^"),
        ("(1 + 2", "<expr>:1:7: error: expected ')' to close '(', found end of input\n(1 + 2\n      ^"),
        ("a = 1", "<expr>:1:3: error: unexpected '=' (use '==' to compare)\na = 1\n  ^"),
        ("if", "<expr>:1:1: error: reserved identifier 'if'\nif\n^"),
        ("9223372036854775808", "<expr>:1:1: error: integer literal out of range\n9223372036854775808\n^"),
        ("has(a)", "<expr>:1:1: error: invalid argument to has() macro: expected a field selection like has(a.b)\nhas(a)\n^"),
        ("l.all(1, true)", "<expr>:1:7: error: all() expects a simple variable name as its first argument\nl.all(1, true)\n      ^"),
        ("Msg{a: 1}", "<expr>:1:4: error: not supported: message construction (protocol buffer messages are out of scope)\nMsg{a: 1}\n   ^"),
        ("'abc'.matches('(a)\\\\1')", "<expr>:1:15: error: invalid regular expression: backreferences are not supported (RE2 syntax)\n'abc'.matches('(a)\\\\1')\n              ^"),
        ("1 2", "<expr>:1:3: error: unexpected '2' after the end of the expression\n1 2\n  ^"),
    ])
    func rendersCompileErrorsWithCaret(source: String, rendered: String) {
        #expect(ExprTest.compileErrors(source) == rendered)
    }

    @Test func reportsSeveralErrorsOfOneSource() {
        let rendered = ExprTest.compileErrors("a # b + 'x")
        #expect(rendered.contains("1:3: error: unexpected character '#'"))
        #expect(rendered.contains("1:9: error: unterminated string literal"))
    }

    @Test func positionsAreUTF8OffsetsAndColumnsAreScalars() throws {
        do {
            _ = try Program.compileReportingOffsets("'é' + ")
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.first?.utf8Offset == 7)
            let text = SourceText(path: "rules.yaml", text: "when: 'é' + ")
            let d = error.diagnostics(in: text, baseOffset: 6)
            #expect(d.items.first?.position == SourcePosition(line: 1, column: 13))
        }
    }
}
