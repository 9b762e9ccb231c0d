import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

/// Runs with the same `generated_at` are ordered by append, the later newer, by every reader.
@Suite struct RunOrderTests {
    func row(_ name: String, _ classification: String, reward: Bool = false) -> JSONObject {
        var row: JSONObject = [
            "generated_at": "2026-01-01T08:00:00Z", "classification": .string(classification),
            "json_path": .string("/r/\(name).json"), "markdown_path": .string("/r/\(name).md"),
        ]
        if reward { row["human_reward"] = ["reward": "positive"] }
        return row
    }

    @Test func theLaterAppendIsNewerAndOverlaysDoNotReorder() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let history = RunHistory(goalDirectory: dir)
        try history.append(row: row("a", "operator_gate_approved"))
        try history.append(row: row("b", "operator_gate_rejected"))
        try history.append(row: row("c", "state_refreshed"))
        // A reward on the first run, appended last, leaves it where it was.
        try history.append(row: row("a", "operator_gate_approved", reward: true))
        let expected = ["/r/c.json", "/r/b.json", "/r/a.json"]
        #expect(history.newest(limit: 3).map(\.jsonPath) == expected)
        #expect(history.newest(limit: 1).map(\.jsonPath) == ["/r/c.json"])
        #expect(history.scanAll().runs.map(\.jsonPath) == expected)
        #expect(history.run(generatedAt: "2026-01-01T08:00:00Z")?.jsonPath == "/r/c.json")
    }

    @Test func tiesAcrossGoalsAreOrderedTheSameWayEveryTime() {
        let first = RunRecord(rows: [["generated_at": "2026-01-01T08:00:00Z", "goal_id": "b", "json_path": "/b.json"]], firstLine: 1)
        let second = RunRecord(rows: [["generated_at": "2026-01-01T08:00:00Z", "goal_id": "a", "json_path": "/a.json"]], firstLine: 1)
        #expect([first, second].sorted(by: RunRecord.newestFirst).map(\.goalID) == ["a", "b"])
        #expect([second, first].sorted(by: RunRecord.newestFirst).map(\.goalID) == ["a", "b"])
    }
}
