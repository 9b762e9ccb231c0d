import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory created fresh under `$TMPDIR` (else `/tmp`) and removed, with everything in
/// it, on request. Removal never follows symbolic links out of the directory.
public struct TemporaryDirectory: Sendable {
    public let path: String

    /// Creates `<tmp>/<prefix>XXXXXX` with a unique suffix.
    public static func create(prefix: String, environment: LoopXEnvironment) throws(CommandFailure) -> TemporaryDirectory {
        let base = environment.variables["TMPDIR"].flatMap { $0.isEmpty ? nil : environment.absolute($0) } ?? "/tmp"
        var template = Array(FileSystem.join(base, prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard made else { throw CommandFailure("cannot create a temporary directory under \(base): \(String(cString: strerror(errno)))") }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return TemporaryDirectory(path: FileSystem.realPath(path) ?? path)
    }

    /// Deletes the directory and its contents.
    public func remove() {
        TemporaryDirectory.removeTree(path)
    }

    private static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in (try? FileSystem.list(path)) ?? [] { removeTree(FileSystem.join(path, name)) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
