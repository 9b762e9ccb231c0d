import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// Plain output a person can act on: should-run's Markdown leads with the decision, the
/// recommended action, the guidance and the deciding rule, then a line per stage with its
/// near miss; the same `why_not` is in the JSON of should-run and `gate check` without
/// `--trace`; `--trace` prints stage outputs as wrapped key/value lines.
@Suite struct WhyNotTests {
    func fixture(_ runner: LoopXRunner) throws -> GoalFixture {
        try GoalFixture(runner: runner, goals: [.init(id: "app")])
    }

    @Test func shouldRunMarkdownLeadsWithWhatToDoThenOneLinePerStage() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        let (_, json) = try fixture.json(["quota", "should-run", "--goal-id", "app", "--read-only"])
        let answer = try #require(json)
        let result = try runner.run(["quota", "should-run", "--goal-id", "app", "--read-only"], cwd: fixture.project)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[2] == "- decision: **\(answer["decision"]?.stringValue ?? "?")** (should_run: \(answer["should_run"] == true))")
        #expect(lines[3] == "- recommended action: \(answer["recommended_action"]?.stringValue ?? "?")", "\(result.stdout)")
        let guidance = answer["guidance"]?.arrayValue ?? []
        #expect(!guidance.isEmpty)
        for (offset, entry) in guidance.enumerated() {
            #expect(lines[4 + offset] == "- guidance (`\(entry["rule"]?.stringValue ?? "")`): \(entry["prompt"]?.stringValue ?? "")")
        }
        let decider = answer["rule_trace"]?.arrayValue?.first { $0["stage"] == "should_run" }?["rules"]?.arrayValue?.first?["id"]?.stringValue ?? "?"
        #expect(lines[4 + guidance.count].hasPrefix("- deciding rule: `\(decider)` (builtin Rules/should_run.yaml:"))

        let stages = answer["rule_trace"]?.arrayValue?.compactMap { $0["stage"]?.stringValue } ?? []
        let start = try #require(lines.firstIndex(of: "## Stages"))
        let stageLines = lines[(start + 2)...].prefix { !$0.isEmpty }
        #expect(stageLines.map { $0.split(separator: "*")[1] }.map(String.init) == stages.map { $0 })
        let whyNot = answer["why_not"]?.arrayValue ?? []
        #expect(!whyNot.isEmpty)
        for miss in whyNot {
            let stage = miss["stage"]?.stringValue ?? ""
            let line = stageLines.first { $0.hasPrefix("- **\(stage)** → ") } ?? ""
            #expect(line.contains("; would have been `\(miss["would_be"]?.stringValue ?? "")` (`\(miss["rule"]?.stringValue ?? "")`) if `\(miss["condition"]?.stringValue ?? "")` were true"), "\(line)")
        }
        #expect(!result.stdout.contains("## Rule trace"), "the full trace only with --trace")
    }

    @Test func whyNotIsTheSameWithAndWithoutTrace() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        let (_, plain) = try fixture.json(["quota", "should-run", "--goal-id", "app", "--read-only"])
        let (_, traced) = try fixture.json(["quota", "should-run", "--goal-id", "app", "--read-only", "--trace"])
        let miss = plain?["why_not"]?.arrayValue?.first { $0["stage"] == "quota" }
        #expect(miss?["rule"] == "quota.throttled")
        #expect(miss?["condition"] == "spent_slots >= allowed_slots")
        #expect(miss?["would_be"] == #"state: "throttled""#)
        #expect(miss?["facts"]?["spent_slots"] == 0)
        #expect(plain?["why_not"] == traced?["why_not"])
        #expect(plain?["rule_trace"]?.arrayValue?.allSatisfy { $0["evaluated"] == nil } == true, "compact trace without --trace")
        #expect(traced?["rule_trace"]?.arrayValue?.allSatisfy { $0["evaluated"] != nil } == true)
    }

    @Test func gateCheckAnswersWhyNotWithoutTrace() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        let (result, json) = try fixture.json(["gate", "check", "--goal-id", "app", "--kind", "push", "--ref", "main", "--read-only"])
        #expect(result.status == 1)
        let miss = json?["why_not"]?.arrayValue?.first
        #expect(miss?["stage"] == "boundary_gates")
        #expect(miss?["would_be"] == #"gate: "allow""#)
        #expect(miss?["condition"] == "action.validated")
        #expect(miss?["facts"]?["action.validated"] == false)
        let markdown = try runner.run(["gate", "check", "--goal-id", "app", "--kind", "push", "--ref", "main", "--read-only"], cwd: fixture.project)
        #expect(markdown.stdout.contains("## Why not\n\n- **boundary_gates**: would have been `gate: \"allow\"`"))
    }

    @Test func theTracePrintsStageOutputsAsWrappedKeyValueLines() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        let result = try runner.run(["quota", "should-run", "--goal-id", "app", "--read-only", "--trace"], cwd: fixture.project)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let output = try #require(lines.firstIndex(of: "  - output:") )
        #expect(lines[output + 1].hasPrefix("    - "))
        #expect(!lines.contains { $0.hasPrefix("  - output: `{") })
        // Every line of every stage output block (from `  - output:` to the next `  - ` line).
        var outputBlocks: [String] = []
        var inOutput = false
        for line in lines {
            if line == "  - output:" { inOutput = true; continue }
            if inOutput, !line.hasPrefix("    ") { inOutput = false }
            if inOutput { outputBlocks.append(line) }
        }
        #expect(outputBlocks.count > 20)
        let long = outputBlocks.filter { $0.count > 100 && $0.contains(" ") && $0.count > 100 + 30 }
        #expect(long.isEmpty, "\(long)")
        #expect(lines.contains("    - decision: `\"skip\"`") || lines.contains { $0.hasPrefix("    - decision: `") })
    }
}

/// `rules explain --decision gate` takes the proposed action the way `gate check` does.
@Suite struct GateExplainTests {
    @Test func explainingAGateDecisionTakesTheActionLikeGateCheck() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try patchGoal(fixture, "app", ["coordination": ["write_scope": ["docs/**"]]])
        let action = ["--kind", "write", "--path", "src/main.swift"]
        let (_, gate) = try fixture.json(["gate", "check", "--goal-id", "app", "--read-only"] + action)
        let (explained, json) = try fixture.json(["rules", "explain", "--goal-id", "app", "--decision", "gate"] + action)
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(json?["facts"]?["action"]?["kind"] == "write")
        #expect(json?["facts"]?["action"]?["paths"] == ["src/main.swift"])
        let gated = gate?["rules"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(gated.contains("boundary_gates.outside_write_scope"), "\(gated)")
        let trace = JSONWriter().string(json ?? .null)
        for id in gated { #expect(trace.contains(id)) }
        let misuse = try runner.run(["rules", "explain", "--goal-id", "app", "--kind", "write"], cwd: fixture.project)
        #expect(misuse.status == 2, "\(misuse.stderr)")
    }
}
