import Foundation
import LoopXCore
import LoopXServer
import LoopXSupport
import Testing
import LoopXRules

/// The goal view's routes: `GET /goals/{id}/decision` (read-only should-run with its trace and
/// rule layers) and `GET /history.json` (runs and spends in a window), answered by the
/// framework-free `StatusAPI.respond(to:)` over the fixture project with the repository's rules.
@Suite struct GoalViewRouteTests {
    /// The repository's built-in `Rules/`, found from this file's path.
    static let rulesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules").path

    static func api(_ fixture: ServerFixture, now: String = "2026-01-02T03:04:05Z") -> StatusAPI {
        let environment = LoopXEnvironment(
            variables: [
                "HOME": fixture.home.path, "LOOPX_NOW": now, "LOOPX_RULES_DIR": rulesDirectory,
                "XDG_CACHE_HOME": fixture.home.path + "/cache",
            ],
            workingDirectory: fixture.project.path, executablePath: "/usr/bin/loopx", executableRealPath: "/usr/bin/loopx")
        let context: @Sendable () throws(CommandFailure) -> LoopXContext = { () throws(CommandFailure) in
            try LoopXContext(environment: environment, settings: GlobalSettings())
        }
        return StatusAPI(provider: { ["ok": true] }, context: context, writeEnabled: false)
    }

    static func get(_ api: StatusAPI, _ path: String, query: String = "") async -> (status: Int, json: JSONValue) {
        let response = await api.respond(to: APIRequest(method: "GET", path: path, query: query, headers: ["host": "127.0.0.1"]))
        return (response.status, response.jsonBody ?? .null)
    }

    /// Every regular file under a directory with its bytes, by relative path.
    static func snapshot(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = URL(fileURLWithPath: root)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(base.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func theDecisionRouteLeavesTheRuntimeDirectoryByteIdentical() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let api = Self.api(fixture)
        let before = try Self.snapshot(fixture.runtimeRoot.path)
        let (status, json) = await Self.get(api, "/goals/app/decision")
        #expect(status == 200)
        // The decision owes work, so `quota should-run` would record an obligation here.
        #expect(json["execution_obligation"]?["must_attempt_work"] == true)
        _ = await Self.get(api, "/history.json", query: "window=30d")
        let after = try Self.snapshot(fixture.runtimeRoot.path)
        #expect(after == before)
        #expect(after.keys.sorted() == before.keys.sorted())
    }

    @Test func theDecisionIsShouldRunsReportWithTheTraceLayersAndRuleTexts() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let (status, json) = await Self.get(Self.api(fixture), "/goals/app/decision")
        #expect(status == 200)
        #expect(json["mode"] == "should-run" && json["goal_id"] == "app")
        let trace = json["rule_trace"]?.arrayValue ?? []
        #expect(!trace.isEmpty)
        // Traced: every stage carries every rule's outcome, and some rule missed on a conjunct.
        #expect(trace.allSatisfy { $0["evaluated"]?.arrayValue != nil })
        let missed = trace.flatMap { $0["evaluated"]?.arrayValue ?? [] }.filter { $0["outcome"] == "not_fired" && $0["why"]?["conjunct"] != nil }
        #expect(!missed.isEmpty)
        let details = json["rule_details"]?.arrayValue ?? []
        let fired = trace.flatMap { $0["rules"]?.arrayValue ?? [] }.compactMap { $0["id"]?.stringValue }
        #expect(!fired.isEmpty)
        for id in fired { #expect(details.contains { $0["id"]?.stringValue == id && $0["when"]?.stringValue != nil }) }
        let layers = json["rule_layers"]?["layers"]?.arrayValue ?? []
        #expect(layers.first?["kind"] == "builtin")
        #expect(layers.first?["digest"]?.stringValue?.count == 16)
        #expect(layers.first?["errors"] == [])
        #expect(json["recorded_obligation"]?["status"] == "none")
    }

    @Test func aBrokenProjectLayerIsShownNotHidden() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        try fixture.write("proj/.loopx/rules/broken.yaml", "rules:\n  - id: [unclosed\n")
        let (status, json) = await Self.get(Self.api(fixture), "/goals/app/decision")
        #expect(status == 500)
        #expect(json["ok"] == false)
        let layers = json["rule_layers"]?["layers"]?.arrayValue ?? []
        #expect(layers.map { $0["kind"]?.stringValue ?? "" } == ["builtin", "project"])
        let errors = layers.last?["errors"]?.arrayValue ?? []
        #expect(!errors.isEmpty)
        #expect(errors.first?.stringValue?.contains("broken.yaml") == true)
    }

    @Test func unknownAndMalformedGoalsAreRefused() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let api = Self.api(fixture)
        let unknown = await Self.get(api, "/goals/nobody/decision")
        #expect(unknown.status == 404)
        // The refusals carry the CLI's error codes.
        #expect(unknown.json["code"] == .string(ErrorCode.unknownGoal.rawValue))
        let malformed = await Self.get(api, "/goals/..%2Fx/decision")
        #expect(malformed.status == 400)
        #expect(malformed.json["code"] == .string(ErrorCode.usage.rawValue))
        #expect(await Self.get(api, "/goals/a/b/decision").json["code"] == .string(ErrorCode.notFound.rawValue))
        #expect(await Self.get(api, "/history.json", query: "window=1y").status == 400)
    }

    @Test func historyPlacesTheWindowsRunsOldestFirstWithSpendsApart() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        try fixture.addRun(at: "2025-12-20T09:00:00Z")  // outside a 7-day window ending 2026-01-02
        try RunHistory(goalDirectory: fixture.runtimeRoot.path + "/goals/app").append(row: [
            "generated_at": "2025-12-31T09:30:00Z", "goal_id": "app", "classification": "quota_slot_spent", "slots": 2,
        ])
        let api = Self.api(fixture)
        let (status, json) = await Self.get(api, "/history.json", query: "window=7d&goal=app")
        #expect(status == 200)
        #expect(json["since"] == "2025-12-26T03:04:05Z" && json["now"] == "2026-01-02T03:04:05Z")
        let goal = json["goals"]?[0]
        let times = goal?["runs"]?.arrayValue?.compactMap { $0["generated_at"]?.stringValue } ?? []
        #expect(times == ["2025-12-31T09:00:00Z", "2025-12-31T10:00:00Z"])
        #expect(goal?["spends"] == [["generated_at": "2025-12-31T09:30:00Z", "kind": "quota_slot_spent", "slots": 2]])
        let month = await Self.get(api, "/history.json", query: "window=30d")
        #expect(month.json["goals"]?[0]?["runs"]?.arrayValue?.count == 3)
    }
}
