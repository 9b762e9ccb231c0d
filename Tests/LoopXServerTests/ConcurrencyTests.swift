import LoopXCore
import LoopXServer
import Testing

/// Many readers and reward previews at once, with appends interleaved, against one server.
@Suite struct ServerConcurrencyTests {
    @Test func fiftyConcurrentStatusReadsWithDryRunsAndAppendsNeitherFailNorTearTheIndex() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: true)
        let request = RewardRouteTests.request
        let statuses = try await withThrowingTaskGroup(of: (String, Int, Bool).self) { group in
            for i in 0..<50 {
                group.addTask {
                    let reply = try await client.get("/status.json")
                    return ("status", reply.status, reply.json?["run_history"]?["goals"]?[0]?["latest_runs"]?.arrayValue != nil)
                }
                if i % 5 == 0 {
                    group.addTask {
                        let reply = try await client.post("/reward/dry-run", json: request)
                        return ("dry-run", reply.status, reply.json?["preview_id"]?.stringValue?.count == 24)
                    }
                }
                if i % 10 == 0 {
                    group.addTask {
                        // Preview then confirm; a confirmation overtaken by another append is a
                        // clean 409, never a half-written row.
                        let preview = try await client.post("/reward/dry-run", json: request)
                        let reply = try await client.post("/reward/append", json: RewardRouteTests.confirming(preview.json))
                        // A repeat of an identical reward is recorded once (already_recorded, nothing appended).
                        let appended = reply.json?["appended"] == true
                        let wellFormed = reply.status == 409 || appended || reply.json?["already_recorded"] == true
                        return (appended ? "append+" : "append", reply.status, wellFormed)
                    }
                }
            }
            var out: [(String, Int, Bool)] = []
            for try await result in group { out.append(result) }
            return out
        }
        #expect(statuses.count == 50 + 10 + 5)
        for (route, status, wellFormed) in statuses {
            if route.hasPrefix("append") {
                #expect(status == 200 || status == 409, "append answered \(status)")
            } else {
                #expect(status == 200, "\(route) answered \(status)")
            }
            #expect(wellFormed, "\(route) payload malformed")
        }
        let rows = try fixture.indexRows()  // throws on any torn or invalid line
        let appended = statuses.filter { $0.0 == "append+" }.count
        #expect(appended >= 1)
        #expect(rows.count == 2 + appended)
    }
}
