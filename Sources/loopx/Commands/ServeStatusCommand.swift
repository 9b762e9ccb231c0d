import ArgumentParser
import LoopXCore
import LoopXServer

struct ServeStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-status",
        abstract: "Serve the status contract and a dashboard over loopback HTTP.",
        discussion: """
            Routes: GET / (dashboard), GET /status.json, GET /healthz, GET /api (route index),
            GET /goals/{id}/decision (read-only should-run with trace), GET /history.json?window=7d,
            POST /reward/dry-run, POST /reward/append (only with --enable-reward-write-api).
            Binds loopback addresses only; stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
            Example: loopx serve-status --port 8765 --enable-reward-write-api
            """
    )

    @Option(help: "Loopback address to bind: 127.0.0.1, localhost or ::1.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free port).") var port = 8765
    @Flag(help: "Report on the global registry (every connected project) instead of this project's.")
    var globalRegistry = false
    @Option(help: "Newest runs per goal in the payload.") var limit = 5
    @Flag(help: "Allow POST /reward/append to write a previewed reward into the run history.")
    var enableRewardWriteApi = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if globalRegistry && global.registry != nil {
            throw ValidationError("pass either --global-registry or --registry, not both")
        }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let settings = global.settings
        let environment = LoopXEnvironment.current()
        // Checked once up front so a bad --now or registry flag fails before binding.
        _ = try LoopXContext(environment: environment, settings: settings)
        let makeContext: @Sendable () throws(CommandFailure) -> LoopXContext = { () throws(CommandFailure) in
            try LoopXContext(environment: environment, settings: settings)
        }
        let source = StatusSource(globalRegistry: globalRegistry, limit: limit, makeContext: makeContext)
        let api = StatusAPI(
            provider: { try source.collect() }, context: makeContext, writeEnabled: enableRewardWriteApi,
            readContext: { () throws(CommandFailure) in try source.context() })
        let server = try StatusServer(host: host, port: port, api: api)
        let displayHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let writeEnabled = enableRewardWriteApi
        try await server.run { boundPort in
            let base = "http://\(displayHost):\(boundPort)"
            Output.write("""
                loopx serve-status listening on \(base)/
                - dashboard: \(base)/
                - status: \(base)\(StatusAPI.statusPath)
                - health: \(base)\(StatusAPI.healthPath)
                - routes: \(base)\(StatusAPI.indexPath)
                - reward dry-run: \(base)\(StatusAPI.dryRunPath)
                - reward append: \(writeEnabled ? base + StatusAPI.appendPath : "disabled (--enable-reward-write-api)")

                """)
        }
    }
}
