import LoopXRules
import LoopXSupport

/// A `postgres://user[:password]@host[:port]/database[?options]` address of a shared store.
/// The password, when the address carries one, is kept apart and never rendered: `redacted`
/// is the only text of the address loopx prints or writes.
public struct StoreURL: Sendable, Hashable {
    public var user: String
    /// The password the address itself carried (only `LOOPX_STORE_URL` may carry one).
    public var password: String?
    /// The TCP host, or the directory of the server's Unix socket (`?host=/dir`).
    public var host: String
    public var port: Int
    public var database: String
    /// Seconds allowed to connect (`?connect_timeout=`, default 5, at most 300).
    public var connectTimeoutSeconds: Int64
    /// Milliseconds every statement may run (`?statement_timeout=`, default 5000, at most 600000).
    public var statementTimeoutMilliseconds: Int64

    /// True when `host` is a Unix socket directory rather than a TCP host.
    public var usesUnixSocket: Bool { host.hasPrefix("/") }
    /// The socket file when `usesUnixSocket`: `<dir>/.s.PGSQL.<port>`.
    public var socketPath: String { FileSystem.join(host, ".s.PGSQL.\(port)") }

    /// The address without its password: `postgres://user@host:port/database`.
    public var redacted: String {
        let place = usesUnixSocket ? "?host=\(host)" : ""
        let hostPart = usesUnixSocket ? "" : host
        return "postgres://\(user)@\(hostPart):\(port)/\(database)\(place)"
    }

    /// Parses an address; the failure never repeats the password.
    public static func parse(_ text: String) throws(CommandFailure) -> StoreURL {
        let scheme: String
        if text.hasPrefix("postgres://") { scheme = "postgres://" } else if text.hasPrefix("postgresql://") { scheme = "postgresql://" } else {
            throw StoreURL.invalid("the store address must start with postgres:// (got '\(StoreURL.scrub(text))')")
        }
        var rest = Substring(text.dropFirst(scheme.count))
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var user = "", password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = try decode(credentials[..<colon])
                password = try decode(credentials[credentials.index(after: colon)...])
            } else {
                user = try decode(credentials)
            }
        }
        var host = "localhost", port = 5432
        if !rest.isEmpty {
            if let colon = rest.lastIndex(of: ":") {
                let portText = rest[rest.index(after: colon)...]
                guard let value = Int(portText), (1...65_535).contains(value) else {
                    throw StoreURL.invalid("the store address has an invalid port '\(portText)'")
                }
                port = value
                if colon > rest.startIndex { host = String(rest[..<colon]) }
            } else {
                host = String(rest)
            }
        }
        var url = StoreURL(
            user: user, password: password, host: host, port: port, database: try decode(path),
            connectTimeoutSeconds: 5, statementTimeoutMilliseconds: 5_000)
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1)
            let key = String(parts[0]), value = parts.count > 1 ? try decode(parts[1]) : ""
            switch key {
            case "host": url.host = value
            case "connect_timeout": url.connectTimeoutSeconds = try number(value, key: key, in: 1...300)
            case "statement_timeout": url.statementTimeoutMilliseconds = try number(value, key: key, in: 1...600_000)
            case "sslmode" where value == "disable" || value == "prefer" || value == "allow": break
            case "sslmode":
                throw StoreURL.invalid("sslmode=\(value) is not supported: loopx connects without TLS (use a loopback address, a Unix socket or a tunnel)")
            case "application_name": break
            default: throw StoreURL.invalid("the store address has an unknown option '\(key)'")
            }
        }
        guard !url.user.isEmpty else { throw StoreURL.invalid("the store address names no user (postgres://USER@host:port/db)") }
        if url.database.isEmpty { url.database = url.user }
        guard !url.host.isEmpty else { throw StoreURL.invalid("the store address names no host") }
        return url
    }

    static func number(_ text: String, key: String, in range: ClosedRange<Int64>) throws(CommandFailure) -> Int64 {
        guard let value = Int64(text), range.contains(value) else {
            throw StoreURL.invalid("the store option \(key)=\(text) is not a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// Percent-decodes one component.
    static func decode(_ text: Substring) throws(CommandFailure) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw StoreURL.invalid("the store address has an invalid %-escape")
            }
            bytes.append(high << 4 | low)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The text with any `user:password@` part reduced to `user@`, for messages.
    public static func scrub(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else { return text }
        let credentials = text[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + String(text[at...])
    }

    static func invalid(_ message: String) -> CommandFailure {
        CommandFailure(message, hint: "write the store as postgres://user@host:port/database", code: .invalidInput)
    }
}
