#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, throwing wrappers over POSIX file calls; the one place loopx touches the file system.
public enum FileSystem {
    /// A failed file operation with the path and the system's reason.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var operation: String
        public var reason: String

        public var description: String { "cannot \(operation) \(path): \(reason)" }
    }

    public static func failure(_ operation: String, _ path: String, errno code: Int32 = errno) -> Failure {
        Failure(path: path, operation: operation, reason: String(cString: strerror(code)))
    }

    public static func currentDirectory() -> String? {
        guard let raw = getcwd(nil, 0) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    public static func realPath(_ path: String) -> String? {
        guard let raw = realpath(path, nil) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    public static func join(_ base: String, _ component: String) -> String {
        if component.hasPrefix("/") { return component }
        if base.isEmpty { return component }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }

    /// Removes `.`/`..`/empty segments lexically (no symlink resolution).
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    public static func dirname(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    public static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }

    public static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

    /// The first executable named `name` in a PATH string.
    public static func findOnPath(_ name: String, path: String) -> String? {
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = join(String(dir), name)
            if isRegularFile(candidate), isExecutable(candidate) { return candidate }
        }
        return nil
    }

    /// Names in a directory (no `.`/`..`), sorted for deterministic output.
    public static func list(_ path: String) throws(Failure) -> [String] {
        guard let dir = opendir(path) else { throw failure("list", path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates a directory and its missing parents.
    public static func createDirectory(_ path: String, mode: mode_t = 0o755) throws(Failure) {
        if isDirectory(path) { return }
        let parent = dirname(path)
        if parent != path, !parent.isEmpty, parent != "." { try createDirectory(parent, mode: mode) }
        if mkdir(path, mode) != 0, errno != EEXIST { throw failure("create directory", path) }
    }

    public static func readBytes(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("read", path) }
        defer { close(fd) }
        var result: [UInt8] = []
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size > 0 { result.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("read", path)
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    public static func readText(_ path: String) throws(Failure) -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// Writes all bytes to a descriptor, retrying short writes and EINTR.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write", path)
            }
            offset += written
        }
    }

    /// Replaces a file atomically: a temporary file in the same directory, fsync, rename.
    /// A crash leaves either the old content or the new, never a mix. With `durable: false`
    /// the fsyncs are skipped: a killed process still leaves the old or the new file, but a
    /// power loss may lose the update (for files that are re-derived or re-issued anyway).
    public static func writeAtomically(_ path: String, bytes: [UInt8], mode: mode_t = 0o644, durable: Bool = true) throws(Failure) {
        let dir = dirname(path)
        try createDirectory(dir)
        var template = Array(join(dir, ".\(basename(path)).tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { throw failure("create a temporary file beside", path) }
        let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(Failure) {
            defer { close(fd) }
            try writeAll(fd, bytes, path: tempPath)
            if fchmod(fd, mode) != 0 { throw failure("chmod", tempPath) }
            if durable, fsync(fd) != 0 { throw failure("fsync", tempPath) }
        } catch {
            unlink(tempPath)
            throw error
        }
        if rename(tempPath, path) != 0 {
            let failed = failure("rename into place", path)
            unlink(tempPath)
            throw failed
        }
        let dirFD = durable ? open(dir, O_RDONLY | O_DIRECTORY) : -1
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    public static func writeAtomically(_ path: String, text: String, mode: mode_t = 0o644, durable: Bool = true) throws(Failure) {
        try writeAtomically(path, bytes: Array(text.utf8), mode: mode, durable: durable)
    }
}
