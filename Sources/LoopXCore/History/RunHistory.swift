import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The run history of one goal: `<goal-dir>/runs/index.jsonl` plus the per-run artifacts.
/// Reading tolerates blank, invalid and torn lines; the common questions read backwards from
/// the end and stop once answered, so their cost does not grow with the file.
/// With a shared store (`shared`), the index rows live there instead (the artifacts stay in
/// `runs/` on the machine that wrote them); every question goes to the store.
public struct RunHistory: Sendable {
    public let goalDirectory: String
    /// The shared store holding the index, nil for the local file.
    public var shared: (any SharedStore)?

    public init(goalDirectory: String, shared: (any SharedStore)? = nil) {
        self.goalDirectory = goalDirectory
        self.shared = shared
    }

    /// The goal id: the goal directory's name.
    public var goalID: String { FileSystem.basename(goalDirectory) }

    public var runsDirectory: String { FileSystem.join(goalDirectory, "runs") }
    public var indexPath: String { FileSystem.join(runsDirectory, "index.jsonl") }
    /// Whether the goal has an index: the local file, or rows in the shared store.
    public var indexExists: Bool {
        guard let shared else { return FileSystem.isRegularFile(indexPath) }
        return SharedStores.must { () throws(CommandFailure) in try shared.counts(goalID: goalID).rows > 0 }
    }

    /// Lines longer than this (1 MiB) are invalid: skipped unparsed and counted as invalid.
    /// A run row is a few hundred bytes; the limit keeps one corrupt line from costing seconds.
    public static let maxLineBytes = 1 << 20

    /// Rows older than the answer that are read before a backwards scan stops, so runs
    /// appended slightly out of order (clock skew, replays) are still found.
    static let stopSlack = 32

    /// The newest `limit` runs, newest first, each with its overlays (rewards) merged in.
    /// With `until`, rows written after that instant are ignored (a replay as of `until`).
    public func newest(limit: Int, until: Timestamp? = nil) -> [RunRecord] { newestScan(limit: limit, until: until).runs }

    /// `newest(limit:until:)` plus the number of index bytes it read.
    func newestScan(limit: Int, until: Timestamp? = nil) -> (runs: [RunRecord], bytesRead: Int64) {
        if let shared {
            guard limit > 0 else { return ([], 0) }
            return (SharedStores.must { () throws(CommandFailure) in try shared.newestRuns(goalID: goalID, limit: limit, until: until) }, 0)
        }
        guard limit > 0, var reader = ReverseLineReader(path: indexPath) else { return ([], 0) }
        var rowsByIdentity: [RunIdentity: [JSONObject]] = [:]
        var order: [RunIdentity: Int] = [:]
        var top: [Timestamp] = []  // the `limit` newest instants seen, descending
        var olderStreak = 0
        var sequence = 0
        while let line = reader.next() {
            guard let row = RunHistory.parse(line.bytes) else { continue }
            let identity = RunIdentity(row: row)
            if let until, let instant = Timestamp(rfc3339: identity.generatedAt), instant > until { continue }
            sequence += 1
            // Rows arrive newest first: the last one seen is the run's first row in the file.
            order[identity] = sequence
            if rowsByIdentity[identity] == nil {
                if let instant = Timestamp(rfc3339: identity.generatedAt) { RunHistory.insert(instant, into: &top, limit: limit) }
            }
            rowsByIdentity[identity, default: []].append(row)
            guard !RunRecord.isOverlay(row) else { continue }
            if top.count == limit, let threshold = top.last, let instant = Timestamp(rfc3339: identity.generatedAt), instant < threshold {
                olderStreak += 1
                if olderStreak >= RunHistory.stopSlack { break }
            } else {
                olderStreak = 0
            }
        }
        var records: [RunRecord] = []
        for (identity, reversedRows) in rowsByIdentity {
            // Rows were collected newest first: merge them in file order. The order key is minus
            // the first row's distance from the end, so of runs with equal instants the later
            // append is newer (`RunRecord.newestFirst`).
            let position = (order[identity] ?? 0)
            records.append(RunRecord(rows: reversedRows.reversed(), firstLine: -position))
        }
        records.sort(by: RunRecord.newestFirst)
        return (Array(records.prefix(limit)), reader.bytesRead)
    }

    /// Spend events (`quota_slot_spent` / `quota_slot_voided` rows, or rows carrying a
    /// `quota_event`) whose `generated_at` lies in `[since, until]`, newest first; a row
    /// repeated in the index counts once.
    public func spendEvents(since: Timestamp, until: Timestamp? = nil) -> [SpendEvent] {
        spendScan(since: since, until: until).events
    }

    /// `spendEvents(since:until:)` plus the number of index bytes it read.
    func spendScan(since: Timestamp, until: Timestamp?) -> (events: [SpendEvent], bytesRead: Int64) {
        if let shared {
            return (SharedStores.must { () throws(CommandFailure) in try shared.spendEvents(goalID: goalID, since: since, until: until) }, 0)
        }
        guard var reader = ReverseLineReader(path: indexPath) else { return ([], 0) }
        var seen = Set<RunIdentity>()
        var events: [SpendEvent] = []
        var olderStreak = 0
        while let line = reader.next() {
            guard let row = RunHistory.parse(line.bytes), !RunRecord.isOverlay(row) else { continue }
            let identity = RunIdentity(row: row)
            guard let instant = Timestamp(rfc3339: identity.generatedAt) else { continue }
            if instant < since {
                olderStreak += 1
                if olderStreak >= RunHistory.stopSlack { break }
                continue
            }
            olderStreak = 0
            if let until, instant > until { continue }
            guard let event = SpendEvent(row: row, instant: instant), seen.insert(identity).inserted else { continue }
            events.append(event)
        }
        return (events, reader.bytesRead)
    }

    /// Lessons recorded with human rewards on the newest `limit` runs, newest run first.
    public func recentLessons(limit: Int) -> [(run: RunRecord, lesson: JSONObject)] {
        newest(limit: limit).compactMap { run in run.lesson.map { (run, $0) } }
    }

    /// Parses one index line into an object; nil for blank, invalid or non-object lines.
    static func parse(_ bytes: [UInt8]) -> JSONObject? {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return nil }
        guard let value = try? JSONParser.parse(bytes, path: "index.jsonl") else { return nil }
        return value.objectValue
    }

    static func insert(_ instant: Timestamp, into top: inout [Timestamp], limit: Int) {
        if top.count == limit, let last = top.last, instant <= last { return }
        var index = top.count
        while index > 0, top[index - 1] < instant { index -= 1 }
        top.insert(instant, at: index)
        if top.count > limit { top.removeLast() }
    }
}
