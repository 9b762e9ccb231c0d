import LoopXRules
import LoopXSupport

/// Finds and reads the rule layers of an invocation: the built-in `Rules/` directory, the
/// user's `<runtime-root>/rules`, the project's `.loopx/rules`, and each `--rules PATH`.
public struct RuleLayerDiscovery: Sendable {
    public var context: LoopXContext
    /// A directory used instead of the located built-in `Rules/` (`--builtin-rules`).
    public var builtinOverride: String?
    /// The project whose `.loopx/rules` layer applies, when known (a goal's repository).
    public var projectOverride: String?
    /// Whether the working directory's layer may apply when no project is known. Off for the
    /// decisions of a goal (`forGoal`): another project's layer never decides it.
    public var workingDirectoryFallback = true

    public init(context: LoopXContext, builtinOverride: String? = nil) {
        self.context = context
        self.builtinOverride = builtinOverride
    }

    /// The built-in rules directory, or a failure telling how to provide one.
    public func builtinDirectory() throws(CommandFailure) -> String {
        if let builtinOverride {
            let path = context.environment.absolute(builtinOverride)
            guard FileSystem.isDirectory(path) else {
                throw CommandFailure("built-in rules directory \(path) does not exist", status: .usage)
            }
            return path
        }
        guard let found = RulesLocator(environment: context.environment).locate() else {
            throw CommandFailure(
                "no built-in Rules/ directory found",
                hint: "reinstall with scripts/install-local.sh, or set LOOPX_RULES_DIR", status: .invalidRules)
        }
        return found.path
    }

    /// The rule layers that decide a goal, whatever the working directory: the goal's
    /// repository's project layer; for a goal without a repository, the layer of the project
    /// whose registry lists it (a registry in `<project>/.loopx/`), and no project layer for
    /// a global registry. `quota should-run`, `status`, `quota plan`, `heartbeat-prompt`,
    /// `serve-status`, `review-packet` and `rules replay` all pick a goal's layer here.
    public static func forGoal(_ entry: GoalEntry?, context: LoopXContext, builtinOverride: String? = nil) -> RuleLayerDiscovery {
        var discovery = RuleLayerDiscovery(context: context, builtinOverride: builtinOverride)
        discovery.projectOverride = entry?.repo.map(context.environment.absolute)
        discovery.workingDirectoryFallback = false
        return discovery
    }

    /// The project directory: the known project (a goal's repository), else the parent of
    /// the registry's `.loopx` directory, else the working directory (nil for a goal's
    /// decision, which never takes the working directory's layer).
    public var projectDirectory: String? {
        if let projectOverride { return projectOverride }
        let registryDir = FileSystem.dirname(context.registryPath)
        if FileSystem.basename(registryDir) == ".loopx" { return FileSystem.dirname(registryDir) }
        return workingDirectoryFallback ? context.environment.workingDirectory : nil
    }

    /// The project layer's directory when it exists (the key under which goals share a rule set).
    public var projectLayerDirectory: String? {
        guard let projectDirectory else { return nil }
        let path = FileSystem.join(projectDirectory, ".loopx/rules")
        return FileSystem.isDirectory(path) ? path : nil
    }

    /// Every layer, in order, with its files read.
    public func layers() throws(CommandFailure) -> [RuleLayerSource] {
        let builtin = try builtinDirectory()
        var layers = [try Self.read(.builtin, directory: builtin, shownAs: FileSystem.basename(builtin))]
        let user = FileSystem.join(context.runtimeRoot(), "rules")
        if FileSystem.isDirectory(user) { layers.append(try read(.user, directory: user)) }
        if let project = projectLayerDirectory { layers.append(try read(.project, directory: project)) }
        for given in context.settings.rules {
            let path = context.environment.absolute(given)
            if FileSystem.isDirectory(path) {
                layers.append(try read(.cli, directory: path))
            } else if FileSystem.isRegularFile(path) {
                layers.append(RuleLayerSource(kind: .cli, files: [try readFile(path, shown: shown(path))]))
            } else {
                throw CommandFailure("--rules \(given): no such file or directory", code: .invalidInput)
            }
        }
        return layers
    }

