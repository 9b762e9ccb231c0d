#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outcome of scanning one file's bytes.
public enum FileScanOutcome: Sendable, Equatable {
    /// Text that was scanned, with its findings (possibly none).
    case scanned([BoundaryFinding])
    /// Skipped: a NUL byte in the first 8 KiB.
    case binary
    /// Skipped: not valid UTF-8.
    case notUTF8
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
            case .notUTF8: return .notUTF8
            case .text:
                let hits = LeakMatcher(bytes: buffer, checksPackageRegistry: checksRegistry).hits()
                return .scanned(findings(from: hits, in: buffer, path: path))
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
