import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a registry `state_file` inside its goal's repository: the path is resolved the way
/// the kernel would open it (every symlink followed, `..` taken physically, a missing tail
/// appended as written), and anything that lands outside the repository's own resolved path
/// is refused, so a registry entry can never make loopx read or write another file.
public enum StateFileContainment {
    /// Symlinks followed before a path counts as a loop (Linux's limit).
    static let maxSymlinkHops = 40

    /// Why a registry state file is refused.
    public struct Escape: Error, Sendable, Hashable {
        public var goalID: String
        /// `state_file` as written in the registry.
        public var stateFile: String
        /// Where it resolves (nil when it cannot be resolved: a symlink loop).
        public var resolved: String?
        /// The repository's resolved path; nil when the goal has no `repo`.
        public var repo: String?

        /// The registry problem code that names this refusal.
        public var code: RegistryProblem.Code { repo == nil ? .goalMissingRepo : .stateFileOutsideRepo }

        public var message: String {
            guard let repo else {
                return "goal '\(goalID)' has no repo, so its state_file '\(stateFile)' cannot be confined to a repository"
            }
            guard let resolved else { return "goal '\(goalID)' state_file '\(stateFile)' does not resolve (symlink loop)" }
            return "goal '\(goalID)' state_file '\(stateFile)' resolves to \(resolved), outside its repository \(repo)"
        }

        /// The refusal a command gives instead of touching the file.
        public var commandFailure: CommandFailure {
            CommandFailure(
                "\(code.rawValue): \(message); nothing was read or written",
                hint: "point state_file at a file inside the goal's repo (e.g. .codex/goals/\(goalID)/ACTIVE_GOAL_STATE.md), or pass --state-file explicitly",
                code: .invalidState)
        }
    }

    /// The escape of `goal`'s declared state file, or nil when it has none or it stays inside.
    public static func escape(of goal: GoalEntry, environment: LoopXEnvironment) -> Escape? {
        guard let written = goal.stateFile, let path = goal.stateFilePath(environment: environment) else { return nil }
        let id = goal.id ?? "?"
        guard let repo = goal.repo else { return Escape(goalID: id, stateFile: written, resolved: nil, repo: nil) }
        let repoPath = physicalPath(environment.absolute(repo)) ?? FileSystem.normalize(environment.absolute(repo))
        guard let resolved = physicalPath(path) else { return Escape(goalID: id, stateFile: written, resolved: nil, repo: repoPath) }
        return isInside(resolved, repoPath) ? nil : Escape(goalID: id, stateFile: written, resolved: resolved, repo: repoPath)
    }

    /// Whether `path` is strictly below `directory` (both resolved, absolute).
    static func isInside(_ path: String, _ directory: String) -> Bool {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) && path.count > prefix.count
    }

    /// The path the kernel would reach for the absolute `path`: symlinks followed (dangling
    /// ones too, to where a write would create the file), `..` applied to the resolved parent.
    /// Nil on a symlink loop.
    static func physicalPath(_ path: String) -> String? {
        var pending = Array(path.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed())
        var resolved: [String] = []
        var hops = 0
        var missing = false
        while let component = pending.popLast() {
            if component == "." { continue }
            if component == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                continue
            }
            let candidate = "/" + (resolved + [component]).joined(separator: "/")
            guard !missing, let target = symlinkTarget(candidate) else {
                // A missing component cannot be a symlink, nor can anything below it.
                if !missing, !FileSystem.exists(candidate) { missing = true }
                resolved.append(component)
                continue
            }
            hops += 1
            if hops > maxSymlinkHops { return nil }
            if target.hasPrefix("/") { resolved = [] }
            pending += target.split(separator: "/", omittingEmptySubsequences: true).map(String.init).reversed()
        }
        return "/" + resolved.joined(separator: "/")
    }

    private static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The target of a symlink, nil when `path` is not one.
    private static func symlinkTarget(_ path: String) -> String? {
        guard isSymlink(path) else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension GoalEntry {
    /// The absolute state file path (as `stateFilePath(environment:)`), refused with a
    /// registry-problem-coded failure when it resolves outside the goal's repository.
    public func containedStateFilePath(environment: LoopXEnvironment) throws(CommandFailure) -> String? {
        if let escape = StateFileContainment.escape(of: self, environment: environment) { throw escape.commandFailure }
        return stateFilePath(environment: environment)
    }
}
