import LoopXCore

/// Registers the PostgreSQL store with LoopXCore's store seam; the executables call
/// `register()` at start. Nothing connects until a command uses a `postgres://` store.
public enum LoopXPostgres {
    /// Makes `postgres://` stores available (one per address, closed by `SharedStores.shutdown()`).
    public static func register(onFailure: SharedStores.FailureHandler? = nil) {
        SharedStores.register({ url throws(CommandFailure) in
            let store = PostgresStore(url: url)
            SharedStores.atShutdown { store.shutdown() }
            store.connectAhead()
            return store
        }, onFailure: onFailure)
    }
}
