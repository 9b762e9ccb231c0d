import LoopXCore

/// Which hosts and origins count as "this machine": the server binds only to these, and the
/// write API only answers pages served from them.
public enum LoopbackHost {
    /// Host names accepted for binding (and in `Host` headers).
    static let names: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]

    /// Whether a bind host is loopback: `localhost`, `::1`/`[::1]` or anything in 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if names.contains(lowered) { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = Int(part) else { return false }
            return value <= 255
        }
    }

    /// The host part of a `Host` header value (`127.0.0.1:8765`, `[::1]:8765`, `localhost`).
    public static func hostPart(ofHostHeader value: String) -> String {
        let trimmed = value.trimmingWhitespace
        if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
            return String(trimmed[...close])
        }
        if let colon = trimmed.lastIndex(of: ":"), trimmed.firstIndex(of: ":") == colon {
            return String(trimmed[..<colon])
        }
        return trimmed
    }

    /// Whether an `Origin` header names a page served from this machine over http(s).
    public static func isLoopbackOrigin(_ origin: String) -> Bool {
        let value = origin.trimmingWhitespace.lowercased()
        let rest: Substring
        if value.hasPrefix("http://") {
            rest = value.dropFirst("http://".count)
        } else if value.hasPrefix("https://") {
            rest = value.dropFirst("https://".count)
        } else {
            return false  // `null`, file:// and other schemes are foreign
        }
        guard !rest.contains("/"), !rest.contains("@") else { return false }
        return isLoopback(hostPart(ofHostHeader: String(rest)))
    }
}
