import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// `heartbeat-prompt --mcp`: the body names the MCP tools; the thin one is rewritten around
/// them and is shorter than the shell version; without the flag nothing changes.
@Suite struct HeartbeatMCPTests {
    func body(_ project: TestProject, _ arguments: [String]) throws -> JSONValue {
        let result = try project.run(["heartbeat-prompt", "--goal-id", "app", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONParser.parse(result.stdout)
    }

    @Test func thinBodyCallsTheToolsAndShrinks() throws {
        let project = try TestProject()
        defer { project.cleanUp() }
        let shell = try body(project, ["--thin"])
        let mcp = try body(project, ["--thin", "--mcp"])
        let shellText = shell["task_body"]?.stringValue ?? ""
        let mcpText = mcp["task_body"]?.stringValue ?? ""
        #expect(mcpText.contains("should_run(goal_id=\"app\")"))
        #expect(mcpText.contains("gate_check(") && mcpText.contains("spend_slot(") && mcpText.contains("refresh_state("))
        #expect(!mcpText.contains("quota should-run"))
        #expect(mcpText.count < shellText.count)
        #expect(mcp["interface_budget"]?["within_budget"] == true)
        #expect(mcp["thin_prompt_command"]?.stringValue?.hasSuffix(" --mcp") == true)
        #expect(!shellText.contains("MCP"))
    }

    @Test func otherVariantsNameTheTools() throws {
        let project = try TestProject()
        defer { project.cleanUp() }
        for variant in ["--brief", "--compact", "--full"] {
            let arguments = variant == "--full" ? [] : [variant]
            #expect(try body(project, arguments + ["--mcp"])["task_body"]?.stringValue?.contains(HeartbeatPrompt.mcpNote) == true, "\(variant)")
            #expect(try body(project, arguments)["task_body"]?.stringValue?.contains(HeartbeatPrompt.mcpNote) == false, "\(variant)")
        }
    }
}
