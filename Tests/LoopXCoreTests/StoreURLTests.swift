import Foundation
import LoopXCore
import LoopXRules
import Testing

/// Choosing the store: the address, the password sources and the registry's refusals.
@Suite struct StoreURLTests {
    @Test func parsesAnAddressAndRendersItWithoutThePassword() throws {
        let url = try StoreURL.parse("postgres://loopx:s%40cret@db.example:6543/team?connect_timeout=3&statement_timeout=250")
        #expect(url.user == "loopx")
        #expect(url.password == "s@cret")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.database == "team")
        #expect(url.connectTimeoutSeconds == 3)
        #expect(url.statementTimeoutMilliseconds == 250)
        #expect(url.redacted == "postgres://loopx@db.example:6543/team")
        #expect(!url.redacted.contains("cret"))
        let socket = try StoreURL.parse("postgresql://me@/mine?host=/tmp/pg")
        #expect(socket.usesUnixSocket)
        #expect(socket.socketPath == "/tmp/pg/.s.PGSQL.5432")
        #expect(try StoreURL.parse("postgres://me@localhost").database == "me")
    }

    @Test func refusesMalformedAddressesWithoutEchoingThePassword() {
        for text in ["mysql://a@b/c", "postgres://a:pw1secret@b:99999/c", "postgres://@b/c", "postgres://a@b/c?sslmode=require", "postgres://a@b/c?bogus=1"] {
            do {
                _ = try StoreURL.parse(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(!error.message.contains("pw1secret"), "\(error.message)")
            }
        }
    }

    @Test func aRegistryStoreWithAPasswordIsRefusedAndTheEnvironmentOverridesIt() throws {
        let withPassword = try Registry(json: ["store": "postgres://u:topsecret@h:5432/d", "goals": []], path: "r.json")
        do {
            _ = try StoreChoice.resolve(registry: withPassword, registryPath: "r.json", environment: [:])
            Issue.record("a password in the registry was accepted")
        } catch {
            #expect(error.code == .invalidRegistry)
            #expect(!error.message.contains("topsecret"))
        }
        let plain = try Registry(json: ["store": "postgres://u@h:5432/d", "goals": []], path: "r.json")
        let fromRegistry = try StoreChoice.resolve(registry: plain, registryPath: "r.json", environment: ["PGPASSWORD": "pw"])
        #expect(fromRegistry == .postgres(try { var u = try StoreURL.parse("postgres://u@h:5432/d"); u.password = "pw"; return u }(), source: "registry"))
        let overridden = try StoreChoice.resolve(
            registry: plain, registryPath: "r.json", environment: ["LOOPX_STORE_URL": "postgres://v:envpw@k:1/e"])
        guard case .postgres(let url, let source) = overridden else { Issue.record("not postgres"); return }
        #expect(source == "LOOPX_STORE_URL")
        #expect(url.password == "envpw")
        #expect(url.host == "k")
        #expect(try StoreChoice.resolve(registry: Registry(), registryPath: "r.json", environment: [:]) == .files)
    }

    @Test func pgpassMatchesTheFirstLineWithWildcardsAndEscapesAndIgnoresAnOpenFile() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("loopx-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent(".pgpass")
        try Data("# comment\nother:5432:*:u:nope\nh:5432:d:u:pa\\:ss\n*:*:*:u:fallback\n".utf8).write(to: file)
        chmod(file.path, 0o600)
        let url = try StoreURL.parse("postgres://u@h:5432/d")
        #expect(PgPass.password(for: url, environment: ["HOME": home.path]) == "pa:ss")
        #expect(PgPass.password(for: try StoreURL.parse("postgres://u@z:1/q"), environment: ["HOME": home.path]) == "fallback")
        chmod(file.path, 0o644)
        #expect(PgPass.password(for: url, environment: ["HOME": home.path]) == nil)
    }
}
