import LoopXSupport
import Testing
@testable import LoopXRules

/// The fixture runner: parsing, pass/fail with near-miss explanations, coverage, formats.
@Suite struct RuleFixtureTests {
    typealias S = RuleTestSupport

    static let rules = """
        stage: s
        mode: first_match
        defaults: {state: idle}
        rules:
          - id: s.busy
            description: x
            priority: 10
            when: load > 5 && owner != ""
            then: {state: busy}
          - id: s.late
            description: x
            when: now > timestamp("2026-06-01T00:00:00Z")
            then: {state: late}
        """

    static let facts = "facts:\n  now: timestamp\n  load: int\n  owner: string\ndefaults: {load: 0, owner: ana}\n"

    func ruleSet() throws -> RuleSet {
        try RuleSet.load(layers: [S.builtin(pipeline: "decisions:\n  d: [s]\n", [
            ("Rules/facts.yaml", Self.facts), ("Rules/s.yaml", Self.rules),
        ])], now: S.now)
    }

    func run(_ fixtures: String, builder: (any ProjectFixtureBuilder)? = nil) throws -> TestRunReport {
        let runner = FixtureRunner(ruleSet: try ruleSet(), projectBuilder: builder)
        let files = try runner.parse([.init(file: RuleSourceFile(path: "t.test.yaml", text: fixtures), directory: "/fx")])
        return runner.run(files)
    }

