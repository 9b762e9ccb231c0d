import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// The shared PostgreSQL store end to end (issue 20): two "machines" (two HOMEs, project
/// copies and runtime roots) sharing one database, running the built binary.
@Suite(.serialized, .enabled(if: TestDatabase.available, TestDatabase.skipNote))
struct SharedStoreTests {
    /// A database migrated for the loopx schema, and two machines on it.
    func twoMachines() throws -> (TestDatabase, Machine, Machine) {
        let database = try TestDatabase()
        let a = try Machine(host: "machine-a", storeURL: database.url + "?statement_timeout=30000")
        let b = try Machine(host: "machine-b", storeURL: database.url + "?statement_timeout=30000")
        let (migrated, json) = try a.json(["store", "migrate"])
        #expect(migrated.status == 0, "\(migrated.stderr)")
        #expect(json?["applied"] == [1])
        return (database, a, b)
    }

    @Test func migrateTwiceIsANoOpAndStatusNamesTheStoreWithoutPassword() throws {
        let (database, a, b) = try twoMachines()
        defer { database.drop(); a.cleanUp(); b.cleanUp() }
        let (again, json) = try b.json(["store", "migrate"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(json?["applied"] == [])
        #expect(json?["changed"] == false)
        #expect(json?["schema_version"] == 1)
        #expect(try database.sql("SELECT count(*) FROM loopx_schema") == "1")
        let (status, answer) = try a.json(["store", "status"], environment: ["PGPASSWORD": "not-needed-secret"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(answer?["reachable"] == true)
        #expect(answer?["schema_version"] == 1)
        #expect(answer?["store"]?["kind"] == "postgres")
        #expect(answer?["store"]?["url"]?.stringValue?.hasPrefix("postgres://") == true)
        #expect(!status.stdout.contains("not-needed-secret"))
    }

    @Test func aLeaseTakenOnOneMachineIsRefusedOnTheOtherUntilItExpires() throws {
        let (database, a, b) = try twoMachines()
        defer { database.drop(); a.cleanUp(); b.cleanUp() }
        let (_, list) = try a.json(["todo", "list", "--goal-id", "app"])
        let todo = try #require(list?["todos"]?.arrayValue?.first?["todo_id"]?.stringValue)

        let (claimed, grant) = try a.json(["todo", "claim", "--goal-id", "app", "--todo-id", todo, "--agent-id", "agent-a", "--ttl-minutes", "30"])
        #expect(claimed.status == 0, "\(claimed.stderr)")
        #expect(grant?["effect"] == "claimed")
        #expect(grant?["lease"]?["holder"] == "agent-a")
        let expiry = try #require(grant?["lease"]?["expires_at"]?.stringValue)
        // The Markdown on machine A mirrors the lease.
        let stateA = try a.runner.read(a.fixture.statePath("app"))
        #expect(stateA.contains("claimed_by=agent-a"))

        let (refused, refusal) = try b.json(["todo", "claim", "--goal-id", "app", "--todo-id", todo, "--agent-id", "agent-b"])
        #expect(refused.status == 1)
        #expect(refusal?["error"]?["code"] == "refused")
        let message = refusal?["error"]?["message"]?.stringValue ?? ""
        #expect(message.contains("claimed by agent-a until \(expiry)"), "\(message)")
        #expect(refusal?["holder"] == "agent-a")
        let stateB = try b.runner.read(b.fixture.statePath("app"))
        #expect(!stateB.contains("claimed_by="))

        // The lease runs out on the database clock; then machine B takes it over.
        try database.sql("UPDATE loopx_leases SET expires_at = now() - interval '1 second'")
        let (taken, takeover) = try b.json(["todo", "claim", "--goal-id", "app", "--todo-id", todo, "--agent-id", "agent-b"])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(takeover?["effect"] == "taken_over")
        #expect(takeover?["taken_over_from"] == "agent-a")
        #expect(try database.sql("SELECT holder || ' ' || version FROM loopx_leases") == "agent-b 2")
        let (late, _) = try a.json(["todo", "release", "--goal-id", "app", "--todo-id", todo, "--agent-id", "agent-a"])
        #expect(late.status == 1)
    }

    @Test func theLastQuotaSlotIsSpentExactlyOnceBySixteenConcurrentSpenders() throws {
        let (database, a, b) = try twoMachines()
        defer { database.drop(); a.cleanUp(); b.cleanUp() }
        try patchGoal(a.fixture, "app", ["quota": ["allowed_slots": 1]])
        let answers = try a.concurrently(16, ["quota", "spend-slot", "--goal-id", "app", "--execute"])
        let spent = answers.filter { $0.0 == 0 && $0.1?["appended"] == true }
        #expect(spent.count == 1, "\(answers.map(\.0))")
        #expect(answers.filter { $0.0 == 1 }.count == 15)
        #expect(try database.sql("SELECT count(*) FROM loopx_runs WHERE spend_kind = 'quota_slot_spent'") == "1")
    }

    @Test func runsAndRewardsRecordedOnOneMachineReachTheOthersHistoryAndShouldRun() throws {
        let (database, a, b) = try twoMachines()
        defer { database.drop(); a.cleanUp(); b.cleanUp() }
        let (spent, _) = try a.json(["quota", "spend-slot", "--goal-id", "app", "--execute"])
        #expect(spent.status == 0, "\(spent.stderr)")
        let (rewarded, reward) = try a.json([
            "reward", "--goal-id", "app", "--decision", "continue_route", "--reward", "positive",
            "--reason-summary", "the spend was justified", "--run-generated-at", "2026-01-01T08:00:00Z",
        ])
        #expect(rewarded.status == 0, "\(rewarded.stderr) \(reward.map { JSONWriter().string($0) } ?? "")")

        let (history, json) = try b.json(["history", "--goal-id", "app"])
        #expect(history.status == 0, "\(history.stderr)")
        let run = json?["runs"]?.arrayValue?.first
        #expect(run?["classification"] == "quota_slot_spent")
        #expect(run?["host"] == "machine-a")
        #expect(run?["human_reward"]?["reward"] == "positive")
        #expect(json?["goals"]?.arrayValue?.first?["raw_index_records"] == 2)
        #expect(json?["goals"]?.arrayValue?.first?["unique_runs"] == 1)
        let (decided, answer) = try b.json(["quota", "should-run", "--goal-id", "app"])
        #expect(decided.status == 0 || decided.status == 1, "\(decided.stderr)")
        #expect(answer?["quota"]?["spent_slots"] == 1)
        // B's status names the shared store and shows A's run with its machine.
        let (status, team) = try b.json(["status", "--goal-id", "app"])
        #expect(status.status == 0 || status.status == 1, "\(status.stderr)")
        #expect(team?["store"]?["kind"] == "postgres")
        #expect(status.stdout.contains("machine-a"))
        // Nothing reached machine B's local index.
        #expect(b.fixture.bytes(b.fixture.indexPath("app")) == nil)
    }

    @Test func importTwiceGivesTheSameCountsAndDigestsAndExportRoundTrips() throws {
        let (database, a, b) = try twoMachines()
        defer { database.drop(); a.cleanUp(); b.cleanUp() }
        try a.fixture.addRun("app", at: "2025-12-30T08:00:00Z", classification: "delivery")
        try a.fixture.addRun("app", at: "2025-12-31T08:00:00Z", classification: "delivery", extra: ["delivery_outcome": "validated"])
        try a.fixture.addRun("app", at: "2025-12-31T08:00:00Z", classification: "delivery", extra: ["human_reward": ["reward": "positive"]])
        let (first, imported) = try a.json(["store", "import", "--goal-id", "app"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(imported?["runs"]?["local"] == 3)
        #expect(imported?["runs"]?["inserted"] == 3)
        #expect(imported?["runs"]?["identical"] == true)
        #expect(imported?["verified"] == true)
        let (second, again) = try a.json(["store", "import", "--goal-id", "app"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(again?["runs"]?["inserted"] == 0)
        #expect(again?["runs"]?["already_present"] == 3)
        #expect(again?["runs"]?["store"] == 3)
        #expect(again?["runs"]?["store_sha256"] == imported?["runs"]?["store_sha256"])
        #expect(try database.sql("SELECT count(*) FROM loopx_runs") == "3")

        let (exported, files) = try b.json(["store", "export", "--goal-id", "app"])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(files?["verified"] == true)
        #expect(files?["runs"]?["file_sha256"] == imported?["runs"]?["local_sha256"])
        let (reimport, none) = try b.json(["store", "import", "--goal-id", "app"])
        #expect(reimport.status == 0, "\(reimport.stderr)")
        #expect(none?["runs"]?["inserted"] == 0)
        // Back on the local files, B's history reads the exported index.
        let (local, history) = try b.json(["history", "--goal-id", "app"], environment: ["LOOPX_STORE_URL": ""])
        #expect(local.status == 0, "\(local.stderr)")
        #expect(history?["goals"]?.arrayValue?.first?["unique_runs"] == 2)
    }

    @Test func anUnreachableDatabaseFailsClearlyAndShouldRunSkipsNamingTheStore() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let closed = ["LOOPX_STORE_URL": "postgres://loopx@127.0.0.1:1/nowhere?connect_timeout=2"]
        let decided = try runner.run(["quota", "should-run", "--goal-id", "app", "--format", "json"], cwd: fixture.project, environment: closed)
        #expect(decided.status == 1)
        let answer = try JSONParser.parse(decided.stdout)
        #expect(answer["should_run"] == false)
        #expect(answer["decision"] == "skip")
        #expect(answer["error"]?["code"] == "store_unavailable")
        #expect(answer["reason"]?.stringValue?.contains("postgres://loopx@127.0.0.1:1/nowhere") == true)
        let history = try runner.run(["history", "--format", "json"], cwd: fixture.project, environment: closed)
        #expect(history.status == 1)
        #expect(try JSONParser.parse(history.stdout)["error"]?["code"] == "store_unavailable")
        let spend = try runner.run(["quota", "spend-slot", "--goal-id", "app", "--execute"], cwd: fixture.project, environment: closed)
        #expect(spend.status == 1)
        #expect(spend.stderr.contains("store_unavailable") || spend.stderr.contains("unavailable"))
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent(fixture.indexPath("app")).path))
    }

    @Test func aPasswordInTheRegistryIsRefusedAndNeverWritten() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let path = "proj/.loopx/registry.json"
        guard case .object(var registry) = try JSONParser.parse(try runner.read(path)) else { return }
        registry["store"] = "postgres://loopx:hunter2secret@127.0.0.1:55432/x"
        try runner.write(path, JSONWriter(sortedKeys: true, pretty: true).string(.object(registry)) + "\n")
        for arguments in [["history"], ["quota", "should-run", "--goal-id", "app"], ["store", "status"], ["doctor"]] {
            let result = try runner.run(arguments + ["--format", "json"], cwd: fixture.project)
            #expect(!(result.stdout + result.stderr).contains("hunter2secret"), "\(arguments)")
            if arguments != ["doctor"] {
                #expect(result.status == 1, "\(arguments)")
                #expect(try JSONParser.parse(result.stdout)["error"]?["code"] == "invalid_registry", "\(arguments)")
            }
        }
        // No file loopx wrote carries it (only the registry the test wrote does).
        let files = FileManager.default.enumerator(atPath: runner.home.path)?.compactMap { $0 as? String } ?? []
        for file in files where !file.hasSuffix("registry.json") {
            let data = (try? Data(contentsOf: runner.home.appendingPathComponent(file))) ?? Data()
            #expect(!String(decoding: data, as: UTF8.self).contains("hunter2secret"), "\(file)")
        }
    }
}
