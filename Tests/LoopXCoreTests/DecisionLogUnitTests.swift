import Foundation
import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

/// The decision log file: records round-trip, rotation keeps it bounded, and the settings
/// come from the environment and the goal's registry field.
@Suite struct DecisionLogUnitTests {
    /// A record shaped like a real should-run one (12 facts, three layers, ~1.3 KB).
    static func record(at: Timestamp, tick: Int) -> (DecisionRecord, [(digest: String, bytes: [UInt8])]) {
        var facts = JSONObject()
        var values: [(digest: String, bytes: [UInt8])] = []
        for name in ["action", "goal", "health", "history", "spend", "state", "project", "obligation", "lane", "user", "extra", "more"] {
            // The obligation changes every tick; the rest stays the same (a quiet goal).
            let text = name == "obligation" ? "{\"issued_at\":\"\(at.rfc3339)\",\"tick\":\(tick)}" : "{\"name\":\"\(name)\"}"
            let bytes = Array(text.utf8)
            let digest = RuleSetSnapshot.contentDigest(bytes)
            facts[name] = .string(digest)
            values.append((digest, bytes))
        }
        let layers = ["builtin", "user", "project"].map { DecisionRecord.Layer(kind: $0, path: "/some/where/\($0)/rules", digest: String(repeating: "a", count: 32)) }
        let record = DecisionRecord(
            at: at, kind: "should_run", layers: layers, facts: facts, profileBase: nil,
            answer: ["decision": "run", "should_run": true, "effective_action": "continue", "state": "available",
                     "heartbeat_mode": "work", "must_attempt_work": true, "obligation_kind": "bounded_progress_segment"],
            fired: ["quota.available", "should_run.run", "heartbeat_recommendation.work", "execution_obligation.owed", "attention.codex"],
            agentID: "agent-1", obligation: ["issued": true, "kind": "bounded_progress_segment"])
        return (record, values)
    }

    @Test func aRecordRoundTripsThroughItsLine() throws {
        let (record, _) = Self.record(at: TestFiles.time("2026-01-01T00:00:00Z"), tick: 1)
        let line = RunHistory.line(for: record.json.objectValue ?? [:])
        let parsed = DecisionRecord(json: try JSONParser.parse(Array(line.dropLast())))
        let writer = JSONWriter(sortedKeys: true, pretty: false)
        #expect(parsed.map { writer.string($0.json) } == writer.string(record.json))
        #expect(DecisionRecord(json: ["v": 2, "at": "2026-01-01T00:00:00Z", "kind": "x", "facts": [:], "answer": [:]]) == nil)
    }

    @Test func aGoalTickingEveryFiveMinutesForThirtyDaysStaysUnderTheBound() throws {
        let directory = try TestFiles.scratch()
        defer { TestFiles.remove(directory) }
        let settings = DecisionLogSettings()
        let log = DecisionLog(goalDirectory: directory, settings: settings)
        let start = TestFiles.time("2026-01-01T00:00:00Z")
        var largest: Int64 = 0
        for tick in 0..<(30 * 24 * 12) {
            let (record, values) = Self.record(at: start.adding(seconds: Int64(tick) * 300), tick: tick)
            try log.append(record, values: values)
            if tick % 500 == 0 { largest = max(largest, log.diskBytes()) }
        }
        largest = max(largest, log.diskBytes())
        // Documented bound: two generations of max_bytes, plus the fact values they reference.
        let referenced = log.records().count * 100
        #expect(largest <= 2 * settings.maxBytes + Int64(referenced))
        #expect(FileSystem.exists(log.rotatedPath))
        // The facts of records that rotated out are gone; those of kept records are all there.
        let kept = log.records()
        for digest in Set(kept.flatMap(\.referencedDigests)) { #expect(log.value(digest) != nil) }
        let stored = try FileSystem.list(log.factsDirectory).count
        #expect(stored == Set(kept.flatMap(\.referencedDigests)).count)
    }

    @Test func anOldGenerationRotatesByAgeAndDropsWhenBothAreTooOld() throws {
        let directory = try TestFiles.scratch()
        defer { TestFiles.remove(directory) }
        var settings = DecisionLogSettings()
        settings.maxAgeSeconds = 86_400
        let log = DecisionLog(goalDirectory: directory, settings: settings)
        let start = TestFiles.time("2026-01-01T00:00:00Z")
        for hours in [0, 1, 2, 30, 31, 100] {
            let (record, values) = Self.record(at: start.adding(seconds: Int64(hours) * 3_600), tick: hours)
            try log.append(record, values: values)
        }
        // At 30h the first generation [0,1,2] rotated out, and was dropped: all of it older
        // than a day. At 100h the same happened to [30,31].
        #expect(log.records().map { $0.at } == [start.adding(seconds: 100 * 3_600)])
        #expect(!FileSystem.exists(log.rotatedPath))
    }

    @Test func settingsComeFromTheEnvironmentThenTheGoal() {
        let environment = LoopXEnvironment(
            variables: ["HOME": "/h", "LOOPX_DECISION_LOG_MAX_BYTES": "1000", "LOOPX_DECISION_LOG_MAX_AGE_DAYS": "2"],
            workingDirectory: "/", executablePath: "/bin/loopx", executableRealPath: "/bin/loopx")
        let fromEnvironment = DecisionLogSettings(goal: nil, environment: environment)
        #expect(fromEnvironment.enabled && fromEnvironment.maxBytes == 1000 && fromEnvironment.maxAgeSeconds == 2 * 86_400)
        let goal = GoalEntry(["id": "g", "decision_log": ["max_bytes": 5000, "max_age_days": 3]])
        let fromGoal = DecisionLogSettings(goal: goal, environment: environment)
        #expect(fromGoal.maxBytes == 5000 && fromGoal.maxAgeSeconds == 3 * 86_400)
        #expect(!DecisionLogSettings(goal: GoalEntry(["decision_log": false]), environment: environment).enabled)
        let off = LoopXEnvironment(variables: ["LOOPX_DECISION_LOG": "off"], workingDirectory: "/", executablePath: "/bin/loopx", executableRealPath: "/bin/loopx")
        #expect(!DecisionLogSettings(goal: nil, environment: off).enabled)
    }

    @Test func obligationsEndAsTheNextDecisionSawThem() {
        let start = TestFiles.time("2026-01-01T00:00:00Z")
        func record(_ minutes: Int64, issued: Bool, previous: (Int64, String)?) -> DecisionRecord {
            var obligation: JSONObject = ["issued": .bool(issued)]
            if let previous {
                obligation["previous"] = ["issued_at": .string(start.adding(seconds: previous.0 * 60).rfc3339), "status": .string(previous.1)]
            }
            return DecisionRecord(at: start.adding(seconds: minutes * 60), kind: "should_run", layers: [], facts: [:],
                                  profileBase: nil, answer: [:], fired: [], obligation: obligation)
        }
        let history = DecisionHistory(records: [
            record(0, issued: true, previous: nil), record(2, issued: true, previous: (0, "pending")),
            record(20, issued: true, previous: (2, "lapsed")), record(40, issued: false, previous: (20, "discharged")),
            record(60, issued: true, previous: (20, "discharged")),
        ])
        let current: JSONValue = ["issued_at": .string(start.adding(seconds: 3_600).rfc3339), "status": "lapsed"]
        #expect(history.obligations(current: current).map(\.status) == ["superseded", "lapsed", "discharged", "lapsed"])
        #expect(history.lapses(since: start.adding(seconds: 600), current: current) == 1)
    }
}
