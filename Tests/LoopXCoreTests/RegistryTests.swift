import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

@Suite struct RegistryTests {
    @Test func digestsMatchKnownAnswers() {
        #expect(Digest.sha1Hex(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Digest.sha1Hex([]) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Digest.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(Digest.sha1Hex(long) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }

    @Test func originalRegistryLoadsAndRewritesByteForByte() throws {
        let path = TestFiles.fixture("registry-extra-keys.json")
        let bytes = try FileSystem.readBytes(path)
        let registry = try RegistryCodec.decode(bytes, path: path)
        #expect(registry.goals.count == 2)
        #expect(registry.goal(id: "example-project-goal")?.registeredAgents == ["codex-main-control", "codex-side-bypass"])
        let fields = try TestFiles.builtinFields()
        let declared = fields.profileLayer(registry.goal(id: "example-project-goal")?["execution_profile"] ?? .null).value
        #expect(ExecutionProfile(json: fields.defaultProfile.deepMerged(with: declared)).outcomeMarkers.count == 5)
        // Untouched: identical bytes, unknown root and goal keys included.
        #expect(registry.fileBytes == bytes)
        // Touched: only the changed key differs; unknown keys survive.
        var edited = registry
        var goal = try #require(edited.goal(id: "second-goal"))
        goal["status"] = "paused"
        edited.upsert(goal)
        let reread = try RegistryCodec.decode(edited.fileBytes, path: path)
        #expect(reread.root["x_future_root_key"] == registry.root["x_future_root_key"])
        #expect(reread.goal(id: "second-goal")?["x_unknown_goal_key"] == "keep me")
        #expect(reread.goal(id: "second-goal").map(fields.status(of:)) == "paused")
        #expect(reread.goal(id: "example-project-goal")?["authority_registry"] == registry.goal(id: "example-project-goal")?["authority_registry"])
    }

    @Test func validationReportsStableCodes() throws {
        let text = """
        {"goals": [
          {"id": "a", "domain": "d", "repo": "/p", "state_file": "s.md", "adapter": {"kind": "k"}},
          {"id": "a", "domain": "d", "repo": "/p", "state_file": "t.md", "adapter": {"kind": "k"}},
          {"id": "b", "repo": "/p", "state_file": "/p/s.md"},
          "not an object",
          {"domain": "d"},
          {"id": "../x", "domain": "d", "repo": "/q", "state_file": "u.md", "adapter": {"kind": "k"}}
        ]}
        """
        let registry = try RegistryCodec.decode(Array(text.utf8), path: "r.json")
        let codes = registry.problems(environment: TestFiles.environment(home: "/h", cwd: "/w")).map(\.code.rawValue)
        #expect(codes == [
            "registry_duplicate_goal_id", "registry_goal_missing_domain", "registry_goal_missing_adapter_kind",
            "registry_state_file_shared", "registry_goal_not_object", "registry_goal_missing_id", "registry_goal_invalid_id",
        ])
        #expect(registry.json["goals"]?.arrayValue?[3] == "not an object")
    }

    @Test func goalIDsAreSinglePathSegments() {
        for bad in ["", ".", "..", "a/b", "-lead", "a b", "é", String(repeating: "a", count: 129), "a\\b"] {
            #expect(GoalID(bad) == nil, "\(bad)")
        }
        for good in ["a", "A1", "my-goal.v2_x", String(repeating: "a", count: 128)] {
            #expect(GoalID(good) != nil, "\(good)")
        }
        #expect(GoalID.defaultID(forProjectDirectory: "/tmp/My Project!!") == "my-project-goal")
        #expect(GoalID.defaultID(forProjectDirectory: "/tmp/___") == "project-goal-goal")
    }

    @Test func executionProfileNormalizesBadValuesToDefaults() throws {
        let raw = try JSONParser.parse(#"{"cadence": "has space", "must_include": [1, "ok_label"], "outcome_floor": {"surface_streak_threshold": -1, "outcome_markers": ["eval"]}, "degradation_policy": {"small_scale_streak_threshold": 4}}"#)
        let fields = try TestFiles.builtinFields()
        let profile = ExecutionProfile(json: fields.defaultProfile.deepMerged(with: fields.profileLayer(raw).value))
        #expect(profile.cadence == "bounded_progress_segment")
        #expect(profile.mustInclude == ["ok_label"])
        #expect(profile.surfaceStreakThreshold == 3)
        #expect(profile.smallScaleStreakThreshold == 4)
        #expect(profile.outcomeFloorConfigured)
        #expect(profile.summary.contains("outcome_floor=threshold:3"))
        #expect(!ExecutionProfile(json: fields.defaultProfile).summary.contains("outcome_floor"))
    }

    @Test func globalSyncSanitizesAndRefusesRouteCollisions() throws {
        let dir = try TestFiles.scratch()
        defer { TestFiles.remove(dir) }
        let path = TestFiles.fixture("registry-extra-keys.json")
        let registry = try RegistryCodec.decode(try FileSystem.readBytes(path), path: path)
        let global = dir + "/registry.global.json"
        var sync = GlobalRegistrySync(sourceRegistryPath: "/proj/.loopx/registry.json", source: registry, globalPath: global, runtimeRoot: dir, now: TestFiles.time("2026-01-01T00:00:00Z"))
        let first = try sync.run()
        #expect(first["wrote"] == true)
        let written = try #require(try RegistryCodec.read(global)?.0)
        #expect(written.registryRole == "global-local")
        let goal = try #require(written.goal(id: "example-project-goal"))
        #expect(goal["authority_sources"] == nil)
        #expect(goal["authority_source_count"] == 1)
        #expect(goal.sourceRegistry == "/proj/.loopx/registry.json")
        #expect(goal["synced_at"] == "2026-01-01T00:00:00Z")
        #expect(goal["authority_registry"]?["default_entry_docs"] == nil)
        #expect(goal["authority_registry"]?["topic_authority"] != nil)

        let before = try FileSystem.readBytes(global)
        sync.sourceRegistryPath = "/other/.loopx/registry.json"
        #expect(throws: CommandFailure.self) { try sync.run() }
        #expect(try FileSystem.readBytes(global) == before)
        sync.replaceState = true
        let replaced = try sync.run()
        let backup = try #require(replaced["backup_path"]?.stringValue)
        #expect(try FileSystem.readBytes(backup) == before)
        #expect(replaced["actions"]?.arrayValue?.first == "example-project-goal:replaced-route")
    }
}