    @Test func passingAndFailingFixturesWithTheNearMiss() throws {
        let report = try run("""
            tests:
              - name: busy when loaded
                decision: d
                now: 2026-01-01T00:00:00Z
                facts: {load: 9}
                expect: {s.state: busy, fired: [s.busy], not_fired: [s.late]}
              - name: wrongly expects busy
                decision: d
                now: 2026-01-01T00:00:00Z
                facts: {load: 2}
                expect: {s.state: busy}
            """)
        #expect(report.text(coverage: false) == """
            PASS t.test.yaml:2: busy when loaded
            FAIL t.test.yaml:7: wrongly expects busy
              expected s.state = "busy"
                   got "idle"
                stage s: no rule matched
                - not_fired `s.busy` (priority 10, builtin Rules/s.yaml:5)
                  - false: `load > 5`
                    - load = `2`
                - not_fired `s.late` (priority 0, builtin Rules/s.yaml:10)
                  - false: `now > timestamp("2026-06-01T00:00:00Z")`
                    - now = `timestamp("2026-01-01T00:00:00Z")`
            1 passed, 1 failed

            """)
    }

    @Test func wholeObjectsCompareRegardlessOfKeyOrderAndNumbersByValue() throws {
        let report = try run("""
            tests:
              - name: object
                decision: d
                now: 2026-07-01T00:00:00Z
                expect: {s: {rule_id: s.late, state: late}}
            """)
        #expect(report.summaryLine == "1 passed, 0 failed")
    }

    @Test func projectFixturesAreSkippedWithoutABuilder() throws {
        let report = try run("tests:\n  - name: p\n    project: fixtures/x\n    goal: demo\n    expect: {decision: run}\n")
        #expect(report.summaryLine == "0 passed, 0 failed, 1 skipped")
        #expect(report.text(coverage: false).hasPrefix("SKIP t.test.yaml:2: p (project fixtures need the fact builder"))
    }

    struct FakeBuilder: ProjectFixtureBuilder {
        func build(_ request: ProjectFixtureRequest) throws(ProjectFixtureFailure) -> ProjectFixtureFacts {
            guard request.directory == "/fx/fixtures/x", request.goal == "demo" else { throw ProjectFixtureFailure("wrong request") }
            return ProjectFixtureFacts(
                facts: ["load": .int(7), "owner": .string("bo")], now: RuleTestSupport.now, decision: "d",
                assemble: { result in .object(["decision": .string(result.firedRuleIDs.isEmpty ? "skip" : "run")]) })
        }
    }

    @Test func projectFixturesGoThroughTheBuilderHook() throws {
        let report = try run(
            "tests:\n  - name: p\n    project: fixtures/x\n    goal: demo\n    decision: d\n    expect: {decision: run, s.state: busy}\n",
            builder: FakeBuilder())
        #expect(report.summaryLine == "1 passed, 0 failed")
    }

    @Test func coverageCountsFiringAndNonFiringFixtures() throws {
        let report = try run("""
            tests:
              - {name: a, decision: d, now: 2026-01-01T00:00:00Z, facts: {load: 9}, expect: {s.state: busy}}
              - {name: b, decision: d, now: 2026-01-01T00:00:00Z, expect: {s.state: idle}}
            """)
        #expect(report.coverage.map { "\($0.id) \($0.firedIn)/\($0.notFiredIn)" } == ["s.busy 1/1", "s.late 0/2"])
        #expect(report.coveragePercent == 75)
        #expect(report.unpaired.map(\.id) == ["s.late"])
        #expect(report.text(coverage: true).contains("  gap  s.late: NEVER FIRED, not fired in 2\n"))
    }

    @Test func junitAndJSONFormats() throws {
        let report = try run("""
            tests:
              - {name: "a <b>", decision: d, now: 2026-01-01T00:00:00Z, expect: {s.state: busy}}
            """)
        #expect(report.junit.contains(#"<testsuite name="t.test.yaml" tests="1" failures="1" skipped="0">"#))
        #expect(report.junit.contains(#"<testcase classname="t.test.yaml" name="a &lt;b&gt;""#))
        #expect(report.junit.contains(#"<failure message="expected s.state = &quot;busy&quot;">"#))
        #expect(report.json["failed"] == .int(1))
        #expect(report.json["tests"]?.arrayValue?.first?["status"] == .string("failed"))
    }

    @Test func invalidFixturesAreReportedTogetherWithPositions() throws {
        let runner = FixtureRunner(ruleSet: try ruleSet())
        #expect(throws: DiagnosticList.self) {
            try runner.parse([.init(file: RuleSourceFile(path: "bad.test.yaml", text: ""), directory: "/")])
        }
        func rendered(_ text: String) -> String {
            do {
                _ = try runner.parse([.init(file: RuleSourceFile(path: "bad.test.yaml", text: text), directory: "/")])
                return "<parsed without errors>"
            } catch {
                return error.rendered
            }
        }
        do {
            #expect(rendered("""
                tests:
                  - name: x
                    decison: d
                    now: yesterday
                    expect: {fired: [s.bussy], st.state: 1}
                """) == """
                bad.test.yaml:3:5: error: unknown key 'decison' in test (did you mean 'decision'?)
                    decison: d
                    ^
                bad.test.yaml:4:10: error: 'now' must be an RFC 3339 timestamp such as 2026-01-01T08:00:00Z
                    now: yesterday
                         ^
                """)
        }
        do {
            #expect(rendered("""
                tests:
                  - name: x
                    decision: d
                    now: 2026-01-01T00:00:00Z
                    expect: {fired: [s.bussy], st.state: 1}
                """) == """
                bad.test.yaml:5:22: error: unknown rule 's.bussy' (did you mean 's.busy'?)
                    expect: {fired: [s.bussy], st.state: 1}
                                     ^
                bad.test.yaml:5:32: error: 'st.state' names no stage of decision 'd' (did you mean 's'?)
                    expect: {fired: [s.bussy], st.state: 1}
                                               ^
                """)
        }
    }

    @Test func factsTakeSchemaTypesAndBadTimestampsErrorTheTest() throws {
        let report = try run("""
            tests:
              - {name: bad, decision: d, now: 2026-01-01T00:00:00Z, facts: {load: 1}, expect: {s.state: idle}}
            """)
        #expect(report.passed == 1)
        let set = try ruleSet()
        let converted = set.schema.bindings(from: ["now": "not a time", "load": 3])
        #expect(converted.problems == ["now: 'not a time' is not an RFC 3339 timestamp"])
    }
}
