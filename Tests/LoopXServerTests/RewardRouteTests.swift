import LoopXCore
import LoopXServer
import LoopXSupport
import Testing
import LoopXRules

/// The reward routes over real HTTP: validation, the preview id, and every refusal of append.
@Suite struct RewardRouteTests {
    static let request: JSONValue = [
        "goal_id": "app", "decision": "continue_route", "reward": "positive", "reason_summary": "validation improved",
    ]

    @Test func dryRunPreviewsWithoutWritingAndTheIdIsTheDigestOfItsIdentity() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let before = try fixture.indexRows()
        let reply = try await client.post("/reward/dry-run", json: Self.request)
        #expect(reply.status == 200, "\(reply.text)")
        #expect(reply.headers["cache-control"] == "no-store")
        let json = try #require(reply.json)
        #expect(json["dry_run"] == true && json["appended"] == false)
        #expect(json["selected_run"]?["generated_at"] == "2025-12-31T10:00:00Z")
        #expect(json["raw_index_records_before"] == 2)
        #expect(json["human_reward"]?["recorded_at"] == "2026-01-02T03:04:05Z")
        // Recompute independently: 24 hex of SHA-256 over the compact, key-sorted identity.
        let identity: JSONValue = [
            "goal_id": json["goal_id"] ?? .null, "raw_index_records_before": json["raw_index_records_before"] ?? .null,
            "selected_run": json["selected_run"] ?? .null, "human_reward": json["human_reward"] ?? .null,
        ]
        let canonical = JSONWriter(sortedKeys: true, pretty: false).string(identity)
        #expect(json["preview_id"]?.stringValue == String(Digest.sha256Hex(Array(canonical.utf8)).prefix(24)))
        #expect(json["preview_id"]?.stringValue?.count == 24)
        #expect(try fixture.indexRows() == before)
        let again = try await client.post("/reward/dry-run", json: Self.request)
        #expect(again.json?["preview_id"] == json["preview_id"])
    }

    @Test func badBodiesAre400() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: true)
        var unknown = Self.request.objectValue ?? [:]
        unknown["lesson"] = "sneak a lesson in"
        let cases: [(String, [UInt8], String)] = [
            ("unknown field", Array(JSONWriter().string(.object(unknown)).utf8), "unknown field"),
            ("not an object", Array("[1,2]".utf8), "JSON object"),
            ("not JSON", Array("{goal_id:".utf8), "not valid JSON"),
            ("missing field", Array(#"{"goal_id":"app","reward":"positive"}"#.utf8), "missing required"),
            ("wrong type", Array(#"{"goal_id":"app","decision":1,"reward":"positive","reason_summary":"x"}"#.utf8), "must be a string"),
            ("bad reward", Array(#"{"goal_id":"app","decision":"d","reward":"great","reason_summary":"x"}"#.utf8), "invalid --reward"),
            ("unknown goal", Array(#"{"goal_id":"ghost","decision":"d","reward":"positive","reason_summary":"x"}"#.utf8), "ghost"),
        ]
        for (name, body, message) in cases {
            for path in ["/reward/dry-run", "/reward/append"] {
                let reply = try await client.send("POST", path, body: body)
                #expect(reply.status == 400, "\(name) on \(path): \(reply.text)")
                #expect(reply.json?["ok"] == false)
                if path.hasSuffix("dry-run") {
                    #expect(reply.json?["error"]?.stringValue?.contains(message) == true, "\(name): \(reply.text)")
                }
            }
        }
    }

    @Test func oversizedBodiesAre400AndNothingIsWritten() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: true)
        let padding = String(repeating: "x", count: 64_001)
        let body = Array(#"{"goal_id":"app","decision":"d","reward":"positive","reason_summary":"\#(padding)"}"#.utf8)
        for path in ["/reward/dry-run", "/reward/append"] {
            let reply = try await client.send("POST", path, body: body)
            #expect(reply.status == 400, "\(path): \(reply.status)")
            #expect(reply.json?["error"]?.stringValue?.contains("64000") == true)
        }
        #expect(try fixture.indexRows().count == 2)
    }

    @Test func appendIsForbiddenWhileTheWriteAPIIsOff() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let preview = try await client.post("/reward/dry-run", json: Self.request)
        let reply = try await client.post("/reward/append", json: Self.confirming(preview.json))
        #expect(reply.status == 403)
        #expect(reply.json?["error"]?.stringValue?.contains("--enable-reward-write-api") == true)
        #expect(try fixture.indexRows().count == 2)
    }

    @Test func appendFromAForeignOriginIsForbidden() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: true)
        let preview = try await client.post("/reward/dry-run", json: Self.request)
        let reply = try await client.post("/reward/append", json: Self.confirming(preview.json), headers: ["Origin": "https://evil.example"])
        #expect(reply.status == 403)
        #expect(try fixture.indexRows().count == 2)
    }

    @Test func aCurrentPreviewAppendsThroughTheRewardCodeAndAStaleOneIs409() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: true)
        let preview = try await client.post("/reward/dry-run", json: Self.request)
        let confirm = Self.confirming(preview.json)
        // A run recorded after the preview changes the index, so the confirmation is stale.
        try fixture.addRun(at: "2025-12-31T11:00:00Z")
        let stale = try await client.post("/reward/append", json: confirm)
        #expect(stale.status == 409, "\(stale.text)")
        #expect(stale.json?["error"]?.stringValue?.contains("stale") == true)
        #expect(try fixture.indexRows().count == 3)

        let fresh = try await client.post("/reward/dry-run", json: Self.request.merging(["run_generated_at": "2025-12-31T10:00:00Z"]))
        let appended = try await client.post("/reward/append", json: Self.confirming(fresh.json), headers: ["Origin": "http://127.0.0.1:\(client.port)"])
        #expect(appended.status == 200, "\(appended.text)")
        #expect(appended.json?["appended"] == true && appended.json?["dry_run"] == false)
        #expect(appended.json?["preview_id"] == fresh.json?["preview_id"])
        let rows = try fixture.indexRows()
        #expect(rows.count == 4)
        #expect(rows.last?["human_reward"]?["reward"] == "positive")
        #expect(rows.last?["generated_at"] == "2025-12-31T10:00:00Z")
        let state = try String(contentsOfFile: fixture.project.path + "/.codex/goals/app/ACTIVE_GOAL_STATE.md", encoding: .utf8)
        #expect(state.contains("loopx history --goal-id app --limit 3"))
        // The same confirmation again is stale: the index grew by the append itself.
        let replay = try await client.post("/reward/append", json: Self.confirming(fresh.json))
        #expect(replay.status == 409)
        #expect(try fixture.indexRows().count == 4)
    }

    /// The append body that confirms a dry-run answer.
    static func confirming(_ preview: JSONValue?) -> JSONValue {
        request.merging([
            "preview_id": preview?["preview_id"] ?? .null,
            "run_generated_at": preview?["selected_run"]?["generated_at"] ?? .null,
            "recorded_at": preview?["human_reward"]?["recorded_at"] ?? .null,
        ])
    }
}

extension JSONValue {
    /// The element at `index` of an array value.
    subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }

    func merging(_ extra: JSONObject) -> JSONValue {
        var object = objectValue ?? [:]
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }
}
