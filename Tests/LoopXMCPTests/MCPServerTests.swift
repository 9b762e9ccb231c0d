import Foundation
import LoopXCore
import LoopXSupport
import MCP
import Testing
import LoopXRules

/// `loopx mcp` through the official SDK client: the tool list, every tool's structured result
/// against the CLI's `--format json` answer for the same request, and error results.
@Suite(.serialized) struct MCPServerTests {
    static let toolNames = [
        "gate_check", "refresh_state", "reward_preview", "rules_explain", "should_run", "spend_slot", "status",
        "todo_claim", "todo_complete", "todo_release", "void_slot",
    ]

    @Test func listsEveryToolWithAnInputSchema() async throws {
        let project = try TestProject()
        defer { project.cleanUp() }
        let session = try await MCPSession.start(project)
        let (tools, _) = try await session.client.listTools()
        #expect(tools.map(\.name).sorted() == MCPServerTests.toolNames)
        for tool in tools {
            #expect(tool.inputSchema.objectValue?["type"] == "object", "\(tool.name)")
            #expect((tool.description ?? "").count > 40, "\(tool.name)")
        }
        let gate = tools.first { $0.name == "gate_check" }
        #expect(gate?.inputSchema.objectValue?["required"] == ["goal_id", "kind"])
        await session.stop()
    }

    /// Each request as a tool call and as CLI arguments; both run on identical fresh projects
    /// (writes included), so their answers must be equal.
    static let requests: [(tool: String, arguments: [String: MCP.Value], cli: [String], setup: [[String]])] = [
        ("should_run", ["goal_id": "app", "read_only": true], ["quota", "should-run", "--goal-id", "app", "--read-only"], []),
        ("should_run", ["goal_id": "app", "agent_id": "codex-main"], ["quota", "should-run", "--goal-id", "app", "--agent-id", "codex-main"], []),
        ("gate_check", ["goal_id": "app", "kind": "push", "ref": "feature/x", "validated": true, "scan_clean": true, "read_only": true],
         ["gate", "check", "--goal-id", "app", "--kind", "push", "--ref", "feature/x", "--validated", "--scan-clean", "--read-only"], []),
        ("gate_check", ["goal_id": "app", "kind": "write", "paths": ["docs/a.md", "src/b.swift"]],
         ["gate", "check", "--goal-id", "app", "--kind", "write", "--path", "docs/a.md", "--path", "src/b.swift"], []),
        ("gate_check", ["goal_id": "app", "kind": "destructive-git", "command": "git push --force origin main", "ref": "main", "read_only": true],
         ["gate", "check", "--goal-id", "app", "--kind", "destructive-git", "--command", "git push --force origin main", "--ref", "main", "--read-only"], []),
        ("refresh_state", ["goal_id": "app", "delivery_batch_scale": "implementation", "delivery_outcome": "outcome_progress"],
         ["refresh-state", "--goal-id", "app", "--delivery-batch-scale", "implementation", "--delivery-outcome", "outcome_progress"], []),
        ("spend_slot", ["goal_id": "app"], ["quota", "spend-slot", "--goal-id", "app"], []),
        ("void_slot", ["goal_id": "app", "void_generated_at": "2026-01-01T08:00:00Z", "reason_summary": "spent twice"],
         ["quota", "void-slot", "--goal-id", "app", "--void-generated-at", "2026-01-01T08:00:00Z", "--reason-summary", "spent twice"],
         [["quota", "spend-slot", "--goal-id", "app", "--execute"]]),
        ("reward_preview", ["goal_id": "app", "decision": "continue_route", "reward": "positive", "reason_summary": "validation improved"],
         ["reward", "--goal-id", "app", "--decision", "continue_route", "--reward", "positive", "--reason-summary", "validation improved", "--dry-run"],
         [["refresh-state", "--goal-id", "app"]]),
        ("status", ["goal_id": "app", "limit": 3], ["status", "--goal-id", "app", "--limit", "3"], [["refresh-state", "--goal-id", "app"]]),
        ("rules_explain", ["goal_id": "app", "decision": "gate"], ["rules", "explain", "--goal-id", "app", "--decision", "gate"], []),
    ]

