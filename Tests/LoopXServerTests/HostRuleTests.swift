import LoopXCore
import LoopXServer
import Testing

/// The `Host` and request-target rules, with the exact bytes a hostile client sends: a request
/// that does not name this server by a loopback host and its port is refused before routing.
@Suite struct HostRuleTests {
    /// A refusal: the status, a JSON error, `Connection: close`, and nothing of the status.
    func expectRefused(_ reply: HTTPClient.Reply, _ status: Int, _ sent: String) {
        #expect(reply.status == status, "\(sent)")
        #expect(reply.json?["ok"] == false, "\(sent)")
        #expect(reply.json?["error"]?.stringValue?.isEmpty == false, "\(sent)")
        #expect(reply.headers["connection"] == "close", "\(sent)")
        #expect(reply.headers["cache-control"] == "no-store", "\(sent)")
        #expect(!reply.text.contains("run_history") && !reply.text.contains("attention"), "\(sent)")
    }

    @Test func malformedHostHeadersGet400() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let port = client.port
        for host in [
            "127.0.0.1:\(port)@evil.com", "[::1]evil.com", "[::1]:\(port)evil.com", "user@127.0.0.1:\(port)",
            "127.0.0.1:\(port)/x", "127.0.0.1:", "127.0.0.1:99999", "127.0.0.1:-1", "127.0.0.1:\(port):\(port)",
            "::1", "[::1", "127.0.0.1:\(port),evil.com", "local host",
        ] {
            let sent = "GET /status.json HTTP/1.1\nHost: \(host)\nConnection: close\n\n"
            expectRefused(try await client.raw(sent), 400, sent)
        }
    }

    @Test func emptyMissingAndRepeatedHostHeadersGet400() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let good = "Host: 127.0.0.1:\(client.port)\n"
        for sent in [
            "GET /status.json HTTP/1.1\nHost:\nConnection: close\n\n",
            "GET /status.json HTTP/1.1\nConnection: close\n\n",
            "GET /status.json HTTP/1.1\n\(good)\(good)Connection: close\n\n",
            "GET /status.json HTTP/1.1\n\(good)Host: evil.com\nConnection: close\n\n",
            "GET /status.json HTTP/1.1\nHost: evil.com\n\(good)Connection: close\n\n",
        ] {
            expectRefused(try await client.raw(sent), 400, sent)
        }
    }

    @Test func foreignHostsAndOtherPortsGet421() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let port = client.port
        let other = port == 65535 ? 1 : port + 1
        for host in ["evil.com", "evil.com:\(port)", "127.0.0.1.evil.com:\(port)", "127.0.0.1:\(other)", "localhost:\(other)", "[::2]:\(port)"] {
            let sent = "GET /status.json HTTP/1.1\nHost: \(host)\nConnection: close\n\n"
            expectRefused(try await client.raw(sent), 421, sent)
        }
    }

    @Test func absoluteFormNamingAnotherHostIsRefused() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let host = "Host: 127.0.0.1:\(client.port)\nConnection: close\n\n"
        for (target, status) in [
            ("http://evil.com/status.json", 421), ("http://evil.com/", 421), ("http://127.0.0.1:1/status.json", 421),
            ("http://127.0.0.1:\(client.port)@evil.com/status.json", 400), ("https://127.0.0.1:\(client.port)/status.json", 400),
            ("ftp://127.0.0.1/", 400),
        ] {
            let sent = "GET \(target) HTTP/1.1\n\(host)"
            expectRefused(try await client.raw(sent), status, sent)
        }
        // Asterisk-form and authority-form (a tunnel; NIO sends no body after CONNECT) are not
        // targets of this server.
        let asterisk = "OPTIONS * HTTP/1.1\n\(host)"
        expectRefused(try await client.raw(asterisk), 400, asterisk)
        let tunnel = try await client.raw("CONNECT evil.com:443 HTTP/1.1\n\(host)")
        #expect(tunnel.status == 400 && tunnel.headers["connection"] == "close" && tunnel.body.isEmpty)
    }

    @Test func loopbackNamesWithThisPortAreServed() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let port = client.port
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)", "127.0.0.1", "localhost", "[::1]"] {
            let reply = try await client.raw("GET /status.json HTTP/1.1\nHost: \(host)\nConnection: close\n\n")
            #expect(reply.status == 200, "Host: \(host)")
            #expect(reply.json?["run_history"] != nil, "Host: \(host)")
        }
        // Absolute-form naming this server is accepted (RFC 9112 §3.2.2) and routed by its path.
        let absolute = try await client.raw("GET http://127.0.0.1:\(port)/healthz HTTP/1.1\nHost: 127.0.0.1:\(port)\nConnection: close\n\n")
        #expect(absolute.status == 200 && absolute.json?["ok"] == true)
        // One good request after a refused one on a new connection: the server is unharmed.
        _ = try await client.raw("GET / HTTP/1.1\nHost: evil.com\nConnection: close\n\n")
        #expect(try await client.get("/healthz").status == 200)
    }

    @Test func aRefusedPipelinedRequestWaitsForTheAnswerBeforeIt() async throws {
        let fixture = try ServerFixture()
        defer { fixture.stop() }
        let client = try await fixture.start(writeEnabled: false)
        let good = "GET /healthz HTTP/1.1\nHost: 127.0.0.1:\(client.port)\n\n"
        let bad = "GET /status.json HTTP/1.1\nHost: evil.com\n\n"
        let ending = try await client.stall(sending: [good + bad], pause: .zero, waitAtMost: 20)
        #expect(ending.closed)
        let first = ending.text.range(of: "HTTP/1.1 200")
        let second = ending.text.range(of: "HTTP/1.1 421")
        #expect(first != nil && second != nil)
        if let first, let second { #expect(first.lowerBound < second.lowerBound) }
        #expect(!ending.text.contains("run_history"))
    }
}
