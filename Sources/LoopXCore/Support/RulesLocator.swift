import LoopXRules
import LoopXSupport

/// Finds the built-in `Rules/` directory: beside the installed binary (a release snapshot ships
/// `bin/loopx` and `Rules/` side by side), else in the package checkout the binary was built
/// in, else `$LOOPX_RULES_DIR`.
public struct RulesLocator: Sendable {
    public enum Source: String, Sendable {
        case release = "beside the binary"
        case checkout = "package checkout"
        case environment = "LOOPX_RULES_DIR"
    }

    public var environment: LoopXEnvironment

    public init(environment: LoopXEnvironment) {
        self.environment = environment
    }

    /// The directory and how it was found, or nil when none exists.
    public func locate() -> (path: String, source: Source)? {
        let binDir = FileSystem.dirname(environment.executableRealPath)
        for candidate in [FileSystem.join(binDir, "Rules"), FileSystem.join(FileSystem.dirname(binDir), "Rules")]
        where isRulesDirectory(candidate) && !FileSystem.exists(FileSystem.join(FileSystem.dirname(candidate), "Package.swift")) {
            return (FileSystem.normalize(candidate), .release)
        }
        var dir = binDir
        while dir != "/" && !dir.isEmpty && dir != "." {
            let rules = FileSystem.join(dir, "Rules")
            if FileSystem.isRegularFile(FileSystem.join(dir, "Package.swift")), isRulesDirectory(rules) {
                return (rules, .checkout)
            }
            dir = FileSystem.dirname(dir)
        }
        if let fromEnv = environment.variables["LOOPX_RULES_DIR"], !fromEnv.isEmpty {
            let path = environment.absolute(fromEnv)
            if FileSystem.isDirectory(path) { return (path, .environment) }
        }
        return nil
    }

    private func isRulesDirectory(_ path: String) -> Bool {
        FileSystem.isRegularFile(FileSystem.join(path, "pipeline.yaml"))
    }
}
