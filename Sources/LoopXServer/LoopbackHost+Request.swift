/// The `Host` and request-target rules of the server: a request must name this server by a
/// loopback host (and, when it gives one, its port), exactly once and unambiguously.
extension LoopbackHost {
    /// What the server answers instead of routing a request whose `Host` header or request
    /// target does not name this server; nil when both do.
    ///
    /// - Parameters:
    ///   - hostFields: every `Host` header value of the request, in order.
    ///   - target: the request target as sent (`/status.json`, `http://127.0.0.1:8765/`).
    ///   - boundPort: the port this connection was accepted on.
    /// - Returns: 400 for a missing, repeated or malformed `Host`, or a target that is neither
    ///   origin-form nor `http://` absolute-form; 421 for a well-formed host or target naming
    ///   another host or port (DNS rebinding, a proxy request).
    static func refusal(hostFields: [String], target: String, boundPort: Int) -> APIResponse? {
        guard hostFields.count == 1, let value = hostFields.first else {
            let count = hostFields.count
            return .failure(400, "a request must carry exactly one Host header, not \(count)")
        }
        if let refused = refusal(authority: value, what: "the Host header", boundPort: boundPort) { return refused }
        if target.hasPrefix("/") { return nil }
        guard target.lowercased().hasPrefix("http://") else {
            return .failure(400, "the request target must be a path (/status.json) or an http:// URL of this server")
        }
        // Absolute-form (RFC 9112 §3.2.2) is accepted when it names this server too.
        let rest = target.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return refusal(authority: String(authority), what: "the request target", boundPort: boundPort)
    }

    /// Checks one `host[:port]` against this server: syntax (400), then host and port (421).
    static func refusal(authority text: String, what: String, boundPort: Int) -> APIResponse? {
        guard let authority = HostAuthority(text) else {
            return .failure(400, "\(what) is malformed: expected 127.0.0.1, localhost or [::1] with an optional :PORT")
        }
        guard isLoopback(authority) else {
            return .failure(421, "\(what) must address this server by a loopback host name (127.0.0.1, localhost, [::1])")
        }
        if let port = authority.port, port != boundPort {
            return .failure(421, "\(what) names port \(port), but this server listens on port \(boundPort)")
        }
        return nil
    }
}
