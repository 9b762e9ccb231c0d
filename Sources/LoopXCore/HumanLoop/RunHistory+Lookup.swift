import LoopXRules
import LoopXSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RunHistory {
    /// The run whose `generated_at` is exactly `generatedAt`, with its overlays merged. Reads
    /// backwards and parses only lines that mention the timestamp, so an old run is found
    /// without decoding the whole history; the newest-appended run wins when several share it.
    public func run(generatedAt: String) -> RunRecord? {
        if let shared, !generatedAt.isEmpty {
            return SharedStores.must { () throws(CommandFailure) in try shared.run(goalID: goalID, generatedAt: generatedAt) }
        }
        guard !generatedAt.isEmpty, var reader = ReverseLineReader(path: indexPath) else { return nil }
        let needle = Array(generatedAt.utf8)
        var overlays: [RunIdentity: [JSONObject]] = [:]
        while let line = reader.next() {
            guard RunHistory.contains(line.bytes, needle), let row = RunHistory.parse(line.bytes) else { continue }
            let identity = RunIdentity(row: row)
            guard identity.generatedAt == generatedAt else { continue }
            if RunRecord.isOverlay(row) {
                overlays[identity, default: []].append(row)
                continue
            }
            // Overlays were collected newest first; merge them after the base in file order.
            return RunRecord(rows: [row] + (overlays[identity] ?? []).reversed())
        }
        return nil
    }

    /// Visits the index rows whose line contains `text`, newest appended first, until `visit`
    /// returns false; for rare lookups (a void's spend). The local index is read backwards and
    /// only matching lines are parsed; a shared store is asked for the matching rows.
    public func visitRows(mentioning text: String, _ visit: (JSONObject) -> Bool) {
        if let shared {
            for row in SharedStores.must({ () throws(CommandFailure) in try shared.rows(goalID: goalID, mentioning: text) }) where !visit(row) { return }
            return
        }
        guard !text.isEmpty, var reader = ReverseLineReader(path: indexPath) else { return }
        let needle = Array(text.utf8)
        while let line = reader.next() {
            if RunHistory.contains(line.bytes, needle), let row = RunHistory.parse(line.bytes), !visit(row) { return }
        }
    }

    /// Whether `haystack` contains `needle`: memchr finds candidates for the first byte and
    /// memcmp checks them, so long lines are cheap to reject.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard let h = hay.baseAddress, let p = pin.baseAddress else { return false }
                let last = hay.count - pin.count
                var offset = 0
                while offset <= last {
                    guard let hit = memchr(h + offset, Int32(first), last - offset + 1) else { return false }
                    let index = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(h + index, p, pin.count) == 0 { return true }
                    offset = index + 1
                }
                return false
            }
        }
    }
}
