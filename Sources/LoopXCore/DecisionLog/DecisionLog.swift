import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The decision log of one goal: `<goal-dir>/decisions.jsonl` (the current generation),
/// `decisions.1.jsonl` (the previous one) and `facts/<digest>.json` (each distinct fact value
/// a record references, stored once).
///
/// An append holds the sidecar lock `decisions.jsonl.lock` (a `FileLock`, which survives the
/// rename of a rotation) for the whole cycle: rotate when due, write the new fact values,
/// then one `write` of the whole line on an `O_APPEND` descriptor, closing a torn last line
/// first, as the run index does. Its cost does not grow with the log.
///
/// With a shared store (`shared`) the records and fact values live there (one statement per
/// append, no rotation: the database keeps every record).
public struct DecisionLog: Sendable {
    public let goalDirectory: String
    public var settings: DecisionLogSettings
    /// The shared store holding the log, nil for the local files.
    public var shared: (any SharedStore)?

    public init(goalDirectory: String, settings: DecisionLogSettings = DecisionLogSettings(), shared: (any SharedStore)? = nil) {
        self.goalDirectory = goalDirectory
        self.settings = settings
        self.shared = shared
    }

    var goalID: String { FileSystem.basename(goalDirectory) }

    public var path: String { FileSystem.join(goalDirectory, "decisions.jsonl") }
    public var rotatedPath: String { FileSystem.join(goalDirectory, "decisions.1.jsonl") }
    public var factsDirectory: String { FileSystem.join(goalDirectory, "facts") }

    func factPath(_ digest: String) -> String { FileSystem.join(factsDirectory, digest + ".json") }

