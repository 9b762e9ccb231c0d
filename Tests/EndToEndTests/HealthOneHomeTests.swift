import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// Issue 13, "health ok" has one home: the contract_health stage decides it for `quota plan`
/// and for should-run alike, so a layer that changes the health rule changes both.
@Suite struct HealthOneHomeTests {
    @Test func aLayerThatChangesTheHealthRuleChangesQuotaPlanAndShouldRun() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let (global, _) = try OneDerivationTests.twoProjects(runner)
        let app = runner.home.appendingPathComponent("app")
        func plan() throws -> JSONValue {
            try JSONParser.parse(try runner.run(["--registry", global, "--format", "json", "quota", "plan"], cwd: app).stdout)
        }
        func shouldRun() throws -> JSONValue {
            let result = try runner.run(["--registry", global, "--format", "json", "quota", "should-run", "--goal-id", "app", "--read-only"],
                                        cwd: app)
            return try JSONParser.parse(result.stdout)
        }
        // Healthy without the layer: the plan is ok and should-run's health agrees.
        #expect(try plan()["ok"] == true)
        #expect(try shouldRun()["status_health_ok"] == true)

        // The project marks its goals unhealthy with one rule, inserted before the built-in ones.
        try runner.write("app/.loopx/rules/health.yaml", """
            rules:
              - id: project.unhealthy_without_review
                stage: contract_health
                before: contract_health.goal_problems
                when: goal.domain == "web"
                then: {reason: "the project requires a review before automatic compute"}

            """)
        let unhealthy = try plan()
        #expect(unhealthy["ok"] == false, "quota plan reads the decided health")
        // The goal is still planned by its rules (the layer loads): only its health changed.
        let items = (unhealthy["groups"]?.objectValue?.entries ?? []).flatMap { $0.value.arrayValue ?? [] }
        let item = items.first { $0["goal_id"] == "app" }
        #expect(item != nil && item?["status"] != "invalid_rules", "\(unhealthy)")
        let answer = try shouldRun()
        #expect(answer["status_health_ok"] == false)
        #expect(answer["ok"] == false)
        #expect(answer["should_run"] == false)
        #expect(answer["effective_action"] != "normal_run")
    }
}
