/// What to scan and how: the roots, where paths are shown relative to, and git's location.
public struct BoundaryScanOptions: Sendable {
    /// Absolute directories or files to scan.
    public var roots: [String]
    /// Absolute directory that reported paths are relative to (the project root).
    public var displayBase: String
    /// The `git` executable, or nil to scan without knowing what git tracks.
    public var gitExecutable: String?
    /// Files above this size are skipped with a warning.
    public var maxFileBytes: Int
    /// The registry's `public_boundary.tracked_private_doc_urls: allow`: private doc links in
    /// git-tracked files are accepted.
    public var allowTrackedPrivateDocURLs: Bool

    public init(
        roots: [String], displayBase: String, gitExecutable: String? = nil,
        maxFileBytes: Int = ScanPolicy.maxFileBytes, allowTrackedPrivateDocURLs: Bool = false
    ) {
        self.roots = roots
        self.displayBase = displayBase
        self.gitExecutable = gitExecutable
        self.maxFileBytes = maxFileBytes
        self.allowTrackedPrivateDocURLs = allowTrackedPrivateDocURLs
    }

    /// `path` relative to the display base when it lies inside it, else unchanged.
    func display(_ path: String) -> String {
        let base = displayBase.hasSuffix("/") ? String(displayBase.dropLast()) : displayBase
        if path == base { return "." }
        if base.isEmpty || base == "/" { return path }
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}

/// How far a scan has come, for a progress line.
public struct ScanProgress: Sendable, Equatable {
    public var filesDone: Int
    public var filesTotal: Int
}
