import Logging
import LoopXCore
import LoopXRules
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// The shared store on PostgreSQL: one connection per process on a one-thread event loop
/// group, used synchronously (LoopXCore is synchronous): each statement's future is awaited
/// off the event loop with a client-side deadline, besides the server's `statement_timeout`.
/// The group and the connection exist only once a `postgres://` store is selected.
public final class PostgresStore: SharedStore {
    public let url: StoreURL
    let group: MultiThreadedEventLoopGroup
    let logger: Logger

    struct Connection {
        var connection: PostgresConnection?
        /// A connection being opened ahead of its first statement (see `connectAhead`).
        var pending: EventLoopFuture<PostgresConnection>?
        var schemaChecked = false
        var inTransaction = false
    }

    let state = Mutex(Connection())

    init(url: StoreURL) {
        self.url = url
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        logger = Logger(label: "loopx.store", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// The schema version this loopx writes and reads.
    public static var schemaVersion: Int { PostgresSchema.migrations.last?.version ?? 0 }

    /// Seconds a statement may take on the client side: the server's limit plus a margin.
    var statementDeadline: Int64 { url.statementTimeoutMilliseconds / 1000 + 3 }

    /// Closes the connection (the server is told, at most 1 s is waited for) and stops the
    /// event loop without waiting for it: this runs as the process exits, and joining the
    /// loop's thread would cost every command on a shared store milliseconds (idempotent).
    public func shutdown() {
        let connection = state.withLock { current -> PostgresConnection? in
            let open = current.connection
            current.connection = nil
            return open
        }
        let pending = state.withLock { current in
            defer { current.pending = nil }
            return current.pending
        }
        // A connection opened ahead and never used is closed too (PostgresNIO requires it).
        let opened = connection ?? pending.flatMap { try? wait($0, seconds: 1, doing: "connect") }
        if let opened { _ = try? wait(opened.close(), seconds: 1, doing: "close the connection") }
        group.shutdownGracefully { _ in }
    }

    /// The open connection, connecting first when needed; with `checkSchema`, refuses a
    /// database without the loopx schema or with a newer one (`store_schema`).
    func connection(checkSchema: Bool = true) throws(CommandFailure) -> PostgresConnection {
        var connection = state.withLock { $0.connection }
        if connection == nil || connection?.isClosed == true {
            let future = state.withLock { current in
                defer { current.pending = nil }
                return current.pending
            } ?? connect()
            let opened = try wait(future, seconds: url.connectTimeoutSeconds + 1, doing: "connect")
            state.withLock {
                $0.connection = opened
                $0.schemaChecked = false
                $0.inTransaction = false
            }
            connection = opened
        }
        guard let connection else { throw unavailable("no connection") }
        if checkSchema, !state.withLock({ $0.schemaChecked }) {
            let version = try schemaVersionInStore(connection)
            guard version == PostgresStore.schemaVersion else {
                throw CommandFailure(
                    version < PostgresStore.schemaVersion
                        ? "the shared store \(url.redacted) has schema version \(version); this loopx needs \(PostgresStore.schemaVersion)"
                        : "the shared store \(url.redacted) has schema version \(version), newer than this loopx's \(PostgresStore.schemaVersion)",
                    hint: version < PostgresStore.schemaVersion ? "run `loopx store migrate`" : "upgrade loopx on this machine",
                    code: .storeSchema)
            }
            state.withLock { $0.schemaChecked = true }
        }
        return connection
    }

    /// Starts opening the connection on the event loop while the caller goes on (loading
    /// rules, reading state): a new server backend takes milliseconds to start, and a command
    /// on a shared store would otherwise wait for it after its own work. A failure surfaces at
    /// the first statement, as `store_unavailable`.
    func connectAhead() {
        state.withLock { current in
            guard current.connection == nil, current.pending == nil else { return }
            current.pending = connect()
        }
    }

    /// A new connection with the store's timeouts as startup parameters.
    private func connect() -> EventLoopFuture<PostgresConnection> {
        var configuration: PostgresConnection.Configuration
        if url.usesUnixSocket {
            configuration = .init(unixSocketPath: url.socketPath, username: url.user, password: url.password, database: url.database)
        } else {
            configuration = .init(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(url.connectTimeoutSeconds)
        configuration.options.additionalStartupParameters = [
            ("statement_timeout", String(url.statementTimeoutMilliseconds)),
            ("lock_timeout", String(url.statementTimeoutMilliseconds)),
            ("idle_in_transaction_session_timeout", String(url.statementTimeoutMilliseconds * 2)),
            ("application_name", "loopx"),
        ]
        return PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger)
    }

    /// The applied schema version (0 without the version table).
    func schemaVersionInStore(_ connection: PostgresConnection) throws(CommandFailure) -> Int {
        let exists = try wait(
            connection.query("SELECT to_regclass('loopx_schema') IS NOT NULL", logger: logger), seconds: statementDeadline, doing: "read the schema version")
        guard let row = exists.first, (try? row.decode(Bool.self)) == true else { return 0 }
        let result = try wait(
            connection.query("SELECT coalesce(max(version), 0)::bigint FROM loopx_schema", logger: logger), seconds: statementDeadline,
            doing: "read the schema version")
        return Int(result.first.flatMap { try? $0.decode(Int64.self) } ?? 0)
    }

    /// Runs one statement and collects its rows.
    @discardableResult
    func query(
        _ query: PostgresQuery, doing what: String, checkSchema: Bool = true, deadline: Int64? = nil
    ) throws(CommandFailure) -> PostgresQueryResult {
        let connection = try connection(checkSchema: checkSchema)
        return try wait(connection.query(query, logger: logger), seconds: deadline ?? statementDeadline, doing: what)
    }

    /// Awaits `future` at most `seconds`; a failure or a timeout closes the connection (so
    /// nothing half-done continues) and becomes `store_unavailable`.
    func wait<T: Sendable>(_ future: EventLoopFuture<T>, seconds: Int64, doing what: String) throws(CommandFailure) -> T {
        let promise = future.eventLoop.makePromise(of: T.self)
        future.cascade(to: promise)
        let timer = future.eventLoop.scheduleTask(in: .seconds(seconds)) { promise.fail(StoreTimeout(seconds: seconds)) }
        defer { timer.cancel() }
        do {
            return try promise.futureResult.wait()
        } catch {
            let failure = describe(error, doing: what)
            if failure.code == .storeUnavailable { dropConnection() }
            throw failure
        }
    }

    func dropConnection() {
        let connection = state.withLock { current -> PostgresConnection? in
            let open = current.connection
            current.connection = nil
            current.inTransaction = false
            return open
        }
        guard let connection else { return }
        // The connection must outlive its close (PostgresNIO asserts it is closed before it goes).
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// A failure naming the store (never its password) and what was being done.
    func describe(_ error: any Error, doing what: String) -> CommandFailure {
        if let timeout = error as? StoreTimeout { return unavailable("\(what) timed out after \(timeout.seconds) s") }
        if let psql = error as? PSQLError {
            if let server = psql.serverInfo {
                let state = server[.sqlState] ?? ""
                let message = server[.message] ?? "server error"
                if state == "42P01" || state == "3F000" {
                    return CommandFailure(
                        "the shared store \(url.redacted) has no loopx schema (\(message))", hint: "run `loopx store migrate`", code: .storeSchema)
                }
                return unavailable("\(what) failed: \(message) (SQLSTATE \(state))")
            }
            let underlying = psql.underlying.map { ": \($0)" } ?? ""
            return unavailable("\(what) failed (\(psql.code)\(underlying))")
        }
        return unavailable("\(what) failed: \(error)")
    }

    func unavailable(_ detail: String) -> CommandFailure {
        CommandFailure(
            "the shared store \(url.redacted) is unavailable: \(detail)",
            hint: "check that the database server is running and reachable (`loopx store status`); nothing was written",
            code: .storeUnavailable)
    }
}

/// A statement that did not answer within its client-side deadline.
struct StoreTimeout: Error {
    var seconds: Int64
}
