import LoopXCore
import LoopXServer
import Testing

/// The connection limits (`ServerLimits`): slow requests and idle connections are closed by
/// the server. The limits are shortened here; each test waits at most 20 seconds for a close
/// that the limits put at about one second, so a server that never closes fails it.
@Suite struct ConnectionLimitTests {
    /// A long idle timeout, so only the request-read deadline can close within the test.
    static let readDeadlineOnly = ServerLimits(idleTimeout: .seconds(120), requestReadTimeout: .seconds(1))
    /// A long request-read deadline, so only the idle timeout can close within the test.
    static let idleOnly = ServerLimits(idleTimeout: .seconds(1), requestReadTimeout: .seconds(120))

    @Test func aStalledPartialHeadIsClosedWithoutAnAnswer() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false, limits: Self.readDeadlineOnly)
        let ending = try await client.stall(
            sending: ["GET /status.json HTTP/1.1\nHost: 127.0.0.1:\(client.port)\n"], pause: .zero, waitAtMost: 20)
        #expect(ending.closed)
        #expect(ending.received.isEmpty)
        #expect(ending.elapsed < .seconds(15))
    }

    @Test func aHeadTrickledLineByLineIsClosedAtTheDeadline() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false, limits: Self.readDeadlineOnly)
        // A slowloris client: a new header line every 300 ms for 12 s, never the blank line.
        let lines = ["GET /status.json HTTP/1.1\nHost: 127.0.0.1:\(client.port)\n"] + (1...40).map { "X-Slow-\($0): x\n" }
        let ending = try await client.stall(sending: lines, pause: .milliseconds(300), waitAtMost: 20)
        #expect(ending.closed)
        #expect(ending.received.isEmpty)
        #expect(ending.elapsed < .seconds(11), "the trickle kept the connection open until it ended")
    }

    @Test func aStalledBodyIsClosed() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: true, limits: Self.readDeadlineOnly)
        let head = "POST /reward/dry-run HTTP/1.1\nHost: 127.0.0.1:\(client.port)\nContent-Type: application/json\nContent-Length: 100\n\n{\"goal_id\":"
        let ending = try await client.stall(sending: [head], pause: .zero, waitAtMost: 20)
        #expect(ending.closed)
        #expect(ending.elapsed < .seconds(15))
    }

    @Test func anIdleKeepAliveConnectionIsClosedAfterItsAnswer() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false, limits: Self.idleOnly)
        let ending = try await client.stall(
            sending: ["GET /healthz HTTP/1.1\nHost: 127.0.0.1:\(client.port)\n\n"], pause: .zero, waitAtMost: 20)
        #expect(ending.text.hasPrefix("HTTP/1.1 200"))
        #expect(ending.closed)
        #expect(ending.elapsed < .seconds(15))
    }

    @Test func aConnectionThatSendsNothingIsClosed() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false, limits: Self.idleOnly)
        let ending = try await client.stall(sending: [], pause: .zero, waitAtMost: 20)
        #expect(ending.closed)
        #expect(ending.received.isEmpty)
        #expect(ending.elapsed < .seconds(15))
    }

    @Test func keepAliveRequestsWithinTheLimitsAreServed() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false, limits: ServerLimits(idleTimeout: .seconds(3), requestReadTimeout: .seconds(3)))
        // Three requests on one connection, 500 ms apart: each completes well within both limits.
        let request = "GET /healthz HTTP/1.1\nHost: 127.0.0.1:\(client.port)\n\n"
        let ending = try await client.stall(sending: [request, request, request], pause: .milliseconds(500), waitAtMost: 20)
        #expect(ending.text.components(separatedBy: "HTTP/1.1 200").count - 1 == 3)
        #expect(ending.closed)
    }

    @Test func theStandardLimitsAreTheDocumentedOnes() {
        #expect(ServerLimits.standard.idleTimeout == .seconds(30))
        #expect(ServerLimits.standard.requestReadTimeout == .seconds(10))
    }
}
