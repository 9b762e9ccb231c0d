import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RunHistory {
    /// The bytes of one index line: compact JSON with sorted keys and a newline.
    public static func line(for row: JSONObject) -> [UInt8] {
        Array((JSONWriter(sortedKeys: true, pretty: false).string(.object(row)) + "\n").utf8)
    }

    /// Appends one row: a single `write` of the whole line on an `O_APPEND` descriptor while
    /// holding `flock` on the index, so concurrent writers never interleave or lose lines.
    /// A torn last line left by a crashed writer is closed with a newline first. A run's own
    /// row (not an overlay) gets the machine it was recorded on (`host`, see `StoreHost`).
    /// With a shared store the row is one insert there (a failure ends the command with
    /// `store_unavailable`; nothing is half-written).
    public func append(row given: JSONObject) throws(FileSystem.Failure) {
        var row = given
        if row["host"] == nil, !RunRecord.isOverlay(row) { row["host"] = .string(StoreHost.current()) }
        if let shared {
            let line = RunHistory.line(for: row)
            SharedStores.must { () throws(CommandFailure) in try shared.appendRun(goalID: goalID, row: row, line: Array(line.dropLast())) }
            return
        }
        try FileSystem.createDirectory(runsDirectory)
        let path = indexPath
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystem.failure("open for append", path) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw FileSystem.failure("lock", path)
        }
        defer { flock(fd, LOCK_UN) }
        var bytes = RunHistory.line(for: row)
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileSystem.failure("stat", path) }
        if info.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(info.st_size - 1)) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
        }
        try FileSystem.writeAll(fd, bytes, path: path)
        updateCount(sizeBefore: Int64(info.st_size), sizeAfter: Int64(info.st_size) + Int64(bytes.count), row: row)
    }

    /// Artifact stem of a run: `generated_at` with every character outside `[0-9A-Za-z-]`
    /// replaced by `-`, trimmed of `-`, plus an optional suffix such as `-operator-gate`.
    public static func stem(generatedAt: String, suffix: String = "") -> String {
        var out = ""
        for scalar in generatedAt.unicodeScalars {
            let keep = scalar.isASCII && (("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "-")
            out.unicodeScalars.append(keep ? scalar : "-")
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return (out.isEmpty ? "run" : out) + suffix
    }

    /// Paths a run's artifacts would get (the first free `<stem>[-N].json/.md` pair), without
    /// claiming them; for dry runs.
    public func proposedArtifactPaths(stem: String) -> (json: String, markdown: String) {
        var n = 1
        while true {
            let name = n == 1 ? stem : "\(stem)-\(n)"
            let json = FileSystem.join(runsDirectory, name + ".json")
            let md = FileSystem.join(runsDirectory, name + ".md")
            if !FileSystem.exists(json), !FileSystem.exists(md) { return (json, md) }
            n += 1
        }
    }

    /// Writes a run's JSON record and Markdown rendering under a unique stem. The `.json` name is
    /// claimed with `O_EXCL` first so two concurrent writers never pick the same pair.
    /// `record` receives the chosen paths before it is written.
    public func writeArtifacts(
        stem: String, record: (String, String) -> JSONValue, markdown: String
    ) throws(FileSystem.Failure) -> (json: String, markdown: String) {
        try FileSystem.createDirectory(runsDirectory)
        removeStaleArtifacts()
        var n = 1
        while true {
            let name = n == 1 ? stem : "\(stem)-\(n)"
            let json = FileSystem.join(runsDirectory, name + ".json")
            let md = FileSystem.join(runsDirectory, name + ".md")
            n += 1
            if FileSystem.exists(md) { continue }
            let fd = open(json, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw FileSystem.failure("create", json)
            }
            close(fd)
            let body = JSONWriter(sortedKeys: true, pretty: true).string(record(json, md)) + "\n"
            try FileSystem.writeAtomically(json, text: body)
            try FileSystem.writeAtomically(md, text: markdown.hasSuffix("\n") ? markdown : markdown + "\n")
            return (json, md)
        }
    }

    /// How old (seconds, by modification time) a leftover must be before a writer removes it;
    /// younger ones may belong to a writer still at work.
    static let staleArtifactSeconds = 60

    /// Removes what killed writers left in `runs/`: temporary files (`.<name>.tmp-*`) and
    /// zero-byte `<stem>.json` claims without their `.md`, once older than
    /// `staleArtifactSeconds`. No index row names them: a row is appended only after both
    /// artifacts are written.
    func removeStaleArtifacts() {
        guard let names = try? FileSystem.list(runsDirectory) else { return }
        let present = Set(names)
        let cutoff = Int(time(nil)) - RunHistory.staleArtifactSeconds
        for name in names {
            let temporary = name.hasPrefix(".") && name.contains(".tmp-")
            let orphanClaim = name.hasSuffix(".json") && !present.contains(String(name.dropLast(5)) + ".md")
            guard temporary || orphanClaim else { continue }
            let path = FileSystem.join(runsDirectory, name)
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_mtim.tv_sec) < cutoff else { continue }
            if temporary || info.st_size == 0 { unlink(path) }
        }
    }
}
