import LoopXRules
import LoopXSupport

/// What git knows about the files under one scan root: which are tracked, and which untracked
/// private-state paths are not ignored. Absent (nil) when the root is not in a git work tree.
struct GitTracking: Sendable {
    /// The scan root, absolute; git reports paths relative to it.
    let root: String
    let runner: ProcessRunner

    /// Git for `root` when some ancestor holds `.git` and the executable exists.
    static func open(root: String, gitExecutable: String?, timeoutMilliseconds: Int32 = 5000) -> GitTracking? {
        guard let gitExecutable, FileSystem.isExecutable(gitExecutable), isInsideWorkTree(root) else { return nil }
        return GitTracking(root: root, runner: ProcessRunner(executable: gitExecutable, timeoutMilliseconds: timeoutMilliseconds))
    }

    /// Looks for `.git` (a directory, or a file in worktrees and submodules) in `path` and its ancestors,
    /// so a tree outside any repository never spawns git.
    static func isInsideWorkTree(_ path: String) -> Bool {
        var directory = FileSystem.normalize(path)
        while true {
            if FileSystem.exists(FileSystem.join(directory, ".git")) { return true }
            let parent = FileSystem.dirname(directory)
            if parent == directory || parent == "." || parent.isEmpty { return false }
            directory = parent
        }
    }

    /// Tracked files under the root, relative to it; nil when git fails.
    func trackedFiles() -> [String]? {
        guard let outcome = runner.run(["-C", root, "ls-files", "-z", "--cached"]), outcome.status == 0 else { return nil }
        return GitTracking.splitNUL(outcome.output)
    }

    /// Of `paths` (relative to the root), those git neither tracks nor ignores; untracked
    /// directories come back once, with a trailing `/`; a directory whose every file is
    /// ignored is not listed (`--no-empty-directory`).
    func untrackedNotIgnored(_ paths: [String]) -> [String] {
        guard !paths.isEmpty else { return [] }
        let arguments = ["-C", root, "ls-files", "-z", "--others", "--exclude-standard", "--directory", "--no-empty-directory", "--"] + paths
        guard let outcome = runner.run(arguments), outcome.status == 0 else { return [] }
        return GitTracking.splitNUL(outcome.output)
    }

    static func splitNUL(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension GitTracking {
    /// Whether git tracks and whether it ignores one file; nil outside a work tree.
    static func fileStatus(_ path: String, gitExecutable: String?) -> (tracked: Bool, ignored: Bool)? {
        let directory = FileSystem.dirname(path)
        guard FileSystem.isDirectory(directory),
            let git = GitTracking.open(root: directory, gitExecutable: gitExecutable, timeoutMilliseconds: 1500),
            let listed = git.runner.run(["-C", directory, "ls-files", "-z", "--", FileSystem.basename(path)]),
            listed.status == 0
        else { return nil }
        let tracked = !listed.output.isEmpty
        // `check-ignore` exits 0 when ignored, 1 when not; anything else means git could not say.
        guard let ignore = git.runner.run(["-C", directory, "check-ignore", "-q", "--", FileSystem.basename(path)]),
            ignore.status == 0 || ignore.status == 1
        else { return (tracked, false) }
        return (tracked, ignore.status == 0)
    }
}
