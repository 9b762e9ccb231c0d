import Testing
@testable import LoopXRules

/// Every load error, rendered in full: `path:line:col: error: message`, the line, the caret.
@Suite struct RuleLoadingErrorTests {
    typealias S = RuleTestSupport

    static let stageHeader = "stage: s\ndescription: d\nmode: first_match\nrules:\n"

    func errors(_ body: String, path: String = "Rules/s.yaml") -> String {
        S.loadErrors([S.builtin([(path, Self.stageHeader + body)])])
    }

    @Test func unknownKeySuggestsTheClosestOne() {
        #expect(errors("  - id: s.a\n    description: x\n    when: 'true'\n    promt: hi\n") == """
            Rules/s.yaml:8:5: error: unknown key 'promt' in rule (did you mean 'prompt'?)
                promt: hi
                ^
            """)
    }

    @Test func allErrorsOfALoadAreReportedInFileOrder() {
        let rendered = errors("""
              - id: s.a
                description: x
                priority: high
                whne: true
              - id: Bad.Id
                description: y
                when: "a &&"

            """)
        #expect(rendered == """
            Rules/s.yaml:5:5: error: rule is missing the required key 'when'
              - id: s.a
                ^
            Rules/s.yaml:7:15: error: 'priority' must be an integer, found a string
                priority: high
                          ^
            Rules/s.yaml:8:5: error: unknown key 'whne' in rule (did you mean 'when'?)
                whne: true
                ^
            Rules/s.yaml:9:9: error: invalid rule id 'Bad.Id': use lowercase 'prefix.snake_case' (letters, digits, '_', parts separated by '.')
              - id: Bad.Id
                    ^
            Rules/s.yaml:11:16: error: unexpected end of expression
                when: "a &&"
                           ^
            """)
    }

    @Test(arguments: [
        // A plain scalar: the error column is the column in the file.
        ("    when: a == 1 )\n", "Rules/s.yaml:7:18: error:", "    when: a == 1 )\n                 ^"),
        // Single-quoted: '' is one character of the text but two in the file.
        ("    when: 'a == ''x'' &&'\n", "Rules/s.yaml:7:25: error:", "    when: 'a == ''x'' &&'\n                        ^"),
        // A literal block: the second line of the expression, past its indentation.
        ("    when: |\n      a == 1 &&\n        b == )\n", "Rules/s.yaml:9:14: error:", "        b == )\n             ^"),
        // A folded block scalar.
        ("    when: >\n      a == 1\n      && b ==\n", "Rules/s.yaml:9:14: error:", "      && b ==\n             ^"),
    ])
    func expressionErrorsPointIntoTheScalar(when: String, prefix: String, caret: String) {
        let rendered = errors("  - id: s.a\n    description: x\n" + when)
        #expect(rendered.hasPrefix(prefix), "\(rendered)")
        #expect(rendered.hasSuffix(caret), "\(rendered)")
    }

    @Test func templateExpressionErrorsPointInsideTheString() {
        let rendered = errors("  - id: s.a\n    description: x\n    when: 'true'\n    then: {why: \"a ${1 + } b\"}\n")
        #expect(rendered == """
            Rules/s.yaml:8:26: error: unexpected end of expression
                then: {why: "a ${1 + } b"}
                                     ^
            """)
    }

    @Test func unterminatedTemplate() {
        #expect(errors("  - id: s.a\n    description: x\n    when: 'true'\n    then: {why: \"a ${b\"}\n") == """
            Rules/s.yaml:8:20: error: unterminated '${': close the expression with '}' (write '$${' for a literal '${')
                then: {why: "a ${b"}
                               ^
            """)
    }

    @Test func duplicateIdsAcrossLayersNameTheFirstDefinition() {
        let rendered = S.loadErrors([
            S.builtin([("Rules/s.yaml", Self.stageHeader + "  - id: s.a\n    description: x\n    when: 'true'\n")]),
            S.layer(.project, [("p/local.yaml", "rules:\n  - id: s.a\n    stage: s\n    when: 'false'\n")]),
        ])
        #expect(rendered == """
            p/local.yaml:2:9: error: duplicate rule id 's.a': already defined at Rules/s.yaml:5 (builtin layer); a later layer changes a rule with overrides.patch
              - id: s.a
                    ^
            """)
    }

    @Test func aStageReadingALaterStageIsAnError() {
        let pipeline = "decisions:\n  d: [first, second]\n"
        let rendered = S.loadErrors([S.builtin(pipeline: pipeline, [
            ("Rules/first.yaml", "stage: first\nmode: first_match\nrules:\n  - id: first.a\n    description: x\n    when: second.ok\n"),
            ("Rules/second.yaml", "stage: second\nmode: first_match\nrules:\n  - id: second.a\n    description: x\n    when: first.rule_id != null\n"),
        ])])
        #expect(rendered == """
            Rules/first.yaml:6:11: error: stage 'first' reads 'second', which does not run before it in decision 'd' (see pipeline.yaml)
                when: second.ok
                      ^
            """)
    }

    @Test func wrongTypesAndBadEnumValues() {
        let rendered = S.loadErrors([S.builtin([("Rules/s.yaml", """
            stage: s
            mode: first_mach
            on_error: explode
            rules:
              - id: s.a
                description: x
                when: 'true'
                locked: maybe
                then: [1]
            """)])])
        #expect(rendered == """
            Rules/s.yaml:2:7: error: 'mode' must be one of first_match, all_matches, found 'first_mach' (did you mean 'first_match'?)
            mode: first_mach
                  ^
            Rules/s.yaml:3:11: error: 'on_error' must be one of skip, fail_closed, abort, found 'explode'
            on_error: explode
                      ^
            Rules/s.yaml:8:13: error: 'locked' must be true or false, found a string
                locked: maybe
                        ^
            Rules/s.yaml:9:11: error: 'then' must be a mapping, found a sequence
                then: [1]
                      ^
            """)
    }

    @Test func stageMissingFromThePipelineAndPipelineStageWithoutFile() {
        let rendered = S.loadErrors([S.builtin(pipeline: "decisions:\n  d: [s, t]\n", [
            ("Rules/s.yaml", "stage: ss\nmode: all_matches\n"),
        ])])
        #expect(rendered == """
            Rules/s.yaml:1:8: error: stage 'ss' is not in any decision of pipeline.yaml (did you mean 's'?)
            stage: ss
                   ^
            Rules/pipeline.yaml:2:7: error: no stage file declares stage 's'
              d: [s, t]
                  ^
            Rules/pipeline.yaml:2:10: error: no stage file declares stage 't'
              d: [s, t]
                     ^
            """)
    }

    @Test func yamlSyntaxErrorsComeFromTheLoader() {
        let rendered = errors("  - id: s.a\n    when: [unclosed\n")
        #expect(rendered.hasPrefix("Rules/s.yaml:"), "\(rendered)")
        #expect(rendered.contains("error:"))
    }

    @Test func variablesMayOnlyUseEarlierOnes() {
        let rendered = S.loadErrors([S.builtin([("Rules/s.yaml", """
            stage: s
            mode: first_match
            variables:
              a: b + 1
              b: 2
            rules: []
            """)])])
        #expect(rendered == """
            Rules/s.yaml:4:6: error: variable 'a' uses 'b', which is not defined before it; a variable may only use earlier ones
              a: b + 1
                 ^
            """)
    }
}
