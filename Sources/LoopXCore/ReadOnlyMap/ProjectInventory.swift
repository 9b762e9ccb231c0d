import LoopXRules
import LoopXSupport

/// A bounded, read-only look at a project directory: which well-known files exist, which
/// languages its sources are in, and its top-level directories. Reads names only, never
/// file contents, and stops after `maxFiles` files so a huge tree costs no more than a small one.
public struct ProjectInventory: Sendable {
    public struct Entry: Sendable {
        public var path: String
        /// `file`, `directory`, `other` or `missing`.
        public var kind: String
        public var exists: Bool { kind != "missing" }
    }

    /// The well-known files and directories checked, in report order.
    public static let wellKnown = [
        "README.md", "AGENTS.md", ".loopx/registry.json", ".codex/goals", "docs", "tests", "Tests", "package.json",
        "pyproject.toml", "requirements.txt", "Package.swift", "Cargo.toml", "go.mod", "Makefile",
    ]
    static let contextSurfaces: Set<String> = ["README.md", "docs"]
    static let validationSurfaces: Set<String> = [
        "tests", "Tests", "package.json", "pyproject.toml", "requirements.txt", "Package.swift", "Cargo.toml", "go.mod",
        "Makefile",
    ]
    /// Directories never descended into: dependencies, build output, virtual environments.
    static let skippedDirectories: Set<String> = [
        "node_modules", "build", "dist", "target", "vendor", "__pycache__", "venv", "Pods", "DerivedData",
    ]

    public var root: String
    public var entries: [Entry]
    /// Language name and source file count, most files first.
    public var languages: [(name: String, files: Int)]
    public var topLevelDirectories: [String]
    public var scannedFiles: Int
    /// True when the walk stopped at `maxFiles` or `maxDepth` before seeing everything.
    public var truncated: Bool

    public var filesPresent: Int { entries.filter(\.exists).count }
    public var hasContextSurface: Bool { entries.contains { $0.exists && ProjectInventory.contextSurfaces.contains($0.path) } }
    public var hasValidationSurface: Bool {
        entries.contains { $0.exists && ProjectInventory.validationSurfaces.contains($0.path) }
    }

    /// Inventories `root`; a missing root (or nil) gives an inventory where everything is missing.
    public static func scan(root: String?, maxFiles: Int = 5000, maxDepth: Int = 4) -> ProjectInventory {
        guard let root, root.hasPrefix("/"), FileSystem.isDirectory(root) else {
            return ProjectInventory(
                root: root ?? "", entries: wellKnown.map { Entry(path: $0, kind: "missing") }, languages: [],
                topLevelDirectories: [], scannedFiles: 0, truncated: false)
        }
        let entries = wellKnown.map { Entry(path: $0, kind: kind(of: FileSystem.join(root, $0))) }
        var counts: [String: Int] = [:]
        var scanned = 0
        var truncated = false
        var topLevel: [String] = []
        var queue: [(path: String, depth: Int)] = [(root, 0)]
        var cursor = 0
        walk: while cursor < queue.count {
            let (directory, depth) = queue[cursor]
            cursor += 1
            guard let names = try? FileSystem.list(directory) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = FileSystem.join(directory, name)
                if FileSystem.isDirectory(path) {
                    if depth == 0 { topLevel.append(name) }
                    if skippedDirectories.contains(name) { continue }
                    if depth + 1 < maxDepth { queue.append((path, depth + 1)) } else { truncated = true }
                    continue
                }
                scanned += 1
                if let language = SourceLanguage.name(forFile: name) { counts[language, default: 0] += 1 }
                if scanned >= maxFiles {
                    truncated = true
                    break walk
                }
            }
        }
        let languages = counts.map { (name: $0.key, files: $0.value) }
            .sorted { $0.files != $1.files ? $0.files > $1.files : $0.name < $1.name }
        return ProjectInventory(
            root: root, entries: entries, languages: languages, topLevelDirectories: topLevel,
            scannedFiles: scanned, truncated: truncated)
    }

    static func kind(of path: String) -> String {
        if FileSystem.isDirectory(path) { return "directory" }
        if FileSystem.isRegularFile(path) { return "file" }
        return FileSystem.exists(path) ? "other" : "missing"
    }

    /// The `project_inventory` object of the run record.
    public var json: JSONValue {
        [
            "root": .string(root),
            "entries": .array(entries.map { ["path": .string($0.path), "exists": .bool($0.exists), "kind": .string($0.kind)] }),
            "files_present": .int(Int64(filesPresent)), "files_checked": .int(Int64(entries.count)),
            "languages": .array(languages.map { ["language": .string($0.name), "files": .int(Int64($0.files))] }),
            "top_level_directories": JSONField.strings(topLevelDirectories),
            "scanned_files": .int(Int64(scannedFiles)), "truncated": .bool(truncated),
        ]
    }
}
