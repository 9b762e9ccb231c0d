import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) held on a sidecar `<file>.lock` for the length of a
/// read-modify-write cycle. Processes that honour the lock never interleave their cycles; the
/// lock is released by the kernel even if the holder is killed.
public struct FileLock: ~Copyable {
    public let lockPath: String
    private let fd: Int32

    /// Blocks until the lock for `target` (at `<target>.lock`) is held.
    public init(guarding target: String) throws(FileSystem.Failure) {
        let path = target + ".lock"
        try FileSystem.createDirectory(FileSystem.dirname(path))
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystem.failure("open lock file", path) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let failed = FileSystem.failure("lock", path)
            close(fd)
            throw failed
        }
        self.lockPath = path
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Removes temporary files a killed writer left beside `target`. Only safe while holding
    /// the target's lock: every locked writer of the target is then known to be finished.
    public static func removeStaleTemporaries(of target: String) {
        let dir = FileSystem.dirname(target)
        let prefix = ".\(FileSystem.basename(target)).tmp-"
        // `..<name>.tmp-…` is the temporary of a staged replacement (`StagedReplacement`).
        for name in (try? FileSystem.list(dir)) ?? [] where name.hasPrefix(prefix) || name.hasPrefix("." + prefix) {
            unlink(FileSystem.join(dir, name))
        }
    }
}

/// The bytes of a file as read at one moment (nil when the file did not exist), so a later
/// write can check that nobody changed the file in between.
public struct FileSnapshot: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]?

    /// Reads the file now; a missing file is a snapshot of absence.
    public static func read(_ path: String) throws(FileSystem.Failure) -> FileSnapshot {
        guard FileSystem.exists(path) else { return FileSnapshot(path: path, bytes: nil) }
        return FileSnapshot(path: path, bytes: try FileSystem.readBytes(path))
    }

    public var text: String? { bytes.map { String(decoding: $0, as: UTF8.self) } }
}

/// Read-modify-write of one file under its sidecar lock with change detection.
public enum LockedRewrite {
    /// Why a guarded rewrite did not happen.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case io(FileSystem.Failure)
        /// The file on disk differs from the snapshot the change was computed from.
        case changedOnDisk(path: String)

        public var description: String {
            switch self {
            case .io(let failure): return failure.description
            case .changedOnDisk(let path):
                return "\(path) changed on disk since it was read; nothing was written (rerun the command)"
            }
        }

        public var commandFailure: CommandFailure {
            switch self {
            case .io(let failure): return CommandFailure(failure.description, code: .ioError)
            case .changedOnDisk:
                return CommandFailure(
                    description, hint: "another process or an editor changed the file; rerun to apply the change to the new content",
                    code: .conflict)
            }
        }
    }

    /// Takes the lock, checks the file still holds `expected`, then writes `newBytes` atomically.
    public static func write(
        _ newBytes: [UInt8], over expected: FileSnapshot, mode: mode_t = 0o644
    ) throws(Failure) {
        do {
            let lock = try FileLock(guarding: expected.path)
            defer { _ = lock }
            FileLock.removeStaleTemporaries(of: expected.path)
            let current = try FileSnapshot.read(expected.path)
            guard current == expected else { throw Failure.changedOnDisk(path: expected.path) }
            try FileSystem.writeAtomically(expected.path, bytes: newBytes, mode: mode)
        } catch let failure as FileSystem.Failure {
            throw .io(failure)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .changedOnDisk(path: expected.path)
        }
    }

    /// Holds the lock for a whole cycle: reads, lets `transform` compute the new bytes (nil
    /// means no change), re-checks the file is unchanged, and writes atomically.
    /// Returns the value `transform` produced alongside the new bytes.
    /// With `beforeReplace`, the new bytes are first written in full beside the file, then
    /// `beforeReplace` runs (e.g. an index append that must happen only if this write can),
    /// then the file is replaced; when either fails, the file is left as it was.
    public static func update<T>(
        _ path: String, mode: mode_t = 0o644, beforeReplace: (() throws -> Void)? = nil,
        _ transform: (FileSnapshot) throws -> (bytes: [UInt8]?, result: T)
    ) throws -> T {
        let lock = try FileLock(guarding: path)
        defer { _ = lock }
        FileLock.removeStaleTemporaries(of: path)
        let before = try FileSnapshot.read(path)
        let outcome = try transform(before)
        guard let bytes = outcome.bytes else { return outcome.result }
        // A writer that ignores the lock (an editor) may have replaced the file meanwhile.
        guard try FileSnapshot.read(path) == before else { throw Failure.changedOnDisk(path: path) }
        guard let beforeReplace else {
            try FileSystem.writeAtomically(path, bytes: bytes, mode: mode)
            return outcome.result
        }
        let staged = try StagedReplacement(path, bytes: bytes, mode: mode)
        do { try beforeReplace() } catch {
            staged.discard()
            throw error
        }
        try staged.commit()
        return outcome.result
    }
}

/// New content for a file, written in full (and synced) under a temporary name beside it but
/// not yet in place: `commit` renames it over the file, `discard` removes it. Writing first
/// proves the disk can take the bytes before anything else depends on them.
public struct StagedReplacement: ~Copyable {
    public let target: String
    let staged: String

    public init(_ target: String, bytes: [UInt8], mode: mode_t = 0o644) throws(FileSystem.Failure) {
        self.target = target
        staged = FileSystem.join(FileSystem.dirname(target), ".\(FileSystem.basename(target)).tmp-staged-\(getpid())")
        try FileSystem.writeAtomically(staged, bytes: bytes, mode: mode)
    }

    /// Moves the staged bytes into place.
    public consuming func commit() throws(FileSystem.Failure) {
        guard rename(staged, target) == 0 else {
            let failed = FileSystem.failure("rename into place", target)
            unlink(staged)
            throw failed
        }
        let dir = open(FileSystem.dirname(target), O_RDONLY | O_DIRECTORY)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    /// Removes the staged bytes; the target is untouched.
    public consuming func discard() { unlink(staged) }
}
