import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// Issue 15, finding 7: `registry --format json` lists each repository's goal ids once, so
/// its size grows linearly with the goals (it used to repeat every id under every goal).
@Suite struct RegistryOutputSizeTests {
    func registryJSON(goals count: Int) throws -> (bytes: Int, json: JSONValue?) {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: (0..<count).map { .init(id: "goal-\($0)", state: nil) })
        let (result, json) = try fixture.json(["registry"])
        #expect(result.status == 0, "\(result.stderr)")
        return (result.stdout.utf8.count, json)
    }

    @Test func repoGoalIdsAreListedOncePerRepository() throws {
        let (_, json) = try registryJSON(goals: 3)
        let goals = json?["goals"]?.arrayValue ?? []
        #expect(goals.count == 3)
        #expect(goals.allSatisfy { $0["repo_goal_ids"] == nil && $0["repo_goal_count"] == 3 })
        let repos = json?["repos"]?.arrayValue ?? []
        #expect(repos.count == 1)
        #expect(repos.first?["goal_ids"] == ["goal-0", "goal-1", "goal-2"])
        #expect(repos.first?["goal_count"] == 3)
    }

    @Test func outputSizeGrowsLinearlyWithTheGoals() throws {
        let small = try registryJSON(goals: 50).bytes
        let large = try registryJSON(goals: 200).bytes
        // Four times the goals: about four times the bytes (the quadratic output gave 7.6x here).
        #expect(Double(large) / Double(small) < 4.4, "\(small) -> \(large) bytes")
    }
}
