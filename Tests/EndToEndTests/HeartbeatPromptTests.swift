import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// `loopx heartbeat-prompt` on real projects: a goal before its first map, a mapped goal and a
/// goal waiting at an operator gate, in every variant.
@Suite struct HeartbeatPromptTests {
    static let variants: [(flag: String?, mode: String)] = [(nil, "full"), ("--compact", "compact"), ("--brief", "brief"), ("--thin", "thin")]

    /// Three goals in one project: `first-map` (no run yet), `mapped` (a read-only map run) and
    /// `gated` (an operator gate deferred).
    static func project(_ runner: LoopXRunner) throws -> GoalFixture {
        let fixture = try GoalFixture(runner: runner, goals: [
            // A mapped goal with nothing pending: no todos and a Next Action that names no work
            // (an executable one without a todo would be a state projection gap).
            .init(id: "first-map"), .init(id: "mapped", state: GoalFixture.defaultState.replacingOccurrences(
                of: "## Agent Todo\n\n- [ ] [P1] Wire the outcome floor into the status page\n- [ ] [P2] Document the reward overlay\n\n", with: "")
                .replacingOccurrences(of: "- validate the parser against the fixture corpus", with: "- nothing pending; watch the repository for new material")),
            .init(id: "gated", adapterKind: "generic_project_goal_v0", adapterStatus: "connected"),
        ])
        try fixture.addRun("mapped", at: "2025-12-31T06:00:00Z", classification: "read_only_project_map")
        try fixture.addRun("gated", at: "2025-12-31T06:00:00Z", classification: "operator_gate_deferred", extra: [
            "operator_gate": ["decision": "defer", "gate": "read_only_map_opt_in", "operator_question": "Approve the map for gated?"],
        ])
        return fixture
    }

    static func guardCommand(_ cli: String, _ goal: String) -> String {
        "\(cli) --format json --registry \"$HOME/.codex/loopx/registry.global.json\" quota should-run --goal-id \(goal)"
    }

