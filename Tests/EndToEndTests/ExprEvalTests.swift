import Foundation
import Testing
import LoopXRules

@Suite struct ExprEvalCommandTests {
    @Test func printsValuesAsCELLiteralsOrJSON() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("facts.json", #"{"history": [{"ok": true}, {"ok": true}, {"ok": false}], "n": 2}"#)
        let facts = runner.home.path + "/facts.json"
        let literal = try runner.run(["expr", "eval", "history.streak(r, r.ok) == n ? {'s': 2u} : {}", "--facts", facts])
        #expect(literal.status == 0, "\(literal.stderr)")
        #expect(literal.stdout == "{\"s\": 2u}\n")
        let json = try runner.run(["--format", "json", "expr", "eval", "[now, duration('90s')]"])
        #expect(json.stdout == #"{"value":["2026-01-01T08:00:00Z","90s"]}"# + "\n")
    }

    @Test func readsYAMLFacts() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("facts.yaml", "goal:\n  adapter:\n    kind: codex\n")
        let r = try runner.run(["expr", "eval", "goal.adapter.kind", "--facts", runner.home.path + "/facts.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\"codex\"\n")
    }

    @Test func exitsOneOnEvaluationErrorsAndTwoOnSyntaxErrors() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let eval = try runner.run(["expr", "eval", "1 + x"])
        #expect(eval.status == 1)
        #expect(eval.stderr == "<expr>:1:5: error: undeclared reference to 'x'\n1 + x\n    ^\n")
        let parse = try runner.run(["expr", "eval", "1 + (2"])
        #expect(parse.status == 2)
        #expect(parse.stderr.hasPrefix("<expr>:1:7: error: expected ')'"))
    }

    @Test func servesJSONLinesInOrder() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let input = #"{"id":"a","expr":"x * 2","bindings":{"x":{"int64Value":"21"}}}"# + "\n" + "garbage\n"
            + #"{"id":"b","expr":"x * 2","bindings":{"x":{"int64Value":"4"}}}"# + "\n"
        let r = try runner.run(["expr", "eval", "--jsonl"], stdin: input)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == #"{"id":"a","value":{"int64Value":"42"}}"#)
        #expect(lines[1].hasPrefix(#"{"error":"malformed request"#))
        #expect(lines[2] == #"{"id":"b","value":{"int64Value":"8"}}"#)
    }
}
