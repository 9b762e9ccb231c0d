import LoopXCore
import LoopXRules
import LoopXSupport

/// Produces the status payload served at `/status.json`, freshly on every call.
public typealias StatusProvider = @Sendable () throws -> JSONValue

/// The routes of `loopx serve-status`, independent of the HTTP server that carries them.
public struct StatusAPI: Sendable {
    public static let statusPath = "/status.json"
    public static let healthPath = "/healthz"
    public static let indexPath = "/api"
    public static let dryRunPath = "/reward/dry-run"
    public static let appendPath = "/reward/append"

    let provider: StatusProvider
    let desk: RewardDesk
    let decision: GoalDecision
    let history: RunWindow
    public let writeEnabled: Bool

    /// - Parameters:
    ///   - provider: collects the status payload (called once per `GET /status.json`).
    ///   - context: makes the context a reward request runs in.
    ///   - writeEnabled: whether `POST /reward/append` may write (`--enable-reward-write-api`).
    ///   - readContext: makes the context the goal decision and history routes read in (the
    ///     registry the status payload reports on); `context` when nil.
    public init(
        provider: @escaping StatusProvider,
        context: @escaping @Sendable () throws(CommandFailure) -> LoopXContext,
        writeEnabled: Bool,
        readContext: (@Sendable () throws(CommandFailure) -> LoopXContext)? = nil
    ) {
        self.provider = provider
        self.desk = RewardDesk(context: context, writeEnabled: writeEnabled)
        self.decision = GoalDecision(context: readContext ?? context)
        self.history = RunWindow(context: readContext ?? context)
        self.writeEnabled = writeEnabled
    }

    /// Answers one request. Every response carries `Cache-Control: no-store` (added by the
    /// server) and CORS headers only for loopback origins. The `Host` rules (DNS rebinding)
    /// are the server's (`LoopbackHost.refusal`), applied before a request reaches this.
    public func respond(to request: APIRequest) async -> APIResponse {
        var response = await route(request)
        if let origin = request.header("origin"), LoopbackHost.isLoopbackOrigin(origin) {
            response.headers += [
                ("Access-Control-Allow-Origin", origin), ("Vary", "Origin"),
                ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
                ("Access-Control-Allow-Headers", "Content-Type"),
            ]
        }
        return response
    }

    func route(_ request: APIRequest) async -> APIResponse {
        switch (request.method, request.path) {
        case ("OPTIONS", _):
            return APIResponse(status: 204, contentType: nil, body: [])
        case ("GET", "/"), ("HEAD", "/"), ("GET", "/index.html"):
            return APIResponse(status: 200, contentType: "text/html; charset=utf-8", body: Array(Dashboard.page.utf8))
        case ("GET", StatusAPI.healthPath):
            return .json(200, ["ok": true])
        case ("GET", StatusAPI.indexPath):
            return .json(200, routeIndex)
        case ("GET", StatusAPI.statusPath):
            return status()
        case ("GET", RunWindow.path):
            return history.answer(query: request.query)
        case ("GET", let path) where GoalDecision.goalID(inPath: path) != nil:
            return decision.answer(goalID: GoalDecision.goalID(inPath: path) ?? "")
        case ("POST", StatusAPI.dryRunPath):
            return desk.dryRun(request)
        case ("POST", StatusAPI.appendPath):
            return await desk.append(request)
        case (_, StatusAPI.dryRunPath), (_, StatusAPI.appendPath):
            return .failure(405, "\(request.path) accepts POST only", extra: ["allowed": ["POST", "OPTIONS"]])
        case ("GET", _), ("HEAD", _):
            return .failure(404, "no route \(request.path)", extra: ["status_url": .string(StatusAPI.statusPath), "api_url": .string(StatusAPI.indexPath)])
        default:
            return .failure(405, "method \(request.method) is not supported on \(request.path)")
        }
    }

    /// `GET /status.json`: the status contract, collected now, plus where the reward routes are.
    func status() -> APIResponse {
        let payload: JSONValue
        do { payload = try provider() } catch {
            return .failure(500, "status collection failed: \(String(describing: error))")
        }
        guard case .object(var object) = payload else { return .json(200, payload) }
        object["local_dashboard_api"] = localDashboardAPI
        return .json(200, .object(object))
    }

    /// What a dashboard needs to know about the reward routes of this server.
    var localDashboardAPI: JSONValue {
        [
            "source": "loopx serve-status", "reward_dry_run_url": .string(StatusAPI.dryRunPath),
            "reward_append_url": writeEnabled ? .string(StatusAPI.appendPath) : .null,
            "reward_write_enabled": .bool(writeEnabled),
        ]
    }

    /// `GET /api`: every route, so a client never hard-codes more than this one.
    var routeIndex: JSONValue {
        [
            "ok": true, "dashboard_url": "/", "status_url": .string(StatusAPI.statusPath),
            "health_url": .string(StatusAPI.healthPath), "api_url": .string(StatusAPI.indexPath),
            "goal_decision_url_template": "/goals/{id}/decision", "history_url": .string(RunWindow.path),
            "reward_dry_run_url": .string(StatusAPI.dryRunPath),
            "reward_append_url": writeEnabled ? .string(StatusAPI.appendPath) : .null,
            "reward_write_enabled": .bool(writeEnabled), "max_body_bytes": .int(Int64(RewardBody.maxBytes)),
            "routes": [
                ["method": "GET", "path": "/", "what": "the dashboard page"],
                ["method": "GET", "path": .string(StatusAPI.statusPath), "what": "the status contract, collected per request"],
                ["method": "GET", "path": .string(StatusAPI.healthPath), "what": "liveness"],
                ["method": "GET", "path": .string(StatusAPI.indexPath), "what": "this route index"],
                ["method": "GET", "path": "/goals/{id}/decision", "what": "a goal's should-run answer with its rule trace and layers; records nothing"],
                ["method": "GET", "path": .string(RunWindow.path), "what": "each goal's runs and spends in ?window=24h|7d|30d (&goal=ID)"],
                ["method": "POST", "path": .string(StatusAPI.dryRunPath), "what": "preview a reward; returns preview_id"],
                ["method": "POST", "path": .string(StatusAPI.appendPath), "what": "append a previewed reward (write API only)"],
            ],
        ]
    }
}
