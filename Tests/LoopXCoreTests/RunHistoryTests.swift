import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

@Suite struct RunHistoryTests {
    /// A goal directory whose index is a copy of a fixture.
    func history(fixture: String) throws -> (RunHistory, String) {
        let dir = try TestFiles.scratch()
        let history = RunHistory(goalDirectory: dir + "/goals/legacy-goal")
        try FileSystem.createDirectory(history.runsDirectory)
        try FileSystem.writeAtomically(history.indexPath, bytes: try FileSystem.readBytes(TestFiles.fixture(fixture)))
        return (history, dir)
    }

    @Test func fullScanToleratesBadLinesAndCountsThem() throws {
        let (history, dir) = try history(fixture: "index-mixed.jsonl")
        defer { TestFiles.remove(dir) }
        let scan = history.scanAll()
        #expect(scan.rawCount == 9)
        #expect(scan.blankCount == 1)
        #expect(scan.invalidCount == 3)
        #expect(scan.tornLastLine)
        #expect(scan.duplicateRows == 1)
        #expect(scan.overlayRows == 1)
        #expect(scan.runs.map(\.classification) == ["state_refreshed", "quota_slot_spent", "read_only_project_map", "state_refreshed"])
        let rewarded = try #require(scan.runs.last)
        #expect(rewarded.lesson?["kind"] == "priority")
        // The overlay keeps the base row's writer-specific fields.
        #expect(rewarded.deliveryBatchScale == "single_surface")
    }

    @Test func reverseReadsAgreeWithTheFullScan() throws {
        let (history, dir) = try history(fixture: "index-mixed.jsonl")
        defer { TestFiles.remove(dir) }
        let all = history.scanAll().runs
        for limit in 1...5 {
            #expect(history.newest(limit: limit).map(\.fields) == all.prefix(limit).map(\.fields))
        }
        #expect(history.recentLessons(limit: 10).map(\.lesson["summary"]) == ["prefer implementation over docs"])
        let events = history.spendEvents(since: TestFiles.time("2026-01-01T01:30:00Z"))
        #expect(events.map(\.slots) == [2])
        #expect(history.spendEvents(since: TestFiles.time("2026-01-01T02:30:00Z")).isEmpty)
    }

    @Test func appendClosesATornLineAndWritesWholeLines() throws {
        let (history, dir) = try history(fixture: "index-mixed.jsonl")
        defer { TestFiles.remove(dir) }
        try history.append(row: ["generated_at": "2026-01-01T05:00:00Z", "goal_id": "legacy-goal", "classification": "state_refreshed", "json_path": "/j", "markdown_path": "/m"])
        let scan = history.scanAll()
        #expect(!scan.tornLastLine)
        // The torn fragment stays one invalid line; the new row is a line of its own.
        #expect(scan.invalidCount == 3)
        #expect(scan.runs.count == 5)
        #expect(history.newest(limit: 1).first?.generatedAt == "2026-01-01T05:00:00Z")
        let text = try FileSystem.readText(history.indexPath)
        #expect(text.hasSuffix("\"markdown_path\":\"/m\"}\n"))
    }

