import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// Recorded Claude Code PreToolUse events (Fixtures/hook/*.json) run through the built
/// `loopx hook claude-code`: each has the decision it must get (allow = no output), and for
/// deny/ask the rule that must decide.
@Suite struct HookFixtureTests {
    static var files: [URL] {
        let directory = TestProject.fixtures.appendingPathComponent("hook")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }

    @Test func thereAreAtLeastThirtyRecordedEvents() {
        #expect(HookFixtureTests.files.count >= 30)
    }

    @Test(arguments: HookFixtureTests.files.map(\.lastPathComponent))
    func recordedEventGetsItsDecision(_ name: String) throws {
        let project = try TestProject()
        defer { project.cleanUp() }
        let text = try String(contentsOf: TestProject.fixtures.appendingPathComponent("hook/" + name), encoding: .utf8)
            .replacingOccurrences(of: "$PROJECT", with: project.project.path)
        let fixture = try JSONParser.parse(text)
        try project.setBranch(fixture["branch"]?.stringValue)
        guard let event = fixture["event"], let expected = fixture["expect"]?.stringValue else {
            Issue.record("\(name): no event or expect")
            return
        }
        let result = try project.run(["hook", "claude-code"], stdin: JSONWriter(sortedKeys: true, pretty: false).string(event))
        #expect(result.status == 0, "\(name): \(result.stderr)")
        if expected == "allow" {
            #expect(result.stdout.isEmpty, "\(name): expected no output, got \(result.stdout)")
            return
        }
        let output = try JSONParser.parse(result.stdout)
        let specific = output["hookSpecificOutput"]
        #expect(specific?["hookEventName"]?.stringValue == "PreToolUse", "\(name)")
        #expect(specific?["permissionDecision"]?.stringValue == expected, "\(name): \(result.stdout)")
        let reason = specific?["permissionDecisionReason"]?.stringValue ?? ""
        if let rule = fixture["rule"]?.stringValue { #expect(reason.contains(rule), "\(name): \(reason)") }
        if let part = fixture["reason"]?.stringValue { #expect(reason.contains(part), "\(name): \(reason)") }
    }

    /// The hook's own argument reader and the full parser answer alike (global options too).
    @Test func fastArgumentReaderMatchesTheFullParser() throws {
        let project = try TestProject()
        defer { project.cleanUp() }
        let event = #"{"hook_event_name":"PreToolUse","cwd":"\#(project.project.path)","tool_name":"Bash","tool_input":{"command":"git push --force origin main"}}"#
        let arguments = ["hook", "claude-code", "--registry", project.project.path + "/.loopx/registry.json", "--now=2026-01-01T08:00:00Z"]
        let fast = try project.run(arguments, stdin: event)
        let full = try project.run(arguments, stdin: event, environment: ["LOOPX_FAST_ARGS": "off"])
        #expect(fast.status == 0 && full.status == 0)
        #expect(fast.stdout.contains("\"permissionDecision\":\"ask\""))
        #expect(fast.stdout == full.stdout)
        let unknown = try project.run(["hook", "claude-code", "--bogus"], stdin: event)
        #expect(unknown.status == 2)
    }
}
