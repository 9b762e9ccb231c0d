#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the scan will read.
struct ScanCandidate: Sendable {
    var absolutePath: String
    /// Relative to the scan root (`""` prefix-free), as git reports tracked paths.
    var relativePath: String
    var fileName: String
    var isTracked = false
    /// Private state tracked by git that must be reported.
    var reportsTrackedPrivateState = false
}

/// The files and skipped places of one directory tree.
struct TreeWalk: Sendable {
    var candidates: [ScanCandidate] = []
    /// Private-state directories and files met on the walk, relative to the root, not entered.
    var privateStatePaths: [String] = []
    var skippedDirectories = 0
    var unreadableDirectories: [String] = []
}

/// Walks a directory tree with `readdir` and the entry types it reports, so ordinary files
/// cost no `stat`. Symbolic links are not followed: a link cannot pull a file from outside
/// the tree into a public-boundary verdict.
enum TreeWalker {
    static func walk(root: String) -> TreeWalk {
        var result = TreeWalk()
        var pending: [(absolute: String, relative: String)] = [(root, "")]
        while let (directory, relative) = pending.popLast() {
            guard let handle = opendir(directory) else {
                result.unreadableDirectories.append(relative.isEmpty ? "." : relative)
                continue
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let absolute = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                switch kind(of: entry.pointee.d_type, path: absolute) {
                case .directory:
                    if ScanPolicy.privateStateDirectories.contains(name) {
                        result.privateStatePaths.append(childRelative)
                    } else if ScanPolicy.isSkippedDirectory(name) || isVirtualenv(absolute) {
                        result.skippedDirectories += 1
                    } else {
                        pending.append((absolute, childRelative))
                    }
                case .file:
                    if ScanPolicy.privateStateFileNames.contains(name) {
                        result.privateStatePaths.append(childRelative)
                    } else if ScanPolicy.isScannedFileName(name) {
                        result.candidates.append(ScanCandidate(absolutePath: absolute, relativePath: childRelative, fileName: name))
                    }
                case .other:
                    continue
                }
            }
        }
        return result
    }

    enum EntryKind {
        case directory, file, other
    }

    private static func kind(of type: UInt8, path: String) -> EntryKind {
        switch Int32(type) {
        case Int32(DT_DIR): return .directory
        case Int32(DT_REG): return .file
        case Int32(DT_UNKNOWN):
            // Some file systems do not fill in the type; ask without following links.
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            default: return .other
            }
        default: return .other
        }
    }

    /// A Python virtual environment under any name carries `pyvenv.cfg`.
    private static func isVirtualenv(_ directory: String) -> Bool {
        access(directory + "/pyvenv.cfg", F_OK) == 0
    }
}
