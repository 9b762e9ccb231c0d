import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

@Suite struct RunDraftTests {
    func history(index text: String?) throws -> (RunHistory, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("runs"), withIntermediateDirectories: true)
        if let text { try Data(text.utf8).write(to: dir.appendingPathComponent("runs/index.jsonl")) }
        return (RunHistory(goalDirectory: dir.path), dir)
    }

    @Test func countsNonBlankLinesIncludingAnUnterminatedLastOne() throws {
        let (history, dir) = try history(index: "{\"a\":1}\n\n  \t\n{\"b\":2}\r\n   x\n{\"torn\"")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(history.rawLineCount() == 4)
        let (empty, emptyDir) = try self.history(index: nil)
        defer { try? FileManager.default.removeItem(at: emptyDir) }
        #expect(empty.rawLineCount() == 0)
    }

    @Test func countsAcrossBlockBoundaries() throws {
        let line = String(repeating: "x", count: 70_000)
        let (history, dir) = try history(index: line + "\n\n" + line + "\n" + String(repeating: " ", count: 70_000) + "\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(history.rawLineCount() == 2)
    }

    @Test func recordWritesArtifactsAndRowOrOnlyPreviews() throws {
        let (history, dir) = try history(index: nil)
        defer { try? FileManager.default.removeItem(at: dir) }
        let draft = RunDraft(stem: "2026-01-01T08-00-00Z-x", row: ["generated_at": "2026-01-01T08:00:00Z", "classification": "c"], detail: ["big": [1, 2]])
        let preview = try history.record(draft, dryRun: true) { _ in "# md" }
        #expect(!preview.appended)
        #expect(!FileManager.default.fileExists(atPath: preview.jsonPath))
        #expect(history.rawLineCount() == 0)
        let first = try history.record(draft, dryRun: false) { "# \($0["classification"]?.stringValue ?? "")" }
        let second = try history.record(draft, dryRun: false) { _ in "# again" }
        #expect(first.jsonPath.hasSuffix("/runs/2026-01-01T08-00-00Z-x.json"))
        #expect(second.jsonPath.hasSuffix("/runs/2026-01-01T08-00-00Z-x-2.json"))
        #expect(first.row["big"] == nil)
        #expect(try String(contentsOfFile: first.markdownPath, encoding: .utf8) == "# c\n")
        let artifact = try JSONParser.parse(String(contentsOfFile: first.jsonPath, encoding: .utf8))
        #expect(artifact["big"] == [1, 2])
        #expect(artifact["json_path"]?.stringValue == first.jsonPath)
        #expect(history.rawLineCount() == 2)
    }
}

@Suite struct RunLookupTests {
    @Test func findsAnOldRunWithItsOverlaysInFileOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lookup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("runs"), withIntermediateDirectories: true)
        let rows = [
            #"{"generated_at":"2026-01-01T00:00:00Z","json_path":"a.json","markdown_path":"a.md","classification":"old"}"#,
            #"{"generated_at":"2026-01-02T00:00:00Z","json_path":"b.json","markdown_path":"b.md","classification":"new"}"#,
            #"{"generated_at":"2026-01-01T00:00:00Z","json_path":"a.json","markdown_path":"a.md","human_reward":{"reward":"mixed"}}"#,
            "not json 2026-01-01T00:00:00Z",
            #"{"generated_at":"2026-01-01T00:00:00Z","json_path":"a.json","markdown_path":"a.md","human_reward":{"reward":"positive"}}"#,
        ]
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("runs/index.jsonl"))
        let history = RunHistory(goalDirectory: dir.path)
        let run = try #require(history.run(generatedAt: "2026-01-01T00:00:00Z"))
        #expect(run.classification == "old")
        #expect(run.rowCount == 3)
        #expect(run.humanReward?["reward"] == "positive")
        #expect(history.run(generatedAt: "2026-01-03T00:00:00Z") == nil)
    }
}
