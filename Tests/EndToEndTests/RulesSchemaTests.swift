import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// `rules schema` (kept in docs/), `rules check --strict`, and `expr eval --check`.
@Suite struct RulesSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theDocsCopyOfTheSchemaIsWhatTheCommandPrints() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["rules", "schema"])
        #expect(result.status == 0)
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/rules.schema.json"), encoding: .utf8)
        #expect(result.stdout == docs)
        let schema = try JSONParser.parse(result.stdout)
        #expect(schema["$defs"]?["layer_file"]?["properties"]?["overrides"]?["properties"]?["waivers"] != nil)
        let waiver = schema["$defs"]?["layer_file"]?["properties"]?["overrides"]?["properties"]?["waivers"]?["additionalProperties"]
        #expect(waiver?["required"] == ["owner", "reason", "expires"])
        #expect(schema["$defs"]?["stage_file"]?["properties"]?["direction"]?["enum"] == ["any", "tighten_only"])
    }

    @Test func strictTurnsTheLintersWarningsIntoErrors() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("extra.yaml", """
            rules:
              - id: project.never
                stage: should_run
                when: "false"
                then: {decision: skip}

            """)
        let relaxed = try runner.run(["rules", "check", "--rules", "extra.yaml"])
        #expect(relaxed.status == 0, "\(relaxed.stdout)")
        #expect(relaxed.stdout.contains("extra.yaml:4:11: warning: rule 'project.never' can never fire: its condition is literally false"))
        let strict = try runner.run(["rules", "check", "--strict", "--rules", "extra.yaml"])
        #expect(strict.status == 3)
        #expect(strict.stdout.contains("extra.yaml:4:11: error: rule 'project.never' can never fire"))
        #expect(strict.stdout.hasSuffix("1 error(s), 0 warning(s)\n"))
        let builtin = try runner.run(["rules", "check", "--strict"])
        #expect(builtin.status == 0, "the built-in rules lint clean: \(builtin.stdout)")
    }

    @Test func exprEvalCheckTypeChecksBeforeEvaluating() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let plain = try runner.run(["expr", "eval", "1 + \"a\" == \"b\" || true"])
        #expect(plain.stdout == "true\n")
        let checked = try runner.run(["expr", "eval", "--check", "size(1) > 0"])
        #expect(checked.status == 2)
        #expect(checked.stderr.hasPrefix("<expr>:1:1: error: no matching overload for 'size(int)'"), "\(checked.stderr)")
        let lines = """
            {"id": "a", "expr": "x + 1", "bindings": {"x": {"int64Value": "1"}}}
            {"id": "b", "expr": "x + 'a'", "bindings": {"x": {"int64Value": "1"}}}

            """
        let jsonl = try runner.run(["expr", "eval", "--jsonl", "--check"], stdin: lines)
        #expect(jsonl.stdout == """
            {"id":"a","value":{"int64Value":"2"}}
            {"error":"type error: no matching overload for 'int + string' (at offset 2)","id":"b"}

            """)
    }
}
