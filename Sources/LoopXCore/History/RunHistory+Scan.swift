import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A full, tolerant read of an index: every run plus counts of what was skipped.
public struct RunIndexScan: Sendable {
    /// Runs with overlays merged, newest first.
    public var runs: [RunRecord]
    /// Non-blank lines (the original's `raw_count`).
    public var rawCount = 0
    public var blankCount = 0
    /// Non-blank lines that are not JSON objects (including a torn last line and lines over
    /// `RunHistory.maxLineBytes`).
    public var invalidCount = 0
    /// Invalid lines skipped unparsed because they are longer than `RunHistory.maxLineBytes`.
    public var oversizedCount = 0
    /// True when the last line lacks its newline and does not parse (a writer died mid-line).
    public var tornLastLine = false
    /// Rows repeating an earlier identity with a `human_reward` (reward overlays).
    public var overlayRows = 0
    /// Rows repeating an earlier identity without a reward (plain duplicates).
    public var duplicateRows = 0
}

extension RunHistory {
    /// Reads the whole index forwards. Use only when every row matters (checks, repairs);
    /// the common questions use `newest`, `spendEvents` and `recentLessons`.
    public func scanAll() -> RunIndexScan {
        if let shared {
            return RunHistory.scan(rows: SharedStores.must { () throws(CommandFailure) in try shared.allRows(goalID: goalID) })
        }
        var scan = RunIndexScan(runs: [])
        guard let bytes = try? FileSystem.readBytes(indexPath) else { return scan }
        var grouping = RunGrouping()
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            let stop = RunHistory.lineEnd(in: bytes, from: start)
            let unterminated = stop == bytes.count
            defer { start = stop + 1 }
            lineNumber += 1
            if stop - start > RunHistory.maxLineBytes {
                scan.rawCount += 1
                scan.invalidCount += 1
                scan.oversizedCount += 1
                if unterminated { scan.tornLastLine = true }
                continue
            }
            let line = Array(bytes[start..<stop])
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else {
                scan.blankCount += 1
                continue
            }
            scan.rawCount += 1
            guard let row = RunHistory.parse(line) else {
                scan.invalidCount += 1
                if unterminated { scan.tornLastLine = true }
                continue
            }
            grouping.add(row, line: lineNumber, to: &scan)
        }
        grouping.finish(&scan)
        return scan
    }

    /// The scan of rows already parsed (a shared store's, in append order).
    public static func scan(rows list: [JSONObject]) -> RunIndexScan {
        var scan = RunIndexScan(runs: [])
        var grouping = RunGrouping()
        for (index, row) in list.enumerated() {
            scan.rawCount += 1
            grouping.add(row, line: index + 1, to: &scan)
        }
        grouping.finish(&scan)
        return scan
    }

    /// The offset of the first newline at or after `start`, or the end of `bytes`.
    static func lineEnd(in bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < buffer.count,
                let hit = memchr(base + start, 0x0A, buffer.count - start)
            else { return buffer.count }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}

/// Rows grouped into runs by identity, in append order: a run's later rows are its rewards
/// (overlays) or plain duplicates, counted as such. One home for both kinds of scan.
struct RunGrouping {
    private var rows: [RunIdentity: [JSONObject]] = [:]
    private var firstLine: [RunIdentity: Int] = [:]

    mutating func add(_ row: JSONObject, line: Int, to scan: inout RunIndexScan) {
        let identity = RunIdentity(row: row)
        if rows[identity] == nil {
            firstLine[identity] = line
        } else if RunRecord.isOverlay(row) {
            scan.overlayRows += 1
        } else {
            scan.duplicateRows += 1
        }
        rows[identity, default: []].append(row)
    }

    func finish(_ scan: inout RunIndexScan) {
        scan.runs = rows.map { RunRecord(rows: $0.value, firstLine: firstLine[$0.key]) }
        scan.runs.sort(by: RunRecord.newestFirst)
    }
}
