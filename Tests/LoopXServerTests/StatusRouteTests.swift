import LoopXCore
import LoopXServer
import Testing

/// The read routes, the route index, CORS/OPTIONS and the refusals, over real HTTP.
@Suite struct StatusRouteTests {
    @Test func statusIsCollectedFreshOnEveryRequest() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let first = try await client.get("/status.json")
        #expect(first.status == 200)
        #expect(first.headers["cache-control"] == "no-store")
        #expect(first.headers["content-type"] == "application/json; charset=utf-8")
        #expect(first.json?["run_history"]?["goals"]?[0]?["raw_index_records"] == 2)
        #expect(first.json?["local_dashboard_api"]?["reward_write_enabled"] == false)
        #expect(first.json?["local_dashboard_api"]?["reward_append_url"] == .null)
        try fixture.addRun(at: "2025-12-31T11:00:00Z")
        let second = try await client.get("/status.json")
        #expect(second.json?["run_history"]?["goals"]?[0]?["raw_index_records"] == 3)
    }

    @Test func aFailingCollectorGives500WithTheError() async throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "registry unreadable" } }
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false, provider: { throw Broken() })
        let reply = try await client.get("/status.json")
        #expect(reply.status == 500)
        #expect(reply.json?["ok"] == false)
        #expect(reply.json?["error"]?.stringValue?.contains("registry unreadable") == true)
        #expect(reply.headers["cache-control"] == "no-store")
    }

    @Test func healthRouteIndexDashboardAndUnknownRoutes() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: true)
        let health = try await client.get("/healthz")
        #expect(health.status == 200 && health.json?["ok"] == true)
        let index = try await client.get("/api")
        #expect(index.status == 200)
        #expect(index.json?["reward_append_url"] == "/reward/append")
        #expect(index.json?["reward_write_enabled"] == true)
        let paths = index.json?["routes"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
        #expect(paths == ["/", "/status.json", "/healthz", "/api", "/goals/{id}/decision", "/history.json", "/reward/dry-run", "/reward/append"])
        let page = try await client.get("/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.text.contains("id=\"attention-items\"") && page.text.contains("/status.json"))
        #expect(!page.text.contains("src=\"http") && !page.text.contains("href=\"http"))
        let missing = try await client.get("/nope")
        #expect(missing.status == 404)
        #expect(missing.json?["status_url"] == "/status.json")
        let wrongMethod = try await client.get("/reward/dry-run")
        #expect(wrongMethod.status == 405)
    }

    @Test func optionsIs204AndCORSIsGrantedToLoopbackOriginsOnly() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let preflight = try await client.send("OPTIONS", "/reward/dry-run", headers: ["Origin": "http://127.0.0.1:9000"], body: nil)
        #expect(preflight.status == 204)
        #expect(preflight.body.isEmpty)
        #expect(preflight.headers["access-control-allow-origin"] == "http://127.0.0.1:9000")
        #expect(preflight.headers["access-control-allow-methods"] == "GET, POST, OPTIONS")
        let foreign = try await client.get("/status.json", headers: ["Origin": "https://evil.example"])
        #expect(foreign.headers["access-control-allow-origin"] == nil)
    }

    @Test func aForeignHostHeaderIsRefused() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let rebound = try await client.get("/status.json", headers: ["Host": "evil.example:\(client.port)"])
        #expect(rebound.status == 421)
        #expect(rebound.json?["run_history"] == nil)
        let local = try await client.get("/healthz", headers: ["Host": "localhost:\(client.port)"])
        #expect(local.status == 200)
    }

    @Test func nonLoopbackHostsAreRefusedBeforeBinding() throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let api = StatusAPI(provider: { .null }, context: fixture.makeContext, writeEnabled: false)
        for host in ["0.0.0.0", "192.168.1.10", "example.com", "127.0.0.256", "::"] {
            #expect(throws: CommandFailure.self) { try StatusServer(host: host, port: 0, api: api) }
        }
        for host in ["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"] {
            #expect(throws: Never.self) { try StatusServer(host: host, port: 0, api: api) }
        }
        do throws(CommandFailure) { _ = try StatusServer(host: "0.0.0.0", port: 0, api: api) } catch { #expect(error.status == .usage) }
    }

    @Test func loopbackOriginsAreRecognised() {
        #expect(LoopbackHost.isLoopbackOrigin("http://127.0.0.1:8765"))
        #expect(LoopbackHost.isLoopbackOrigin("http://localhost"))
        #expect(LoopbackHost.isLoopbackOrigin("https://[::1]:8443"))
        #expect(!LoopbackHost.isLoopbackOrigin("null"))
        #expect(!LoopbackHost.isLoopbackOrigin("http://127.0.0.1.evil.example"))
        #expect(!LoopbackHost.isLoopbackOrigin("http://localhost@evil.example"))
        #expect(!LoopbackHost.isLoopbackOrigin("file://"))
        #expect(!LoopbackHost.isLoopbackOrigin("http://[::1]evil.example"))
        #expect(!LoopbackHost.isLoopbackOrigin("http://127.0.0.1:8765@evil.example"))
        #expect(!LoopbackHost.isLoopbackOrigin("http://127.0.0.1:8765/path"))
        #expect(!LoopbackHost.isLoopbackOrigin("http://::1"))
    }
}
