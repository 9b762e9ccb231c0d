import LoopXSupport
import Testing
@testable import LoopXRules

@Suite struct ExprErrorTests {
    /// Evaluation errors: the message and the caret under the failing node.
    @Test(arguments: [
        ("1 / 0", "<expr>:1:3: error: division by zero\n1 / 0\n  ^"),
        ("x + 1", "<expr>:1:1: error: undeclared reference to 'x'\nx + 1\n^"),
        ("[1][3]", "<expr>:1:4: error: index out of range: 3 (list of size 1)\n[1][3]\n   ^"),
        ("{'a': 1}.b", "<expr>:1:10: error: no such key: 'b'\n{'a': 1}.b\n         ^"),
        ("9223372036854775807 + 1", "<expr>:1:21: error: integer overflow in addition\n9223372036854775807 + 1\n                    ^"),
        ("0u - 1u", "<expr>:1:4: error: unsigned integer overflow in subtraction\n0u - 1u\n   ^"),
        ("1 + 'a'", "<expr>:1:3: error: no such overload: _+_(int, string)\n1 + 'a'\n  ^"),
        ("5 % 0", "<expr>:1:3: error: modulus by zero\n5 % 0\n  ^"),
        ("int('x')", "<expr>:1:1: error: cannot convert 'x' to int\nint('x')\n^"),
        ("{'a': 1, 'a': 2}", "<expr>:1:1: error: Failed with repeated key: \"a\"\n{'a': 1, 'a': 2}\n^"),
        ("f(1)", "<expr>:1:1: error: no such overload: unknown function 'f' with 1 argument(s)\nf(1)\n^"),
        ("1.foo()", "<expr>:1:3: error: no such overload: unknown method 'foo' with 0 argument(s)\n1.foo()\n  ^"),
        ("optional.none().value()", "<expr>:1:17: error: optional.none() has no value\noptional.none().value()\n                ^"),
        ("timestamp('nope')", "<expr>:1:1: error: invalid timestamp 'nope'\ntimestamp('nope')\n^"),
        ("[1, 'a'].all(x, x > 0)", "<expr>:1:19: error: no such overload: _>_(string, int)\n[1, 'a'].all(x, x > 0)\n                  ^"),
        ("1 ? 2 : 3", "<expr>:1:3: error: no such overload: _?_:_ on int condition\n1 ? 2 : 3\n  ^"),
        ("'a'.getHours('Mars/Base')", "<expr>:1:5: error: no such overload: getHours(string, string)\n'a'.getHours('Mars/Base')\n    ^"),
        ("timestamp('2020-01-01T00:00:00Z').getHours('Mars/Base')", "<expr>:1:35: error: unknown time zone 'Mars/Base'\ntimestamp('2020-01-01T00:00:00Z').getHours('Mars/Base')\n                                  ^"),
    ])
    func rendersEvaluationErrors(source: String, rendered: String) throws {
        let program = try Program.compileReportingOffsets(source)
        guard case .error(let e) = program.evaluate(Activation()) else {
            Issue.record("expected an error for \(source)")
            return
        }
        #expect(program.diagnostic(for: e, in: SourceText(path: "<expr>", text: source)).rendered == rendered)
    }

    @Test func errorsAreAbsorbedByLogicInBothOrders() {
        #expect(ExprTest.eval("1/0 == 1 && false") == "false")
        #expect(ExprTest.eval("false && 1/0 == 1") == "false")
        #expect(ExprTest.eval("1/0 == 1 || true") == "true")
        #expect(ExprTest.eval("1/0 == 1 && true") == "error: division by zero")
        #expect(ExprTest.eval("x || true") == "true")
    }
}
