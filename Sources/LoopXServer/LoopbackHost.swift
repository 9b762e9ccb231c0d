import LoopXCore

/// Which hosts and origins count as "this machine": the server binds only to these, and the
/// write API only answers pages served from them.
public enum LoopbackHost {
    /// Host names accepted for binding (and, bracketed, in `Host` headers).
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

    /// Whether an authority (`host[:port]`, strictly parsed) names a loopback host: a bracketed
    /// IPv6 literal must be `[::1]`, and a bare `::1` is no authority at all.
    static func isLoopback(_ authority: HostAuthority) -> Bool {
        authority.host != "::1" && isLoopback(authority.host)
    }

    /// Whether an `Origin` header names a page served from this machine over http(s): the
    /// scheme, then a strictly parsed loopback `host[:port]`, nothing more.
    public static func isLoopbackOrigin(_ origin: String) -> Bool {
        let value = origin.lowercased()
        let rest: Substring
        if value.hasPrefix("http://") {
            rest = value.dropFirst("http://".count)
        } else if value.hasPrefix("https://") {
            rest = value.dropFirst("https://".count)
        } else {
            return false  // `null`, file:// and other schemes are foreign
        }
        guard let authority = HostAuthority(String(rest)) else { return false }
        return isLoopback(authority)
    }
}