    @Test func reverseReaderCrossesBlockBoundaries() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let path = dir + "/lines.txt"
        // Lines longer than a block, empty lines and a last line without a newline.
        let lines = (0..<40).map { i in i % 7 == 0 ? "" : String(repeating: Character(UnicodeScalar(97 + i % 26)!), count: (i * 9_973) % 150_000) }
        try FileSystem.writeAtomically(path, text: lines.joined(separator: "\n"))
        guard var reader = ReverseLineReader(path: path) else {
            Issue.record("cannot open \(path)")
            return
        }
        var seen: [String] = []
        var unterminated: [Bool] = []
        while let line = reader.next() {
            seen.append(String(decoding: line.bytes, as: UTF8.self))
            unterminated.append(line.isUnterminated)
        }
        #expect(seen == Array(lines.reversed()))
        #expect(unterminated.first == true && unterminated.dropFirst().allSatisfy { !$0 })
    }

    @Test func newestStopsEarlyButStillMergesLateOverlays() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let history = RunHistory(goalDirectory: dir)
        var base = Timestamp(rfc3339: "2026-01-01T00:00:00Z") ?? Timestamp(seconds: 0)
        for i in 0..<500 {
            try history.append(row: ["generated_at": .string(base.rfc3339), "classification": "state_refreshed", "json_path": .string("/r/\(i).json"), "markdown_path": .string("/r/\(i).md"), "delivery_batch_scale": "implementation"])
            base = base.adding(seconds: 60)
        }
        // A reward for run 497 appended after everything else.
        let target = TestFiles.time("2026-01-01T00:00:00Z").adding(seconds: 497 * 60)
        try history.append(row: ["generated_at": .string(target.rfc3339), "classification": "state_refreshed", "json_path": "/r/497.json", "markdown_path": "/r/497.md", "human_reward": ["reward": "positive", "lesson": ["kind": "route", "summary": "s"]]])
        let newest = history.newest(limit: 5)
        #expect(newest.map(\.jsonPath) == ["/r/499.json", "/r/498.json", "/r/497.json", "/r/496.json", "/r/495.json"])
        #expect(newest[2].rowCount == 2)
        #expect(newest[2].deliveryBatchScale == "implementation")
        #expect(newest[2].lesson?["kind"] == "route")
    }

    @Test func commonQuestionsReadOnlyTheEndOfALongIndex() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let history = RunHistory(goalDirectory: dir)
        try FileSystem.createDirectory(history.runsDirectory)
        let start = TestFiles.time("2025-01-01T00:00:00Z")
        var text = ""
        for i in 0..<30_000 {
            let row: JSONObject = [
                "generated_at": .string(start.adding(seconds: Int64(i) * 60).rfc3339), "goal_id": "g",
                "classification": i % 5 == 0 ? "quota_slot_spent" : "state_refreshed", "slots": 1,
                "json_path": .string("/r/\(i).json"), "markdown_path": .string("/r/\(i).md"),
            ]
            text += String(decoding: RunHistory.line(for: row), as: UTF8.self)
        }
        try FileSystem.writeAtomically(history.indexPath, text: text)
        let size = Int64(text.utf8.count)
        let newest = history.newestScan(limit: 50)
        #expect(newest.runs.count == 50 && newest.runs.first?.jsonPath == "/r/29999.json")
        #expect(newest.bytesRead <= 2 * Int64(ReverseLineReader.blockSize), "read \(newest.bytesRead) of \(size) bytes")
        let last = start.adding(seconds: 29_999 * 60)
        let spend = history.spendScan(since: last.adding(seconds: -3600), until: nil)
        #expect(spend.events.count == 12)
        #expect(spend.bytesRead <= 2 * Int64(ReverseLineReader.blockSize))
        #expect(size > 50 * Int64(ReverseLineReader.blockSize))
    }

    @Test func artifactsGetUniqueStems() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let history = RunHistory(goalDirectory: dir)
        #expect(RunHistory.stem(generatedAt: "2026-01-01T08:00:00+08:00") == "2026-01-01T08-00-00-08-00")
        #expect(RunHistory.stem(generatedAt: "2026-01-01T08:00:00Z", suffix: "-operator-gate") == "2026-01-01T08-00-00Z-operator-gate")
        let first = try history.writeArtifacts(stem: "s", record: { j, _ in .object(["json_path": .string(j)]) }, markdown: "# a")
        let second = try history.writeArtifacts(stem: "s", record: { j, _ in .object(["json_path": .string(j)]) }, markdown: "# b")
        #expect(first.json.hasSuffix("/runs/s.json") && second.json.hasSuffix("/runs/s-2.json"))
        #expect(try FileSystem.readText(second.markdown) == "# b\n")
        #expect(history.proposedArtifactPaths(stem: "s").json.hasSuffix("/runs/s-3.json"))
    }

    @Test func lockedRewriteRefusesWhenTheFileChanged() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let path = dir + "/registry.json"
        try FileSystem.writeAtomically(path, text: "{}\n")
        let snapshot = try FileSnapshot.read(path)
        try FileSystem.writeAtomically(path, text: "{\"edited\": true}\n")
        #expect(throws: LockedRewrite.Failure.self) { try LockedRewrite.write(Array("{}".utf8), over: snapshot) }
        #expect(try FileSystem.readText(path) == "{\"edited\": true}\n")
        try LockedRewrite.write(Array("{\"v\": 2}\n".utf8), over: try FileSnapshot.read(path))
        #expect(try FileSystem.readText(path) == "{\"v\": 2}\n")
    }
}
