import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// `loopx agent-setup`: dry-run diffs, merges that keep every other entry, idempotent reruns,
/// and refusal (nothing written) when a file cannot be merged safely.
@Suite struct AgentSetupTests {
    func read(_ project: TestProject, _ relative: String) -> String? {
        try? String(contentsOf: project.home.appendingPathComponent(relative), encoding: .utf8)
    }

    @Test func claudeCodeMergeKeepsOtherEntriesAndIsADryRunUnlessWrite() throws {
        let project = try TestProject()
        defer { project.cleanUp() }
        let mcp = #"{"mcpServers": {"other": {"command": "other-server", "args": ["--x"]}}, "extra": 1}"# + "\n"
        let settings = #"{"model": "opus", "hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "./guard.sh"}]}]}}"# + "\n"
        try project.write("proj/.mcp.json", mcp)
        try project.write("proj/.claude/settings.json", settings)

        let dry = try project.run(["agent-setup", "--agent", "claude-code", "--goal-id", "app", "--cli-bin", "/opt/loopx", "--format", "json"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let answer = try JSONParser.parse(dry.stdout)
        #expect(answer["written"] == false)
        let diffs = answer["files"]?.arrayValue?.compactMap { $0["diff"]?.stringValue } ?? []
        #expect(diffs.count == 2)
        #expect(diffs.first?.contains(#"+    "loopx": {"#) == true, "\(diffs)")
        #expect(diffs.last?.contains("/opt/loopx hook claude-code") == true, "\(diffs)")
        #expect(read(project, "proj/.mcp.json") == mcp)
        #expect(read(project, "proj/.claude/settings.json") == settings)

        let wrote = try project.run(["agent-setup", "--agent", "claude-code", "--goal-id", "app", "--cli-bin", "/opt/loopx", "--write"])
        #expect(wrote.status == 0, "\(wrote.stderr)")
        let merged = try JSONParser.parse(read(project, "proj/.mcp.json") ?? "")
        #expect(merged["extra"] == 1)
        #expect(merged["mcpServers"]?["other"]?["command"] == "other-server")
        #expect(merged["mcpServers"]?["loopx"]?["command"] == "/opt/loopx")
        #expect(merged["mcpServers"]?["loopx"]?["args"] == ["mcp", "--goal-id", "app"])
        let hooks = try JSONParser.parse(read(project, "proj/.claude/settings.json") ?? "")
        #expect(hooks["model"] == "opus")
        let entries = hooks["hooks"]?["PreToolUse"]?.arrayValue ?? []
        #expect(entries.count == 2)
        #expect(entries.first?["hooks"]?.arrayValue?.first?["command"] == "./guard.sh")
        #expect(entries.last?["matcher"] == "Bash|Write|Edit|MultiEdit|NotebookEdit")

        // A rerun changes nothing.
        let before = (read(project, "proj/.mcp.json"), read(project, "proj/.claude/settings.json"))
        let again = try project.run(["agent-setup", "--agent", "claude-code", "--goal-id", "app", "--cli-bin", "/opt/loopx", "--write", "--format", "json"])
        #expect(try JSONParser.parse(again.stdout)["files"]?.arrayValue?.allSatisfy { $0["changed"] == false } == true)
        #expect(read(project, "proj/.mcp.json") == before.0)
        #expect(read(project, "proj/.claude/settings.json") == before.1)
    }

    @Test func codexConfigIsAppendedToByteForByte() throws {
        let project = try TestProject()
        defer { project.cleanUp() }
        let config = "model = \"o3\"\n\n[mcp_servers.other]\ncommand = \"other\"\n"
        try project.write(".codex/config.toml", config)
        let wrote = try project.run(["agent-setup", "--agent", "codex", "--cli-bin", "/opt/loopx", "--write"])
        #expect(wrote.status == 0, "\(wrote.stderr)")
        let text = read(project, ".codex/config.toml") ?? ""
        #expect(text == config + "\n[mcp_servers.loopx]\ncommand = \"/opt/loopx\"\nargs = [\"mcp\"]\n")
        let again = try project.run(["agent-setup", "--agent", "codex", "--cli-bin", "/opt/loopx", "--write"])
        #expect(again.status == 0)
        #expect(read(project, ".codex/config.toml") == text)
    }

    @Test func aFileThatCannotBeMergedIsRefusedAndNothingIsWritten() throws {
        let project = try TestProject()
        defer { project.cleanUp() }
        try project.write("proj/.mcp.json", "{\"mcpServers\": [1, 2]}\n")
        let refused = try project.run(["agent-setup", "--agent", "claude-code", "--write"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("mcpServers is not an object"))
        #expect(read(project, "proj/.claude/settings.json") == nil)
        try project.write("proj/.mcp.json", "{\"a\": 1,,}\n")
        let broken = try project.run(["agent-setup", "--agent", "claude-code", "--write"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains(".mcp.json:1:"), "\(broken.stderr)")
        #expect(read(project, "proj/.mcp.json") == "{\"a\": 1,,}\n")
    }
}
