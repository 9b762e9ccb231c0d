import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

@Suite struct SpendEventTests {
    @Test func slotsComeFromTheRowOrTheRunsJSONFile() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let history = RunHistory(goalDirectory: dir)
        let artifact = dir + "/spend.json"
        try FileSystem.writeAtomically(artifact, text: #"{"quota_event": {"event_type": "quota_slot_spent", "slots": 4}}"#)
        let rows: [JSONObject] = [
            ["generated_at": "2026-01-01T01:00:00Z", "classification": "quota_slot_spent", "json_path": .string(artifact), "markdown_path": "/m1"],
            ["generated_at": "2026-01-01T02:00:00Z", "classification": "state_refreshed", "json_path": "/j2", "markdown_path": "/m2"],
            ["generated_at": "2026-01-01T03:00:00Z", "classification": "quota_slot_spent", "slots": 2, "json_path": "/j3", "markdown_path": "/m3"],
            ["generated_at": "2026-01-01T03:00:00Z", "classification": "quota_slot_spent", "slots": 2, "json_path": "/j3", "markdown_path": "/m3"],
            ["generated_at": "2026-01-01T04:00:00Z", "classification": "quota_slot_voided", "quota_event": ["slots": 1], "json_path": "/j4", "markdown_path": "/m4"],
            ["generated_at": "2026-01-01T05:00:00Z", "classification": "quota_slot_spent", "json_path": "/missing.json", "markdown_path": "/m5"],
        ]
        for row in rows { try history.append(row: row) }
        let events = history.spendEvents(since: TestFiles.time("2026-01-01T00:00:00Z"), until: TestFiles.time("2026-01-01T04:30:00Z"))
        // Newest first; the duplicated row counts once; the 05:00 event is after `until`.
        #expect(events.map(\.slots) == [1, 2, 4])
        #expect(events.map(\.signedSlots).reduce(0, +) == 5)
        #expect(history.spendEvents(since: TestFiles.time("2026-01-01T04:45:00Z")).map(\.slots) == [1])
        var goal = GoalEntry(["id": "g", "quota": ["window_hours": 24, "compute": 0.5]])
        let defaults = try TestFiles.builtinFields().quota
        let ledger = QuotaConfig(goal: goal, defaults: defaults).ledger(history: history, now: TestFiles.time("2026-01-01T06:00:00Z"))
        #expect(ledger["spent_slots"] == 6 && ledger["allowed_slots"] == 720 && ledger["spend_event_count"] == 4)
        goal["quota"] = ["compute": 3.0, "window_hours": 0, "slot_minutes": 30]
        #expect(QuotaConfig(goal: goal, defaults: defaults).compute == 1.0 && QuotaConfig(goal: goal, defaults: defaults).allowedSlots == 2)
    }
}
