import Testing
@testable import LoopXCore
import LoopXRules

/// The active state document keeps raw bytes: invalid UTF-8 outside an edit is written back
/// as read (issue 15, finding 8).
@Suite struct ActiveStateBytesTests {
    let now = TestFiles.time("2026-01-01T08:00:00Z")

    /// A state whose objective, an untouched todo, the edited todo's own text and the ledger
    /// carry a 0xFF byte, a lone 0xC3 lead byte and an overlong `/` (0xC0 0xAF).
    static let bytes: [UInt8] = Array("---\nstatus: active\nupdated_at: 2025-01-01T00:00:00Z\n---\n## Objective\n\nShip ".utf8) + [0xFF]
        + Array("\r\n\n## Agent Todo\n\n- [ ] keep ".utf8) + [0xC3] + Array(" this\n- [ ] edit ".utf8) + [0xC0, 0xAF]
        + Array(" me\n\n## Progress Ledger\n\n- old ".utf8) + [0xFF, 0xFE] + Array(" entry\nlast line without newline ".utf8) + [0xC3]

    @Test func untouchedDocumentGivesBackTheSameBytes() {
        let document = ActiveStateDocument(bytes: Self.bytes)
        #expect(document.bytes == Self.bytes)
        #expect(document.lines.count == document.lineBytes.count)
        #expect(document.content(6).hasPrefix("Ship "))
    }

    @Test func everyTodoEditKeepsInvalidBytesOnOtherLines() throws {
        var editor = TodoEditor(document: ActiveStateDocument(bytes: Self.bytes), now: now)
        let edit = try #require(editor.document.todos.first { $0.text.hasPrefix("edit") })
        _ = try editor.claim(id: edit.id, agent: "codex-a", ttlMinutes: 30)
        _ = try editor.release(id: edit.id, agent: "codex-a")
        _ = editor.add(role: .agent, text: "new one", metadata: TodoMetadata())
        _ = try editor.complete(id: edit.id, agent: "codex-a", evidence: nil)
        let out = editor.document.bytes
        // Each original line is still present byte for byte, except the completed item whose
        // marker changed; that line keeps its own invalid bytes too.
        for line in ActiveStateDocument(bytes: Self.bytes).lineBytes {
            let expected = line.starts(with: Array("- [ ] edit".utf8)) ? Array("- [x]".utf8) + line.dropFirst(5) : line
            #expect(editor.document.lineBytes.contains(expected), "\(String(decoding: line, as: UTF8.self))")
        }
        #expect(!out.starts(with: [0xEF, 0xBF, 0xBD]) && !Self.containsReplacement(out))
    }

    @Test func progressLedgerInsertKeepsInvalidBytes() {
        var document = ActiveStateDocument(bytes: Self.bytes)
        let entry = ProgressLedger.entry(recordedAt: "2026-01-01T08:00:00Z", summary: "judged", historyCommand: "loopx history")
        #expect(ProgressLedger.insert(entry, into: &document, updatedAt: "2026-01-01T08:00:00Z"))
        for line in ActiveStateDocument(bytes: Self.bytes).lineBytes where !line.starts(with: Array("updated_at".utf8)) {
            #expect(document.lineBytes.contains(line))
        }
        #expect(!Self.containsReplacement(document.bytes))
    }

    /// Whether the bytes hold U+FFFD (EF BF BD), the mark of a lossy decode.
    static func containsReplacement(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 3 else { return false }
        return (0...(bytes.count - 3)).contains { bytes[$0] == 0xEF && bytes[$0 + 1] == 0xBF && bytes[$0 + 2] == 0xBD }
    }
}
