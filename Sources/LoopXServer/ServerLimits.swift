/// How long the server waits for a client: the documented limits of `loopx serve-status`
/// (docs/serve-status.md, "Limits"). Tests pass shorter ones to `StatusServer`.
public struct ServerLimits: Sendable, Equatable {
    /// A connection that has delivered no request part for this long, and has no request in
    /// progress, is closed (an idle keep-alive connection, or one that never sent anything).
    public var idleTimeout: Duration
    /// A request must arrive in full (head and body) within this long of its first bytes;
    /// otherwise the connection is closed without an answer (a slowloris client).
    public var requestReadTimeout: Duration

    /// - Parameters:
    ///   - idleTimeout: default 30 seconds.
    ///   - requestReadTimeout: default 10 seconds.
    public init(idleTimeout: Duration = .seconds(30), requestReadTimeout: Duration = .seconds(10)) {
        self.idleTimeout = idleTimeout
        self.requestReadTimeout = requestReadTimeout
    }

    /// The limits `loopx serve-status` runs with.
    public static let standard = ServerLimits()
}
