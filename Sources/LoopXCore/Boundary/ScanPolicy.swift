/// Which directories and files the boundary scan reads, and what counts as private state.
public enum ScanPolicy {
    /// File kinds always scanned (other kinds only when git tracks them).
    public static let scannedSuffixes: [String] = [".md", ".py", ".toml", ".json", ".yaml", ".yml", ".sh"]

    /// Generated, vendored or tool-owned directories: never entered.
    public static let skippedDirectories: Set<String> = [
        ".git", ".build", ".swiftpm", ".venv", "venv", "__pycache__", ".pytest_cache", ".ruff_cache",
        ".mypy_cache", ".tox", "build", "dist", "node_modules", "runtime",
    ]

    /// Directories of local control-plane state: skipped, and a finding when git tracks them.
    public static let privateStateDirectories: Set<String> = [
        ".codex", ".goal-harness", ".goal-wrapper.local", ".local", ".loopx",
    ]

    /// Files that hold a goal's live state wherever they sit.
    public static let privateStateFileNames: Set<String> = ["ACTIVE_GOAL_STATE.md", "ACTIVE_GOAL_STATE.md.lock"]

    /// Path components under which tracked private state is sample data, not live state.
    public static let sampleDirectories: Set<String> = ["examples", "example", "fixtures", "Fixtures", "testdata"]

    /// Kinds that are binary by definition: a tracked image or archive is counted as binary
    /// without reading megabytes of it to find a NUL byte.
    public static let binarySuffixes: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "ico", "icns", "bmp", "tiff", "heic", "psd", "pdf", "zip", "gz", "tgz",
        "bz2", "xz", "7z", "jar", "war", "whl", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "mov", "wav",
        "ogg", "webm", "wasm", "so", "dylib", "dll", "exe", "a", "o", "class", "pyc", "bin", "sqlite", "db",
        "xlsx", "docx", "pptx",
    ]

    /// Whether a file name ends in a binary-only suffix (case-insensitive).
    public static func isBinaryFileName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return binarySuffixes.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Files larger than this are skipped with a warning rather than read.
    public static let maxFileBytes = 4 << 20

    /// Whether the walk skips a directory named `name` (before checking for a virtualenv).
    public static func isSkippedDirectory(_ name: String) -> Bool {
        skippedDirectories.contains(name) || name.hasSuffix(".egg-info")
    }

    /// Whether a file named `name` is of a scanned kind; `*.local.json` is local configuration.
    public static func isScannedFileName(_ name: String) -> Bool {
        if name.hasSuffix(".local.json") { return false }
        for suffix in scannedSuffixes where name.hasSuffix(suffix) { return true }
        return false
    }

    /// What to do with a path git tracks, given its components relative to the scan root.
    public enum TrackedDisposition: Sendable, Equatable {
        /// Under a skipped directory: ignored like on the walk.
        case skip
        /// An ordinary tracked file: scanned if it is text.
        case scan
        /// Private state tracked by git: scanned, and reported unless it is sample data.
        case privateState(reported: Bool)
    }

    public static func disposition(ofTracked components: [Substring]) -> TrackedDisposition {
        guard let name = components.last else { return .skip }
        let directories = components.dropLast()
        if directories.contains(where: { isSkippedDirectory(String($0)) && !privateStateDirectories.contains(String($0)) }) {
            return .skip
        }
        let isSample = directories.contains { sampleDirectories.contains(String($0)) }
        if privateStateFileNames.contains(String(name)) { return .privateState(reported: !isSample) }
        guard let index = directories.firstIndex(where: { privateStateDirectories.contains(String($0)) }) else {
            return .scan
        }
        // Under `.codex/` only goal state is private; skills and config may be shared on purpose.
        if directories[index] == ".codex" {
            let next = directories.index(after: index)
            let isGoals = next < directories.endIndex && directories[next] == "goals"
            return isGoals ? .privateState(reported: !isSample) : .scan
        }
        return .privateState(reported: !isSample)
    }
}
