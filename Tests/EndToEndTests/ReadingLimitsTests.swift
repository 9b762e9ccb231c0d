import Foundation
import LoopXSupport
import Testing
import LoopXRules

/// What loopx does with documents it must not trust: duplicate keys, huge lines, secrets in
/// malformed lines. Nothing is rewritten from them, and error output stays short and clean.
@Suite struct ReadingLimitsTests {
    static let token = "ghp_" + String(repeating: "Zq7", count: 12)

    @Test func aDuplicateGoalsKeyStopsBootstrapAndLeavesTheRegistryAlone() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        #expect(try project.run(["bootstrap", "--goal-id", "g1", "--no-global-sync"]).status == 0)
        let original = try project.read(project.registryPath)
        // An empty "goals" before the real one: read first-wins it would be zero goals, and the
        // next write would keep only the new goal.
        let doctored = original.replacingOccurrences(of: "\"goals\"", with: "\"goals\": [],\n  \"goals\"")
        #expect(doctored != original)
        try project.write(project.registryPath, doctored)
        let before = try Data(contentsOf: URL(fileURLWithPath: project.registryPath))

        let result = try project.run(["bootstrap", "--goal-id", "g2", "--no-global-sync"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: duplicate key \"goals\" (first at line"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: project.registryPath)) == before)
        #expect(!project.exists(project.statePath("g2")))
    }

    @Test func aSyntaxErrorAtTheEndOfAHugeOneLineRegistryPrintsAShortExcerpt() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        var bytes = Array(#"{"schema_version": "loopx_registry_v0", "goals": ["#.utf8)
        bytes += [UInt8](repeating: 0x20, count: 20_000_000)
        bytes += Array("x]}".utf8)
        try FileManager.default.createDirectory(
            atPath: project.path + "/.loopx", withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: project.registryPath))

        let result = try project.run(["registry"])
        #expect(result.status != 0)
        #expect(result.stderr.utf8.count < 4_096, "stderr has \(result.stderr.utf8.count) bytes")
        #expect(result.stderr.contains("unexpected character 'x'"))
        #expect(result.stderr.contains("…"))
    }

    @Test func aMalformedRegistryLineWithATokenIsNotEchoed() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        try project.write(project.registryPath, """
            {"schema_version": "loopx_registry_v0", "goals": [
              {"id": "g1", "repo": ".", "api": "\(Self.token)" oops}
            ]}
            """)
        let result = try project.run(["registry"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("2:"), "\(result.stderr)")
        #expect(result.stderr.contains("(source line not shown: it looks like it contains a credential)"))
        #expect(!result.stderr.contains(Self.token) && !result.stdout.contains(Self.token))
    }

    @Test func invalidHistoryLinesAreSkippedCountedAndNeverEchoed() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        #expect(try project.run(["bootstrap", "--goal-id", "g1", "--no-global-sync"]).status == 0)
        func row(_ time: String, _ extra: String = "") -> String {
            #"{"generated_at": "\#(time)", "goal_id": "g1", "classification": "state_refreshed", "json_path": "/r/\#(time).json"\#(extra)}"#
        }
        let huge = String(repeating: "n", count: 2 * 1_048_576)
        try project.write(project.indexPath("g1"), [
            row("2026-01-01T07:00:00Z"),
            row("2026-01-01T07:10:00Z", #", "note": "\#(huge)""#),  // valid JSON, over the line limit
            row("2026-01-01T07:20:00Z", #", "goal_id": "other""#),  // a duplicate key
            #"{"generated_at": "2026-01-01T07:25:00Z", "secret": "\#(Self.token)" oops"#,
            row("2026-01-01T07:30:00Z"),
        ].joined(separator: "\n") + "\n")

        let (history, payload) = try project.json(["history", "--goal-id", "g1", "--count-records"])
        #expect(history.status == 0, "\(history.stderr)")
        let runs = payload["runs"]?.arrayValue?.compactMap { $0["generated_at"]?.stringValue } ?? []
        #expect(runs == ["2026-01-01T07:30:00Z", "2026-01-01T07:00:00Z"])
        #expect(payload["goals"]?.arrayValue?.first?["invalid_index_records"] == .int(3))

        let check = try project.run(["check", "--format", "json", "--runtime-root", project.runtimeRoot])
        let report = (try? JSONParser.parse(check.stdout)) ?? .null
        #expect(report["run_history_invalid_lines"] == .int(3), "\(check.stdout.prefix(2_000))")
        let warnings = report["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.contains("invalid run-history lines: g1: 3"))
        for result in [history, check] {
            #expect(!result.stderr.contains(Self.token) && !result.stdout.contains(Self.token))
        }
    }
}
