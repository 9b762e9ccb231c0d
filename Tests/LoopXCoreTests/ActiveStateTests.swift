import Testing
@testable import LoopXCore
import LoopXRules

@Suite struct ActiveStateTests {
    let now = TestFiles.time("2026-01-01T08:00:00Z")

    func legacy() throws -> ActiveStateDocument { ActiveStateDocument(text: try TestFiles.fixtureText("legacy-state.md")) }

    @Test func untouchedRoundTripIsIdentical() throws {
        let text = try TestFiles.fixtureText("legacy-state.md")
        #expect(ActiveStateDocument(text: text).text == text)
        let crlf = "---\r\nstatus: active\r\n---\r\n## Agent Todo\r\n- [ ] x\r\nno newline at end"
        #expect(ActiveStateDocument(text: crlf).text == crlf)
    }

    @Test func frontMatterAndSections() throws {
        let doc = try legacy()
        #expect(doc.frontMatterValue("objective") == "Ship the \"widget\" importer")
        #expect(doc.frontMatterValue("adapter_id") == "legacy-goal")
        #expect(doc.sections.map(\.title) == [
            "Objective", "User Todo / Owner Review Reading Queue", "Agent Todo", "Completed Work Archive", "Next Action", "Progress Ledger",
        ])
    }

    @Test func legacyTodosGetTheOriginalsDerivedIDs() throws {
        let todos = try legacy().todos
        // Known answers of the original's formula: "todo_" + sha1("role|section|index|text")[:12].
        #expect(todos.map(\.id) == ["todo_587c3e9d3a5f", "todo_bcc6fb554b9b", "todo_68eb9239a4ea", "todo_ac4c48d23a43", "todo_keepthis123"])
        #expect(todos.map(\.status) == [.open, .done, .open, .deferred, .blocked])
        #expect(todos[0].text == "[P1] Review the importer design note that continues on a second line")
        #expect(todos[0].priority == 1)
        #expect(todos[2].claimedBy == "codex-main")
        #expect(todos[3].taskClass == "continuous_monitor")
        #expect(todos[4].metadata["action_kind"] == "implement")
        #expect(todos[4].metadata["note"] == "wait for schema")
        #expect(!todos.contains { $0.text.contains("Old thing") })
    }

    @Test func nextActionSkipsPrivateItemsAndJoinsContinuations() throws {
        let doc = try legacy()
        #expect(NextAction.items(in: doc).count == 3)
        #expect(NextAction.recommendedAction(in: doc) == "Implement the date validator and run the unit tests")
        #expect(NextAction.recommendedAction(in: ActiveStateDocument(text: "# x\n")) == NextAction.fallback)
    }

    @Test func metadataEncodingRoundTrips() {
        var meta = TodoMetadata()
        meta["todo_id"] = "todo_abc"
        meta["note"] = "a b/c=d%"
        meta["zz_custom"] = "v"
        meta["status"] = "open"
        let rendered = meta.rendered
        #expect(rendered == "<!-- loopx:todo todo_id=todo_abc status=open note=a%20b%2Fc%3Dd%25 zz_custom=v -->")
        #expect(TodoMetadata.parse(line: "  " + rendered)?["note"] == "a b/c=d%")
    }

    @Test func editsTouchOnlyTheirOwnLines() throws {
        let original = try legacy()
        var editor = TodoEditor(document: original, now: now)
        let (claimed, effect) = try editor.claim(id: "todo_587c3e9d3a5f", agent: "codex-a", ttlMinutes: 30)
        #expect(effect == .claimed)
        #expect(claimed.hasStoredID)
        #expect(claimed.claimExpiresAt == now.adding(seconds: 1800))
        let before = original.lines, after = editor.document.lines
        #expect(after.count == before.count + 1)
        // Every line but the inserted metadata line is unchanged.
        let inserted = try #require(claimed.metadataLine)
        var rest = after
        rest.remove(at: inserted)
        #expect(rest == before)
        // Replacing an existing metadata line keeps the count and changes exactly that line.
        var second = TodoEditor(document: editor.document, now: now)
        _ = try second.release(id: "todo_587c3e9d3a5f", agent: "codex-a")
        let changed = zip(editor.document.lines, second.document.lines).filter { $0 != $1 }
        #expect(changed.count == 1 && second.document.lines.count == editor.document.lines.count)
    }

    @Test func leasesRefuseOthersUntilExpiry() throws {
        var editor = TodoEditor(document: try legacy(), now: now)
        let id = "todo_68eb9239a4ea"
        // A legacy claimed_by without an expiry is a soft hint: it can be taken over.
        #expect(try editor.claim(id: id, agent: "codex-a", ttlMinutes: 10).1 == .takenOver)
        #expect(throws: TodoEditor.Refusal.self) { try editor.claim(id: id, agent: "codex-b", ttlMinutes: 10) }
        #expect(throws: TodoEditor.Refusal.self) { try editor.release(id: id, agent: "codex-b") }
        #expect(throws: TodoEditor.Refusal.self) { try editor.complete(id: id, agent: "codex-b", evidence: nil) }
        #expect(try editor.claim(id: id, agent: "codex-a", ttlMinutes: 10).1 == .renewed)
        editor.now = now.adding(seconds: 601)
        #expect(try editor.claim(id: id, agent: "codex-b", ttlMinutes: 10).1 == .takenOver)
        let (done, effect) = try editor.complete(id: id, agent: "codex-b", evidence: "tests pass")
        #expect(effect == .completed)
        #expect(done.status == .done && done.marker == "x" && done.claimedBy == nil)
        #expect(throws: TodoEditor.Refusal.self) { try editor.claim(id: id, agent: "codex-a", ttlMinutes: 10) }
    }

    @Test func addCreatesSectionsAndIsIdempotentByText() throws {
        let doc = ActiveStateDocument(text: "# State\n\n## Next Action\n\n- do it\n")
        var editor = TodoEditor(document: doc, now: now)
        let (agentTodo, first) = editor.add(role: .agent, text: "Write  the parser", metadata: TodoMetadata())
        #expect(first == .added)
        let (userTodo, _) = editor.add(role: .user, text: "Approve the plan", metadata: TodoMetadata())
        let (again, second) = editor.add(role: .agent, text: "write the parser", metadata: TodoMetadata())
        #expect(second == .unchanged && again.id == agentTodo.id)
        #expect(editor.document.sections.map(\.title) == ["User Todo / Owner Review Reading Queue", "Agent Todo", "Next Action"])
        let reparsed = ActiveStateDocument(text: editor.document.text).todos
        #expect(reparsed.map(\.id) == [userTodo.id, agentTodo.id])
        #expect(reparsed.allSatisfy { $0.hasStoredID })
        #expect(NextAction.recommendedAction(in: editor.document) == "do it")
    }
}
