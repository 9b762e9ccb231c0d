import Foundation
import LoopXSupport
import Testing
import LoopXRules

/// Edits of the active state keep every byte outside the lines they own, even bytes that are
/// not UTF-8 (issue 15, finding 8).
@Suite struct StateBytePreservationTests {
    /// Lines that are not valid UTF-8: a 0xFF byte, a lone 0xC3 lead byte, overlong encodings.
    static let invalidLines: [[UInt8]] = [
        Array("Objective note: caf".utf8) + [0xFF] + Array(" end\n".utf8),
        Array("- a lone lead byte ".utf8) + [0xC3] + Array(" here\n".utf8),
        Array("overlong slash ".utf8) + [0xC0, 0xAF] + Array(" and NUL-ish ".utf8) + [0xE0, 0x80, 0x80] + Array("\n".utf8),
    ]

    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            result.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { result.append(Array(bytes[start...])) }
        return result
    }

    /// The lines of `before` missing from `after` (as a multiset): what an edit replaced.
    static func removedLines(_ before: [UInt8], _ after: [UInt8]) -> [[UInt8]] {
        var remaining = lines(after)
        var removed: [[UInt8]] = []
        for line in lines(before) {
            if let index = remaining.firstIndex(of: line) { remaining.remove(at: index) } else { removed.append(line) }
        }
        return removed
    }

    @Test func everyTodoVerbKeepsInvalidUTF8OutsideItsLines() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        let boot = try project.run(["bootstrap", "--goal-id", "shop", "--no-global-sync", "--registered-agent", "codex-a"])
        #expect(boot.status == 0, "\(boot.stderr)")
        let path = project.statePath("shop")
        var text = try project.read(path)
        text = text.replacingOccurrences(of: "## Next Action", with: "@@INVALID@@\n## Next Action")
        var seeded: [UInt8] = []
        for part in text.components(separatedBy: "@@INVALID@@\n") {
            if !seeded.isEmpty { seeded += StateBytePreservationTests.invalidLines.joined() }
            seeded += Array(part.utf8)
        }
        seeded += StateBytePreservationTests.invalidLines[0]
        #expect(seeded.count > text.utf8.count)
        try Data(seeded).write(to: URL(fileURLWithPath: path))

        func bytes() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
        func step(_ arguments: [String]) throws -> JSONValue {
            let before = try bytes()
            let (result, json) = try project.json(["todo"] + arguments + ["--goal-id", "shop"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let after = try bytes()
            // Every invalid line is still there byte for byte; only todo lines were replaced.
            for line in StateBytePreservationTests.invalidLines {
                #expect(after.count >= line.count && StateBytePreservationTests.lines(after).contains(line), "\(arguments)")
            }
            for removed in StateBytePreservationTests.removedLines(before, after) {
                let shown = String(decoding: removed, as: UTF8.self)
                #expect(shown.contains("loopx:todo") || shown.contains("Byte check"), "\(arguments) replaced \(shown)")
            }
            #expect(!after.contains(0xEF) || before.contains(0xEF), "\(arguments) wrote U+FFFD")
            return json
        }
        let added = try step(["add", "--text", "[P3] Byte check"])
        let id = try #require(added["todo"]?["todo_id"]?.stringValue)
        _ = try step(["claim", "--todo-id", id, "--agent-id", "codex-a"])
        _ = try step(["release", "--todo-id", id, "--agent-id", "codex-a"])
        let done = try step(["complete", "--todo-id", id, "--agent-id", "codex-a"])
        #expect(done["todo"]?["status"] == "done")
        #expect(try String(decoding: bytes(), as: UTF8.self).contains("- [x] [P3] Byte check"))
    }
}
