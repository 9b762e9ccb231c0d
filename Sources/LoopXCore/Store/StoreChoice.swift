import LoopXRules
import LoopXSupport

/// Where a project's runs, leases, spends, obligations and decisions live: the local files
/// (the default) or a shared PostgreSQL database. Chosen by the registry's top-level `store`
/// (an address without a password), overridden by `LOOPX_STORE_URL` (which may carry one).
public enum StoreChoice: Sendable, Hashable {
    case files
    /// A shared database; `password` resolved from the environment address, `PGPASSWORD` or `~/.pgpass`.
    case postgres(StoreURL, source: String)

    /// The environment variable that overrides the registry's `store`.
    public static let environmentKey = "LOOPX_STORE_URL"

    /// The choice for a registry and environment. A registry `store` that carries a password,
    /// is not a string or does not parse is refused (`invalid_registry`); its text is never
    /// repeated with the password.
    public static func resolve(registry: Registry, registryPath: String, environment: [String: String]) throws(CommandFailure) -> StoreChoice {
        if let text = environment[environmentKey], !text.isEmpty {
            var url = try StoreURL.parse(text)
            url.password = url.password ?? environment["PGPASSWORD"] ?? PgPass.password(for: url, environment: environment)
            return .postgres(url, source: environmentKey)
        }
        guard let value = registry.root["store"], value != .null else { return .files }
        guard let text = value.stringValue else {
            throw CommandFailure("\(registryPath): registry `store` must be a postgres:// address string", code: .invalidRegistry)
        }
        if text.isEmpty || text == "files" { return .files }
        var url: StoreURL
        do { url = try StoreURL.parse(text) } catch {
            throw CommandFailure("\(registryPath): registry `store`: \(error.message)", hint: error.hint, code: .invalidRegistry)
        }
        guard url.password == nil else {
            throw CommandFailure(
                "\(registryPath): registry `store` carries a password (\(url.redacted)); a registry travels with the repository, so it must not",
                hint: "remove the password from `store` and give it in PGPASSWORD, ~/.pgpass or \(environmentKey)", code: .invalidRegistry)
        }
        url.password = environment["PGPASSWORD"] ?? PgPass.password(for: url, environment: environment)
        return .postgres(url, source: "registry")
    }

    /// `files` or `postgres`.
    public var kind: String {
        switch self {
        case .files: return "files"
        case .postgres: return "postgres"
        }
    }

    /// The store as reported: its kind, and for a database its address without password and
    /// where the address came from.
    public var json: JSONValue {
        switch self {
        case .files: return ["kind": "files"]
        case .postgres(let url, let source):
            return ["kind": "postgres", "url": .string(url.redacted), "source": .string(source), "password": .bool(url.password != nil)]
        }
    }
}
