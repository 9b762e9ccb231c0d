import Foundation
import LoopXRules
import LoopXSupport
import Testing

@Suite struct NewProjectPromptTests {
    @Test func buildsTheConnectCommandAndGuardWithTheChosenCLI() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run([
            "new-project-prompt", "--project", "/src/My App", "--goal-doc", "docs/GOAL.md", "--cli-bin", "loopx-canary",
            "--write-scope", "src", "--write-scope", "docs", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        #expect(json["goal_id"] == "my-app-goal")
        let connect = json["connect_command"]?.stringValue ?? ""
        #expect(connect.hasPrefix("cd '/src/My App'\nloopx-canary connect \\\n  --goal-id my-app-goal \\"))
        #expect(connect.hasSuffix("  --write-scope src \\\n  --write-scope docs"))
        let guardCommand = json["quota_guard_command"]?.stringValue ?? ""
        #expect(guardCommand.hasPrefix("loopx-canary --format json --registry \"$HOME/.codex/loopx/registry.global.json\" quota should-run --goal-id my-app-goal"))
        let prompt = json["prompt"]?.stringValue ?? ""
        #expect(prompt.contains(connect))
        #expect(prompt.contains("11. "))
    }

    @Test func aRelativeProjectResolvesToItsRealDirectory() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = runner.home.appendingPathComponent("Shop Front")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        let result = try runner.run(
            ["new-project-prompt", "--project", ".", "--goal-doc", "GOAL.md", "--format", "json"], cwd: project)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        #expect(json["goal_id"] == "shop-front-goal")
        let connect = json["connect_command"]?.stringValue ?? ""
        #expect(connect.hasPrefix("cd '\(project.path)'\n"), "\(connect)")
    }

    @Test func writesChineseWithLangZhAndRefusesABadGoalID() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let zh = try runner.run(["new-project-prompt", "--project", "/p", "--goal-doc", "G.md", "--lang", "zh", "--format", "json"])
        #expect(zh.status == 0)
        #expect(try JSONParser.parse(zh.stdout)["prompt"]?.stringValue?.contains("配额守卫") == true)
        let bad = try runner.run(["new-project-prompt", "--project", "/p", "--goal-doc", "G.md", "--goal-id", "../escape"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("invalid goal id '../escape'"))
    }
}
