import LoopXCore
import LoopXRules
import LoopXSupport

/// The checked-out branch of a repository, read from its HEAD file (no `git` process: the
/// hook runs before every tool call).
enum GitHead {
    static func branch(repo: String) -> String? {
        var gitDirectory = FileSystem.join(repo, ".git")
        if FileSystem.isRegularFile(gitDirectory) {
            // A worktree or submodule: `.git` is a file naming the real directory.
            guard let text = try? FileSystem.readText(gitDirectory), text.hasPrefix("gitdir: ") else { return nil }
            let path = String(text.dropFirst(8)).trimmingSpaces
            gitDirectory = path.hasPrefix("/") ? path : FileSystem.normalize(FileSystem.join(repo, path))
        }
        guard let head = try? FileSystem.readText(FileSystem.join(gitDirectory, "HEAD")) else { return nil }
        let line = head.trimmingSpaces
        guard line.hasPrefix("ref: refs/heads/") else { return nil }
        return String(line.dropFirst("ref: refs/heads/".count))
    }
}
