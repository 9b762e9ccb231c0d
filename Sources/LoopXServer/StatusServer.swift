import Hummingbird
import Logging
import LoopXCore

/// `loopx serve-status`'s HTTP server: Hummingbird carrying `StatusAPI` on a loopback address.
public struct StatusServer: Sendable {
    public var host: String
    public var port: Int
    public var api: StatusAPI
    /// How long clients may take (idle and request-read timeouts).
    public var limits: ServerLimits

    /// Refuses a non-loopback host before anything is bound.
    public init(host: String, port: Int, api: StatusAPI, limits: ServerLimits = .standard) throws(CommandFailure) {
        guard LoopbackHost.isLoopback(host) else {
            throw CommandFailure(
                "serve-status binds loopback addresses only; refusing --host \(host)",
                hint: "use --host 127.0.0.1 (or localhost, ::1); the status holds private project data", status: .usage)
        }
        guard (0...65535).contains(port) else {
            throw CommandFailure("--port \(port) is out of range", hint: "use 0...65535 (0 picks a free port)", status: .usage)
        }
        self.host = host == "[::1]" ? "::1" : host
        self.port = port
        self.api = api
        self.limits = limits
    }

    /// Serves until cancelled or, with `signals`, until SIGINT/SIGTERM; then finishes the
    /// requests in flight and returns. `onReady` receives the bound port (useful with port 0).
    /// Requests that do not name this server by a loopback `Host` are refused before routing
    /// (`RequestHeadGuard`); slow and idle connections are closed (`ServerLimits`).
    public func run(handleSignals: Bool = true, onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let api = self.api
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            await StatusServer.respond(to: request, api: api)
        }
        var logger = Logger(label: "loopx.serve-status")
        logger.logLevel = .warning
        let app = Application(
            responder: responder,
            server: LoopbackHTTPChannel.builder(limits: limits),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "loopx"),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? 0) },
            logger: logger)
        if handleSignals {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } else {
            try await app.run()
        }
    }

    /// Converts between Hummingbird's request/response and the framework-free API types.
    static func respond(to request: Request, api: StatusAPI) async -> Response {
        var request = request
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        // HTTP/1 `Host` arrives as the request's authority, not as a header field.
        if let authority = request.head.authority { headers["host"] = authority }
        var body: [UInt8]? = []
        if request.method == .post {
            let declared = request.headers[.contentLength].flatMap { Int($0) } ?? 0
            if declared > RewardBody.maxBytes {
                body = nil
            } else if let buffer = try? await request.collectBody(upTo: RewardBody.maxBytes) {
                body = Array(buffer.readableBytesView)
            } else {
                body = nil  // more than the cap arrived (chunked) or the client went away
            }
        }
        let apiRequest = APIRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
            headers: headers, body: body)
        let answer = await api.respond(to: apiRequest)
        var fields = HTTPFields()
        if let type = answer.contentType { fields[.contentType] = type }
        fields[.cacheControl] = "no-store"
        for (name, value) in answer.headers + [("X-Content-Type-Options", "nosniff")] {
            if let field = HTTPFields.Element.Name(name) { fields[field] = value }
        }
        let status = HTTPResponse.Status(code: answer.status)
        if answer.status == 204 || request.method == .head {
            return Response(status: status, headers: fields)
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