    /// Loads every layer into a rule set (through the snapshot cache unless it is off);
    /// invalid rule files fail with exit status 3.
    public func load() throws(RuleLoadFailure) -> RuleSet {
        let layers: [RuleLayerSource]
        do { layers = try self.layers() } catch { throw .command(error) }
        return try load(layers: layers)
    }

    /// Loads already-read layers (through the snapshot cache unless it is off).
    public func load(layers: [RuleLayerSource]) throws(RuleLoadFailure) -> RuleSet {
        do {
            if let cache = RuleSetCache(environment: context.environment) {
                return try cache.load(layers: layers, now: context.now)
            }
            return try RuleSet.load(layers: layers, now: context.now)
        } catch {
            throw .invalid(error)
        }
    }

    /// `*.test.yaml` files under the given paths (files or directories, searched
    /// recursively); with no paths, the built-in `Rules/tests` and the project's rules directory.
    public func fixtureSources(_ paths: [String]) throws(CommandFailure) -> [FixtureRunner.Source] {
        var roots = paths.map { context.environment.absolute($0) }
        if paths.isEmpty {
            roots = [FileSystem.join(try builtinDirectory(), "tests")].filter(FileSystem.isDirectory)
            if let project = projectLayerDirectory { roots.append(project) }
        }
        var files: [String] = []
        for root in roots {
            if FileSystem.isRegularFile(root) {
                files.append(root)
            } else if FileSystem.isDirectory(root) {
                files += Self.testFiles(under: root)
            } else if !paths.isEmpty {
                throw CommandFailure("\(root): no such file or directory", status: .usage)
            }
        }
        var sources: [FixtureRunner.Source] = []
        for file in files {
            sources.append(FixtureRunner.Source(file: try readFile(file, shown: shown(file)), directory: FileSystem.dirname(file)))
        }
        return sources
    }

    static func testFiles(under directory: String) -> [String] {
        guard let names = try? FileSystem.list(directory) else { return [] }
        var found: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = FileSystem.join(directory, name)
            if FileSystem.isDirectory(path) {
                found += testFiles(under: path)
            } else if name.hasSuffix(".test.yaml") || name.hasSuffix(".test.yml") {
                found.append(path)
            }
        }
        return found
    }

    /// A path as shown in messages: relative to the working directory when inside it.
    func shown(_ path: String) -> String {
        let cwd = context.environment.workingDirectory
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private func read(_ kind: RuleLayerKind, directory: String) throws(CommandFailure) -> RuleLayerSource {
        try Self.read(kind, directory: directory, shownAs: shown(directory))
    }

    /// The rule files directly in a directory (`*.yaml`/`*.yml`, fixtures excluded), sorted.
    public static func read(_ kind: RuleLayerKind, directory: String, shownAs: String) throws(CommandFailure) -> RuleLayerSource {
        let names: [String]
        do { names = try FileSystem.list(directory) } catch { throw CommandFailure(error.description, status: .invalidRules) }
        var files: [RuleSourceFile] = []
        for name in names where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.contains(".test.") && !name.hasPrefix(".") {
            let path = FileSystem.join(directory, name)
            guard FileSystem.isRegularFile(path) else { continue }
            files.append(try readFile(path, shown: FileSystem.join(shownAs, name)))
        }
        return RuleLayerSource(kind: kind, files: files)
    }

    static func readFile(_ path: String, shown: String) throws(CommandFailure) -> RuleSourceFile {
        do {
            let bytes = try FileSystem.readBytes(path)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CommandFailure("\(shown) is not valid UTF-8", status: .invalidRules)
            }
            return RuleSourceFile(path: shown, text: text)
        } catch let failure as FileSystem.Failure {
            throw CommandFailure(failure.description, status: .invalidRules)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(error)", status: .invalidRules)
        }
    }

    private func readFile(_ path: String, shown: String) throws(CommandFailure) -> RuleSourceFile {
        try Self.readFile(path, shown: shown)
    }
}

/// Why rules could not be loaded: a command-level problem, or invalid rule files (exit 3).
public enum RuleLoadFailure: Error, Sendable {
    case command(CommandFailure)
    case invalid(DiagnosticList)
}
