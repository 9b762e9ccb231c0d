import LoopXCore
import LoopXServer

/// Collects the status payload `serve-status` serves, in a fresh context per request so the
/// clock and the files are read anew every time.
struct StatusSource: Sendable {
    var globalRegistry: Bool
    var limit: Int
    var makeContext: @Sendable () throws(CommandFailure) -> LoopXContext

    /// The payload of one `GET /status.json`.
    // INTERIM until StatusCollector lands on main: the run history part of the status contract,
    // read through `loopx history`'s query, with an empty attention queue.
    func collect() throws -> JSONValue {
        var context = try makeContext()
        if globalRegistry { context.settings.registry = context.globalRegistryPath() }
        let history = try HistoryQuery(store: GoalStore.open(context, allowMissing: true), goalFilter: nil, limit: limit).run().json
        return [
            "ok": true, "registry": history["registry"] ?? .null, "runtime_root": history["runtime_root"] ?? .null,
            "attention_queue": ["available": false, "item_count": 0, "items": []],
            "run_history": ["available": true, "goals": history["goals"] ?? [], "recent_runs": history["runs"] ?? []],
            "waivers": [], "lapsed_obligations": [],
        ]
    }
}
