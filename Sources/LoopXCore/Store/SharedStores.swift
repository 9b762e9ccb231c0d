import LoopXRules
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's shared stores: the factory the executable registers at start (so LoopXCore
/// and the file-store path never link or start a database client), one open store per
/// address, and what ends the command when a store fails where the domain cannot throw.
public enum SharedStores {
    /// Makes a store for an address (connecting lazily, on its first statement).
    public typealias Factory = @Sendable (StoreURL) throws(CommandFailure) -> any SharedStore
    /// Ends the process after printing a store failure (the executable prints the JSON envelope).
    public typealias FailureHandler = @Sendable (CommandFailure) -> Never

    struct State {
        var factory: Factory?
        var failureHandler: FailureHandler?
        var open: [StoreURL: any SharedStore] = [:]
        var shutdowns: [@Sendable () -> Void] = []
    }

    static let state = Mutex(State())

    /// Registers the implementation of `postgres://` stores.
    public static func register(_ factory: @escaping Factory, onFailure: FailureHandler? = nil) {
        state.withLock {
            $0.factory = factory
            if let onFailure { $0.failureHandler = onFailure }
        }
    }

    /// Registers what closes a store's resources at the end of the process.
    public static func atShutdown(_ body: @escaping @Sendable () -> Void) {
        state.withLock { $0.shutdowns.append(body) }
    }

    /// The open store for `url`, made by the registered factory on first use.
    public static func store(for url: StoreURL) throws(CommandFailure) -> any SharedStore {
        let (existing, factory) = state.withLock { ($0.open[url], $0.factory) }
        if let existing { return existing }
        guard let factory else {
            throw CommandFailure(
                "this program has no PostgreSQL store (\(url.redacted)); run the `loopx` executable", code: .storeUnavailable)
        }
        let made = try factory(url)
        return state.withLock { current in
            if let raced = current.open[url] { return raced }
            current.open[url] = made
            return made
        }
    }

    /// Closes every open store (idempotent).
    public static func shutdown() {
        let bodies = state.withLock { current -> [@Sendable () -> Void] in
            let bodies = current.shutdowns
            current.shutdowns = []
            current.open = [:]
            return bodies
        }
        for body in bodies { body() }
    }

    /// Ends the command with `failure` (a store that failed under a domain call that cannot
    /// throw): the registered handler prints the error envelope; without one, stderr.
    public static func fail(_ failure: CommandFailure) -> Never {
        let handler = state.withLock { $0.failureHandler }
        shutdown()
        if let handler { handler(failure) }
        let text = "error: \(failure.message)\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
        exit(1)
    }

    /// `body`'s value, or the end of the command when the store fails.
    public static func must<T>(_ body: () throws(CommandFailure) -> T) -> T {
        do { return try body() } catch { fail(error) }
    }
}
