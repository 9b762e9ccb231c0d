import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The list of files a scan will read, gathered from the walk of each root and from git.
struct ScanPlan {
    var candidates: [ScanCandidate] = []
    var findings: [BoundaryFinding] = []
    var warnings: [BoundaryWarning] = []
    var skipped = BoundarySkipCounts()
    /// Tracked files skipped by a binary-only suffix, as shown.
    var binaryFiles: [String] = []
    var usedGit = false
    private var seen: Set<String> = []

    mutating func add(root: String, options: BoundaryScanOptions) {
        if FileSystem.isRegularFile(root) {
            // A file named explicitly is read whatever its kind.
            append(ScanCandidate(absolutePath: root, relativePath: FileSystem.basename(root), fileName: FileSystem.basename(root)))
            return
        }
        guard FileSystem.isDirectory(root) else {
            warnings.append(BoundaryWarning(code: "scan_root_missing", path: options.display(root)))
            return
        }
        let walk = TreeWalker.walk(root: root)
        skipped.directories += walk.skippedDirectories
        skipped.privateState += walk.privateStatePaths.count
        for directory in walk.unreadableDirectories {
            warnings.append(BoundaryWarning(code: "unreadable_directory", path: options.display(FileSystem.join(root, directory))))
        }
        var rootCandidates = walk.candidates
        if let git = GitTracking.open(root: root, gitExecutable: options.gitExecutable) {
            if let tracked = git.trackedFiles() {
                usedGit = true
                merge(tracked: tracked, root: root, options: options, into: &rootCandidates)
                // Under `.codex/` only goal state is private (`ScanPolicy`): ask git about
                // `.codex/goals`, the path bootstrap's `.gitignore` advice names.
                let privatePaths = walk.privateStatePaths.map { path in
                    FileSystem.basename(path) == ".codex" ? FileSystem.join(path, "goals") : path
                }
                for path in git.untrackedNotIgnored(privatePaths) {
                    let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
                    warnings.append(BoundaryWarning(code: "private_state_not_gitignored", path: options.display(FileSystem.join(root, trimmed))))
                }
            } else {
                warnings.append(BoundaryWarning(code: "git_unavailable", path: options.display(root)))
            }
        }
        for candidate in rootCandidates { append(candidate) }
    }

    /// Marks walked files git tracks, and adds tracked files the walk does not read:
    /// other file kinds and private state.
    private mutating func merge(
        tracked: [String], root: String, options: BoundaryScanOptions, into candidates: inout [ScanCandidate]
    ) {
        var indexByPath: [String: Int] = [:]
        for (index, candidate) in candidates.enumerated() { indexByPath[candidate.relativePath] = index }
        for path in tracked {
            let components = path.split(separator: "/")
            let disposition = ScanPolicy.disposition(ofTracked: components)
            if disposition == .skip { continue }
            if let index = indexByPath[path] {
                candidates[index].isTracked = true
                continue
            }
            let absolute = FileSystem.join(root, path)
            guard ScanPlan.isRegularFileNoFollow(absolute) else { continue }
            var candidate = ScanCandidate(
                absolutePath: absolute, relativePath: path, fileName: components.last.map(String.init) ?? path,
                isTracked: true)
            if case .privateState(let reported) = disposition { candidate.reportsTrackedPrivateState = reported }
            if ScanPolicy.isBinaryFileName(candidate.fileName) {
                if candidate.reportsTrackedPrivateState {
                    findings.append(BoundaryFinding(path: options.display(absolute), line: 0, rule: .trackedPrivateState, severity: .error))
                }
                skipped.binary += 1
                binaryFiles.append(options.display(absolute))
                continue
            }
            candidates.append(candidate)
        }
    }

    private mutating func append(_ candidate: ScanCandidate) {
        if seen.insert(candidate.absolutePath).inserted { candidates.append(candidate) }
    }

    private static func isRegularFileNoFollow(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