    @Test func everyToolAnswersWithTheCLIsJSON() async throws {
        for request in MCPServerTests.requests {
            let viaCLI = try TestProject()
            let viaMCP = try TestProject()
            defer { viaCLI.cleanUp(); viaMCP.cleanUp() }
            for step in request.setup {
                #expect(try viaCLI.run(step).status == 0, "\(step)")
                #expect(try viaMCP.run(step).status == 0, "\(step)")
            }
            // The two homes differ in name; the answers name their own paths, so compare with
            // each home's path replaced by a placeholder.
            let cli = try viaCLI.run(request.cli + ["--format", "json"])
            #expect(!cli.stdout.isEmpty, "`loopx \(request.cli.joined(separator: " "))` printed nothing: \(cli.stderr)")
            guard !cli.stdout.isEmpty else { continue }
            let expected = try MCP.Value.parsingJSON(cli.stdout.replacingOccurrences(of: viaCLI.home.path, with: "<HOME>"))
            let session = try await MCPSession.start(viaMCP)
            let result = try await session.call(request.tool, request.arguments)
            await session.stop()
            let structured = try JSONEncoder().encode(result.structuredContent)
            let actual = try MCP.Value.parsingJSON(
                String(decoding: structured, as: UTF8.self).replacingOccurrences(of: viaMCP.home.path.replacingOccurrences(of: "/", with: "\\/"), with: "<HOME>")
                    .replacingOccurrences(of: viaMCP.home.path, with: "<HOME>"))
            #expect(result.isError != true, "\(request.tool): \(result.content)")
            #expect(actual == expected, "\(request.tool) differs from `loopx \(request.cli.joined(separator: " "))`")
            #expect(expected.objectValue?["ok"] != nil, "\(request.tool): CLI said \(cli.stdout) \(cli.stderr)")
        }
    }

    @Test func todoToolsMatchTheCLI() async throws {
        let viaCLI = try TestProject()
        let viaMCP = try TestProject()
        defer { viaCLI.cleanUp(); viaMCP.cleanUp() }
        let list = try JSONParser.parse(try viaCLI.run(["todo", "list", "--goal-id", "app", "--format", "json"]).stdout)
        let todoID = try #require(list["todos"]?.arrayValue?.first?["todo_id"]?.stringValue)
        let steps: [(String, [String: MCP.Value], [String])] = [
            ("todo_claim", ["goal_id": "app", "todo_id": .string(todoID), "agent_id": "codex-main"],
             ["todo", "claim", "--goal-id", "app", "--todo-id", todoID, "--agent-id", "codex-main"]),
            ("todo_release", ["goal_id": "app", "todo_id": .string(todoID), "agent_id": "codex-main"],
             ["todo", "release", "--goal-id", "app", "--todo-id", todoID, "--agent-id", "codex-main"]),
            ("todo_complete", ["goal_id": "app", "todo_id": .string(todoID), "evidence": "tests pass"],
             ["todo", "complete", "--goal-id", "app", "--todo-id", todoID, "--evidence", "tests pass"]),
        ]
        let session = try await MCPSession.start(viaMCP)
        for (tool, arguments, cli) in steps {
            let expected = try MCP.Value.parsingJSON(
                try viaCLI.run(cli + ["--format", "json"]).stdout.replacingOccurrences(of: viaCLI.home.path, with: "<HOME>"))
            let result = try await session.call(tool, arguments)
            let text = String(decoding: try JSONEncoder().encode(result.structuredContent), as: UTF8.self)
                .replacingOccurrences(of: "\\/", with: "/").replacingOccurrences(of: viaMCP.home.path, with: "<HOME>")
            #expect(try MCP.Value.parsingJSON(text) == expected, "\(tool)")
        }
        await session.stop()
        let cliState = try String(contentsOf: viaCLI.project.appendingPathComponent(".codex/goals/app/ACTIVE_GOAL_STATE.md"), encoding: .utf8)
        let mcpState = try String(contentsOf: viaMCP.project.appendingPathComponent(".codex/goals/app/ACTIVE_GOAL_STATE.md"), encoding: .utf8)
        #expect(cliState == mcpState)
    }

