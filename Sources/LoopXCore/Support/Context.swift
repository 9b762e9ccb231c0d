import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The global options every command accepts, as given on the command line.
public struct GlobalSettings: Sendable {
    public var registry: String?
    public var runtimeRoot: String?
    public var format: OutputFormat
    public var now: String?
    public var rules: [String]

    public init(
        registry: String? = nil, runtimeRoot: String? = nil, format: OutputFormat = .markdown,
        now: String? = nil, rules: [String] = []
    ) {
        self.registry = registry
        self.runtimeRoot = runtimeRoot
        self.format = format
        self.now = now
        self.rules = rules
    }
}

/// Everything a command needs to know about where it runs: paths resolved, clock fixed.
public struct LoopXContext: Sendable {
    public var environment: LoopXEnvironment
    public var settings: GlobalSettings
    /// The instant of this invocation: `--now`, else `$LOOPX_NOW`, else the wall clock.
    public var now: Timestamp

    public init(environment: LoopXEnvironment, settings: GlobalSettings) throws(CommandFailure) {
        self.environment = environment
        self.settings = settings
        if let text = settings.now ?? environment.variables["LOOPX_NOW"] {
            guard let parsed = Timestamp(rfc3339: text) else {
                throw CommandFailure(
                    "invalid --now/LOOPX_NOW timestamp '\(text)'",
                    hint: "use RFC 3339, for example 2026-01-01T08:00:00Z", status: .usage)
            }
            now = parsed
        } else {
            now = LoopXContext.wallClock()
        }
    }

    public static func wallClock() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(seconds: Int64(spec.tv_sec), nanos: Int32(spec.tv_nsec))
    }

    public var format: OutputFormat { settings.format }

    /// The project registry path: `--registry`, else `.loopx/registry.json` under the working directory.
    public var registryPath: String {
        environment.absolute(settings.registry ?? ".loopx/registry.json")
    }

    /// Whether the user named the registry explicitly (no fallback to the global registry then).
    public var registryIsExplicit: Bool { settings.registry != nil }

    /// The runtime root: `--runtime-root`, else `$LOOPX_RUNTIME_ROOT`, else the registry's
    /// `common_runtime_root`, else `~/.codex/loopx`.
    public func runtimeRoot(registryCommonRoot: String? = nil) -> String {
        if let explicit = settings.runtimeRoot { return environment.absolute(explicit) }
        if let fromEnv = environment.variables["LOOPX_RUNTIME_ROOT"], !fromEnv.isEmpty {
            return environment.absolute(fromEnv)
        }
        if let common = registryCommonRoot, !common.isEmpty { return environment.absolute(common) }
        return FileSystem.join(environment.home, ".codex/loopx")
    }

    /// `<runtime-root>/registry.global.json`.
    public func globalRegistryPath(registryCommonRoot: String? = nil) -> String {
        FileSystem.join(runtimeRoot(registryCommonRoot: registryCommonRoot), "registry.global.json")
    }
}
