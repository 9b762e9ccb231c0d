import LoopXCore
import Testing

@Suite struct RewardUnitTests {
    static let entry = ProgressLedger.entry(recordedAt: "2026-01-01T08:00:00Z", summary: "judged", historyCommand: "loopx history --goal-id g --limit 3")

    @Test func insertsAtTheTopOfTheLedgerKeepingEveryOtherByte() {
        let text = "---\r\nupdated_at: old\r\n---\r\n\r\n## Progress Ledger\r\n\r\n- earlier\r\n\r\n## Tail\r\nend"
        var document = ActiveStateDocument(text: text)
        #expect(ProgressLedger.insert(Self.entry, into: &document, updatedAt: "2026-01-01T08:00:00Z"))
        #expect(document.text == "---\r\nupdated_at: 2026-01-01T08:00:00Z\r\n---\r\n\r\n## Progress Ledger\r\n\r\n"
            + "- 2026-01-01T08:00:00Z: judged\r\n  - project_agent_visibility: `loopx history --goal-id g --limit 3`\r\n"
            + "- earlier\r\n\r\n## Tail\r\nend")
        let once = document.text
        #expect(!ProgressLedger.insert(Self.entry, into: &document, updatedAt: "2026-01-02T00:00:00Z"))
        #expect(document.text == once)
    }

    @Test func emptyLedgerBeforeAnotherSectionKeepsTheSeparatorAndMissingLedgerIsAppended() {
        var empty = ActiveStateDocument(text: "## Progress Ledger\n\n## Next Action\n- x\n")
        ProgressLedger.insert(Self.entry, into: &empty, updatedAt: "t")
        #expect(empty.text == "## Progress Ledger\n\n- 2026-01-01T08:00:00Z: judged\n"
            + "  - project_agent_visibility: `loopx history --goal-id g --limit 3`\n\n## Next Action\n- x\n")
        var none = ActiveStateDocument(text: "# State\n\n## Next Action\n- x")
        ProgressLedger.insert(Self.entry, into: &none, updatedAt: "t")
        #expect(none.text == "# State\n\n## Next Action\n- x\n\n## Progress Ledger\n\n- 2026-01-01T08:00:00Z: judged\n"
            + "  - project_agent_visibility: `loopx history --goal-id g --limit 3`\n")
    }

    @Test func lessonFlagsAreValidatedAndDeduplicated() throws {
        #expect(try RewardLesson.fromFlags(kind: nil, summary: nil, avoid: [], prefer: []) == nil)
        let lesson = try RewardLesson.fromFlags(kind: "route", summary: " keep  it small ", avoid: ["a", "a ", "b"], prefer: [])
        #expect(lesson?.summary == "keep it small")
        #expect(lesson?.avoid == ["a", "b"])
        #expect(lesson?.json["prefer"] == nil)
        #expect(lesson?.json["schema_version"] == "human_reward_lesson_v0")
        #expect(throws: CommandFailure.self) { try RewardLesson.fromFlags(kind: nil, summary: "s", avoid: [], prefer: []) }
        #expect(throws: CommandFailure.self) { try RewardLesson.fromFlags(kind: "route", summary: nil, avoid: [], prefer: []) }
        #expect(throws: CommandFailure.self) {
            try RewardLesson.fromFlags(kind: "route", summary: "s", avoid: ["1", "2", "3", "4", "5", "6"], prefer: [])
        }
        #expect(throws: CommandFailure.self) { try RewardLesson.fromFlags(kind: "route", summary: "password is x", avoid: [], prefer: []) }
    }
}

@Suite struct HumanTextTests {
    @Test func refusesPrivateRootsOnlyAtTokenStarts() {
        #expect(HumanText.problem(in: "read /home/alice/notes") != nil)
        #expect(HumanText.problem(in: "copy `~/x`") != nil)
        #expect(HumanText.problem(in: "Bearer abc") != nil)
        #expect(HumanText.problem(in: "POST /reward/dry-run now works") == nil)
        #expect(HumanText.problem(in: "the app/home/view split") == nil)
        #expect(HumanText.problem(in: "validate lifecycle counters first") == nil)
    }
}