    @Test(arguments: [("first-map", "run_first_read_only_map"), ("mapped", "mapped_noop_if_unchanged"), ("gated", "ask_operator_gate")])
    func everyVariantCarriesTheGuardAndTheFullBodyCoversTheGuardsBranch(goal: String, mode: String) throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try Self.project(runner)
        for variant in Self.variants {
            let (result, json) = try fixture.json(["heartbeat-prompt", "--goal-id", goal] + (variant.flag.map { [$0] } ?? []))
            #expect(result.status == 0, "\(result.stderr)")
            let body = json?["task_body"]?.stringValue ?? ""
            #expect(json?["quota_guard_command"]?.stringValue == Self.guardCommand("loopx", goal))
            #expect(body.contains(Self.guardCommand("loopx", goal)), "\(variant.mode) lacks the guard")
            #expect(body.contains("quota spend-slot --goal-id \(goal) --slots 1 --source heartbeat --execute"))
            #expect(body.contains("refresh-state --goal-id \(goal) --classification"))
            #expect(body.contains("--delivery-batch-scale") && body.contains("--delivery-outcome"))
            let budget = json?["interface_budget"]
            #expect(budget?["mode"]?.stringValue == variant.mode)
            #expect(budget?["budget_char_count"]?.intValue == Int64(body.count))
            let max = budget?["max_chars"]?.intValue ?? 0
            #expect(budget?["within_budget"]?.boolValue == (Int64(body.count) <= max))
            #expect(json?["thin"]?.boolValue == (variant.mode == "thin"))
            if variant.mode == "thin" {
                // The original's thin body is about 1,025 characters against a 1,500 budget;
                // ours keeps every invariant below the same budget.
                #expect(max == 1500)
                #expect(body.count <= 1500, "thin body is \(body.count) characters")
                for invariant in ["loopx-project skill", "doctor", "Preflight fails", "should_run=false", "should_run=true",
                                  "must_attempt_work=true", "DONT_NOTIFY", "gate check --goal-id", "exit 1: stop",
                                  "spend once", "Stop for private material, credentials, destructive git"] {
                    #expect(body.contains(invariant), "thin body lacks \(invariant)")
                }
            }
        }
        // The guard picks the goal's branch, and the full body carries that rule's guidance.
        let (_, decision) = try fixture.json(["quota", "should-run", "--goal-id", goal])
        #expect(decision?["heartbeat_recommendation"]?["recommended_mode"]?.stringValue == mode)
        let guidance = decision?["guidance"]?.arrayValue ?? []
        let heartbeatGuidance = guidance.first { $0["stage"] == "heartbeat_recommendation" }?["prompt"]?.stringValue ?? "missing"
        let (_, full) = try fixture.json(["heartbeat-prompt", "--goal-id", goal])
        let body = full?["task_body"]?.stringValue ?? ""
        #expect(body.contains("- `\(mode)`: " + heartbeatGuidance.replacingOccurrences(of: "<goal>", with: goal)))
    }

    @Test func theCLIBinIsUsedForEveryEmbeddedCommand() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try Self.project(runner)
        for variant in Self.variants {
            let (result, json) = try fixture.json(
                ["heartbeat-prompt", "--goal-id", "mapped", "--cli-bin", "loopx-canary", "--agent-id", "codex-main"]
                    + (variant.flag.map { [$0] } ?? []))
            #expect(result.status == 0, "\(result.stderr)")
            let body = json?["task_body"]?.stringValue ?? ""
            #expect(body.contains(Self.guardCommand("loopx-canary", "mapped") + " --agent-id codex-main"))
            #expect(body.contains("command -v loopx-canary"))
            #expect(json?["cli_bin"]?.stringValue == "loopx-canary")
            // No command line or inline command still calls the default CLI.
            for line in body.split(separator: "\n") {
                #expect(!line.hasPrefix("loopx ") && !line.contains("`loopx "), "\(variant.mode): \(line)")
            }
            #expect(json?["compact_prompt_command"]?.stringValue
                == "loopx-canary heartbeat-prompt --compact --goal-id mapped --cli-bin loopx-canary --agent-id codex-main")
        }
    }

    @Test func aProjectRuleWithPromptGuidanceChangesTheBody() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try Self.project(runner)
        let (_, before) = try fixture.json(["heartbeat-prompt", "--goal-id", "mapped", "--compact"])
        try runner.write("proj/.loopx/rules/release.yaml", """
            rules:
              - id: project.release_captain
                stage: heartbeat_recommendation
                priority: 850
                when: state.next_action.contains("release")
                then:
                  recommended_mode: release_captain_check
                guidance: {label: release_captain_check}
                prompt: Ping the release captain before you start release work.
            """)
        let (result, after) = try fixture.json(["heartbeat-prompt", "--goal-id", "mapped", "--compact"])
        #expect(result.status == 0, "\(result.stderr)")
        let body = after?["task_body"]?.stringValue ?? ""
        #expect(body.contains("- `release_captain_check`: Ping the release captain before you start release work."))
        #expect(body != before?["task_body"]?.stringValue)
        let layers = after?["rule_guidance"]?.arrayValue?.filter { $0["rule"] == "project.release_captain" }.map { $0["layer"] }
        #expect(layers == [.string("project")])
        // Priority 850 ranks it after the should_run=false catch-all: it is a should_run=true mode.
        let (_, full) = try fixture.json(["heartbeat-prompt", "--goal-id", "mapped"])
        let text = full?["task_body"]?.stringValue ?? ""
        let running = text.range(of: "When should_run=true:")
        let added = text.range(of: "`release_captain_check`")
        #expect(running != nil && added != nil && running!.lowerBound < added!.lowerBound)
    }

    /// The body is built from the rules' declared `guidance:`, not from the text of their
    /// conditions: rewriting the should_run=false catch-all's `when` changes nothing.
    @Test(arguments: ["should_run.should_run == false", "should_run.should_run != true", "!(should_run.should_run)"])
    func rewritingTheSkipCatchAllsConditionKeepsTheBody(condition: String) throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try Self.project(runner)
        let (_, before) = try fixture.json(["heartbeat-prompt", "--goal-id", "mapped"])
        try runner.write("proj/.loopx/rules/skip.yaml", """
            overrides:
              patch:
                heartbeat.quota_skip:
                  when: '\(condition)'
            """)
        let (result, after) = try fixture.json(["heartbeat-prompt", "--goal-id", "mapped"])
        #expect(result.status == 0, "\(result.stderr)")
        let body = try #require(after?["task_body"]?.stringValue)
        #expect(body == before?["task_body"]?.stringValue)
        #expect(body.contains("when should_run=false:"))
    }

    @Test func anUnknownGuidanceSectionIsAPositionedError() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try Self.project(runner)
        try runner.write("proj/.loopx/rules/bad.yaml", """
            overrides:
              patch:
                heartbeat.quota_skip:
                  guidance: {section: skiping}
            """)
        let result = try runner.run(["heartbeat-prompt", "--goal-id", "mapped"], cwd: fixture.project)
        #expect(result.status == 3)
        #expect(result.stderr.contains(
            ".loopx/rules/bad.yaml:4:27: error: 'section' must be one of first, skipping, running, obligation, delivery_contract, gate, found 'skiping' (did you mean 'skipping'?)"),
            "\(result.stderr)")
    }

    @Test func activeStateComesFromTheProjectThenTheGlobalRegistryUnlessExplicit() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try Self.project(runner)
        let (_, project) = try fixture.json(["heartbeat-prompt", "--goal-id", "mapped", "--thin"])
        #expect(project?["active_state_source"]?.stringValue == "registry:\(fixture.project.path)/.loopx/registry.json")
        #expect(project?["resolved_active_state"]?.stringValue == "\(fixture.project.path)/.codex/goals/mapped/ACTIVE_GOAL_STATE.md")
        let (_, explicit) = try fixture.json(["heartbeat-prompt", "--goal-id", "mapped", "--active-state", "elsewhere/STATE.md"])
        #expect(explicit?["active_state_source"]?.stringValue == "explicit")
        #expect(explicit?["task_body"]?.stringValue?.contains("\(fixture.project.path)/elsewhere/STATE.md") == true)
        #expect(explicit?["expanded_prompt_command"]?.stringValue?.hasSuffix("--active-state elsewhere/STATE.md") == true)
        // The thin body names the state file only when it was overridden.
        let (_, thinExplicit) = try fixture.json(["heartbeat-prompt", "--goal-id", "mapped", "--thin", "--active-state", "elsewhere/STATE.md"])
        #expect(thinExplicit?["task_body"]?.stringValue?.contains("(state: `\(fixture.project.path)/elsewhere/STATE.md`)") == true)
        #expect(project?["task_body"]?.stringValue?.contains("ACTIVE_GOAL_STATE.md") == false)

        // From another directory the project registry is absent: the global registry names the goal.
        let sync = try runner.run(["sync-global", "--runtime-root", fixture.runtimeRoot.path], cwd: fixture.project)
        #expect(sync.status == 0, "\(sync.stderr)")
        try runner.write("elsewhere/.keep", "")
        let away = try runner.run(
            ["heartbeat-prompt", "--goal-id", "mapped", "--runtime-root", fixture.runtimeRoot.path, "--format", "json"],
            cwd: runner.home.appendingPathComponent("elsewhere"))
        #expect(away.status == 0, "\(away.stderr)")
        let global = try JSONParser.parse(away.stdout)
        #expect(global["active_state_source"]?.stringValue == "registry:\(fixture.runtimeRoot.path)/registry.global.json")

        let unknown = try runner.run(["heartbeat-prompt", "--goal-id", "nobody"], cwd: fixture.project)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("--active-state"))
        let both = try runner.run(["heartbeat-prompt", "--goal-id", "mapped", "--thin", "--brief"], cwd: fixture.project)
        #expect(both.status == 2)
    }

    @Test func markdownFencesTheBodyAndChineseIsAvailable() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try Self.project(runner)
        let markdown = try runner.run(["heartbeat-prompt", "--goal-id", "first-map", "--brief"], cwd: fixture.project)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Heartbeat Automation Prompt\n\n````text\n"))
        #expect(markdown.stdout.contains("\n````\n\n## Generator Inputs\n"))
        let (_, zh) = try fixture.json(["heartbeat-prompt", "--goal-id", "first-map", "--lang", "zh"])
        let body = zh?["task_body"]?.stringValue ?? ""
        #expect(body.contains("should_run=true 时"))
        #expect(body.contains(Self.guardCommand("loopx", "first-map")))
    }
}
