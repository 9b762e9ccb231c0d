import Foundation
import Testing
@testable import LoopXRules

@Suite struct ExprEvalTests {
    static let facts: [String: Value] = [
        "history": .list([
            .map([("outcome", .string("surface_only")), ("ok", .bool(true))]),
            .map([("outcome", .string("surface_only")), ("ok", .bool(true))]),
            .map([("outcome", .string("shipped")), ("ok", .bool(false))]),
        ]),
        "goal": .map([("adapter", .map([("kind", .string("codex"))])), ("quota", .map([("compute", .double(0.5))]))]),
        "n": .int(3),
        "a.b.c": .string("dotted"),
        "a.b": .map([("x", .int(1))]),
    ]

    @Test(arguments: [
        ("1 + 2 * 3", "7"),
        ("7 / 2", "3"),
        ("-7 % 3", "-1"),
        ("2u * 3u", "6u"),
        ("1.5 + 1.0", "2.5"),
        ("'a' + 'b'", #""ab""#),
        ("b'a' + b'b'", #"b"ab""#),
        ("[1] + [2]", "[1, 2]"),
        ("1 == 1.0 && 1u == 1 && 2 > 1.5 && 1u < 2", "true"),
        ("[1, 2] == [1.0, 2u]", "true"),
        ("{'a': 1} == {'a': 1.0}", "true"),
        ("'Am\\u00E9lie' == 'Ame\\u0301lie'", "false"),
        ("false && 1 / 0 == 1", "false"),
        ("1 / 0 == 1 || true", "true"),
        ("true ? 'y' : 'n'", #""y""#),
        ("2 in [1, 2] && 'k' in {'k': 1} && !(3 in [1])", "true"),
        ("{1: 'a', 2u: 'b'}[2.0]", #""b""#),
        ("[1, 2, 3][1u]", "2"),
        ("size('héllo') + size([1]) + size({'a': 1}) + size(b'ab')", "9"),
        ("'hello'.contains('ell') && 'hello'.startsWith('he') && 'hello'.endsWith('lo')", "true"),
        ("'feat/x-1'.matches('^(feat|fix)/[a-z0-9-]+$')", "true"),
        ("int('42') + int(3.9) + int(2u)", "47"),
        ("uint(3) + uint('4')", "7u"),
        ("double(1) / 4.0", "0.25"),
        ("string(1.5) + string(2u) + string(true)", #""1.52true""#),
        ("bytes('a')", #"b"a""#),
        ("type(1) == int && type('') == string && type(type(1)) == type", "true"),
        ("dyn(1) + 1", "2"),
        ("timestamp('2026-01-01T00:00:00Z') + duration('1h30m')", #"timestamp("2026-01-01T01:30:00Z")"#),
        ("timestamp('2026-01-02T00:00:00Z') - timestamp('2026-01-01T00:00:00Z')", #"duration("86400s")"#),
        ("duration('1.5s') < duration('2s')", "true"),
        ("timestamp('2009-02-13T23:31:30Z').getDayOfWeek()", "5"),
        ("timestamp('2009-02-13T23:31:30Z').getHours('+05:30')", "5"),
        ("timestamp('2009-02-13T23:31:30Z').getDate('America/New_York')", "13"),
        ("duration('3730s').getMinutes()", "62"),
        ("[1, 2, 3].all(x, x > 0)", "true"),
        ("[1, 2, 3].exists(x, x == 2)", "true"),
        ("[1, 2, 3].exists_one(x, x > 1)", "false"),
        ("[1, 2, 3].map(x, x * 2)", "[2, 4, 6]"),
        ("[1, 2, 3].map(x, x > 1, x * 10)", "[20, 30]"),
        ("[1, 2, 3].filter(x, x != 2)", "[1, 3]"),
        ("{'a': 1, 'b': 2}.filter(k, k == 'b')", #"["b"]"#),
        ("[0, -1].all(x, 1 / x > 0)", "false"),
        ("[1, 0].all(x, 1 / x > 0)", "error: division by zero"),
        ("[0, 1].exists(x, 1 / x > 0)", "true"),
        ("cel.bind(x, 2, x * x)", "4"),
        ("[10, 20].transformList(i, v, i + v)", "[10, 21]"),
        ("{'a': 1}.transformMap(k, v, v + 1)", #"{"a": 2}"#),
        ("['x'].transformMapEntry(i, v, {v: i})", #"{"x": 0}"#),
        ("[1, 2].all(i, v, v > i)", "true"),
        ("history.streak(r, r.outcome == 'surface_only')", "2"),
        ("history.take(1).size() + history.drop(1).size()", "3"),
        ("history.take(10).size()", "3"),
        ("tokens('Fix the Parser, fix THE cache: a b2')", #"["fix", "the", "parser", "cache", "b2"]"#),
        ("[1, 2, 3, 2].intersect([2, 3])", "[2, 3, 2]"),
        ("goal.adapter.kind", #""codex""#),
        ("goal.?quota.?compute.orValue(1.0)", "0.5"),
        ("goal.?missing.?compute.orValue(1.0)", "1.0"),
        ("has(goal.adapter) && !has(goal.nope)", "true"),
        ("optional.of(1).hasValue() && !optional.none().hasValue()", "true"),
        ("optional.ofNonZeroValue('').orValue('d')", #""d""#),
        ("[?optional.none(), ?optional.of(2)]", "[2]"),
        ("a.b.c", #""dotted""#),
        ("a.b.x", "1"),
        ("'a,b,c'.split(',')", #"["a", "b", "c"]"#),
        ("' x '.trim() + 'ABC'.lowerAscii() + 'abc'.upperAscii()", #""xabcABC""#),
        ("'hello'.substring(1, 3) + 'hello'.charAt(0)", #""elh""#),
        ("'aXbX'.replace('X', '-') + 'abc'.reverse()", #""a-b-cba""#),
        ("['a', 'b'].join('/')", #""a/b""#),
        ("'%s has %d runs (%.1f%%)'.format(['goal', 3, 12.5])", #""goal has 3 runs (12.5%)""#),
        ("strings.quote('a\"b')", #""\"a\\\"b\"""#),
        ("math.greatest(1, 2.5, 2u)", "2.5"),
        ("math.least([3, 1, 2])", "1"),
        ("math.abs(-3) + math.sign(-2)", "2"),
        ("math.floor(1.5) + math.ceil(1.2) + math.round(2.5) + math.trunc(-1.7)", "5.0"),
        ("math.bitShiftLeft(1, 4) + math.bitAnd(6, 3)", "18"),
        ("base64.encode(b'hello')", #""aGVsbG8=""#),
        ("base64.decode('aGVsbG8')", #"b"hello""#),
        ("[1, 2, 3].filter(x, x > n - 2)", "[2, 3]"),
        ("[string(123456789.0), string(100000.0), string(0.0001), string(0.00001), string(2.0)]",
         #"["1.23456789e+08", "100000", "0.0001", "1e-05", "2"]"#),
        ("string(duration('-1.5s')) + ' ' + string(timestamp('2026-01-01T00:00:00.120Z'))",
         #""-1.5s 2026-01-01T00:00:00.12Z""#),
    ])
    func evaluates(source: String, expected: String) {
        #expect(ExprTest.eval(source, Self.facts) == expected)
    }

    @Test func resolvesNamesThroughTheContainer() {
        let b: [String: Value] = ["x.y": .bool(true), "y": .bool(false), "com.example.z": .int(1)]
        #expect(ExprTest.eval("y", b, container: "x") == "true")
        #expect(ExprTest.eval(".y", b, container: "x") == "false")
        #expect(ExprTest.eval("z", b, container: "com.example") == "1")
        #expect(ExprTest.eval("x.y", b) == "true")
    }

    @Test func tracesEveryNodeOnlyWhenAsked() throws {
        let program = try Program.compileReportingOffsets("n > 1 && history.size() == 3")
        let trace = ExpressionTrace()
        let v = program.evaluate(Activation(Self.facts), tracer: trace)
        #expect(v.boolValue == true)
        for part in program.conjuncts {
            #expect(trace[part.id]?.boolValue == true)
        }
        #expect(trace.values.count >= 7)
    }

    @Test func programsAreReusableAcrossBindings() throws {
        let program = try Program.compileReportingOffsets("n * 2")
        #expect(program.evaluate(["n": .int(2)]).intValue == 4)
        #expect(program.evaluate(["n": .int(5)]).intValue == 10)
        #expect(program.evaluate([:]).isError)
    }
}

@Suite struct ExprConcurrencyTests {
    /// Programs are immutable and each evaluation has its own frame: sharing one program (and
    /// protocol evaluators per thread) across threads must give the same answers as one thread.
    @Test func evaluatesConcurrently() throws {
        let program = try Program.compileReportingOffsets(
            "history.filter(r, r.outcome == 'ok' && r.surface.matches('^a')).map(r, r.n).exists(n, n > 3)")
        var runs: [Value] = []
        for i in 0..<40 {
            let outcome: Value = .string(i % 3 == 0 ? "ok" : "bad")
            let surface: Value = .string(i % 2 == 0 ? "api" : "cli")
            runs.append(Value.map([("outcome", outcome), ("surface", surface), ("n", .int(Int64(i)))]))
        }
        let facts = Activation(["history": .list(runs)])
        let expected = program.evaluate(facts).boolValue
        let lines = (0..<200).map { i in
            #"{"id":"\#(i)","expr":"x.size() + \#(i % 7)","bindings":{"x":{"listValue":{"values":[{"stringValue":"a"}]}}}}"#
        }
        final class Box: @unchecked Sendable { var failures = 0 }
        let box = Box()
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            var evaluator = JSONLEvaluator()
            var bad = 0
            for (i, line) in lines.enumerated() {
                if program.evaluate(facts).boolValue != expected { bad += 1 }
                var out: [UInt8] = []
                var copy = line
                copy.withUTF8 { evaluator.process(line: $0, into: &out) }
                let want = #"{"id":"\#(i)","value":{"int64Value":"\#(1 + i % 7)"}}"# + "\n"
                if String(decoding: out, as: UTF8.self) != want { bad += 1 }
            }
            if bad > 0 { lock.lock(); box.failures += bad; lock.unlock() }
            _ = k
        }
        #expect(box.failures == 0)
    }
}
