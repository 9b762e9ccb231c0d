#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outcome of scanning one file's bytes.
public enum FileScanOutcome: Sendable, Equatable {
    /// Text that was scanned, with its findings (possibly none) and the number of lines whose
    /// hits were waived by the `loopx-boundary: allow` pragma.
    case scanned([BoundaryFinding], allowed: Int)
    /// Skipped: binary data (a known magic number or mostly control bytes; see `TextDetection`).
    /// Any other encoding is scanned: the rules match bytes.
    case binary
}

/// Runs the leak rules over one file and turns raw hits into line-numbered findings.
public enum FileFindings {
    /// Scans `bytes` as the file shown as `path`; `fileName` decides file-specific rules
    /// (`package-lock.json` resolved URLs).
    public static func scan(_ bytes: [UInt8], path: String, fileName: String) -> FileScanOutcome {
        let checksRegistry = fileName == "package-lock.json" || fileName == "npm-shrinkwrap.json"
        return bytes.withUnsafeBufferPointer { buffer -> FileScanOutcome in
            switch TextDetection.classify(buffer) {
            case .binary: return .binary
            case .text:
                let hits = LeakMatcher(bytes: buffer, checksPackageRegistry: checksRegistry).hits()
                let all = findings(from: hits, in: buffer, path: path)
                guard !all.isEmpty else { return .scanned([], allowed: 0) }
                let waived = pragmaLines(in: buffer, lines: Set(all.map(\.line)))
                let kept = all.filter { !waived.contains($0.line) }
                return .scanned(kept, allowed: all.count - kept.count)
            }
        }
    }

    /// One finding per line and rule; it is an error when any hit on that line is a value,
    /// a note when every hit is only a reference.
    static func findings(from hits: [LeakHit], in buffer: UnsafeBufferPointer<UInt8>, path: String) -> [BoundaryFinding] {
        guard !hits.isEmpty, let base = buffer.baseAddress else { return [] }
        var findings: [BoundaryFinding] = []
        var line = 1
        var counted = 0
        for hit in hits.sorted(by: { $0.offset < $1.offset }) {
            line += newlines(base, from: counted, to: hit.offset)
            counted = hit.offset
            let severity: BoundarySeverity = hit.isReference ? .note : .error
            // Hits come in file order, so a repeat on this line is among the trailing findings.
            var same = findings.count - 1
            while same >= 0, findings[same].line == line, findings[same].rule != hit.rule { same -= 1 }
            if same >= 0, findings[same].line == line {
                if severity < findings[same].severity { findings[same].severity = severity }
                continue
            }
            findings.append(BoundaryFinding(path: path, line: line, rule: hit.rule, severity: severity))
        }
        return findings
    }

    /// The marker that waives every hit on its own line, for text that must name a pattern
    /// (a rule's own source, a test fixture). It is visible in review, unlike a config entry.
    public static let pragma: StaticString = "loopx-boundary: allow"

    /// Of `lines` (1-based), those that carry the pragma.
    static func pragmaLines(in buffer: UnsafeBufferPointer<UInt8>, lines: Set<Int>) -> Set<Int> {
        var waived: Set<Int> = []
        guard let base = buffer.baseAddress else { return waived }
        let length = pragma.utf8CodeUnitCount
        let pattern = pragma.utf8Start
        var line = 1
        var start = 0
        while start <= buffer.count, waived.count < lines.count {
            var end = start
            while end < buffer.count, buffer[end] != 0x0A { end += 1 }
            if lines.contains(line), end - start >= length {
                var offset = start
                while offset + length <= end {
                    if memcmp(base + offset, pattern, length) == 0 {
                        waived.insert(line)
                        break
                    }
                    offset += 1
                }
            }
            if end >= buffer.count { break }
            start = end + 1
            line += 1
        }
        return waived
    }

    /// Counts `\n` bytes in `[from, to)` with memchr.
    private static func newlines(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var cursor = from
        while cursor < to {
            guard let found = memchr(base + cursor, 0x0A, to - cursor) else { break }
            count += 1
            cursor = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }
}
