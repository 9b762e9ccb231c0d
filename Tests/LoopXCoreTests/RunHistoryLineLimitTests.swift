import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

/// A history line longer than `RunHistory.maxLineBytes` is an invalid line: skipped without
/// being parsed, counted, and the rows around it are still read.
@Suite struct RunHistoryLineLimitTests {
    func row(_ minute: Int, padding: Int = 0) -> String {
        var object: JSONObject = [
            "generated_at": .string("2026-01-01T07:\(minute < 10 ? "0" : "")\(minute):00Z"), "goal_id": "g",
            "classification": "state_refreshed", "json_path": .string("/r/\(minute).json"),
        ]
        if padding > 0 { object["note"] = .string(String(repeating: "n", count: padding)) }
        return String(decoding: RunHistory.line(for: object), as: UTF8.self)
    }

    @Test func anOversizedRowIsSkippedAndTheOthersAreRead() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let history = RunHistory(goalDirectory: dir)
        try FileSystem.createDirectory(history.runsDirectory)
        // The long row is valid JSON: it is skipped for its length alone, never parsed.
        let text = row(1) + row(2, padding: RunHistory.maxLineBytes + 10) + row(3)
        try FileSystem.writeAtomically(history.indexPath, text: text)

        let scan = history.scanAll()
        #expect(scan.rawCount == 3)
        #expect(scan.invalidCount == 1)
        #expect(scan.oversizedCount == 1)
        #expect(scan.runs.map(\.jsonPath) == ["/r/3.json", "/r/1.json"])
        #expect(history.newest(limit: 5).map(\.jsonPath) == ["/r/3.json", "/r/1.json"])
    }

    @Test func aRowJustUnderTheLimitIsStillRead() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let history = RunHistory(goalDirectory: dir)
        try FileSystem.createDirectory(history.runsDirectory)
        let base = row(2).utf8.count - 1  // without its newline
        let text = row(1) + row(2, padding: RunHistory.maxLineBytes - base - 12) + row(3)
        try FileSystem.writeAtomically(history.indexPath, text: text)
        #expect(history.scanAll().invalidCount == 0)
        #expect(history.newest(limit: 5).map(\.jsonPath) == ["/r/3.json", "/r/2.json", "/r/1.json"])
    }

    @Test func theReverseReaderFlagsExactlyTheLinesOverItsLimit() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let path = dir + "/lines.txt"
        let limit = 100_000
        // Lengths around the limit and around block boundaries; the first line is oversized too.
        let lengths = [250_000, 0, 5, limit, limit + 1, 65_535, 65_536, 3 * 65_536 + 7, 99_999, 1]
        let lines = lengths.enumerated().map { String(repeating: Character(UnicodeScalar(97 + $0.offset)!), count: $0.element) }
        try FileSystem.writeAtomically(path, text: lines.joined(separator: "\n") + "\n")
        guard var reader = ReverseLineReader(path: path, maxLineBytes: limit) else {
            Issue.record("cannot open \(path)")
            return
        }
        var seen: [String] = []
        var oversized: [Bool] = []
        while let line = reader.next() {
            seen.append(String(decoding: line.bytes, as: UTF8.self))
            oversized.append(line.isOversized)
        }
        let expectedOversized = lengths.reversed().map { $0 > limit }
        #expect(oversized == expectedOversized)
        #expect(seen == lines.reversed().map { $0.utf8.count > limit ? "" : $0 })
        #expect(reader.bytesRead == reader.fileSize)
    }
}
