import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The index's record counts (`raw_index_records`, `unique_runs`), kept beside it in
/// `runs/index.count.json` by the appender, so `history` reports them without reading the
/// whole index. The counts name the index size they describe; when the index has another size
/// (written by another tool, edited by hand, or a writer died between its two writes) they
/// are stale, and readers and the next appender count from the index instead.
public struct RunIndexCount: Sendable, Hashable {
    /// The index size in bytes the counts describe.
    public var bytes: Int64
    /// Non-blank index lines, valid or not (the original's `raw_index_records`).
    public var rows: Int64
    /// Distinct runs: rows that are not reward overlays of an earlier run (`unique_runs`).
    public var runs: Int64

    public var json: JSONValue { ["bytes": .int(bytes), "rows": .int(rows), "runs": .int(runs), "schema_version": "loopx_index_count_v1"] }

    init?(json: JSONValue) {
        guard let bytes = json["bytes"]?.intValue, let rows = json["rows"]?.intValue, let runs = json["runs"]?.intValue,
            bytes >= 0, rows >= 0, runs >= 0, runs <= rows
        else { return nil }
        (self.bytes, self.rows, self.runs) = (bytes, rows, runs)
    }

    /// Counts as given (a shared store's counter row has `bytes` 0).
    public init(bytes: Int64, rows: Int64, runs: Int64) {
        (self.bytes, self.rows, self.runs) = (bytes, rows, runs)
    }
}

extension RunHistory {
    public var countPath: String { FileSystem.join(runsDirectory, "index.count.json") }

    /// The counts for the index as it is now: the appender's when they describe the current
    /// size, else counted from the whole index (nil when there is no index).
    public func recordCount() -> (count: RunIndexCount, fromSideFile: Bool)? {
        if let shared {
            let count = SharedStores.must { () throws(CommandFailure) in try shared.counts(goalID: goalID) }
            return count.rows == 0 ? nil : (count, true)
        }
        var info = stat()
        guard stat(indexPath, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int64(info.st_size)
        if let stored = storedCount(), stored.bytes == size { return (stored, true) }
        return (fullCount(size: size), false)
    }

    func storedCount() -> RunIndexCount? {
        guard let bytes = try? FileSystem.readBytes(countPath), let json = try? JSONParser.parse(bytes, path: countPath) else {
            return nil
        }
        return RunIndexCount(json: json)
    }

    func fullCount(size: Int64) -> RunIndexCount {
        let scan = scanAll()
        return RunIndexCount(bytes: size, rows: Int64(scan.rawCount), runs: Int64(scan.runs.count))
    }

    /// Called by `append` while it holds the index lock, after writing `row`: the stored counts
    /// plus one when they described the index before the write, else a full count. The file is
    /// a cache; failing to write it costs only a later full count.
    func updateCount(sizeBefore: Int64, sizeAfter: Int64, row: JSONObject) {
        var count: RunIndexCount
        if let stored = storedCount(), stored.bytes == sizeBefore {
            count = stored
            count.bytes = sizeAfter
            count.rows = count.rows.saturatingAdding(1)
            if !RunRecord.isOverlay(row), count.runs < count.rows { count.runs += 1 }
        } else {
            count = fullCount(size: sizeAfter)
        }
        try? FileSystem.writeAtomically(countPath, text: JSONWriter(sortedKeys: true, pretty: false).string(count.json) + "\n", durable: false)
    }
}