    @Test func errorsAreToolErrorsWithStableCodes() async throws {
        let project = try TestProject()
        defer { project.cleanUp() }
        let session = try await MCPSession.start(project)
        let cases: [(String, [String: MCP.Value], String)] = [
            ("gate_check", ["goal_id": "app", "kind": "pussh"], "usage"),
            ("gate_check", ["goal_id": "app"], "invalid_arguments"),
            ("should_run", ["goal_id": "app", "read_only": "yes"], "invalid_arguments"),
            ("should_run", ["goal_id": "app", "bogus": true], "invalid_arguments"),
            ("should_run", ["goal_id": "nope", "read_only": true], "unknown_goal"),
            ("no_such_tool", [:], "usage"),
        ]
        for (tool, arguments, code) in cases {
            let result = try await session.call(tool, arguments)
            #expect(result.isError == true, "\(tool)")
            #expect(result.structuredContent?.objectValue?["ok"] == false, "\(tool)")
            #expect(result.structuredContent?.objectValue?["error"]?.objectValue?["code"] == .string(code), "\(tool): \(result.content)")
        }
        // Refusals carry the code of the CLI's JSON error envelope for the same request.
        let same: [(String, [String: MCP.Value], [String])] = [
            ("void_slot", ["goal_id": "app", "void_generated_at": "2025-12-31T08:00:00Z", "reason_summary": "spent twice"],
             ["quota", "void-slot", "--goal-id", "app", "--void-generated-at", "2025-12-31T08:00:00Z", "--reason-summary", "spent twice"]),
            ("todo_claim", ["goal_id": "app", "todo_id": "todo_000000000000", "agent_id": "codex-main"],
             ["todo", "claim", "--goal-id", "app", "--todo-id", "todo_000000000000", "--agent-id", "codex-main"]),
        ]
        for (tool, arguments, command) in same {
            let result = try await session.call(tool, arguments)
            let envelope = try JSONParser.parse(try project.run(command + ["--format", "json"]).stdout)
            let code = result.structuredContent?.objectValue?["error"]?.objectValue?["code"]
            #expect(result.isError == true)
            #expect(envelope["ok"] == false, "\(command)")
            #expect(code?.stringValue == envelope["error"]?["code"]?.stringValue, "\(tool): \(result.content)")
        }
        // The message is the CLI's error message for the same request.
        let cli = try project.run(["quota", "void-slot", "--goal-id", "app", "--void-generated-at", "2025-12-31T08:00:00Z", "--reason-summary", "spent twice"])
        let result = try await session.call("void_slot", ["goal_id": "app", "void_generated_at": "2025-12-31T08:00:00Z", "reason_summary": "spent twice"])
        let message = result.structuredContent?.objectValue?["error"]?.objectValue?["message"]?.stringValue ?? "-"
        #expect(cli.status == 1 && cli.stderr.hasPrefix("error: " + message + "\n"), "\(cli.stderr) vs \(message)")
        await session.stop()
    }

    @Test func pinnedServerRefusesOtherGoalsAndServesResourcesAndThePrompt() async throws {
        let project = try TestProject()
        defer { project.cleanUp() }
        let session = try await MCPSession.start(project, arguments: ["--goal-id", "app"])
        let pinned = try await session.call("should_run", ["read_only": true])
        #expect(pinned.isError != true)
        #expect(pinned.structuredContent?.objectValue?["goal_id"] == "app")
        let other = try await session.call("should_run", ["goal_id": "other", "read_only": true])
        #expect(other.structuredContent?.objectValue?["error"]?.objectValue?["code"] == "goal_pinned")
        let (resources, _) = try await session.client.listResources()
        #expect(resources.map(\.uri) == ["loopx://goals/app/active-state", "loopx://goals/app/runs", "loopx://goals/app/profile"])
        let state = try await session.client.readResource(uri: "loopx://goals/app/active-state")
        #expect(state.first?.text?.contains("# Active Goal State") == true)
        let profile = try await session.client.readResource(uri: "loopx://goals/app/profile")
        #expect(profile.first?.text?.contains("\"profile\"") == true)
        let prompt = try await session.client.getPrompt(name: "heartbeat", arguments: ["variant": "thin"])
        guard case .text(let body) = prompt.messages.first?.content else {
            Issue.record("no text message")
            await session.stop()
            return
        }
        #expect(body.contains("should_run(goal_id=\"app\")"))
        #expect(!body.contains("quota should-run"))
        await session.stop()
    }
}