    /// Appends a record whose fact values (`digest -> bytes`) are stored first, once each.
    public func append(_ record: DecisionRecord, values: [(digest: String, bytes: [UInt8])]) throws(FileSystem.Failure) {
        if let shared {
            let line = Array(RunHistory.line(for: record.json.objectValue ?? JSONObject()).dropLast())
            SharedStores.must { () throws(CommandFailure) in try shared.appendDecision(goalID: goalID, line: line, at: record.at, values: values) }
            return
        }
        try FileSystem.createDirectory(goalDirectory)
        let lock = try FileLock(guarding: path)
        defer { _ = lock }
        let line = RunHistory.line(for: record.json.objectValue ?? JSONObject())
        if rotationDue(adding: Int64(line.count), at: record.at) { try rotate(now: record.at) }
        if !values.isEmpty { try FileSystem.createDirectory(factsDirectory) }
        for value in values where !FileSystem.exists(factPath(value.digest)) {
            try FileSystem.writeAtomically(factPath(value.digest), bytes: value.bytes, durable: false)
        }
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystem.failure("open for append", path) }
        defer { close(fd) }
        var bytes = line
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, off_t(info.st_size - 1)) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
        }
        try FileSystem.writeAll(fd, bytes, path: path)
    }

    /// Whether the current generation must rotate before a line of `size` bytes: it would
    /// pass `max_bytes`, or its first record is older than `max_age`. Reads one stat and at
    /// most the first 64 KiB.
    func rotationDue(adding size: Int64, at now: Timestamp) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return false }
        if Int64(info.st_size) + size > settings.maxBytes { return true }
        guard let first = firstRecordTime() else { return false }
        return now.seconds - first.seconds > settings.maxAgeSeconds
    }

    /// The `at` of the current generation's first line.
    func firstRecordTime() -> Timestamp? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 65_536, 0) }
        guard count > 0, let end = buffer[0..<count].firstIndex(of: 0x0A),
            let value = try? JSONParser.parse(Array(buffer[0..<end]), path: path),
            let text = value["at"]?.stringValue
        else { return nil }
        return Timestamp(rfc3339: text)
    }

    /// Makes the current generation the previous one (dropping the older), then removes the
    /// fact values no kept record references. Called with the lock held.
    func rotate(now: Timestamp) throws(FileSystem.Failure) {
        guard rename(path, rotatedPath) == 0 else { throw FileSystem.failure("rotate", path) }
        var kept = DecisionLog.records(in: rotatedPath)
        if let newest = kept.last, now.seconds - newest.at.seconds > settings.maxAgeSeconds {
            unlink(rotatedPath)
            kept = []
        }
        let referenced = Set(kept.flatMap(\.referencedDigests))
        for name in (try? FileSystem.list(factsDirectory)) ?? [] where name.hasSuffix(".json") {
            if !referenced.contains(String(name.dropLast(5))) { unlink(FileSystem.join(factsDirectory, name)) }
        }
    }

    /// Every record of both generations, oldest first (lines that are not records skipped).
    public func records() -> [DecisionRecord] {
        if shared != nil { return sharedRecords(containing: []) }
        return DecisionLog.records(in: rotatedPath) + DecisionLog.records(in: path)
    }

    /// The records of both generations whose line contains one of `needles` (lines without
    /// are not parsed), oldest first.
    public func records(containing needles: [String]) -> [DecisionRecord] {
        if shared != nil { return sharedRecords(containing: needles) }
        let patterns = needles.map { Array($0.utf8) }
        return DecisionLog.records(in: rotatedPath, containing: patterns) + DecisionLog.records(in: path, containing: patterns)
    }

    /// The shared store's records (oldest first) whose line contains one of `needles`.
    func sharedRecords(containing needles: [String]) -> [DecisionRecord] {
        guard let shared else { return [] }
        let lines = SharedStores.must { () throws(CommandFailure) in try shared.decisionLines(goalID: goalID, containing: needles) }
        return lines.compactMap { line in (try? JSONParser.parse(line, path: "loopx_decisions")).flatMap(DecisionRecord.init(json:)) }
    }

    static func records(in path: String, containing patterns: [[UInt8]] = []) -> [DecisionRecord] {
        guard FileSystem.isRegularFile(path), let bytes = try? FileSystem.readBytes(path) else { return [] }
        var records: [DecisionRecord] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            if index > start, patterns.isEmpty || patterns.contains(where: { DecisionLog.contains(bytes[start..<index], $0) }),
                let value = try? JSONParser.parse(Array(bytes[start..<index]), path: path),
                let record = DecisionRecord(json: value)
            {
                records.append(record)
            }
            start = index + 1
        }
        return records
    }

    static func contains(_ line: ArraySlice<UInt8>, _ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first, line.count >= pattern.count else { return false }
        var index = line.startIndex
        let last = line.endIndex - pattern.count
        while index <= last {
            if line[index] == first, line[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }

    /// Obligations issued since `since` that lapsed (status's `obligation_lapses_7d`); reads
    /// only the lines that issue an obligation or report one lapsed.
    public func obligationLapses(since: Timestamp, current: JSONValue) -> Int {
        DecisionHistory(records: records(containing: ["\"issued\":true", "\"lapsed\""])).lapses(since: since, current: current)
    }

    /// A stored fact value.
    public func value(_ digest: String) -> JSONValue? {
        if let shared {
            let bytes = SharedStores.must { () throws(CommandFailure) in try shared.decisionValue(goalID: goalID, digest: digest) }
            return bytes.flatMap { try? JSONParser.parse($0, path: "loopx_fact_values") }
        }
        guard let bytes = try? FileSystem.readBytes(factPath(digest)) else { return nil }
        return try? JSONParser.parse(bytes, path: factPath(digest))
    }

    /// Bytes on disk: both generations and the stored fact values.
    public func diskBytes() -> Int64 {
        var total: Int64 = 0
        var info = stat()
        for file in [path, rotatedPath] where stat(file, &info) == 0 { total += Int64(info.st_size) }
        for name in (try? FileSystem.list(factsDirectory)) ?? [] where stat(FileSystem.join(factsDirectory, name), &info) == 0 {
            total += Int64(info.st_size)
        }
        return total
    }
}
