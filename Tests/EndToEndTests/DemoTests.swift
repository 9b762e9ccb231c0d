import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// `loopx demo`: the tour runs on its own sample in a temporary directory and leaves nothing.
@Suite struct DemoTests {
    /// Every path under a directory, relative to it.
    static func listing(_ root: URL) -> [String] {
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return paths.sorted()
    }

    @Test func printsTheDecisionAndLeavesNothingBehind() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("tmp/.keep", "")
        let before = Self.listing(runner.home)
        let result = try runner.run(["demo"], environment: ["TMPDIR": runner.home.path + "/tmp"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("quota should-run --goal-id sample-checkout --trace"))
        #expect(result.stdout.contains("- decision: **safe_bypass_recovery** (should_run: true)"))
        #expect(result.stdout.contains("- heartbeat: `outcome_floor_recovery`"))
        #expect(result.stdout.contains("reward_lesson_projection_warning"))
        #expect(result.stdout.contains("### Gate check: destructive-git for `sample-checkout`"))
        #expect(result.stdout.contains("## Attention queue"))
        #expect(result.stdout.contains("````text\nHeartbeat for loopx goal `sample-checkout`"))
        #expect(Self.listing(runner.home) == before, "the demo left files behind")
    }

    @Test func keepLeavesTheSampleUnderTMPDIRAndItsCommandsWork() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let tmp = runner.home.path + "/tmp"
        try runner.write("tmp/.keep", "")
        let result = try runner.run(["demo", "--keep", "--format", "json"], environment: ["TMPDIR": tmp])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        let directory = json["directory"]?.stringValue ?? ""
        #expect(directory.hasPrefix(tmp + "/loopx-demo-"))
        #expect(json["kept"] == true)
        let steps = json["steps"]?.arrayValue ?? []
        #expect(steps.count == 4)
        #expect(steps.first?["output"]?["decision"] == "safe_bypass_recovery")
        #expect(steps[2]["output"]?["allowed"] == false)
        #expect(steps[2]["output"]?["gate"] == "operator_approval")
        #expect(steps.last?["output"]?["interface_budget"]?["within_budget"] == true)
        // Everything the demo wrote is inside the directory; HOME got nothing else.
        #expect(Self.listing(runner.home).allSatisfy { $0.hasPrefix("tmp") })
        #expect(FileManager.default.fileExists(atPath: directory + "/project/.loopx/registry.json"))
        #expect(FileManager.default.fileExists(atPath: directory + "/runtime/goals/sample-checkout/runs/index.jsonl"))
        // The printed command replays the decision on the kept sample.
        let command = steps.first?["command"]?.stringValue ?? ""
        let arguments = command.split(separator: " ").dropFirst().map(String.init) + ["--format", "json"]
        let replay = try runner.run(arguments, environment: ["TMPDIR": tmp])
        #expect(try JSONParser.parse(replay.stdout)["decision"] == "safe_bypass_recovery")
    }
}
