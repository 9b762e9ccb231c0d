import LoopXCore
import LoopXServer
import LoopXRules
import LoopXSupport

/// Collects the status payload `serve-status` serves, in a fresh context per request so the
/// clock and the files are read anew every time.
struct StatusSource: Sendable {
    var globalRegistry: Bool
    var limit: Int
    var makeContext: @Sendable () throws(CommandFailure) -> LoopXContext

    /// The payload of one `GET /status.json`: the `status` command's contract.
    func collect() throws -> JSONValue {
        try StatusCollector(context: context(), options: StatusOptions(limit: limit)).collect().json
    }

    /// A fresh context reading the registry the payload reports on (the global one with
    /// `--global-registry`); the goal decision and history routes read in it too.
    func context() throws(CommandFailure) -> LoopXContext {
        var context = try makeContext()
        if globalRegistry { context.settings.registry = context.globalRegistryPath() }
        return context
    }
}
