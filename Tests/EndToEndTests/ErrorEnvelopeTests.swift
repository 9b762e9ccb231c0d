import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// Every failure of every command answers `--format json` with the error envelope on stdout,
/// its code is one of the documented codes, and the exit status is the one documented for it.
@Suite struct ErrorEnvelopeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The "Errors and exit codes" table of docs/commands.md: code → exit status.
    static func documentedCodes() throws -> [String: Int32] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/commands.md"), encoding: .utf8)
        guard let start = text.range(of: "## Errors and exit codes") else { return [:] }
        var codes: [String: Int32] = [:]
        for line in text[start.upperBound...].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, let status = Int32(cells[1]) else { continue }
            codes[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = status
        }
        return codes
    }

    /// One failing invocation: its arguments (run in the project with `--format json`) and the
    /// code it must answer with.
    struct Case: CustomStringConvertible {
        var arguments: [String]
        var code: String
        var description: String { arguments.joined(separator: " ") + " → " + code }
        init(_ arguments: [String], _ code: String) {
            self.arguments = arguments
            self.code = code
        }
    }

    static let badRules = "rules:\n  - id: broken.rule\n    stage: nowhere\n    when: 'goal.nope +'\n"

    static let cases: [Case] = [
        // Usage: the command line itself is wrong.
        Case(["stauts"], "usage"),
        Case(["quota", "shuold-run", "--goal-id", "app"], "usage"),
        Case(["status", "--bogus"], "usage"),
        Case(["quota", "should-run"], "usage"),
        Case(["quota", "should-run", "--goal-id", "Not An Id!"], "usage"),
        Case(["quota", "should-run", "--goal-id", "app", "--trace", "bogus"], "usage"),
        Case(["status", "--now", "yesterday"], "usage"),
        Case(["gate", "check", "--goal-id", "app", "--kind", "bogus"], "usage"),
        Case(["operator-gate", "--goal-id", "app", "--decision", "maybe", "--reason-summary", "x"], "usage"),
        Case(["rules", "test", "--coverage-min", "101"], "usage"),
        Case(["rules", "replay", "--since", "soon"], "usage"),
        Case(["decisions", "--goal-id", "app", "--limit", "0"], "usage"),
        Case(["configure-goal", "--goal-id", "app"], "usage"),
        Case(["todo", "add", "--goal-id", "app"], "usage"),
        Case(["serve-status", "--port", "70000"], "usage"),
        Case(["check", "--bogus"], "usage"),
        Case(["doctor", "--bogus"], "usage"),
        Case(["lark-card"], "usage"),
        Case(["bootstrap", "--project", "no-such-dir"], "usage"),
        // One code and one exit status for an unknown goal, whatever the command.
        Case(["status", "--goal-id", "nope"], "unknown_goal"),
        Case(["history", "--goal-id", "nope"], "unknown_goal"),
        Case(["quota", "should-run", "--goal-id", "nope"], "unknown_goal"),
        Case(["quota", "spend-slot", "--goal-id", "nope"], "unknown_goal"),
        Case(["heartbeat-prompt", "--goal-id", "nope"], "unknown_goal"),
        Case(["review-packet", "--goal-id", "nope"], "unknown_goal"),
        Case(["refresh-state", "--goal-id", "nope"], "unknown_goal"),
        Case(["gate", "check", "--goal-id", "nope", "--kind", "commit"], "unknown_goal"),
        Case(["decisions", "--goal-id", "nope"], "unknown_goal"),
        Case(["todo", "list", "--goal-id", "nope"], "unknown_goal"),
        Case(["reward", "--goal-id", "nope", "--decision", "d", "--reward", "positive", "--reason-summary", "x"], "unknown_goal"),
        Case(["read-only-map", "--goal-id", "nope"], "unknown_goal"),
        Case(["configure-goal", "--goal-id", "nope", "--waiting-on", "codex"], "unknown_goal"),
        Case(["register-agent", "--goal-id", "nope", "--agent-id", "a"], "unknown_goal"),
        Case(["operator-gate", "--goal-id", "nope", "--decision", "approve", "--reason-summary", "ok"], "unknown_goal"),
        Case(["rules", "explain", "--goal-id", "nope"], "unknown_goal"),
        // Other refusals.
        Case(["rules", "show", "no.such.rule"], "unknown_rule"),
        Case(["expr", "eval", "1 +"], "invalid_expression"),
        Case(["expr", "eval", "1 / 0"], "evaluation_failed"),
        Case(["rules", "test", "--run", "matches-no-test-at-all"], "no_tests_ran"),
        Case(["rules", "explain", "--facts", "missing.yaml"], "invalid_input"),
        Case(["status", "--rules", "no-such-layer"], "invalid_input"),
        Case(["refresh-state", "--goal-id", "app", "--recommended-action", "read /Users/alice/notes.txt"], "unsafe_text"),
        Case(["reward", "--goal-id", "app", "--decision", "d", "--reward", "positive", "--reason-summary", "x"], "not_found"),
        Case(["archive-runtime", "--goal-id", "app"], "refused"),
        Case(["archive-runtime", "--goal-id", "ghost"], "not_found"),
        Case(["read-only-map", "--goal-id", "gen"], "refused"),
        Case(["status", "--registry", "bad.json"], "invalid_registry"),
        Case(["history", "--registry", "bad.json"], "invalid_registry"),
        Case(["registry", "--registry", "bad.json"], "invalid_registry"),
        Case(["quota", "should-run", "--goal-id", "app", "--registry", "missing.json"], "missing_registry"),
        Case(["quota", "should-run", "--goal-id", "app", "--rules", "bad.yaml"], "invalid_rules"),
        Case(["status", "--rules", "bad.yaml"], "invalid_rules"),
        Case(["rules", "list", "--rules", "bad.yaml"], "invalid_rules"),
        Case(["heartbeat-prompt", "--goal-id", "app", "--rules", "bad.yaml"], "invalid_rules"),
        Case(["rules", "test", "--rules", "bad.yaml"], "invalid_rules"),
        Case(["gate", "check", "--goal-id", "app", "--kind", "commit", "--rules", "bad.yaml"], "invalid_rules"),
    ]

    /// A project with a read-only-map goal `app`, a generic goal `gen`, a malformed registry
    /// `bad.json` and a broken rule layer `bad.yaml`.
    static func fixture(_ runner: LoopXRunner) throws -> GoalFixture {
        let fixture = try GoalFixture(
            runner: runner, goals: [.init(id: "app"), .init(id: "gen", adapterKind: "generic_project_goal_v0", adapterStatus: "connected")])
        try runner.write("proj/bad.json", "{\"goals\": [\n  {\"id\": \"app\",}\n]}\n")
        try runner.write("proj/bad.yaml", badRules)
        return fixture
    }

    @Test func everyFailureAnswersWithTheDocumentedEnvelope() throws {
        let documented = try Self.documentedCodes()
        #expect(documented.count >= 10)
        #expect(Self.cases.count >= 40)
        #expect(Set(Self.cases.map { $0.arguments.first ?? "" }).count >= 20)
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try Self.fixture(runner)
        for item in Self.cases {
            let result = try runner.run(item.arguments + ["--format", "json"], cwd: fixture.project)
            let answer = try? JSONParser.parse(result.stdout)
            #expect(answer != nil, "stdout is not JSON: \(item)\n\(result.stdout)\n\(result.stderr)")
            guard let answer else { continue }
            #expect(answer["ok"] == .bool(false), "\(item)")
            let code = answer["error"]?["code"]?.stringValue ?? "(none)"
            #expect(code == item.code, "\(item): got \(code)\n\(result.stderr)")
            #expect(documented[code] != nil, "\(item): \(code) is not in the docs table")
            #expect(result.status == documented[code], "\(item): exit \(result.status), documented \(documented[code] ?? -1)")
            #expect(answer["error"]?["message"]?.stringValue?.isEmpty == false, "\(item)")
            for key in ["path", "line", "column"] { #expect(answer["error"]?[key] != nil, "\(item): error.\(key) missing") }
            #expect(answer["hint"] != nil, "\(item): hint missing")
            // The text for people stays on stderr.
            #expect(result.stderr.contains("error:"), "\(item): \(result.stderr)")
            #expect(!result.stderr.contains("Error:"), "\(item): \(result.stderr)")
        }
    }

    /// A positioned problem carries its position; several problems come as a list.
    @Test func positionsAndDiagnosticsAreInTheEnvelope() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try Self.fixture(runner)
        let (registry, registryAnswer) = try fixture.json(["status", "--registry", "bad.json"])
        #expect(registry.status == 1)
        #expect(registryAnswer?["error"]?["path"]?.stringValue?.hasSuffix("bad.json") == true)
        #expect(registryAnswer?["error"]?["line"] == .int(2))
        #expect(registryAnswer?["error"]?["column"] != .null)
        let (rules, rulesAnswer) = try fixture.json(["rules", "list", "--rules", "bad.yaml"])
        #expect(rules.status == 3)
        #expect(rulesAnswer?["error"]?["path"]?.stringValue?.hasSuffix("bad.yaml") == true)
        #expect(rulesAnswer?["error"]?["line"] != .null)
        // The text on stderr is the positioned diagnostics, as without --format json.
        #expect(rules.stderr.contains("bad.yaml:"))
        let (_, expr) = try fixture.json(["expr", "eval", "1 + + "])
        #expect(expr?["error"]?["path"] == .string("<expr>"))
    }
}
