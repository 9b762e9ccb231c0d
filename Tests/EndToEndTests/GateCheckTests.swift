import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

@Suite struct GateCheckTests {
    func gate(_ fixture: GoalFixture, _ arguments: [String]) throws -> (LoopXRunner.Result, JSONValue?) {
        try fixture.json(["gate", "check", "--goal-id", "app"] + arguments)
    }

    func ruleIDs(_ json: JSONValue?) -> [String] { json?["rules"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [] }

    @Test func routinePushIsAllowedOnlyAfterValidationAndACleanScan() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let (gated, json) = try gate(fixture, ["--kind", "push", "--ref", "feature/x"])
        #expect(gated.status == 1)
        #expect(json?["allowed"] == false)
        #expect(json?["gate"] == "blocked")
        #expect(ruleIDs(json) == ["boundary_gates.delivery_needs_validation", "boundary_gates.delivery_needs_clean_scan"])
        let first = json?["rules"]?.arrayValue?.first
        #expect(first?["layer"] == "builtin")
        #expect(first?["source"]?.stringValue?.hasPrefix("Rules/boundary_gates.yaml:") == true)
        #expect(first?["prompt"]?.stringValue?.contains("Validate the change") == true)
        #expect(json?["prompts"]?.arrayValue?.count == 2)

        let (allowed, ok) = try gate(fixture, ["--kind", "pr", "--ref", "feature/x", "--validated", "--scan-clean"])
        #expect(allowed.status == 0, "\(allowed.stdout)")
        #expect(ok?["gate"] == "allow")
        #expect(ok?["action"]?["kind"] == "pull_request")
        #expect(ruleIDs(ok) == ["boundary_gates.routine_delivery"])
        #expect(ok?["prompts"] == [])
    }

    @Test func destructiveGitAndProductionStopOnTheOperatorGate() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let (force, json) = try gate(fixture, ["--kind", "destructive-git", "--command", "git push --force origin main", "--ref", "main"])
        #expect(force.status == 1)
        #expect(json?["gate"] == "operator_approval")
        #expect(ruleIDs(json).contains("boundary_gates.destructive_git"))
        let (declared, declaredJSON) = try gate(fixture, ["--kind", "destructive-git"])
        #expect(declared.status == 1)
        #expect(ruleIDs(declaredJSON) == ["boundary_gates.destructive_git"])
        let (deploy, deployJSON) = try gate(fixture, ["--kind", "production"])
        #expect(deploy.status == 1)
        #expect(deployJSON?["action"]?["environment"] == "production")
        #expect(ruleIDs(deployJSON).contains("boundary_gates.production_action"))
        let (secret, secretJSON) = try gate(fixture, ["--kind", "commit", "--path", "config/.env", "--validated", "--scan-clean"])
        #expect(secret.status == 1)
        #expect(secretJSON?["gate"] == "blocked")
        #expect(ruleIDs(secretJSON).contains("boundary_gates.credentials"))
    }

    @Test func writesOutsideTheWriteScopeNeedTheParentAndReviewCanBeRequired() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try patchGoal(fixture, "app", ["coordination": ["write_scope": ["docs/**"]]])
        let (inside, _) = try gate(fixture, ["--kind", "write", "--path", "docs/guide.md"])
        #expect(inside.status == 0, "\(inside.stdout)")
        let (outside, json) = try gate(fixture, ["--kind", "write", "--path", "docs/guide.md", "--path", "src/main.swift"])
        #expect(outside.status == 1)
        #expect(json?["gate"] == "parent_approval")
        #expect(json?["rules"]?.arrayValue?.first?["reason"]?.stringValue?.contains("src/main.swift") == true)
        let (review, reviewJSON) = try gate(fixture, ["--kind", "commit", "--validated", "--scan-clean", "--requires-review", "--path", "docs/a.md"])
        #expect(review.status == 1)
        #expect(ruleIDs(reviewJSON).contains("boundary_gates.repository_review_required"))
    }

    @Test func usageErrorsAndTraces() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let (unknown, _) = try gate(fixture, ["--kind", "pussh"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'push'"))
        let (escape, _) = try gate(fixture, ["--kind", "write", "--path", "../other/file"])
        #expect(escape.status == 2)
        let (ghost, _) = try fixture.json(["gate", "check", "--goal-id", "ghost", "--kind", "push"])
        #expect(ghost.status == 1)
        let (traced, json) = try gate(fixture, ["--kind", "push", "--trace"])
        #expect(traced.status == 1)
        let evaluated = json?["rule_trace"]?.arrayValue?.first?["evaluated"]?.arrayValue ?? []
        #expect(evaluated.count >= 10)
        #expect(evaluated.contains { $0["id"] == "boundary_gates.routine_delivery" && $0["outcome"] == "not_fired" })
        let markdown = try runner.run(["gate", "check", "--goal-id", "app", "--kind", "push", "--trace"], cwd: fixture.project)
        #expect(markdown.stdout.contains("## Rule trace"))
        #expect(markdown.stdout.contains("guidance: Validate the change"))
    }
}
